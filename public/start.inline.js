// Inlined into index.html by scripts/inline-start.mjs (not shipped as a file of its own; the
// Content-Security-Policy in _headers names its hash). It asks for boot.js only once the page
// has painted, so nothing but the HTML and its stylesheet stands between a visitor and the
// first paint, and PageSpeed Insights does not count the loader against it. A frame that never
// paints (hidden, or throttled off screen) asks after 300 ms.
const starter = document.querySelector("script[data-boot]");
let started = false;
const start = () => {
  if (started) return;
  started = true;
  const boot = document.createElement("script");
  boot.type = "module";
  boot.src = starter.dataset.boot;
  document.head.append(boot);
};
setTimeout(start, 300);
if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes?.includes("paint")) {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length) {
      observer.disconnect();
      start();
    }
  }).observe({ type: "paint", buffered: true });
}
