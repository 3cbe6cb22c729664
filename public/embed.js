// WeProtect Global Alliance member directory: partner loader.
//
//   <script src="https://…/embed.js" async></script>
//   <div data-member-directory data-region="africa"></div>
//
// Turns every such placeholder into a directory: an auto-sized iframe of embed.html (default),
// or, with data-mode="inline", the app itself inside a shadow root. See EMBEDDING.md.
// Dependency-free; defines one global, window.MemberDirectoryEmbed. Safe to include twice.
(function () {
  "use strict";
  if (window.MemberDirectoryEmbed) {
    window.MemberDirectoryEmbed.scan();
    return;
  }

  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);
  var ASSETS = { css: "__MD_CSS__", js: "__MD_JS__", wasm: "__MD_WASM__" };
  // The custom properties a partner may theme, written in by the build (src/embed.rs).
  var THEME_PROPERTIES = "__MD_THEME_PROPERTIES__".split(" ");
  var PLACEHOLDER = "[data-member-directory]:not([data-md-ready])";
  var frames = new Map(); // iframe contentWindow -> { iframe, origin, placeholder, connected, changed }
  // What a partner may change on a started placeholder, and the events it may listen to.
  var LIVE_ATTRIBUTES = ["data-region", "data-q", "data-lang"];
  var EVENTS = {
    "memberdirectory:ready": ["region", "q", "lang", "shown", "total"],
    "memberdirectory:change": ["region", "q", "lang", "shown", "total"],
    "memberdirectory:select": ["code", "name"]
  };
  var app = null;

  function scan() {
    document.querySelectorAll(PLACEHOLDER).forEach(function (el) {
      el.setAttribute("data-md-ready", "");
      if (el.getAttribute("data-mode") === "inline") mountInline(el);
      else mountFrame(el);
    });
  }

  function options(el) {
    var params = new URLSearchParams();
    ["region", "q", "controls", "data", "theme", "lang", "download"].forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value) params.set(name, value);
    });
    if (el.hasAttribute("data-map")) params.set("map", el.getAttribute("data-map") || "1");
    var values = theme(el);
    Object.keys(values).forEach(function (name) {
      if (values[name]) params.set(name, values[name]);
    });
    return params;
  }

  // The partner's theme custom properties as the placeholder has them now.
  function theme(el) {
    var style = getComputedStyle(el);
    var values = {};
    THEME_PROPERTIES.forEach(function (name) {
      values[name] = style.getPropertyValue("--" + name).trim();
    });
    return values;
  }

  // The frame's URL carries the theme as it was when the frame was made, which may be before the
  // partner's stylesheet arrived: the frame gets it again once it is there.
  function sendTheme(frame) {
    post(frame, { type: "member-directory:theme", values: theme(frame.placeholder) });
  }

  function mountFrame(el) {
    var sandboxed = el.hasAttribute("data-sandbox");
    var iframe = document.createElement("iframe");
    iframe.src = new URL("embed.html?" + options(el), base).href;
    iframe.title = el.getAttribute("data-title") || "Member governments of WeProtect Global Alliance";
    // Lazy unless the page says the directory is needed at once (data-loading="eager"): WebKit
    // may never load a lazy frame inside a scrolling panel, such as the builder's preview.
    iframe.loading = el.getAttribute("data-loading") === "eager" ? "eager" : "lazy";
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    if (sandboxed) iframe.setAttribute("sandbox", "allow-scripts allow-popups allow-downloads");
    iframe.style.display = "block";
    iframe.style.width = "100%";
    iframe.style.height = "40rem";
    iframe.style.border = "0";
    el.replaceChildren(iframe);
    // A sandboxed frame without allow-same-origin has an opaque origin, which posts as "null".
    var frame = { iframe: iframe, origin: sandboxed ? "null" : base.origin, placeholder: el, connected: false, changed: false };
    frames.set(iframe.contentWindow, frame);
    follow(el, function () {
      if (frame.connected) post(frame, view(el));
      else frame.changed = true;
    });
  }

  // Calls `changed` when the partner changes the view's attributes of a started placeholder.
  function follow(el, changed) {
    new MutationObserver(changed).observe(el, { attributes: true, attributeFilter: LIVE_ATTRIBUTES });
  }

  function view(el) {
    return {
      type: "member-directory:set",
      region: el.getAttribute("data-region"),
      q: el.getAttribute("data-q"),
      lang: el.getAttribute("data-lang")
    };
  }

  function post(frame, message) {
    frame.iframe.contentWindow.postMessage(message, frame.origin === "null" ? "*" : frame.origin);
  }

  window.addEventListener("message", function (event) {
    var frame = frames.get(event.source);
    if (!frame || event.origin !== frame.origin) return;
    var data = event.data;
    if (!data) return;
    if (data.type === "member-directory:hello") {
      frame.connected = true;
      post(frame, { type: "member-directory:connect" });
      if (frame.changed) post(frame, view(frame.placeholder));
      sendTheme(frame);
      return;
    }
    if (data.type === "member-directory:event") {
      var fields = Object.prototype.hasOwnProperty.call(EVENTS, data.name) && EVENTS[data.name];
      if (!fields || !data.detail || typeof data.detail !== "object") return;
      var detail = {};
      fields.forEach(function (name) { detail[name] = data.detail[name]; });
      frame.placeholder.dispatchEvent(new CustomEvent(data.name, { detail: detail, bubbles: true }));
      return;
    }
    if (data.type !== "member-directory:height") return;
    var height = Number(data.height);
    if (!Number.isFinite(height) || height < 0 || height > 100000) return;
    frame.iframe.style.height = Math.ceil(height) + "px";
  });

  function loadApp() {
    if (!app) {
      app = import(new URL(ASSETS.js, base).href).then(function (module) {
        return module.default({ module_or_path: new URL(ASSETS.wasm, base).href }).then(function () {
          return module;
        });
      });
    }
    return app;
  }

  function mountInline(el) {
    var shadow = el.shadowRoot || el.attachShadow({ mode: "open" });
    var stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = new URL(ASSETS.css, base).href;
    var directory = document.createElement("div");
    directory.className = "member-directory";
    ["region", "q", "controls", "theme", "lang", "map", "download"].forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value !== null) directory.setAttribute("data-" + name, value);
    });
    // Language files and the map live beside embed.js, not on the partner's site.
    directory.setAttribute("data-i18n", new URL("i18n/", base).href);
    directory.setAttribute("data-map-src", new URL("map.svg", base).href);
    directory.setAttribute("data-member-directory", "");
    directory.setAttribute("data-url-state", "off");
    // A partner's own data-src is relative to their page; the default list lives beside embed.js.
    var src = el.getAttribute("data-src");
    directory.setAttribute("data-src", src ? new URL(src, document.baseURI).href : new URL("members.json", base).href);
    shadow.replaceChildren(stylesheet, directory);
    // The app follows its own element: copy the partner's change there, then say so.
    follow(el, function () {
      LIVE_ATTRIBUTES.forEach(function (name) {
        var value = el.getAttribute(name);
        if (value === null) directory.removeAttribute(name);
        else directory.setAttribute(name, value);
      });
      directory.dispatchEvent(new Event("memberdirectory:set", { bubbles: true, composed: true }));
    });
    loadApp().then(
      function (module) { module.mountInto(directory); },
      function (error) {
        var note = document.createElement("p");
        note.className = "directory__start-failed";
        note.textContent = "The member directory could not be loaded.";
        directory.replaceChildren(note);
        console.error("member directory: could not start", error);
      }
    );
  }

  window.addEventListener("load", function () {
    frames.forEach(function (frame) {
      if (frame.connected) sendTheme(frame);
    });
  });

  window.MemberDirectoryEmbed = Object.freeze({ scan: scan });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
  // Placeholders added later (single-page apps, CMS widgets) are picked up as they appear.
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].addedNodes.length) { scan(); return; }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
