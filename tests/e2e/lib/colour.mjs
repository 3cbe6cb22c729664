// Colour for contrast checks: one definition of WCAG 2 relative luminance and contrast ratio.
// Contrast is measured in the page (computed styles, what is painted behind a point), and a
// function passed to session.exec cannot reach Node modules, so installColour() defines these
// same functions in the page as window.__colour.

/** sRGB channel (0-255) to linear light. */
export function linearChannel(c) {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of [r, g, b] (0-255): https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
export function relativeLuminance([r, g, b]) {
  return 0.2126 * linearChannel(r) + 0.7152 * linearChannel(g) + 0.0722 * linearChannel(b);
}

/** Contrast ratio of two colours, 1 to 21: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio */
export function contrastRatio(a, b) {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** `top` [r, g, b, alpha] painted over the opaque `below`. */
export function over(top, below) {
  return [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
}

export function hex(colour) {
  return `#${colour.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** A CSS colour as [r, g, b, alpha]; rgb()/rgba() anywhere, other syntaxes only in a page. */
export function parseColour(css) {
  const m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : m[5] ? m[4] / 100 : +m[4]];
  // Any other syntax (color(srgb …), oklch(…)): let a canvas convert it to sRGB.
  const ctx = (parseColour.ctx ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true }));
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

const KIT = [linearChannel, relativeLuminance, contrastRatio, over, hex, parseColour];

/** Defines window.__colour (the functions above) in the current document, if not there yet. */
export const installColour = (session) => session.exec(`if (!window.__colour) {
  ${KIT.join('\n')}
  window.__colour = { ${KIT.map((fn) => fn.name).join(', ')} };
}`);
