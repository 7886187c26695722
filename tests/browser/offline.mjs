// The offline copy as a newcomer uses it: nothing is downloaded and no service worker registered
// until "save" is tapped; after saving the Arabic copy and going offline, the Arabic course
// overview and a course page open from the copy with the "as of" note in Arabic, a German page
// does not (the worker's scope is the Arabic folder); "remove" empties the copy. No Content-
// Security-Policy violation may occur on the way (as csp.mjs sees them).
//   node offline.mjs --site DIR [--screenshots DIR]
// Prints one line per check and "offline: N passed, M failed"; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ARGS, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const arg = (name) => { const i = process.argv.indexOf(`--${name}`); return i < 0 ? null : (process.argv[i + 1] ?? true); };
const site = arg('site');
const shots = arg('screenshots');

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++; else failed++;
  console.log(`offline: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// A page's <h1> as the built file has it, tags and entities left out.
const h1Of = (rel) => {
  const m = fs.readFileSync(path.join(site, rel), 'utf8').match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
  return m ? m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim() : null;
};
// The first course page of the Arabic folder (courses/<slug>.html).
const coursePage = () => {
  const name = fs.readdirSync(path.join(site, 'ar', 'courses')).sort().find((n) => n.endsWith('.html') && n !== 'index.html');
  return `ar/courses/${name}`;
};
const textOf = (html, attribute) => {
  const m = html.match(new RegExp(`<p ${attribute}[^>]*>([^<]*)</p>`));
  return m ? m[1] : null;
};

// Each violation as the page reports it and as Chromium logs it (csp.mjs does the same).
const WATCH = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};
const violations = [];
async function open(ctx, url) {
  const page = await ctx.newPage();
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(`${url}: ${m.text()}`); });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
async function close(page) {
  for (const v of await page.evaluate(() => window.__cspViolations || [])) violations.push(`${page.url()}: ${v}`);
  await page.close();
}
const registrations = (page) => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.map((x) => x.scope)));
const cacheNames = (page) => page.evaluate(() => caches.keys());

const server = await startServer(site);
const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lotse-offline-'));
process.env.TMPDIR = profile;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const origin = server.origin;
try {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await ctx.addInitScript(WATCH);

  // Without a tap: the section is offered, nothing is saved or registered.
  for (const lang of ['de', 'ar']) {
    const page = await open(ctx, `${origin}/${lang}/index.html`);
    await page.waitForTimeout(300);
    check(await page.isVisible('#offline-save'), `${lang}: the home page offers "${await page.textContent('#offline-save')}"`);
    const size = await page.textContent('.offline-size');
    check(await page.isVisible('.offline-size') && /\S/.test(size), `${lang}: and shows the size first (${size})`);
    check((await registrations(page)).length === 0, `${lang}: no service worker is registered without a tap`);
    check((await cacheNames(page)).length === 0, `${lang}: nothing is cached without a tap`);
    await close(page);
  }
  const fetched = server.requests.filter((r) => /offline(\.json|-worker\.js)$/.test(r));
  check(fetched.length === 0, `no request for an offline list or worker without a tap (${fetched.join(', ') || 'none'})`);

  // Arabic and Farsi at 390 px: the section mirrors and fits (screenshots to look at).
  for (const lang of ['ar', 'fa']) {
    const page = await open(ctx, `${origin}/${lang}/index.html`);
    await page.locator('#offline').scrollIntoViewIfNeeded();
    const m = await page.evaluate(() => {
      const section = document.getElementById('offline').getBoundingClientRect();
      const button = document.getElementById('offline-save').getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, right: section.right, buttonRight: button.right,
        height: button.height, dir: getComputedStyle(document.getElementById('offline')).direction };
    });
    check(m.scroll <= 390 && m.dir === 'rtl' && Math.abs(m.buttonRight - m.right) < 2 && m.height >= 44,
      `${lang}: the section is right to left, its button at the right edge and ${Math.round(m.height)} px high, no sideways scroll (${m.scroll})`);
    await page.focus('#offline-save');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(outline === 'solid', `${lang}: the focused button shows its focus (${outline})`);
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.locator('#offline').screenshot({ path: path.join(shots, `offline-${lang}-390.png`) });
    }
    await close(page);
  }

  // Save the Arabic copy.
  const arHome = fs.readFileSync(path.join(site, 'ar/index.html'), 'utf8');
  const savedText = textOf(arHome, 'data-offline-text="saved"');
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'ar/offline.json'), 'utf8'));
  const home = await open(ctx, `${origin}/ar/index.html`);
  await home.click('#offline-save');
  await home.waitForFunction((t) => document.getElementById('offline-status').textContent === t, savedText, { timeout: 30000 })
    .catch(() => {});
  const status = await home.textContent('#offline-status');
  check(status === savedText && status.startsWith('تم الحفظ للاستخدام بدون إنترنت، آخر تحديث: '),
    `ar: after the tap the status says "${status}"`);
  check(await home.isVisible('#offline-remove') && !(await home.isVisible('#offline-save')), `ar: "${await home.textContent('#offline-remove')}" replaces the save button`);
  check(JSON.stringify(await registrations(home)) === JSON.stringify([`${origin}/ar/`]), `ar: one worker, its scope the Arabic folder (${await registrations(home)})`);
  const names = await cacheNames(home);
  check(names.length === 1 && names[0] === `lotse-offline ${origin}/ar/ ${manifest.version}`, `ar: one cache, named by the language and version (${names})`);
  const cached = await home.evaluate((n) => caches.open(n).then((c) => c.keys()).then((k) => k.length), names[0]);
  check(cached === manifest.files.length, `ar: the cache holds every listed file (${cached} of ${manifest.files.length}, ${manifest.bytes} bytes)`);
  await close(home);

  // Offline.
  await ctx.setOffline(true);
  const note = textOf(arHome, 'class="offline-note"');
  for (const rel of ['ar/courses/index.html', coursePage()]) {
    const page = await open(ctx, `${origin}/${rel}`).catch((e) => ({ error: e }));
    if (page.error) {
      check(false, `offline: ${rel} opens from the copy (${page.error.message.split('\n')[0]})`);
      continue;
    }
    const h1 = (await page.textContent('h1')).trim();
    check(h1 === h1Of(rel), `offline: ${rel} opens from the copy ("${h1}")`);
    const shown = await page.isVisible('.offline-note') ? await page.textContent('.offline-note') : '(hidden)';
    check(shown === note && note.startsWith('نسخة بدون إنترنت — آخر تحديث: '), `offline: ${rel} shows "${shown}"`);
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.offline-note')).borderInlineStartWidth);
    check(styled === '4px', `offline: ${rel} has its stylesheet from the copy (note border ${styled})`);
    await close(page);
  }
  const unknown = await open(ctx, `${origin}/ar/no-such-page.html`).catch(() => null);
  const unknownH1 = unknown ? (await unknown.textContent('h1')).trim() : null;
  check(unknownH1 === h1Of('ar/index.html'), `offline: an Arabic address not in the copy shows the Arabic home page (${unknownH1})`);
  if (unknown) await close(unknown);
  const german = await open(ctx, `${origin}/de/courses/index.html`).then(async (page) => {
    const h1 = await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => null);
    await page.close();
    return h1;
  }, (e) => `error: ${e.message.split('\n')[0]}`);
  check(german === null || german.startsWith('error: '), `offline: a German page is not served from the Arabic copy (${german})`);
  await ctx.setOffline(false);

  // Remove the copy.
  const again = await open(ctx, `${origin}/ar/index.html`);
  await again.waitForFunction((t) => document.getElementById('offline-status').textContent === t, savedText, { timeout: 5000 })
    .catch(() => {});
  check(await again.textContent('#offline-status') === savedText, 'ar: the home page knows the copy is saved when it opens again');
  const removedText = textOf(arHome, 'data-offline-text="removed"');
  await again.click('#offline-remove');
  await again.waitForFunction((t) => document.getElementById('offline-status').textContent === t, removedText, { timeout: 10000 })
    .catch(() => {});
  check(await again.textContent('#offline-status') === removedText, `ar: after "remove" the status says "${await again.textContent('#offline-status')}"`);
  check((await cacheNames(again)).length === 0, `ar: "remove" empties the cache (${await cacheNames(again)})`);
  check((await registrations(again)).length === 0, 'ar: and unregisters the worker');
  check(await again.isVisible('#offline-save'), 'ar: the save button is back');
  await close(again);

  check(violations.length === 0, `no Content-Security-Policy violation${violations.length ? ': ' + violations.join('; ') : ''}`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`offline: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
