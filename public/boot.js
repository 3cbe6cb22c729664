// Starts the WebAssembly app. It is an external module, not Trunk's inline loader, so the page
// runs under a Content-Security-Policy without 'unsafe-inline'. If the app cannot start (old
// browser, WebAssembly blocked), the build-time page and member list stay readable and a note
// says why the filters are missing.
const script = document.querySelector("script[data-wasm][data-js]");

try {
  const { default: init } = await import(script.dataset.js);
  await init({ module_or_path: script.dataset.wasm });
} catch (error) {
  for (const placeholder of document.querySelectorAll("[data-member-directory]")) {
    if (placeholder.querySelector(".directory__start-failed")) continue;
    const note = document.createElement("p");
    note.className = "directory__start-failed";
    note.textContent =
      placeholder.dataset.startFailed ||
      "The search and region filters could not start in this browser. The full member list is shown below.";
    placeholder.prepend(note);
  }
  console.error("member directory: could not start", error);
}
