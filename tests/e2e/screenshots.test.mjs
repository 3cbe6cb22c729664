// Full-page screenshots at phone and desktop widths, saved as artefacts to look at
// (target/e2e/<engine>/page-<width>.png), plus the layout checks a visitor would notice.
import path from 'node:path';
import { equal, ok } from './lib/assert.mjs';
import { waitForDirectory } from './lib/directory.mjs';

const WIDTHS = [390, 1280];

export const tests = WIDTHS.map((width) => ({
  name: `at ${width} px the page fits the screen and is saved as a screenshot`,
  async run({ session, origin, artefacts }) {
    await session.setWindowSize(width, 900);
    await session.get(`${origin}/`);
    await waitForDirectory(session);
    const overflow = await session.exec(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    equal(overflow, 0, 'no horizontal scrolling');
    const columns = await session.exec(() =>
      getComputedStyle(document.querySelector('.member-list')).gridTemplateColumns.split(' ').length);
    ok(columns >= 2, `the member list uses at least two columns (has ${columns})`);
    await session.screenshot(path.join(artefacts, `page-${width}.png`));
  },
}));
