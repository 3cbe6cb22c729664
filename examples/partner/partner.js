// What a partner's own script might do with the directory's events: here, list them on screen.
// A real site might send them to its analytics instead, for example:
//   el.addEventListener("memberdirectory:select", (e) => analytics.track("member", e.detail.code));
const log = document.getElementById("event-log");
const MAX_ENTRIES = 30;

for (const name of ["memberdirectory:ready", "memberdirectory:change", "memberdirectory:select"]) {
  document.addEventListener(name, (event) => {
    const entry = document.createElement("li");
    const kind = name.slice("memberdirectory:".length);
    entry.dataset.target = event.target.id;
    entry.dataset.name = kind;
    entry.dataset.detail = JSON.stringify(event.detail);
    const where = document.createElement("strong");
    where.textContent = event.target.id;
    const detail = document.createElement("code");
    detail.textContent = entry.dataset.detail;
    entry.append(where, ` ${kind} `, detail);
    log.prepend(entry);
    while (log.children.length > MAX_ENTRIES) log.lastElementChild.remove();
  });
}

// The page can change a started directory too: the buttons below set data-region.
for (const button of document.querySelectorAll("[data-show-region]")) {
  button.addEventListener("click", () => {
    document.getElementById("inline-europe").setAttribute("data-region", button.dataset.showRegion);
  });
}
