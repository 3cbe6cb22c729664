// What a visitor does with the directory, in WebDriver terms: wait for it, read it, use it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shipped member list, as the tests' source of expected values. */
export const MEMBERS = JSON.parse(readFileSync(path.join(projectRoot, 'public/members.json'), 'utf8')).members;

export const codesIn = (region) => MEMBERS.filter((m) => !region || m.region === region).map((m) => m.code).sort();

/** Waits until the app has taken over and shows its region filter. */
export async function waitForDirectory(session, { timeout = 20_000 } = {}) {
  await session.waitFor(
    () => session.exec(() => document.querySelector('[data-member-directory] input[type=radio]') !== null),
    { timeout, message: 'the directory filters to appear' },
  );
}

/** Codes of the members a visitor can see, sorted. */
export const visibleCodes = (session) =>
  session.exec(() =>
    [...document.querySelectorAll('[data-member-directory] li[data-code]')]
      .filter((li) => li.getClientRects().length > 0)
      .map((li) => li.dataset.code)
      .sort());

/** Visible member names, in the order shown. */
export const visibleNames = (session) =>
  session.exec(() =>
    [...document.querySelectorAll('[data-member-directory] li[data-code]')]
      .filter((li) => li.getClientRects().length > 0)
      .map((li) => li.querySelector('.member__name').textContent));

/** The live status line. */
export const statusText = async (session) => (await session.find('[data-member-directory] [role=status]')).text();

/** The radio button whose label starts with `name` ("Africa", "All"). */
export async function regionControl(session, name) {
  const labels = await session.findAll('[data-member-directory] fieldset label');
  for (const label of labels) {
    if ((await label.text()).trim().startsWith(name)) return label;
  }
  throw new Error(`no region control labelled ${name}`);
}

export async function chooseRegion(session, name) {
  await (await regionControl(session, name)).click();
}

/** The search box, found by its label as a visitor would. */
export async function searchBox(session) {
  const label = await session.findByText('Search by country name', { tag: 'label' });
  return session.find(`#${await label.attr('for')}`);
}

export async function search(session, text) {
  const box = await searchBox(session);
  await box.clear();
  if (text) await box.sendKeys(text);
}
