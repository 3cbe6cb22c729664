// Starts the WebAssembly app on the alliance's own pages (index.html, embed.html).
//
// It is an external module, not Trunk's inline loader, so the pages run under a
// Content-Security-Policy without 'unsafe-inline'. If the app cannot start (old browser,
// WebAssembly blocked), the build-time page and member list stay readable and a note says why
// the filters are missing.
const script = document.querySelector("script[data-wasm][data-js]");
const root = document.documentElement;

// Custom properties a partner may set (see EMBEDDING.md); the iframe receives them as
// query parameters because CSS does not cross the frame boundary. The build writes their names
// into embed.html (from src/embed.rs, as into embed.js).
const THEME_PROPERTIES = root.dataset.themeProperties?.split(" ") ?? [];
// The options of embed.html's address that change what the frame shows (src/embed.rs
// URL_PARAMS), written into the page by the build.
const VIEW_OPTIONS = root.dataset.viewOptions?.split(" ") ?? [];
// Settles when the app has started and shown its view, has failed to start, or is late.
let settleStart;
const started = new Promise((resolve) => {
  settleStart = resolve;
  document.addEventListener("memberdirectory:ready", () => resolve(), { once: true });
  setTimeout(resolve, 10_000);
});
// A colour, a length or a font list: nothing that could load a resource or break out.
const SAFE_VALUE = /^[\w\s#%.,'"()+-]{1,120}$/;

// Sets the partner's theme properties that are safe, and clears the others.
const applyTheme = (values) => {
  for (const name of THEME_PROPERTIES) {
    const value = values[name];
    if (typeof value === "string" && SAFE_VALUE.test(value) && !/url\s*\(/i.test(value)) {
      root.style.setProperty(`--${name}`, value);
    } else {
      root.style.removeProperty(`--${name}`);
    }
  }
};

if (root.hasAttribute("data-embed")) {
  const params = new URLSearchParams(location.search);
  const theme = params.get("theme");
  if (theme === "dark" || theme === "light") root.dataset.theme = theme;
  applyTheme(Object.fromEntries(params));
  // Report the content height so the partner's loader can size the iframe: no inner scrollbar.
  // Only sizing data crosses to the parent; any origin may know how tall the list is.
  if (window.parent !== window) {
    let last = 0;
    // The build's page shows every member with every control. A frame asked for another view
    // (a region, fewer controls, the map...) changes height when its app starts, so it reports
    // from then on: the partner's page moves once, not twice, and not by the whole list.
    let shown = !VIEW_OPTIONS.some((name) => params.has(name));
    // Either way it waits for the page's stylesheet: WebKit runs this script, and may start the
    // app, while a slow stylesheet is still on its way, and the unstyled page has another height.
    // A stylesheet that never comes is given up on after a while.
    const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')];
    let waitedLong = false;
    const report = () => {
      if (!shown || !(waitedLong || stylesheets.every((link) => link.sheet))) return;
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: "member-directory:height", height }, "*");
      }
    };
    started.then(() => {
      shown = true;
      report();
    });
    for (const link of stylesheets) link.addEventListener("load", report);
    setTimeout(() => {
      waitedLong = true;
      report();
    }, 10_000);
    new ResizeObserver(report).observe(document.body);

    // The directory's events for the partner's page, through its loader (embed.js): the frame
    // says hello to any parent; the loader answers from its own origin, and from then on the
    // events go to that origin alone, and only the parent window may change the view.
    let host = null;
    const waiting = [];
    const send = (message) => window.parent.postMessage(message, host);
    const relay = (event) => {
      const message = { type: "member-directory:event", name: event.type, detail: event.detail };
      if (host) send(message);
      else waiting.push(message);
    };
    for (const name of ["ready", "change", "select"]) document.addEventListener(`memberdirectory:${name}`, relay);
    window.addEventListener("message", (event) => {
      const data = event.data;
      if (event.source !== window.parent || !data) return;
      if (data.type === "member-directory:connect" && !host) {
        // An opaque origin (a sandboxed partner page) cannot be named as a target.
        host = event.origin === "null" ? "*" : event.origin;
        waiting.splice(0).forEach(send);
      } else if (data.type === "member-directory:set" && host && (host === "*" || event.origin === host)) {
        const directory = document.querySelector("[data-member-directory]");
        for (const name of ["region", "q", "lang"]) {
          if (typeof data[name] === "string") directory.setAttribute(`data-${name}`, data[name]);
          else directory.removeAttribute(`data-${name}`);
        }
        directory.dispatchEvent(new Event("memberdirectory:set", { bubbles: true }));
      } else if (data.type === "member-directory:theme" && host && (host === "*" || event.origin === host) && data.values) {
        applyTheme(data.values);
      }
    });
    window.parent.postMessage({ type: "member-directory:hello" }, "*");
  }
}

// The page is complete without the app: it waits until the browser has shown the page (its
// first contentful paint), so the app's code never competes with it for bandwidth or time. A
// frame that never paints (hidden, or throttled off screen) starts the app after 300 ms.
const painted = () => new Promise((resolve) => {
  setTimeout(resolve, 300);
  if (!("PerformanceObserver" in window) || !PerformanceObserver.supportedEntryTypes?.includes("paint")) return;
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length) {
      observer.disconnect();
      resolve();
    }
  }).observe({ type: "paint", buffered: true });
});

try {
  await painted();
  // Only now is the app's code requested, checked against the Subresource Integrity hashes the
  // build wrote on this script: a tampered file is refused. The glue is fetched with its hash
  // before it is imported (import() takes no hash, and WebKit ignores a modulepreload's); the
  // import is then served from the HTTP cache, where hashed files live for a year.
  const { js, wasm: wasmUrl, jsIntegrity = "", wasmIntegrity = "" } = script.dataset;
  const checked = (url, integrity) => fetch(url, { integrity, credentials: "same-origin" });
  const wasm = checked(wasmUrl, wasmIntegrity);
  const glue = await checked(js, jsIntegrity);
  if (!glue.ok) throw new Error(`${js}: HTTP ${glue.status}`);
  const app = await import(js);
  await app.default({ module_or_path: wasm });
  // Instantiating the module and taking the page over are separate tasks, so neither blocks
  // input for long on a slow phone.
  await new Promise((resolve) => setTimeout(resolve));
  app.mountAll();
} catch (error) {
  settleStart();
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
