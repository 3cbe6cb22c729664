// The practical floor for the directory's filters: the same JSON, list markup and controls as
// the app, filtered by toggling `hidden`, with nothing but the DOM.
const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'];

const root = document.querySelector('[data-member-directory]');
const options = root.querySelector('.region-filter__options');
const search = root.querySelector('.search__input');
const status = root.querySelector('.directory__status');
const list = root.querySelector('.member-list');

const fold = (text) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019]/g, "'").toLowerCase().trim();

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text != null) el.textContent = text;
  return el;
}

function memberItem(member) {
  const li = element('li', 'member');
  li.dataset.code = member.code;
  const name = element('span', 'member__name', member.name);
  name.dir = 'auto';
  // As the app writes it: region, then the most specific area ("Asia · Western Asia").
  const area = member.intermediateRegion ?? member.subRegion;
  li.append(name, element('span', 'member__area', area && area !== member.region ? `${member.region} · ${area}` : member.region));
  return li;
}

function regionChip(value, label, count, checked) {
  const chip = element('label', 'chip');
  const input = element('input', 'chip__input');
  Object.assign(input, { type: 'radio', name: 'vd-region', value, checked });
  const face = element('span', 'chip__face');
  face.append(element('span', 'chip__name', label), ' ', element('span', 'chip__count', String(count)));
  chip.append(input, face);
  return chip;
}

function render(members) {
  const items = members.map((member) => ({
    member,
    region: member.region.toLowerCase(),
    haystack: fold([member.name, ...(member.aliases ?? []), member.code].join('\n')),
    li: memberItem(member),
  }));
  list.replaceChildren(...items.map((item) => item.li));
  const counts = REGIONS.map((r) => [r, members.filter((m) => m.region === r).length]).filter(([, n]) => n > 0);
  options.replaceChildren(
    regionChip('all', 'All', members.length, true),
    ...counts.map(([r, n]) => regionChip(r.toLowerCase(), r, n, false)),
  );
  return items;
}

function applyFilter(items) {
  const region = options.querySelector('input:checked')?.value ?? 'all';
  const needle = fold(search.value);
  let shown = 0;
  for (const item of items) {
    const visible = (region === 'all' || item.region === region) && item.haystack.includes(needle);
    if (item.li.hidden === visible) item.li.hidden = !visible;
    if (visible) shown++;
  }
  list.hidden = shown === 0;
  status.textContent = `${shown} of ${items.length} members`;
}

const response = await fetch(root.dataset.src);
const { members } = await response.json();
members.sort((a, b) => fold(a.sortName).localeCompare(fold(b.sortName)) || a.code.localeCompare(b.code));
const items = render(members);
applyFilter(items);
options.addEventListener('change', () => applyFilter(items));
search.addEventListener('input', () => applyFilter(items));
