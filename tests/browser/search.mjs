// The site search used as a newcomer uses it: a golden set of queries per language, each with the
// records it must (or must not) find, the search without JavaScript, the header field on a phone.
//   node search.mjs --site DIR [--screenshots DIR]      the sample site: golden queries
//   node search.mjs --site DIR --bench [--lang L]       any site: the search files' sizes, what a
//                                                       query downloads, and query times
// Prints one line per check and "search: N passed, M failed"; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { ARGS, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const arg = (name) => { const i = process.argv.indexOf(`--${name}`); return i < 0 ? null : (process.argv[i + 1] ?? true); };
const site = arg('site');
const shots = arg('screenshots');
const bench = process.argv.includes('--bench');
const only = arg('lang');

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++; else failed++;
  console.log(`search: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// [language, query, route that must be among the results (null: none may be), route that must not be]
const GOLDEN = [
  ['de', 'Fuehrerschein', 'offers/fuehrerschein-theorie.html'],
  ['de', 'Führerschein', 'offers/fuehrerschein-theorie.html'],
  ['de', 'FÜHRERSCHEIN', 'offers/fuehrerschein-theorie.html'],
  ['de', 'Jobc', 'contacts/jobcenter-integration.html'],
  ['de', 'schein theorie', 'offers/fuehrerschein-theorie.html'],
  ['de', 'xylophonwerkstatt', null],
  ['ar', 'Jobcenter', 'contacts/jobcenter-integration.html'],
  ['ar', 'Führerschein', 'offers/fuehrerschein-theorie.html'],
  ['ar', 'رخصة القيادة', 'offers/fuehrerschein-theorie.html'],
  ['ar', 'رُخْصَة', 'offers/fuehrerschein-theorie.html'],
  ['fa', 'گواهینامه', 'offers/fuehrerschein-theorie.html'],
  // Typed with a space for the zero-width non-joiner: its parts are in the index too.
  ['fa', 'حرفه های فنی', 'offers/berufsorientierung-werkstatttage.html'],
  ['fa', 'Jobcenter', 'contacts/jobcenter-integration.html'],
  ['uk', 'їзди', 'offers/fuehrerschein-theorie.html'],
  ['uk', 'ізди', null, 'offers/fuehrerschein-theorie.html'],
  ['ru', 'учёба', 'offers/fuehrerschein-theorie.html'],
  ['ru', 'учеба', 'offers/fuehrerschein-theorie.html'],
  ['ru', 'УЧЁБА', 'offers/fuehrerschein-theorie.html'],
  ['tr', 'ehliyet', 'offers/fuehrerschein-theorie.html'],
  ['tr', 'EHLİYET', 'offers/fuehrerschein-theorie.html'],
];
// Spellings that must find exactly the same records: [language, one, other].
const SAME = [
  ['ar', 'كتاب', 'کتاب'],
  ['ar', 'مكتبة', 'مکتبة'],
  ['ar', 'الأطفال', 'الاطفال'],
  ['fa', 'حرفه‌های', 'حرفههای'],
  ['fa', 'می‌گیرید', 'میگیرید'],
  ['fa', 'کودکان', 'كودكان'],
  ['fa', 'ی', 'ي'],
  ['de', 'Führerschein', 'Fuehrerschein'],
  ['de', 'Schüler', 'Schueler'],
  ['de', 'SCHÜLER', 'schüler'],
  ['ru', 'учёба', 'учеба'],
];

async function query(page, lang, q, all = true) {
  return page.evaluate(([q, all]) => window.lotseSearch(q, all), [q, all]);
}

async function open(browser, origin, lang, options = {}) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, ...options });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/${lang}/search/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.lotseSearch === 'function');
  page.errors = errors;
  return page;
}

async function golden(browser, origin) {
  const pages = {};
  const pageOf = async (lang) => (pages[lang] ??= await open(browser, origin, lang));
  for (const [lang, q, must, mustNot] of GOLDEN) {
    const r = await query(await pageOf(lang), lang, q);
    if (must) check(r.routes.includes(must), `${lang}: "${q}" finds ${must} (${r.count}: ${r.titles.slice(0, 3).join(' | ')})`);
    else if (mustNot) check(!r.routes.includes(mustNot), `${lang}: "${q}" does not find ${mustNot} (${r.count})`);
    else check(r.count === 0, `${lang}: "${q}" finds nothing (${r.count})`);
  }
  for (const [lang, a, b] of SAME) {
    const page = await pageOf(lang);
    const ra = await query(page, lang, a), rb = await query(page, lang, b);
    check(ra.count > 0 && ra.routes.join() === rb.routes.join(),
      `${lang}: "${a}" and "${b}" find the same ${ra.count} records (${rb.count})`);
  }
  // Titles rank above text: the record titled "Führerschein…" comes first.
  const first = await query(await pageOf('de'), 'de', 'Führerschein');
  check(first.routes[0] === 'offers/fuehrerschein-theorie.html', `de: the title match comes first (${first.routes[0]})`);
  // What a screen reader hears, and what a visitor sees.
  const de = await pageOf('de');
  await query(de, 'de', 'Fuehrerschein');
  const status = await de.textContent('#search-status');
  check(/^\d+ Treffer$/.test(status), `de: the live status counts the results: "${status}"`);
  check(await de.getAttribute('#search-status', 'aria-live') === 'polite', 'de: the status is aria-live');
  const result = await de.$eval('#search-results li', (li) => ({
    kind: li.querySelector('.result-kind')?.textContent, title: li.querySelector('a')?.textContent,
    href: li.querySelector('a')?.getAttribute('href'), line: li.querySelector('p')?.textContent }));
  check(result.kind === 'Angebot' && result.title === 'Führerschein-Theorie mit einfacher Sprache' &&
    result.href === '../offers/fuehrerschein-theorie.html' && result.line.startsWith('Sie lernen die Fachwörter'),
    `de: a result shows kind, title as a link and one line: ${JSON.stringify(result)}`);
  // Ten results at first, and a button that shows the next ten.
  const many = await query(de, 'de', 'e', false);
  const shown = async () => de.$$eval('#search-results li', (lis) => lis.length);
  const first10 = await shown();
  const moreVisible = await de.isVisible('#search-more');
  check(many.count > 20 && first10 === 10 && moreVisible,
    `de: "e" shows 10 of its ${many.count} results and the button for more (${first10}, ${moreVisible})`);
  await de.click('#search-more');
  await de.waitForFunction(() => document.querySelectorAll('#search-results li').length > 10);
  check(await shown() === 20 && await de.textContent('#search-more') === 'Weitere Treffer',
    `de: "Weitere Treffer" shows the next ten (${await shown()})`);
  await query(de, 'de', 'Fuehrerschein', false);
  check(await de.isHidden('#search-more'), 'de: no button when every result shows');
  await typing(browser, origin);
  for (const [lang, page] of Object.entries(pages)) check(page.errors.length === 0, `${lang}: no script error (${page.errors.join('; ')})`);
}

// Typing searches from the second letter: one letter loads no shard and shows nothing; Enter
// searches it all the same.
async function typing(browser, origin) {
  const page = await open(browser, origin, 'fa');
  const shards = [];
  page.on('request', (r) => { if (/\/search\/(words|infix)-\d+\.json/.test(r.url())) shards.push(r.url()); });
  await page.type('#search-q', 'ک');
  await page.waitForTimeout(500);
  const one = await page.$$eval('#search-results li', (lis) => lis.length);
  check(shards.length === 0 && one === 0, `fa: one typed letter loads no shard and shows no result (${shards.length} shards, ${one} results)`);
  await page.type('#search-q', 'ت');
  await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => null);
  const two = await page.$$eval('#search-results li', (lis) => lis.length);
  check(shards.length > 0 && two > 0, `fa: the second letter searches (${shards.length} shards, ${two} results)`);
  await page.fill('#search-q', '');
  await page.type('#search-q', 'ک');
  await page.waitForTimeout(300);
  const cleared = await page.$$eval('#search-results li', (lis) => lis.length);
  check(cleared === 0, `fa: back to one letter, the results of two are gone (${cleared})`);
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => null);
  const entered = await page.$$eval('#search-results li', (lis) => lis.length);
  check(entered > 0, `fa: Enter searches one letter (${entered} results)`);
  check(page.errors.length === 0, `fa: no script error while typing (${page.errors.join('; ')})`);
  await page.close();
}

// The header field on every page: a GET form to the search page, also without JavaScript.
async function withoutScript(browser, origin) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${origin}/ar/index.html`, { waitUntil: 'load' });
  await page.fill('#header-search-q', 'Jobcenter');
  await Promise.all([page.waitForNavigation(), page.press('#header-search-q', 'Enter')]);
  const url = new URL(page.url());
  check(url.pathname === '/ar/search/index.html' && url.searchParams.get('q') === 'Jobcenter',
    `ar: the header field sends the words to the search page without JavaScript (${url.pathname}${url.search})`);
  const az = await page.$eval('.search-browse a', (a) => a.getAttribute('href')).catch(() => null);
  check(az === '../a-z/index.html', `ar: without JavaScript the search page leads to the A–Z (${az})`);
  await context.close();
  // With JavaScript, the landing page shows the results of the words sent.
  const js = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await js.goto(`${origin}/de/index.html`, { waitUntil: 'load' });
  await js.fill('#header-search-q', 'Fuehrerschein');
  await Promise.all([js.waitForNavigation(), js.press('#header-search-q', 'Enter')]);
  await js.waitForSelector('#search-results li');
  const titles = await js.$$eval('#search-results li a', (as) => as.map((a) => a.textContent));
  check(titles[0] === 'Führerschein-Theorie mit einfacher Sprache', `de: the search page shows the results of ?q= (${titles[0]})`);
  check(await js.inputValue('#search-q') === 'Fuehrerschein', 'de: and the field keeps the words');
  await js.close();
}

// The header on a 390 px phone: the field and its button in one row inside the screen.
async function phoneHeader(browser, origin) {
  for (const lang of ['ar', 'de']) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${origin}/${lang}/index.html`, { waitUntil: 'load' });
    const m = await page.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const input = box('#header-search-q'), button = box('.header-search button');
      return { scroll: document.documentElement.scrollWidth, input, button,
        inputLeft: input.left, inputRight: input.right, buttonLeft: button.left, buttonRight: button.right };
    });
    check(m.scroll <= 390, `${lang}: the header does not scroll sideways at 390 px (${m.scroll})`);
    check(m.input.width >= 120 && m.input.height >= 24 && m.button.height >= 24 && m.button.width >= 24,
      `${lang}: field ${Math.round(m.input.width)}x${Math.round(m.input.height)}, button ${Math.round(m.button.width)}x${Math.round(m.button.height)}`);
    check(Math.abs(m.input.top - m.button.top) < 2 && m.inputLeft >= 0 && m.buttonRight <= 390 && m.buttonLeft >= 0 && m.inputRight <= 390,
      `${lang}: field and button in one row inside the screen`);
    const buttonOnLeft = m.buttonRight <= m.inputLeft + 1;
    check(lang === 'ar' ? buttonOnLeft : !buttonOnLeft, `${lang}: the button follows the field in reading direction`);
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `search-header-${lang}-390.png`), clip: { x: 0, y: 0, width: 390, height: 320 } });
    }
    await page.close();
  }
}

// The benchmark, per language: the search files on disk; what a visitor downloads for a first
// query (the entry, the shards of its words, the chunks of the first results), typed at once and
// letter by letter from the second letter (as the script searches while typing), each on a fresh
// page; and the time from a query to its results shown, its files fetched included.
const BUDGET = 150 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gzipped = new Map();
function sizes(file) {
  if (!gzipped.has(file)) {
    const bytes = fs.readFileSync(file);
    gzipped.set(file, { raw: bytes.length, gz: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  return gzipped.get(file);
}
const commonestFirstLetter = (titles) => {
  const count = new Map();
  for (const t of titles) { const c = [...t.toLowerCase()][0]; count.set(c, (count.get(c) || 0) + 1); }
  return [...count].sort((a, b) => b[1] - a[1])[0][0];
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The files a fresh page fetches while `steps` run, as {raw, gz} summed from the files on disk.
async function downloads(browser, origin, lang, steps) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${origin}/${lang}/search/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.lotseSearch === 'function');
  const fetched = new Set();
  page.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.endsWith('.json')) fetched.add(u.pathname); });
  const times = [];
  for (const q of steps) times.push((await query(page, lang, q, false)).ms);
  await context.close();
  let raw = 0, gz = 0;
  for (const p of fetched) { const s = sizes(path.join(site, decodeURIComponent(p))); raw += s.raw; gz += s.gz; }
  return { raw, gz, files: fetched.size, times, q: steps[steps.length - 1] };
}

async function measure(browser, origin) {
  const langs = fs.readdirSync(site).filter((d) => fs.existsSync(path.join(site, d, 'search/index.json')) && (!only || d === only)).sort();
  for (const lang of langs) {
    const folder = path.join(site, lang, 'search');
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json'));
    let raw = 0, gz = 0, largest = null;
    for (const f of files) {
      const s = sizes(path.join(folder, f));
      raw += s.raw; gz += s.gz;
      if (!largest || s.raw > largest.raw) largest = { name: f, ...s };
    }
    // The golden queries of the language, 'a', 'ab', the letter most titles begin with (searched on
    // Enter: it loads every shard of its words), and the first word of 40 titles.
    const titles = [];
    for (let n = 0; titles.length < 40 && fs.existsSync(path.join(folder, `items-${n}.json`)); n++)
      titles.push(...JSON.parse(fs.readFileSync(path.join(folder, `items-${n}.json`))).items.map((i) => i[2]));
    const words = [...GOLDEN.filter((g) => g[0] === lang).map((g) => g[1]), ...SAME.filter((g) => g[0] === lang).flatMap((g) => [g[1], g[2]]),
      'a', 'ab', commonestFirstLetter(titles), ...titles.slice(0, 40).map((t) => t.split(/\s+/)[0])];
    const first = [], typed = [], times = [];
    for (const q of words) {
      const d = await downloads(browser, origin, lang, [q]);
      first.push(d); times.push(...d.times);
    }
    // The script searches as it is typed from the second letter on (one letter only on Enter).
    for (const q of words.slice(0, 12).filter((w) => [...w].length > 1))
      typed.push(await downloads(browser, origin, lang, [...q].slice(1).map((_, i) => [...q].slice(0, i + 2).join(''))));
    const big = (ds) => ds.reduce((a, b) => (b.raw > a.raw ? b : a));
    const line = (ds) => `median ${kb(median(ds.map((d) => d.raw)))} (${kb(median(ds.map((d) => d.gz)))} gzip, ${median(ds.map((d) => d.files))} files), ` +
      `largest ${kb(big(ds).raw)} (${kb(big(ds).gz)} gzip, ${big(ds).files} files, "${big(ds).q}")`;
    console.log(`search ${lang}: ${files.length} files, ${kb(raw)} (${kb(gz)} gzip); largest ${largest.name} ${kb(largest.raw)} (${kb(largest.gz)} gzip)`);
    console.log(`search ${lang}: a first query downloads ${line(first)} (${first.length} queries)`);
    console.log(`search ${lang}: typed letter by letter ${line(typed)} (${typed.length} queries)`);
    console.log(`search ${lang}: query median ${median(times).toFixed(1)} ms, slowest ${Math.max(...times).toFixed(1)} ms (${times.length} queries, files loaded included)`);
    const worst = Math.max(big(first).raw, big(typed).raw);
    console.log(`search ${lang}: budget 150 KB: largest download ${kb(worst)}, largest file ${kb(largest.raw)}: ` +
      `${worst <= BUDGET && largest.raw <= BUDGET ? 'within' : 'OVER'}; budget 50 ms: median ${median(times).toFixed(1)} ms: ` +
      `${median(times) <= 50 ? 'within' : 'OVER'}`);
  }
}

const server = await startServer(site);
const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lotse-search-'));
process.env.TMPDIR = profile;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
try {
  if (bench) {
    await measure(browser, server.origin);
  } else {
    await golden(browser, server.origin);
    await withoutScript(browser, server.origin);
    await phoneHeader(browser, server.origin);
  }
} catch (e) {
  check(false, `the search checks ran to the end (${e.stack || e})`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (!bench) console.log(`search: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
