// ESLint for every JavaScript file in the repository: tools/node_modules/.bin/eslint .
// The packages live in tools/node_modules (exactly pinned in tools/package.json), which bare
// imports from the repository root do not reach, hence the paths.
import js from './tools/node_modules/@eslint/js/src/index.js';
import globals from './tools/node_modules/globals/index.js';

export default [
  { ignores: ['dist/', 'target/', 'tools/node_modules/', '**/node_modules/'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // Tests, the bench and the docs screenshots hand functions to WebDriver that run in the
    // page, so both sets apply.
    files: ['tests/e2e/**/*.mjs', 'bench/**/*.mjs', 'scripts/docs-screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Loaded by the pages: boot.js and the builder's script as modules, embed.js as a classic
    // script on partner pages, partner.js as a module on the sample partner page.
    files: ['public/**/*.js', 'bench/**/*.js', 'examples/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['public/embed.js'],
    languageOptions: { sourceType: 'script' },
  },
];
