// Starts the WebAssembly app on the alliance's own pages (index.html, embed.html).
//
// It is an external module, not Trunk's inline loader, so the pages run under a
// Content-Security-Policy without 'unsafe-inline'. If the app cannot start (old browser,
// WebAssembly blocked), the build-time page and member list stay readable and a note says why
// the filters are missing.
const script = document.querySelector("script[data-wasm][data-js]");
const root = document.documentElement;

// Custom properties a partner may set (see EMBEDDING.md); the iframe receives them as
// query parameters because CSS does not cross the frame boundary.
const THEME_PROPERTIES = [
  "md-color-accent", "md-color-text", "md-color-bg", "md-color-surface",
  "md-font-family", "md-radius",
];
// A colour, a length or a font list: nothing that could load a resource or break out.
const SAFE_VALUE = /^[\w\s#%.,'"()+-]{1,120}$/;

if (root.hasAttribute("data-embed")) {
  const params = new URLSearchParams(location.search);
  const theme = params.get("theme");
  if (theme === "dark" || theme === "light") root.dataset.theme = theme;
  for (const name of THEME_PROPERTIES) {
    const value = params.get(name);
    if (value && SAFE_VALUE.test(value) && !/url\s*\(/i.test(value)) {
      root.style.setProperty(`--${name}`, value);
    }
  }
  // Report the content height so the partner's loader can size the iframe: no inner scrollbar.
  // Only sizing data crosses to the parent; any origin may know how tall the list is.
  if (window.parent !== window) {
    let last = 0;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: "member-directory:height", height }, "*");
      }
    };
    new ResizeObserver(report).observe(document.body);
    report();
  }
}

// Trunk puts Subresource Integrity hashes on the preload links; the wasm is fetched with its
// hash so a tampered file is refused, and the module's preload carries its own.
const integrity = (href) =>
  [...document.querySelectorAll("link[integrity]")].find((link) => link.getAttribute("href") === href)?.integrity ?? "";

// The page is complete without the app: let the browser paint it first, so the app's start-up
// never delays what the visitor sees (a hidden or throttled frame waits at most 100 ms).
const painted = () => new Promise((resolve) => {
  setTimeout(resolve, 100);
  requestAnimationFrame(() => setTimeout(resolve, 0));
});

try {
  await painted();
  const app = await import(script.dataset.js);
  const wasm = fetch(script.dataset.wasm, { integrity: integrity(script.dataset.wasm), credentials: "same-origin" });
  await app.default({ module_or_path: wasm });
  app.mountAll();
} catch (error) {
  for (const placeholder of document.querySelectorAll("[data-member-directory]")) {
    if (placeholder.querySelector(".directory__start-failed")) continue;
    const note = document.createElement("p");
    note.className = "directory__start-failed";
    note.setAttribute("role", "alert");
    note.textContent =
      "The search and region filters could not start in this browser. The full member list is shown below.";
    placeholder.prepend(note);
  }
  console.error("member directory: could not start", error);
}
