// Partners' self-service (issue #16): the embed builder, the events a host page receives, and a
// host page changing a started embed. The partner's page is served on an origin of its own.
import { deepEqual, equal, eventually, ok } from './lib/assert.mjs';
import { formatViolations, wcagViolations } from './lib/axe.mjs';
import { startServer } from './lib/server.mjs';
import { chooseRegion, codesIn } from './lib/directory.mjs';
import { frameState, inlineCodes, waitForFrame, withPartner } from './lib/partner.mjs';

/** The partner example's on-screen event log, oldest first: {target, name, detail}. */
const eventLog = (session) => session.exec(() => [...document.querySelectorAll('#event-log li')].reverse()
  .map((li) => ({ target: li.dataset.target, name: li.dataset.name, detail: JSON.parse(li.dataset.detail) })));

/** The last event `name` from the placeholder `target`, once it has one matching `expected`. */
async function lastEvent(session, target, name, expected) {
  let last;
  await eventually(async () => {
    last = (await eventLog(session)).filter((e) => e.target === target && e.name === name).at(-1);
    deepEqual(last?.detail, expected, `${target}: the last ${name} event`);
  }, 10_000);
  return last;
}

/** A member's card inside an inline embed, as an element WebDriver can click. */
const inlineCard = (session, id, code) => session.exec((id, code) =>
  document.getElementById(id).shadowRoot.querySelector(`li[data-code="${code}"]`), id, code);

/** Waits until the inline embed `id` has started. */
const waitForInline = (session, id) => session.waitFor(() => session.exec((id) =>
  document.getElementById(id).shadowRoot?.querySelector('[data-ready] li[data-code]') != null, id),
{ timeout: 20_000, message: `${id}: the inline directory` });

/**
 * Brings every iframe embed of the page near the screen and waits until each has loaded, taken
 * its height and started (its ready event): a frame with a region first shows the build's whole
 * list, then shrinks when its app starts, and would move what a test is about to click.
 */
async function loadEveryFrame(session) {
  const ids = await session.exec(() => [...document.querySelectorAll('[data-member-directory]:not([data-mode="inline"])')].map((el) => el.id));
  for (const id of ids) {
    // Scrolled to again on every look: a frame above that takes its height meanwhile can push
    // this one out of view before the browser decides to load it.
    await session.waitFor(() => session.exec((id) => {
      document.getElementById(id).scrollIntoView();
      return document.querySelector(`#${id} iframe`)?.style.height.endsWith('px');
    }, id), { timeout: 20_000, message: `${id}: the frame to load` });
  }
  await session.waitFor(async () => {
    const started = new Set((await eventLog(session)).filter((e) => e.name === 'ready').map((e) => e.target));
    return ids.every((id) => started.has(id));
  }, { timeout: 20_000, message: 'every frame\'s ready event' });
}

/** The builder's form, filled in as a partner would: by clicking and typing. */
async function configure(session, { mode, region, controls, lang, accent, title }) {
  await (await session.find(`#mode-${mode}`)).click();
  await session.exec((region, lang) => {
    for (const [id, value] of [['region', region], ['lang', lang]]) {
      const select = document.getElementById(id);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, region, lang);
  await (await session.find(`#controls-${controls}`)).click();
  await (await session.find('#download')).click();
  await (await session.find('.builder__theme summary')).click();
  await (await session.find('#md-color-accent')).click();
  await session.keys(accent);
  await (await session.find('#title')).click();
  await session.keys(title);
}

export const tests = [
  {
    name: 'builder: no WCAG 2.2 A/AA violations, and usable on a 390 px screen without sideways scrolling',
    async run({ session, origin, server }) {
      await session.get(`${origin}/embed-builder.html?region=africa&mode=inline&md-color-accent=%23006d5b`);
      await session.waitFor(() => session.exec(() => document.querySelector('#builder-preview [data-member-directory]')
        ?.shadowRoot?.querySelector('[data-ready] li[data-code]') != null), { timeout: 20_000, message: 'the inline preview' });
      const violations = await wcagViolations(session);
      equal(violations.length, 0, `axe found WCAG violations:\n${formatViolations(violations)}`);
      // Firefox and WebKitGTK windows stop shrinking at about 450-500 px: a 390 px frame instead.
      server.setFault('/builder-390.html', {
        body: '<!doctype html><html lang="en"><title>390 px</title><iframe src="/embed-builder.html?map=1" width="390" height="844" title="The embed builder at 390 px"></iframe>',
        contentType: 'text/html; charset=utf-8',
      });
      await session.get(`${origin}/builder-390.html`);
      await session.switchToFrame(await session.find('iframe'));
      await session.waitFind('#builder-snippet', { timeout: 10_000 });
      const layout = await session.exec(() => {
        const form = document.getElementById('builder-form').getBoundingClientRect();
        const preview = document.getElementById('builder-preview').getBoundingClientRect();
        return {
          viewport: window.innerWidth,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          stacked: preview.top >= form.bottom,
          snippetFits: document.getElementById('builder-snippet').closest('pre').getBoundingClientRect().right <= window.innerWidth,
        };
      });
      deepEqual(layout, { viewport: 390, overflow: 0, stacked: true, snippetFits: true });
    },
  },
  ...['iframe', 'inline'].map((mode) => ({
    name: `builder: the snippet for a ${mode} embed, pasted into a blank page on another origin, shows the preview's members`,
    async run({ session, origin, server }) {
      server.setHeaders({ 'Access-Control-Allow-Origin': '*' });
      await session.get(`${origin}/`);
      await (await session.find('a[href="embed-builder.html"]')).click();
      await session.waitFind('#builder-snippet', { timeout: 10_000 });
      const choices = { mode, region: 'asia', controls: 'search', lang: 'fr', accent: '#006d5b', title: 'Nos membres en Asie' };
      await configure(session, choices);
      const snippet = await session.exec(() => document.getElementById('builder-snippet').textContent);
      for (const part of ['data-region="asia"', 'data-controls="search"', 'data-lang="fr"', 'data-download="off"', '--md-color-accent: #006d5b', `${origin}/embed.js`]) {
        ok(snippet.includes(part), `the snippet has ${part}:\n${snippet}`);
      }
      equal(snippet.includes('data-mode="inline"'), mode === 'inline');
      // The builder's address keeps the choices: a colleague opening it sees the same snippet.
      const address = await session.url();
      // The preview, read from the builder's page (the preview iframe is on its origin).
      const preview = async () => {
        const read = () => session.exec((mode) => {
          const placeholder = document.querySelector('#builder-preview [data-member-directory]');
          const root = mode === 'inline' ? placeholder?.shadowRoot : placeholder?.querySelector('iframe')?.contentDocument;
          if (!root?.querySelector('[data-ready] li[data-code]')) return null;
          return {
            codes: [...root.querySelectorAll('li[data-code]')].filter((li) => li.getClientRects().length).map((li) => li.dataset.code).sort(),
            lang: root.querySelector('.directory').lang,
            downloads: root.querySelector('[data-export]')?.getClientRects().length ?? 0,
            title: placeholder.querySelector('iframe')?.title ?? null,
          };
        }, mode);
        await session.waitFor(read, { timeout: 20_000, message: 'the preview' });
        return read();
      };
      // The preview follows the form a moment after the last change: region and language
      // change in place at once, the title and downloads with a new embed 250 ms later.
      let shown;
      await eventually(async () => {
        shown = await preview();
        deepEqual(shown, {
          codes: codesIn('Asia'),
          lang: 'fr',
          downloads: 0,
          title: mode === 'iframe' ? choices.title : null,
        }, 'the preview shows the members in Asia, in French, without downloads, with the title');
      }, 20_000);

      await session.get(address);
      await session.waitFind('#builder-snippet', { timeout: 10_000 });
      equal(await session.exec(() => document.getElementById('builder-snippet').textContent), snippet, 'the builder\'s address restores the choices');

      const blank = await startServer({ root: '/nonexistent' });
      try {
        blank.setFault('/', { body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>A partner</title><body>\n${snippet}\n</body></html>`, contentType: 'text/html; charset=utf-8' });
        await session.get(`${blank.origin}/`);
        let pasted;
        if (mode === 'inline') {
          await session.waitFor(() => session.exec(() => document.querySelector('[data-member-directory]')
            ?.shadowRoot?.querySelector('[data-ready] li[data-code]') != null), { timeout: 20_000, message: 'the pasted inline embed' });
          pasted = await session.exec(() => [...document.querySelector('[data-member-directory]').shadowRoot.querySelectorAll('li[data-code]')]
            .filter((li) => li.getClientRects().length).map((li) => li.dataset.code).sort());
        } else {
          const frame = await session.waitFind('[data-member-directory] iframe', { timeout: 20_000 });
          // Into the frame once its page has loaded (it reports its height): WebKit's driver
          // can hang on a frame switched to while it navigates.
          await session.waitFor(() => session.exec((f) => f.style.height.endsWith('px'), frame),
            { timeout: 20_000, message: 'the pasted iframe to load' });
          await session.switchToFrame(frame);
          await session.waitFor(() => session.exec(() => document.querySelector('[data-member-directory][data-ready]') !== null),
            { timeout: 20_000, message: 'the pasted iframe embed' });
          pasted = (await frameState(session)).codes;
        }
        deepEqual(pasted, shown.codes, 'the pasted snippet shows the same members as the preview');
      } finally {
        await blank.close();
      }
    },
  })),
  {
    name: 'events: ready, change and select reach the host page with their details, from an iframe and inline',
    timeout: 90_000,
    run: withPartner(async ({ session, site }) => {
      await session.get(`${site.origin}/`);
      await loadEveryFrame(session);
      // Inline: search, then choose a card.
      await waitForInline(session, 'inline-europe');
      await lastEvent(session, 'inline-europe', 'ready', { region: 'europe', q: '', lang: 'en', shown: codesIn('Europe').length, total: 103 });
      await session.exec(() => document.getElementById('inline-europe').shadowRoot.querySelector('input[type=search]').focus());
      await session.keys('germ');
      await lastEvent(session, 'inline-europe', 'change', { region: 'europe', q: 'germ', lang: 'en', shown: 1, total: 103 });
      await (await inlineCard(session, 'inline-europe', 'DE')).click();
      await lastEvent(session, 'inline-europe', 'select', { code: 'DE', name: 'Germany' });
      // Inline, on the map (in French): a country chosen with the keyboard.
      await session.exec(() => document.getElementById('inline-french-map').scrollIntoView());
      await session.waitFor(() => session.exec(() => document.getElementById('inline-french-map').shadowRoot
        ?.querySelector('.world-map svg [data-code="KE"][data-target]') != null), { timeout: 20_000, message: 'the inline map' });
      await session.exec(() => document.getElementById('inline-french-map').shadowRoot
        .querySelector('.world-map svg [data-code="KE"][data-target]').focus());
      await session.keys('Enter');
      await lastEvent(session, 'inline-french-map', 'select', { code: 'KE', name: 'Kenya' });
      // Iframe: choose a region, then a card.
      await waitForFrame(session, 'frame-africa');
      await chooseRegion(session, 'Oceania');
      await eventually(async () => deepEqual((await frameState(session)).codes, codesIn('Oceania')));
      await (await session.find('li[data-code="AU"]')).click();
      await session.switchToFrame(null);
      await lastEvent(session, 'frame-africa', 'ready', { region: 'africa', q: '', lang: 'en', shown: codesIn('Africa').length, total: 103 });
      await lastEvent(session, 'frame-africa', 'change', { region: 'oceania', q: '', lang: 'en', shown: codesIn('Oceania').length, total: 103 });
      await lastEvent(session, 'frame-africa', 'select', { code: 'AU', name: 'Australia' });
    }),
  },
  {
    name: 'the host page changes a started embed by setting data-region, data-q or data-lang, in both modes',
    timeout: 90_000,
    run: withPartner(async ({ session, site }) => {
      await session.get(`${site.origin}/`);
      await loadEveryFrame(session);
      await waitForInline(session, 'inline-europe');
      await (await session.find('[data-show-region="asia"]')).click();
      await eventually(async () => deepEqual(await inlineCodes(session, 'inline-europe'), codesIn('Asia')), 10_000);
      await lastEvent(session, 'inline-europe', 'change', { region: 'asia', q: '', lang: 'en', shown: codesIn('Asia').length, total: 103 });
      await session.exec(() => document.getElementById('inline-europe').setAttribute('data-lang', 'fr'));
      await lastEvent(session, 'inline-europe', 'change', { region: 'asia', q: '', lang: 'fr', shown: codesIn('Asia').length, total: 103 });

      await waitForFrame(session, 'frame-africa');
      await session.switchToFrame(null);
      await session.exec(() => {
        const el = document.getElementById('frame-africa');
        el.setAttribute('data-region', 'europe');
        el.setAttribute('data-q', 'united');
      });
      await lastEvent(session, 'frame-africa', 'change', { region: 'europe', q: 'united', lang: 'en', shown: 1, total: 103 });
      await waitForFrame(session, 'frame-africa');
      deepEqual((await frameState(session)).codes, ['GB'], 'the iframe shows what the host asked for');
      equal(await session.exec(() => document.querySelector('input[type=search]').value), 'united');
    }),
  },
  {
    name: 'forged messages from another window change nothing',
    run: withPartner(async ({ session, site }) => {
      await session.get(`${site.origin}/`);
      const frame = await waitForFrame(session, 'frame-africa');
      await session.switchToFrame(null);
      // Another window on the partner's page (an ad, say) posts what the embed and the loader
      // would post, to the page and to the directory's frame.
      await session.exec(() => {
        const intruder = document.createElement('iframe');
        intruder.srcdoc = `<script>
          parent.postMessage({ type: "member-directory:event", name: "memberdirectory:select", detail: { code: "XX", name: "Forged" } }, "*");
          parent.postMessage({ type: "member-directory:height", height: 3 }, "*");
          parent.postMessage({ type: "member-directory:hello" }, "*");
          const directory = parent.document.querySelector("#frame-africa iframe").contentWindow;
          directory.postMessage({ type: "member-directory:connect" }, "*");
          directory.postMessage({ type: "member-directory:set", region: "oceania", q: null, lang: null }, "*");
          document.title = "sent";
        </script>`;
        document.body.append(intruder);
      });
      await session.waitFor(() => session.exec(() => document.querySelector('iframe[srcdoc]').contentDocument?.title === 'sent'),
        { timeout: 5000, message: 'the intruder to post' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // (Other embeds may still report becoming ready meanwhile.)
      deepEqual((await eventLog(session)).filter((e) => e.name !== 'ready'), [], 'no forged event reached the page');
      // (Its own page may still resize it as it settles, never to the forged 3 px.)
      ok(!/height: 3px/.test(await frame.attr('style')), `the frame was not resized by the forged message: ${await frame.attr('style')}`);
      await waitForFrame(session, 'frame-africa');
      deepEqual((await frameState(session)).codes, codesIn('Africa'), 'the directory still shows Africa');
    }),
  },
];
