// Lotse's browser quality gates. Serves a built site from 127.0.0.1 and checks it in headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and with vnu:
//   a11y     axe-core, WCAG 2.0/2.1 A and AA, one page of every kind in every language
//   html     vnu over every .html file, zero errors
//   links    every internal href/src/#fragment resolves; only record addresses leave the site
//   layout   360x740: no sideways scrolling, nav links and filter controls >= 24x24 px,
//            Arabic and Farsi mirrored (h1 and first nav link at the right edge)
//   weight   HTML+CSS+JS loaded per page (every page) under 60 KiB (records) / 150 KiB (lists),
//            no request to any host but 127.0.0.1, no failed request, no script error
//   keyboard skip link first, visible, Enter moves to #main; every control reachable by Tab
//            and showing a focus indicator
//   print    the longest month page printed to PDF (print.mjs): column headers on every sheet,
//            no address broken across lines, the page's address and QR code at the end
// Usage: node gates.mjs --site DIR --content DIR [--screenshots DIR] [--print-site DIR]
// (--print-site: a built site whose longest month page needs several sheets; default --site)
// Prints one block per failing gate (page + problem), a summary and, last,
// "browser: N passed, M failed". Exits 1 on any failure, 2 when it cannot run at all.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ARGS, startServer } from './server.mjs';
import { checkLinks, walk } from './links.mjs';
import { staticWeights } from './weight.mjs';
import { checkPrint } from './print.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- settings
const CHROMIUM = process.env.LOTSE_CHROMIUM || '/usr/bin/chromium';
const WORKERS = 2;
const EXPECTED_KINDS = ['home', 'life phase', 'topic', 'offer record', 'course record', 'contact record', 'provider record',
  'pathway record', 'course overview', 'counselling', 'a-z', 'search', 'page imprint', 'page privacy', 'page accessibility', 'page about'];
const KEYBOARD_KINDS = new Set(['home', 'course overview', 'course month', 'counselling', 'course record', 'contact record', 'page imprint', 'language chooser', '404']);
const PHONE = { width: 360, height: 740 };
const KIB = 1024;
const BUDGET = { record: 60 * KIB, list: 150 * KIB };
const LIST_KINDS = new Set(['home', 'life phase', 'topic', 'course overview', 'course month', 'counselling', 'a-z']);
const RECORD_DIRS = { offers: 'offer', courses: 'course', contacts: 'contact', providers: 'provider', pathways: 'pathway' };
const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'ckb', 'prs']);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MIN_TARGET = 24;
const EDGE = 32;
const DEADLINE_MS = 9.5 * 60 * 1000;
const SHOW = Number(process.env.BROWSER_SHOW || 40); // violations printed per gate

// ---------------------------------------------------------------- arguments
function args() {
  const a = process.argv.slice(2);
  const o = {};
  for (let i = 0; i < a.length; i++) {
    if (!a[i].startsWith('--')) continue;
    o[a[i].slice(2)] = a[i + 1];
    i++;
  }
  if (!o.site || !o.content) {
    console.error('usage: node gates.mjs --site DIR --content DIR [--screenshots DIR]');
    process.exit(2);
  }
  return o;
}

function die(msg) {
  console.error(`browser: ERROR: ${msg}`);
  console.log('browser: 0 passed, 1 failed');
  process.exit(2);
}

// ---------------------------------------------------------------- pages and their kinds
function classify(rel, languages) {
  if (rel === 'index.html') return { lang: null, kind: 'language chooser' };
  if (rel === '404.html') return { lang: null, kind: '404' };
  const parts = rel.split('/');
  const lang = parts[0];
  if (!languages.includes(lang)) return { lang: null, kind: `other ${rel}` };
  const rest = parts.slice(1);
  if (rest.length === 1) return { lang, kind: 'home' };
  if (rest.length === 2 && rest[1] !== 'index.html') {
    if (RECORD_DIRS[rest[0]]) return { lang, kind: `${RECORD_DIRS[rest[0]]} record`, record: true };
    if (rest[0] === 'life-phases') return { lang, kind: 'life phase' };
    if (rest[0] === 'topics') return { lang, kind: 'topic' };
  }
  if (rest.length === 2) {
    if (rest[0] === 'courses') return { lang, kind: 'course overview' };
    if (rest[0] === 'counselling') return { lang, kind: 'counselling' };
    if (rest[0] === 'a-z') return { lang, kind: 'a-z' };
    if (rest[0] === 'search') return { lang, kind: 'search' };
    return { lang, kind: `page ${rest[0]}` }; // free pages: each its own kind
  }
  if (rest.length === 3) {
    if (rest[0] === 'courses' && /^\d{4}-\d{2}$/.test(rest[1])) return { lang, kind: 'course month' };
  }
  return { lang, kind: `other ${rest.slice(0, -2).join('/')}/*` };
}

const isList = (kind) => LIST_KINDS.has(kind) || kind.startsWith('other');

// One page of every kind in every language (the first by path), and for record kinds also
// the largest file, which carries the most content.
function samplePages(siteDir, pages) {
  const groups = new Map();
  for (const p of pages) {
    const key = `${p.lang ?? '-'}|${p.kind}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  const sample = [];
  for (const list of groups.values()) {
    sample.push(list[0]);
    if (list[0].record && list.length > 1) {
      const largest = list.reduce((a, b) => (b.size > a.size ? b : a));
      if (largest !== list[0]) sample.push(largest);
    }
  }
  return sample;
}

// ---------------------------------------------------------------- gate bookkeeping
const GATES = {
  a11y: { title: 'accessibility (axe-core, WCAG 2.1 A/AA)', checked: 0, violations: [] },
  html: { title: 'valid HTML (vnu)', checked: 0, violations: [] },
  links: { title: 'links and fragments', checked: 0, violations: [] },
  layout: { title: 'phone layout 360x740 (overflow, target size, RTL)', checked: 0, violations: [] },
  weight: { title: 'weight and requests', checked: 0, violations: [] },
  keyboard: { title: 'keyboard (skip link, Tab order, focus indicator)', checked: 0, violations: [] },
  print: { title: 'printed month page (header row on every sheet, whole addresses, address and QR code)', checked: 0, violations: [] },
};
const fail = (gate, page, problem) => GATES[gate].violations.push(`${page}: ${problem}`);
const kib = (n) => `${(n / KIB).toFixed(1)} KiB`;

// ---------------------------------------------------------------- vnu (runs beside the browser)
function runVnu(siteDir, htmlFiles) {
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
  if (!fs.existsSync(jar)) return Promise.resolve({ error: `vnu.jar missing at ${jar} (run npm ci in tests/browser)` });
  return new Promise((resolve) => {
    const out = [];
    const proc = spawn('java', ['-Xss4m', '-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', '--', ...htmlFiles],
      { cwd: siteDir, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.on('data', (d) => out.push(d));
    proc.stderr.on('data', (d) => out.push(d));
    proc.on('error', (e) => resolve({ error: `cannot run java: ${e.message}` }));
    proc.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      const start = text.indexOf('{"');
      try {
        const json = JSON.parse(text.slice(start));
        resolve({ code, messages: json.messages || [] });
      } catch {
        resolve({ error: `vnu exited with ${code} and no JSON report:\n${text.slice(0, 2000)}` });
      }
    });
  });
}

// ---------------------------------------------------------------- in-page probes
// All functions below run inside the page (page.evaluate), so they only use DOM APIs.

function probeLayout({ minTarget, edge, rtlExpected, ltrExpected }) {
  const describe = (el) => {
    const bits = [];
    for (let e = el, i = 0; e && e !== document.body && i < 3; e = e.parentElement, i++) {
      let s = e.tagName.toLowerCase();
      if (e.id) s += `#${e.id}`;
      else if (e.classList.length) s += `.${[...e.classList].join('.')}`;
      bits.unshift(s);
    }
    const text = (el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${bits.join(' > ')}${text ? ` "${text}"` : ''}`;
  };
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const de = document.documentElement;
  const vw = de.clientWidth;
  const page = de.getBoundingClientRect(); // the page box, in viewport coordinates
  const problems = [];
  let targets = 0;

  // 1. No sideways scrolling; name the widest culprits.
  if (de.scrollWidth > vw) {
    const culprits = [];
    // Measure against the root element's box: on a phone an rtl page that overflows is
    // scrolled to its start, so viewport coordinates are shifted.
    const out = (r) => r.right > page.right + 0.5 || r.left < page.left - 0.5;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !out(r)) continue;
      // report the outermost element that sticks out
      const parent = el.parentElement && el.parentElement.getBoundingClientRect();
      if (!parent || !out(parent)) culprits.push(`${describe(el)} [${Math.round(r.left - page.left)}..${Math.round(r.right - page.left)}]`);
    }
    problems.push(`scrolls sideways: scrollWidth ${de.scrollWidth} > clientWidth ${vw}; sticking out: ${culprits.slice(0, 4).join('; ') || 'unknown'}`);
  }

  // 2. Target size of navigation links and form controls (WCAG 2.5.8, 24x24 CSS px).
  const small = (el, what) => {
    const r = el.getBoundingClientRect();
    targets++;
    if (r.width < minTarget - 0.01 || r.height < minTarget - 0.01) {
      problems.push(`${what} ${describe(el)} is ${r.width.toFixed(1)}x${r.height.toFixed(1)} px (< ${minTarget}x${minTarget})`);
    }
  };
  for (const a of document.querySelectorAll('nav a[href]')) if (visible(a)) small(a, 'nav link');
  for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
    if (!visible(c)) continue;
    if (c.type === 'checkbox' || c.type === 'radio') {
      const labels = [...(c.labels || [])].filter(visible);
      if (!labels.length) { small(c, `${c.type} without a visible label`); continue; }
      for (const l of labels) small(l, `${c.type} label`);
    } else {
      small(c, c.tagName.toLowerCase());
    }
  }

  // 3. Direction: Arabic and Farsi mirrored, the others not.
  const dirCheck = { checked: false };
  if (rtlExpected || ltrExpected) {
    dirCheck.checked = true;
    const want = rtlExpected ? 'rtl' : 'ltr';
    if (de.dir !== want || getComputedStyle(document.body).direction !== want) {
      problems.push(`expected dir="${want}" on <html> and direction ${want}, got dir="${de.dir}", direction ${getComputedStyle(document.body).direction}`);
    }
    // The element's start edge sits at the viewport's start side (right in rtl), and a short
    // element (< 2/3 of the width, so not a full-width box that touches both edges) lies in
    // the start half.
    const atStart = (box, what) => {
      const r = { left: box.left - page.left, right: box.right - page.left, width: box.width };
      const off = rtlExpected ? vw - r.right : r.left;
      const side = rtlExpected ? 'right' : 'left';
      if (off > edge) problems.push(`${what} starts ${Math.round(off)} px from the ${side} edge (want <= ${edge}); box ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
      else if (r.width < (2 * vw) / 3) {
        const centre = (r.left + r.right) / 2;
        if (rtlExpected ? centre <= vw / 2 : centre >= vw / 2) problems.push(`${what} (${Math.round(r.width)} px wide) is not in the ${side} half: box ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
      }
    };
    const h1 = document.querySelector('main h1') || document.querySelector('h1');
    if (!h1) problems.push('no h1');
    else if (h1.closest('[dir]') !== de) {
      // Untranslated text shown in the source language carries its own lang/dir (a German
      // heading on an Arabic page is set left to right); only the page chrome must mirror.
      dirCheck.fallbackH1 = true;
    } else {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const first = [...range.getClientRects()].find((r) => r.width > 0);
      if (first) atStart(first, 'h1 text (first line box)');
      if (getComputedStyle(h1).direction !== want) problems.push(`h1 direction is ${getComputedStyle(h1).direction}`);
    }
    const nav = document.querySelector('.main-nav a[href]');
    if (nav) atStart(nav.getBoundingClientRect(), `first main-nav link "${nav.textContent.trim()}"`);
    const langs = document.querySelector('.languages a[href]');
    if (langs) atStart(langs.getBoundingClientRect(), `first language-switcher link "${langs.textContent.trim()}"`);
  }
  return { problems, targets, dirChecked: dirCheck.checked, fallbackH1: !!dirCheck.fallbackH1, scrollWidth: de.scrollWidth, clientWidth: vw };
}

function probeMarkFocusables() {
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') return false;
    if (el.closest('[inert], [hidden]')) return false;
    // The content of a closed <details> is not in the Tab order; its <summary> is.
    const closed = el.closest('details:not([open])');
    return !closed || (el.tagName === 'SUMMARY' && el.parentElement === closed);
  };
  const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex]:not([tabindex^="-"]), [contenteditable=""], [contenteditable=true]';
  const list = [];
  const radioGroups = new Set();
  let i = 0;
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled || !visible(el)) continue;
    if (el.type === 'radio' && el.name) {
      if (radioGroups.has(el.name)) continue; // only one radio of a group is in the Tab order
      radioGroups.add(el.name);
    }
    el.setAttribute('data-kbd', String(i++));
    const text = (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    list.push(`<${el.tagName.toLowerCase()}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}${el.id ? ` id="${el.id}"` : ''}> "${text}"`);
  }
  return list;
}

function probeFocused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const main = document.getElementById('main');
  return {
    none: false,
    idx: el.getAttribute('data-kbd'),
    tag: el.tagName.toLowerCase(),
    id: el.id,
    href: el.getAttribute('href'),
    cls: el.className || '',
    text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40),
    indicator: outline || shadow,
    style: `outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}`,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    vw: document.documentElement.clientWidth,
    vh: window.innerHeight,
    isMain: el === main,
    inOrAfterMain: !!main && (main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
    hash: location.hash,
    mainTop: main ? main.getBoundingClientRect().top : null,
  };
}

function installFocusLog() {
  window.__lotseFocusLog = [];
  const main = document.getElementById('main');
  document.addEventListener('focusin', (ev) => {
    const el = ev.target;
    const cs = getComputedStyle(el);
    window.__lotseFocusLog.push({
      idx: el.getAttribute('data-kbd'),
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      cls: el.className || '',
      text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40),
      indicator: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (!!cs.boxShadow && cs.boxShadow !== 'none'),
      style: `outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}`,
      rect: (({ left, top, right, bottom, width, height }) => ({ left, top, right, bottom, width, height }))(el.getBoundingClientRect()),
      vw: document.documentElement.clientWidth,
      vh: window.innerHeight,
      inOrAfterMain: !!main && (main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
    });
  }, true);
}

function probeBeforeMain() {
  const main = document.getElementById('main') || document.querySelector('main');
  if (!main) return { hasMain: false, focusableBefore: 0 };
  let n = 0;
  for (const el of document.querySelectorAll('[data-kbd]')) {
    if (main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) n++;
  }
  return { hasMain: true, focusableBefore: n };
}

// ---------------------------------------------------------------- browser passes
async function newPhoneContext(browser, { initScript } = {}) {
  const ctx = await browser.newContext({
    viewport: PHONE, screen: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
    reducedMotion: 'reduce', serviceWorkers: 'block', javaScriptEnabled: true,
  });
  if (initScript) await ctx.addInitScript({ content: initScript });
  return ctx;
}

// A tab whose every load is a first visit (no HTTP cache).
async function newUncachedPage(ctx) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

// Loads a page and measures what the browser fetched for it: the body bytes of every response
// (the server sends Content-Length and no compression), counted from the response headers.
async function loadMeasured(page, origin, rel) {
  const parts = [];
  const failed = [];
  const errors = [];
  const foreign = [];
  const onRequest = (req) => {
    if (!req.url().startsWith(origin + '/') && !req.url().startsWith('data:')) foreign.push(`${req.resourceType()} ${req.url()}`);
  };
  const onResponse = (resp) => {
    const req = resp.request();
    const n = Number(resp.headers()['content-length'] || 0);
    parts.push({ url: resp.url(), type: req.resourceType(), bytes: n, status: resp.status() });
    if (resp.status() >= 400) failed.push(`${resp.url().replace(origin + '/', '')} (HTTP ${resp.status()})`);
  };
  const onFailed = (req) => {
    if (req.url().startsWith(origin + '/')) failed.push(`${req.url().replace(origin + '/', '')} (${req.failure()?.errorText})`);
  };
  const onError = (err) => errors.push(String(err.message || err).split('\n')[0]);
  page.on('request', onRequest);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  page.on('pageerror', onError);
  try {
    await page.goto(`${origin}/${rel}`, { waitUntil: 'load', timeout: 30000 });
  } finally {
    page.off('request', onRequest);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
    page.off('pageerror', onError);
  }
  const bytes = parts.reduce((a, x) => a + x.bytes, 0);
  return { bytes, parts, failed, errors, foreign };
}

// Runs fn over items with a few pages in parallel (the machine has 2 cores).
async function pool(items, n, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async (_, w) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], w);
    }
  });
  await Promise.all(workers);
}

// Every request stays on 127.0.0.1 (so no web fonts or images from elsewhere), none fails,
// no script throws.
function checkRequests(p, m) {
  for (const u of m.foreign) fail('weight', p.rel, `request to another host: ${u}`);
  for (const f of m.failed) fail('weight', p.rel, `failed request: ${f}`);
  for (const e of m.errors) fail('weight', p.rel, `script error: ${e}`);
}

function checkBudget(p, m) {
  const budget = isList(p.kind) ? BUDGET.list : BUDGET.record;
  if (m.bytes >= budget) {
    fail('weight', p.rel, `${kib(m.bytes)} of HTML+CSS+JS (${m.how === 'browser' ? 'loaded by the browser' : 'the page and the files it loads'}), budget ${kib(budget)} for a ${isList(p.kind) ? 'list' : 'record'} page`);
  }
}

async function axeCheck(page, p) {
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`),
      count: v.nodes.length,
    }));
  }, AXE_TAGS);
  GATES.a11y.checked++;
  for (const v of violations) {
    fail('a11y', p.rel, `${v.id} (${v.impact}, ${v.count} element${v.count === 1 ? '' : 's'}): ${v.help}\n      ${v.nodes.join('\n      ')}`);
  }
}

// Runs on the page as the sample pass left it: loaded, nothing focused, axe run (which changes
// nothing on the page).
async function keyboardCheck(page, p) {
  const focusables = await page.evaluate(probeMarkFocusables);
  const before = await page.evaluate(probeBeforeMain);
  await page.evaluate(installFocusLog);
  GATES.keyboard.checked++;
  const where = (f) => `<${f.tag}${f.href ? ` href="${f.href}"` : ''}${f.id ? ` id="${f.id}"` : ''}${f.cls ? ` class="${f.cls}"` : ''}> "${f.text}"`;

  // 1. Tab through the whole page from the top: every focusable element once, each with an
  // indicator. The page logs each focus itself; the key presses are sent without waiting for
  // each other (Chromium handles them in order), so a long page takes no time.
  await Promise.all(Array.from({ length: focusables.length + 2 }, () => page.keyboard.press('Tab')));
  const log = await page.evaluate(() => window.__lotseFocusLog);
  const seen = new Set();
  const noIndicator = [];
  for (const e of log) {
    if (e.idx !== null) {
      if (seen.has(e.idx)) break; // wrapped around
      seen.add(e.idx);
    }
    if (!e.indicator && noIndicator.length < 5) noIndicator.push(`${where(e)} (${e.style})`);
  }
  const missed = focusables.filter((_, i) => !seen.has(String(i)));
  if (missed.length) fail('keyboard', p.rel, `${missed.length} of ${focusables.length} focusable elements not reached by Tab, e.g. ${missed.slice(0, 3).join('; ')}`);
  for (const n of noIndicator) fail('keyboard', p.rel, `no visible focus indicator on ${n}`);

  // 2. The first Tab lands on the skip link, which is then visible; Enter on it moves to #main
  // and the next Tab continues inside (or after) main. Pages with nothing focusable before
  // main (language chooser, 404) need no skip link.
  const first = log[0];
  if (before.focusableBefore > 0) {
    if (!first || first.href !== '#main') {
      fail('keyboard', p.rel, `first Tab focuses ${first ? where(first) : 'nothing'}, not a skip link to #main`);
    } else {
      const r = first.rect;
      const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= first.vw + 0.5 && r.bottom <= first.vh + 0.5;
      if (!inside) fail('keyboard', p.rel, `focused skip link is not visible inside the viewport: ${Math.round(r.width)}x${Math.round(r.height)} at ${Math.round(r.left)},${Math.round(r.top)} (viewport ${first.vw}x${first.vh})`);
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); document.querySelector('a[href="#main"]').focus(); });
      await page.keyboard.press('Enter');
      await page.waitForTimeout(50);
      let f = await page.evaluate(probeFocused);
      const moved = f.hash === '#main' && (f.isMain || (f.mainTop !== null && Math.abs(f.mainTop) < 2));
      if (!moved) fail('keyboard', p.rel, `Enter on the skip link does not move to #main (hash "${f.hash}", focus ${f.none ? 'none' : where(f)})`);
      await page.keyboard.press('Tab');
      f = await page.evaluate(probeFocused);
      if (!f.none && !f.inOrAfterMain) fail('keyboard', p.rel, `after the skip link, Tab goes to ${where(f)}, which is before #main`);
    }
  } else if (!before.hasMain) {
    fail('keyboard', p.rel, 'no <main> / #main');
  } else if (first && !first.inOrAfterMain) {
    fail('keyboard', p.rel, `first Tab focuses ${where(first)}, outside main`);
  }
  return focusables.length;
}

// ---------------------------------------------------------------- main
async function main() {
  const t0 = Date.now();
  const o = args();
  const siteDir = path.resolve(o.site);
  const contentDir = path.resolve(o.content);
  const shotDir = o.screenshots ? path.resolve(o.screenshots) : null;
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) die(`no built site at ${siteDir}`);
  if (!fs.existsSync(CHROMIUM)) die(`${CHROMIUM} not found: install Debian's chromium (scripts/install-deps.sh --browser)`);
  let chromium, axeSource;
  try {
    ({ chromium } = require('playwright-core'));
    axeSource = require('axe-core').source;
  } catch (e) {
    die(`npm packages missing (${e.message.split('\n')[0]}): run "npm ci --ignore-scripts" in tests/browser`);
  }
  const watchdog = setTimeout(() => {
    console.error(`browser: ERROR: the stage ran longer than ${DEADLINE_MS / 60000} minutes`);
    console.log('browser: 0 passed, 1 failed');
    process.exit(1);
  }, DEADLINE_MS);
  watchdog.unref();

  const languages = fs.readdirSync(siteDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(siteDir, e.name, 'index.html')))
    .map((e) => e.name);
  const htmlFiles = walk(siteDir, (n) => n.endsWith('.html'));
  const pages = htmlFiles.map((rel) => ({ rel, size: fs.statSync(path.join(siteDir, rel)).size, ...classify(rel, languages) }));
  const sample = samplePages(siteDir, pages);
  const kinds = [...new Set(pages.map((p) => p.kind))];
  console.log(`browser: site ${siteDir}: ${htmlFiles.length} HTML files, languages ${languages.join(' ')}`);
  console.log(`browser: ${kinds.length} page kinds: ${kinds.join(', ')}`);

  // Every kind the product promises must be there in every language, or the sample would
  // silently shrink (month pages are checked when present).
  for (const kind of ['language chooser', '404']) {
    if (!pages.some((p) => p.kind === kind)) fail('a11y', kind, 'no such page in the output');
  }
  for (const lang of languages) {
    for (const kind of EXPECTED_KINDS) {
      if (!pages.some((p) => p.lang === lang && p.kind === kind)) fail('a11y', `${lang}/`, `no ${kind} page in the output`);
    }
  }

  // b. vnu runs in its own process while the browser works.
  const vnu = runVnu(siteDir, htmlFiles);

  // c. links: static, every file.
  const links = checkLinks({ siteDir, contentDir });
  GATES.links.checked = links.checked;
  for (const v of links.violations) GATES.links.violations.push(v);
  console.log(`browser: links checked: ${links.detail}`);

  const server = await startServer(siteDir);
  const userDataParent = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lotse-chromium-'));
  process.env.TMPDIR = userDataParent; // playwright makes its fresh profile dir in here
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60000 })
    .catch((e) => die(`cannot start ${CHROMIUM}: ${e.message.split('\n')[0]}`));
  console.log(`browser: Chromium ${browser.version()} at ${CHROMIUM}, site served at ${server.origin}`);

  const weights = [];
  const screenshots = [];
  const timing = {};
  try {
    // e. weight: every page from the files it makes the browser load; measured in the browser
    // on the sample below, where the measurement wins if it is larger.
    const weightOf = new Map();
    for (const [rel, w] of staticWeights(siteDir, htmlFiles)) weightOf.set(rel, { bytes: w.bytes, how: 'files' });
    const kindOf = new Map(pages.map((p) => [p.rel, p]));
    let measured = 0, moreThanFiles = 0;

    // a, d, f on the sample, axe-core preloaded into every page of these contexts.
    // The keyboard sample: the first sample page of the chosen kinds per language, plus A-Z in
    // de and ar (chosen before the pages run in parallel, so it is the same every run).
    const kbdPages = new Set();
    {
      const done = new Set();
      for (const p of sample) {
        const key = `${p.lang}|${p.kind}`;
        if (done.has(key)) continue;
        if (KEYBOARD_KINDS.has(p.kind) || (p.kind === 'a-z' && ['de', 'ar'].includes(p.lang))) {
          done.add(key);
          kbdPages.add(p.rel);
        }
      }
    }
    const wantsKeyboard = (p) => kbdPages.has(p.rel);
    let targets = 0, dirPages = 0, kbdElements = 0, fallbackH1 = 0;
    const spent = { load: 0, layout: 0, axe: 0, keyboard: 0 };
    const ctxs = await Promise.all(Array.from({ length: WORKERS }, () => newPhoneContext(browser, { initScript: axeSource })));
    await pool(sample, WORKERS, async (p, w) => {
      const page = await newUncachedPage(ctxs[w]);
      let t = Date.now();
      const lap = (k) => { const now = Date.now(); spent[k] += now - t; t = now; };
      try {
        const m = await loadMeasured(page, server.origin, p.rel);
        checkRequests(p, m);
        measured++;
        const st = weightOf.get(p.rel);
        if (m.bytes > st.bytes) moreThanFiles++;
        weightOf.set(p.rel, { bytes: Math.max(m.bytes, st.bytes), how: 'browser' });
        lap('load');

        // d. phone layout
        const lay = await page.evaluate(probeLayout, {
          minTarget: MIN_TARGET, edge: EDGE,
          rtlExpected: !!p.lang && RTL_LANGS.has(p.lang),
          ltrExpected: !!p.lang && !RTL_LANGS.has(p.lang),
        });
        GATES.layout.checked++;
        targets += lay.targets;
        if (lay.dirChecked) dirPages++;
        if (lay.fallbackH1) fallbackH1++;
        for (const prob of lay.problems) fail('layout', p.rel, prob);
        lap('layout');

        // a. accessibility
        await axeCheck(page, p);
        lap('axe');

        // f. keyboard on a sample of kinds
        if (wantsKeyboard(p)) kbdElements += await keyboardCheck(page, p);
        lap('keyboard');
      } catch (e) {
        fail('a11y', p.rel, `could not be checked: ${e.message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    });
    await Promise.all(ctxs.map((c) => c.close()));
    timing.sample = Date.now() - t0;
    for (const [rel, w] of weightOf) {
      checkBudget(kindOf.get(rel), w);
      weights.push({ rel, bytes: w.bytes, kind: kindOf.get(rel).kind, how: w.how });
    }
    GATES.weight.checked = weightOf.size;
    GATES.weight.detail = `measured in the browser on ${measured} pages${moreThanFiles ? ` (${moreThanFiles} loaded more than their files)` : ''}, the rest from the files they load`;
    if (process.env.BROWSER_PROFILE) console.log('browser: time spent (ms, summed over workers):', JSON.stringify(spent));
    GATES.layout.detail = `${targets} nav links/controls measured, direction asserted on ${dirPages} pages` +
      (fallbackH1 ? ` (on ${fallbackH1} the h1 is untranslated text in its own direction: nav only)` : '');
    GATES.keyboard.detail = `${kbdElements} focusable elements tabbed through`;
    GATES.a11y.detail = `${[...new Set(sample.map((p) => p.kind))].length} kinds x ${languages.length} languages`;

    // Screenshots at 360x740, full page.
    if (shotDir) {
      fs.mkdirSync(shotDir, { recursive: true });
      const firstCourse = pages.find((p) => p.lang === 'ar' && p.kind === 'course record');
      const shots = ['ar/index.html', firstCourse?.rel, 'fa/index.html', 'de/index.html'].filter((r) => r && fs.existsSync(path.join(siteDir, r)));
      const ctx = await newPhoneContext(browser);
      const page = await ctx.newPage();
      for (const rel of shots) {
        await page.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
        const file = path.join(shotDir, `${rel.replace(/\/index\.html$/, '').replace(/\.html$/, '').replace(/\//g, '_')}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
      await ctx.close();
      screenshots.push(...shots);
    }

    // The printed month page, from the site with a long month (run.sh builds one).
    const printed = await checkPrint(browser, o['print-site'] ? path.resolve(o['print-site']) : siteDir, userDataParent);
    GATES.print.checked = printed.checked;
    GATES.print.violations.push(...printed.violations);
    GATES.print.detail = printed.detail;
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    fs.rmSync(userDataParent, { recursive: true, force: true });
  }

  // b. vnu results
  const v = await vnu;
  if (v.error) {
    GATES.html.violations.push(v.error);
  } else {
    GATES.html.checked = htmlFiles.length;
    for (const m of v.messages) {
      if (m.type === 'info') continue;
      const file = (m.url || '').replace(/^file:/, '').replace(siteDir + '/', '').replace(/^\.\//, '').replace(/\/\.\//, '/');
      GATES.html.violations.push(`${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}${m.extract ? `  [${m.extract.replace(/\n/g, '⏎')}]` : ''}`);
    }
    if (v.code !== 0 && !GATES.html.violations.length) GATES.html.violations.push(`vnu exited with ${v.code} without messages`);
  }
  GATES.html.detail = 'vnu --errors-only';

  // ---------------------------------------------------------------- report
  let passed = 0, failed = 0;
  for (const [name, g] of Object.entries(GATES)) {
    if (!g.violations.length) { passed++; continue; }
    failed++;
    console.log(`\nFAIL ${name}: ${g.title}: ${g.violations.length} violation${g.violations.length === 1 ? '' : 's'}`);
    for (const line of g.violations.slice(0, SHOW)) console.log(`  ${line}`);
    if (g.violations.length > SHOW) console.log(`  … and ${g.violations.length - SHOW} more`);
  }
  console.log('\nbrowser: summary');
  for (const [name, g] of Object.entries(GATES)) {
    const unit = name === 'html' || name === 'links' ? 'files' : 'pages';
    console.log(`  ${g.violations.length ? 'FAIL' : 'ok  '} ${name.padEnd(8)} ${String(g.checked).padStart(4)} ${unit.padEnd(5)} ${String(g.violations.length).padStart(4)} violations  ${g.detail ?? ''}`);
  }
  console.log('  largest pages (HTML+CSS+JS of a first visit):');
  for (const w of weights.sort((a, b) => b.bytes - a.bytes).slice(0, 5)) {
    console.log(`    ${kib(w.bytes).padStart(10)}  ${w.rel}  (${w.kind}, budget ${kib(isList(w.kind) ? BUDGET.list : BUDGET.record)}, ${w.how === 'browser' ? 'measured in the browser' : 'from the files'})`);
  }
  if (shotDir) console.log(`  screenshots (360x740, full page) of ${screenshots.join(', ')}: ${shotDir}`);
  console.log(`  time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`browser: ERROR: ${e.stack || e}`);
  console.log('browser: 0 passed, 1 failed');
  process.exit(2);
});
