// Stylelint for the styles in style/: tools/node_modules/.bin/stylelint "style/**/*.css"
// The packages live in tools/node_modules (exactly pinned in tools/package.json), which bare
// names from the repository root do not reach, hence the path.
import { fileURLToPath } from 'node:url';

export default {
  extends: [fileURLToPath(new URL('./tools/node_modules/stylelint-config-standard/index.js', import.meta.url))],
  rules: {
    // Our class names are BEM: block, __element and --modifier, each part kebab-case
    // (`.world-map__key-count`, `.button--secondary`); the standard pattern allows kebab-case only.
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$',
      { message: (selector) => `Expected class selector "${selector}" to be BEM: block__element--modifier, each part kebab-case` },
    ],
    // The rule expects an autoprefixer to add prefixes; we ship none, and iOS Safari reads only
    // -webkit-text-size-adjust.
    'property-no-vendor-prefix': [true, { ignoreProperties: ['-webkit-text-size-adjust'] }],
  },
};
