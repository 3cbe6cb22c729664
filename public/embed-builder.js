// The embed builder (embed-builder.html): a form whose choices become a partner's placeholder.
// The preview is that very placeholder, started by the real loader (embed.js) on this page; the
// snippet is the same placeholder as text; the page's address keeps the choices.

const form = document.getElementById("builder-form");
const preview = document.getElementById("builder-preview");
const snippet = document.getElementById("builder-snippet");
const copyButton = document.getElementById("builder-copy");
const status = document.getElementById("builder-status");
const loaderUrl = new URL("embed.js", document.baseURI).href;

// The custom properties a partner may theme (src/embed.rs THEME_PROPERTIES), as form fields.
const THEME_PROPERTIES = ["md-color-accent", "md-color-text", "md-color-bg", "md-color-surface", "md-font-family", "md-radius"];
// What the iframe accepts (public/boot.js): nothing that could load a resource or break out.
const SAFE_VALUE = /^[\w\s#%.,'"()+-]{1,120}$/;
// Placeholder attributes the loader follows on a started embed; any other change starts anew.
const LIVE = ["data-region", "data-q", "data-lang"];

/** The form's choices as named values (defaults left out), in a stable order. */
function choices() {
  const data = new FormData(form);
  const chosen = new URLSearchParams();
  const keep = (name, value, byDefault = "") => {
    if (value !== byDefault) chosen.set(name, value);
  };
  keep("mode", data.get("mode"), "iframe");
  keep("region", data.get("region"));
  keep("controls", data.get("controls"), "all");
  keep("q", data.get("q").trim());
  keep("lang", data.get("lang"));
  keep("map", data.has("map") ? "1" : "");
  keep("download", data.has("download") ? "" : "off");
  keep("theme", data.get("theme"));
  for (const name of THEME_PROPERTIES) {
    const value = data.get(name).trim();
    if (SAFE_VALUE.test(value) && !/url\s*\(/i.test(value)) chosen.set(name, value);
  }
  keep("title", data.get("title").trim());
  return chosen;
}

/** Fills the form from the page's address (a builder someone sent). */
function restore(params) {
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name);
    if (!field) continue;
    if (field instanceof RadioNodeList) {
      for (const radio of field) radio.checked = radio.value === value;
    } else if (field.type === "checkbox") {
      field.checked = value !== "off" && value !== "0";
    } else {
      field.value = value;
    }
  }
  if (THEME_PROPERTIES.some((name) => params.has(name))) form.querySelector(".builder__theme").open = true;
}

/** The placeholder's attributes for these choices, in the order the snippet shows them. */
function attributes(chosen) {
  const attrs = [["data-member-directory", ""]];
  for (const [name, value] of chosen) {
    if (THEME_PROPERTIES.includes(name)) continue;
    attrs.push([`data-${name}`, value]);
  }
  return attrs;
}

/** The partner's custom properties, as a style attribute's text. */
function themeStyle(chosen) {
  return THEME_PROPERTIES.filter((name) => chosen.has(name)).map((name) => `--${name}: ${chosen.get(name)};`).join(" ");
}

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function snippetText(chosen) {
  const attrs = attributes(chosen).map(([name, value]) => (value === "" && name !== "data-title" ? name : `${name}="${escapeHtml(value)}"`));
  const style = themeStyle(chosen);
  if (style) attrs.push(`style="${escapeHtml(style)}"`);
  return `<div ${attrs.join("\n     ")}></div>\n<script src="${loaderUrl}" async></script>`;
}

let shown = null; // the choices the preview was started with

/** A new placeholder for the preview, in a stand-in for the partner's page (which keeps this
 * page's own theme tokens from reaching it): the loader starts it as it appears. */
function mount(chosen) {
  const page = document.createElement("div");
  page.className = "builder__partner-page";
  const placeholder = document.createElement("div");
  for (const [name, value] of attributes(chosen)) placeholder.setAttribute(name, value);
  for (const name of THEME_PROPERTIES) {
    if (chosen.has(name)) placeholder.style.setProperty(`--${name}`, chosen.get(name));
  }
  // In view from the start, in a panel that scrolls, where WebKit may never load a lazy frame.
  placeholder.setAttribute("data-loading", "eager");
  page.append(placeholder);
  preview.replaceChildren(page);
}

/** Region, search and language change in place (as a partner's page may change them); anything
 * else starts a new embed. */
function updatePreview(chosen) {
  const placeholder = preview.querySelector("[data-member-directory]");
  const differs = (params, name) => (params.get(name) ?? null) !== (chosen.get(name) ?? null);
  const others = new Set([...chosen.keys(), ...(shown?.keys() ?? [])]);
  const onlyLive = placeholder && shown && [...others].every((name) => LIVE.includes(`data-${name}`) || !differs(shown, name));
  if (onlyLive) {
    for (const name of LIVE) {
      const key = name.slice(5);
      if (!differs(shown, key)) continue;
      if (chosen.has(key)) placeholder.setAttribute(name, chosen.get(key));
      else placeholder.removeAttribute(name);
    }
  } else {
    mount(chosen);
  }
  shown = chosen;
}

// The preview follows a moment after the last change, so typing a title or a colour does not
// start a new embed per keystroke.
const PREVIEW_DELAY_MS = 250;
let pending = 0;

function update() {
  const chosen = choices();
  snippet.textContent = snippetText(chosen);
  clearTimeout(pending);
  pending = setTimeout(() => updatePreview(chosen), shown ? PREVIEW_DELAY_MS : 0);
  const address = new URL(location.href);
  address.search = chosen.toString();
  history.replaceState(null, "", address);
  status.textContent = "";
}

copyButton.addEventListener("click", async () => {
  status.textContent = "";
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = "Code copied. Paste it into your page.";
  } catch {
    // The clipboard is refused: select the code for the visitor to copy.
    getSelection().selectAllChildren(snippet);
    snippet.closest("pre").focus();
    status.textContent = "Copying is not allowed here. The code is selected: copy it with your keyboard or menu.";
  }
});

restore(new URLSearchParams(location.search));
form.addEventListener("input", update);
form.addEventListener("change", update);
form.addEventListener("submit", (event) => event.preventDefault());
update();
