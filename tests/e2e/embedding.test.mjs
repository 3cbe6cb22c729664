// Partner embeds: examples/partner/ served on its own origin, the directory from dist/ on
// another, through the real loader (embed.js), as a partner would deploy it.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deepEqual, equal, eventually, match, notEqual, ok } from './lib/assert.mjs';
import { frameState, inlineCodes, waitForFrame, withPartner } from './lib/partner.mjs';
import { codesIn } from './lib/directory.mjs';

export const tests = [
  {
    name: 'iframe embeds show the right members, sized to their content without inner scrolling',
    run: withPartner(async ({ session, site }) => {
      await session.setWindowSize(1280, 900);
      await session.get(`${site.origin}/`);
      const frame = await waitForFrame(session, 'frame-africa');
      let inside = await frameState(session);
      deepEqual(inside.codes, codesIn('Africa'));
      await session.switchToFrame(null);
      const title = await frame.attr('title');
      match(title, /Member governments/);
      equal(await frame.attr('loading'), 'lazy');
      await eventually(async () => {
        const height = (await frame.rect()).height;
        await session.switchToFrame(frame);
        inside = await frameState(session);
        await session.switchToFrame(null);
        ok(!inside.scrolls, 'no inner scrollbar');
        ok(Math.abs(height - inside.contentHeight) <= 1, `iframe ${height}px vs content ${inside.contentHeight}px`);
      }, 10_000);

      // The height follows the filter.
      const before = (await frame.rect()).height;
      await session.switchToFrame(frame);
      const labels = await session.findAll('.region-filter label');
      for (const label of labels) if ((await label.text()).startsWith('Oceania')) await label.click();
      await eventually(async () => deepEqual((await frameState(session)).codes, codesIn('Oceania')));
      const content = (await frameState(session)).contentHeight;
      await session.switchToFrame(null);
      await eventually(async () => {
        const after = (await frame.rect()).height;
        ok(after < before, `shrinks with fewer members (${before} -> ${after})`);
        ok(Math.abs(after - content) <= 1, `iframe ${after}px vs content ${content}px`);
      }, 10_000);

      const all = await waitForFrame(session, 'frame-all');
      equal((await frameState(session)).codes.length, 103);
      await session.switchToFrame(null);
      ok(all, 'second iframe embed');
    }),
  },
  {
    name: "an iframe embed takes its height once, even asked for another view or styled late: the partner's page does not jump when the frame's app starts",
    run: withPartner(async ({ session, site, origin, server }) => {
      // The frames' stylesheet arrives late, as on a slow network: WebKit runs the frame's
      // script, and may start its app, before it is applied.
      const embedPage = await (await fetch(`${origin}/embed.html`)).text();
      const stylesheet = embedPage.match(/<link rel="stylesheet" href="\.(\/[^"]+)"/)[1];
      server.setFault(stylesheet, { delayMs: 1500 });
      await session.get(`${site.origin}/about.html`);
      const views = {
        region: { 'data-region': 'africa' },
        map: { 'data-region': 'asia', 'data-map': '', 'data-lang': 'fr', 'data-controls': 'search' },
        plain: {},
      };
      // Every height the loader gives each frame, recorded from before the loader runs.
      await session.exec((embedOrigin, views) => {
        window.heights = {};
        window.started = [];
        for (const [id, attributes] of Object.entries(views)) {
          const holder = document.createElement('div');
          holder.id = id;
          holder.setAttribute('data-member-directory', '');
          holder.setAttribute('data-loading', 'eager');
          for (const [name, value] of Object.entries(attributes)) holder.setAttribute(name, value);
          holder.addEventListener('memberdirectory:ready', () => window.started.push(id));
          window.heights[id] = [];
          new MutationObserver(() => {
            const height = holder.querySelector('iframe')?.style.height;
            if (height && height !== window.heights[id].at(-1)) window.heights[id].push(height);
          }).observe(holder, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
          document.body.append(holder);
        }
        const loader = document.createElement('script');
        loader.src = `${embedOrigin}/embed.js`;
        document.head.append(loader);
      }, origin, views);
      const loaded = Date.now();
      await session.waitFor(() => session.exec(() => window.started.length === 3
        && Object.values(window.heights).every((heights) => heights.length >= 2)),
      { timeout: 20_000, message: 'the three frames to start and take a height' });
      // Anything the frames would still change after starting and taking their style has a
      // moment to arrive.
      await sleep(Math.max(1000, loaded + 2500 - Date.now()));
      const heights = await session.exec(() => window.heights);
      for (const id of Object.keys(views)) {
        equal(heights[id].length, 2, `${id}: the placeholder's height, then the content's once: ${heights[id]}`);
        const frame = await session.find(`#${id} iframe`);
        await session.switchToFrame(frame);
        const { contentHeight, scrolls } = await frameState(session);
        await session.switchToFrame(null);
        ok(!scrolls && Math.abs(parseFloat(heights[id][1]) - contentHeight) <= 1, `${id}: sized to its content (${heights[id][1]} vs ${contentHeight}px)`);
      }
    }),
  },
  {
    name: 'inline embeds filter independently and the partner CSS does not reach them',
    run: withPartner(async ({ session, site }) => {
      await session.get(`${site.origin}/`);
      await eventually(async () => deepEqual(await inlineCodes(session, 'inline-europe'), codesIn('Europe')), 20_000);
      await eventually(async () => equal((await inlineCodes(session, 'inline-search'))?.length, 103), 20_000);
      const hasRegionFilter = await session.exec(() =>
        document.getElementById('inline-search').shadowRoot.querySelector('.region-filter') !== null);
      equal(hasRegionFilter, false, 'controls=search hides the region filter');

      // Search in one; the other does not move.
      await session.exec(() => {
        const input = document.getElementById('inline-search').shadowRoot.querySelector('input[type=search]');
        input.focus();
      });
      const active = await session.exec(() => document.getElementById('inline-search').shadowRoot.activeElement?.type);
      equal(active, 'search');
      await session.keys('malta');
      await eventually(async () => deepEqual(await inlineCodes(session, 'inline-search'), ['MT']));
      deepEqual(await inlineCodes(session, 'inline-europe'), codesIn('Europe'));
      equal(new URL(await session.url()).search, '', 'the host page URL is untouched');

      const look = await session.exec(() => {
        const root = document.getElementById('inline-europe').shadowRoot;
        const li = getComputedStyle(root.querySelector('li[data-code]'));
        const list = getComputedStyle(root.querySelector('ul'));
        const partnerLi = getComputedStyle(document.querySelector('.partner-list li'));
        const themed = getComputedStyle(document.getElementById('inline-search').shadowRoot.querySelector('.member'));
        return {
          liColor: li.color, liSize: li.fontSize, liTransform: li.textTransform, listStyle: list.listStyleType,
          font: li.fontFamily, partnerColor: partnerLi.color, themedBorder: themed.borderInlineStartColor,
          themedRadius: themed.borderTopLeftRadius,
        };
      });
      equal(look.partnerColor, 'rgb(128, 0, 128)', "the partner's own list keeps its style");
      notEqual(look.liColor, 'rgb(128, 0, 128)', 'partner li colour does not leak in');
      notEqual(look.liSize, '24px');
      equal(look.liTransform, 'none');
      equal(look.listStyle, 'none');
      match(look.font, /Comic/, 'inline mode takes the partner font');
      equal(look.themedBorder, 'rgb(138, 28, 124)', 'the partner accent colour is honoured');
      equal(look.themedRadius, '0px', 'the partner radius is honoured');
    }),
  },
  {
    name: "the partner's own links still navigate and the loader can be included twice",
    run: withPartner(async ({ session, site }) => {
      await session.get(`${site.origin}/`);
      await eventually(async () => equal((await inlineCodes(session, 'inline-europe'))?.length, codesIn('Europe').length), 20_000);
      equal(await session.exec(() => document.querySelectorAll('#frame-africa iframe').length), 1, 'one iframe, not two');
      equal(await session.exec(() => Object.keys(window).filter((k) => /member/i.test(k)).join()), 'MemberDirectoryEmbed');
      // A placeholder added after the page loaded becomes an embed too.
      await session.exec(() => {
        const late = document.createElement('div');
        late.id = 'late';
        late.setAttribute('data-member-directory', '');
        late.setAttribute('data-region', 'americas');
        document.querySelector('main').append(late);
      });
      await waitForFrame(session, 'late');
      deepEqual((await frameState(session)).codes, codesIn('Americas'));
      await session.switchToFrame(null);
      await (await session.find('#partner-link')).click();
      await session.waitFor(async () => (await session.title()) === 'About the hotline', { message: 'partner link navigates' });
    }, { includeLoaderTwice: true }),
  },
  {
    name: 'a postMessage from a foreign window does not resize an embed',
    run: withPartner(async ({ session, site }) => {
      await session.get(`${site.origin}/`);
      const frame = await waitForFrame(session, 'frame-africa');
      const content = (await frameState(session)).contentHeight;
      await session.switchToFrame(null);
      // Settled: the loader has already sized the frame to its content.
      await eventually(async () => ok(Math.abs((await frame.rect()).height - content) <= 1), 10_000);
      const before = (await frame.rect()).height;
      await session.exec(() => {
        window.postMessage({ type: 'member-directory:height', height: 5 }, '*');
        const foreign = document.createElement('iframe');
        foreign.srcdoc = "<script>parent.postMessage({type:'member-directory:height',height:7},'*')</script>";
        document.body.append(foreign);
      });
      await new Promise((r) => setTimeout(r, 1000));
      equal((await frame.rect()).height, before);
    }),
  },
  {
    name: 'the embed page works, styled, in a sandboxed iframe with an opaque origin',
    run: withPartner(async ({ session, site, origin }) => {
      await session.get(`${site.origin}/about.html`);
      await session.exec((embedOrigin) => {
        const holder = document.createElement('div');
        holder.id = 'sandboxed';
        holder.setAttribute('data-member-directory', '');
        holder.setAttribute('data-sandbox', '');
        holder.setAttribute('data-region', 'oceania');
        document.body.append(holder);
        const loader = document.createElement('script');
        loader.src = `${embedOrigin}/embed.js`;
        document.head.append(loader);
      }, origin);
      const frame = await waitForFrame(session, 'sandboxed');
      deepEqual((await frameState(session)).codes, codesIn('Oceania'));
      // Its stylesheet is requested with CORS: an opaque origin cannot check the integrity of a
      // no-cors response, and the page would show unstyled.
      const font = await session.exec(() => getComputedStyle(document.body).fontFamily);
      match(font, /^system-ui/, 'the directory is styled');
      const content = (await frameState(session)).contentHeight;
      await session.switchToFrame(null);
      equal(await frame.attr('sandbox'), 'allow-scripts allow-popups allow-downloads');
      await eventually(async () => {
        const height = (await frame.rect()).height;
        ok(Math.abs(height - content) <= 1, `sized from the opaque origin's messages: ${height} vs ${content}`);
      }, 10_000);
    }),
  },
  {
    name: 'the embed ignores a data source that the deployment does not allow',
    run: withPartner(async ({ session, site, origin }) => {
      site.setFault('/forged.json', {
        body: JSON.stringify({ version: 1, members: [{ name: 'Forgedland', code: 'FX', region: 'Asia' }] }),
        contentType: 'application/json',
      });
      const forged = encodeURIComponent(`${site.origin}/forged.json`);
      await session.get(`${origin}/embed.html?region=asia&data=${forged}`);
      await session.waitFor(() => session.exec(() => document.querySelector('[data-member-directory][data-ready]') !== null),
        { timeout: 20_000, message: 'the embed directory' });
      await eventually(async () => deepEqual((await frameState(session)).codes, codesIn('Asia')));
      equal(site.getRequestCount('/forged.json'), 0, 'the forged list is never fetched');
    }),
  },
  {
    name: 'the partner example is saved as a screenshot of both modes',
    run: withPartner(async ({ session, site, artefacts }) => {
      await session.setWindowSize(1100, 900);
      await session.get(`${site.origin}/`);
      await waitForFrame(session, 'frame-africa');
      await session.switchToFrame(null);
      await waitForFrame(session, 'frame-all');
      await session.switchToFrame(null);
      await eventually(async () => equal((await inlineCodes(session, 'inline-search'))?.length, 103), 20_000);
      await session.exec(() => window.scrollTo(0, 0));
      await session.screenshot(path.join(artefacts, 'partner.png'));
    }),
  },
];

tests.push({
  name: 'embeds in another language with the map: inline French and an Arabic iframe, the host page untouched',
  run: withPartner(async ({ session, site }) => {
    await session.get(`${site.origin}/`);
    const inline = () => session.exec(() => {
      const host = document.getElementById('inline-french-map');
      host.scrollIntoView({ block: 'center' });
      const root = host.shadowRoot;
      const directory = root?.querySelector('.directory');
      const map = root?.querySelector('.world-map');
      return directory && {
        lang: directory.lang,
        germany: root.querySelector('li[data-code="DE"] .member__name')?.textContent,
        kenya: root.querySelector('li[data-code="KE"] .member__name')?.textContent,
        legend: root.querySelector('legend')?.textContent,
        map: map?.dataset.state,
        highlighted: [...root.querySelectorAll('.world-map svg [data-target][data-match="true"]')].map((e) => e.dataset.code).sort(),
      };
    });
    await eventually(async () => {
      const state = await inline();
      ok(state && state.map === 'shown' && state.highlighted.length > 0, `inline French embed ready: ${JSON.stringify(state)}`);
    }, 20_000);
    const state = await inline();
    equal(state.lang, 'fr');
    equal(state.germany, 'Allemagne');
    equal(state.legend, 'Région');
    deepEqual(state.highlighted, codesIn('Africa'));
    equal(await session.exec(() => document.documentElement.lang), 'en', 'the partner page keeps its own language');
    equal(await session.exec(() => document.documentElement.dir), '', 'and its own direction');
    equal(new URL(await session.url()).search, '', 'the host page URL is untouched');

    const frame = await waitForFrame(session, 'frame-arabic-map');
    // The map loads when it nears the visitor's screen, and in a cross-origin frame that is the
    // host page's viewport alone: scroll the host page to it, as a visitor would.
    const mapTop = await session.exec(() => document.querySelector('.world-map').getBoundingClientRect().top);
    await session.switchToFrame(null);
    await session.exec((el, top) => window.scrollBy(0, el.getBoundingClientRect().top + top - 100), frame, mapTop);
    await session.switchToFrame(frame);
    await session.waitFor(() => session.exec(() => document.querySelector('.world-map')?.dataset.state === 'shown'),
      { timeout: 20_000, message: 'the map inside the Arabic iframe' });
    // The frame grows to fit the map once it has arrived.
    await eventually(async () => deepEqual(await session.exec(() => ({
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
    })), { dir: 'rtl', lang: 'ar', scrolls: false }), 10_000);
    await session.switchToFrame(null);
    ok(frame);
  }),
});
