// The list filters of the course overview and the counselling directory, used as a newcomer uses
// them: choose, see which entries remain, share the address, reset. Run by run.sh before the gates.
//   node filters.mjs --site DIR
// Prints one line per check and "filters: N passed, M failed"; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ARGS, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const site = process.argv[process.argv.indexOf('--site') + 1];

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++; else failed++;
  console.log(`filters: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// Rows (or cards) the reader can see, with the attribute the filter matches on.
async function visible(page, selector, attribute) {
  return page.$$eval(selector, (items, attr) => items
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({ id: e.dataset.filterItem, value: e.getAttribute(attr) || '' })), attribute);
}

const server = await startServer(site);
const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lotse-filters-'));
process.env.TMPDIR = profile;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${server.origin}/de/courses/index.html`, { waitUntil: 'load' });
  const all = await visible(page, '.course-row', 'data-type');
  check(await page.isVisible('form.filters'), 'with JavaScript the course filters are shown');
  check(all.length >= 20, `every course is listed before filtering (${all.length})`);
  check(!(await page.isVisible('#filter-type')) && (await page.textContent('form.filters summary')).trim() === 'Filter',
    'the filters are folded under a summary: "Filter"');

  await page.click('form.filters summary');
  await page.selectOption('#filter-type', 'job-language');
  const jobs = await visible(page, '.course-row', 'data-type');
  const expected = all.filter((r) => r.value.includes('|job-language|')).length;
  check(jobs.length === expected && jobs.length > 0 && jobs.every((r) => r.value.includes('|job-language|')),
    `kind "Berufssprachkurs" leaves exactly the ${expected} job-related courses (${jobs.length} visible)`);
  check(new URL(page.url()).searchParams.get('type') === 'job-language', `the choice is kept in the address: ${page.url()}`);
  const status = await page.textContent('#course-list-status');
  check(status.includes(String(expected)) && status.includes('Kurse angezeigt'), `the status says so: "${status}"`);
  const emptyMonths = await page.$$eval('#course-list [data-filter-group]', (groups) => groups
    .filter((g) => g.offsetParent !== null && !g.querySelector('.course-row:not([hidden])')).length);
  check(emptyMonths === 0, 'months without a matching course are hidden');

  // A shared address opens the same filtered view.
  await page.goto(`${server.origin}/de/courses/index.html?type=integration&childcare=yes`, { waitUntil: 'load' });
  const shared = await page.$$eval('.course-row', (rows) => rows.filter((e) => e.offsetParent !== null)
    .map((e) => e.dataset.type + e.dataset.childcare));
  check(shared.length > 0 && shared.every((v) => v === '|integration||yes|'),
    `a shared address (?type=integration&childcare=yes) shows only such courses (${shared.length})`);
  check(await page.isChecked('#filter-childcare') && (await page.inputValue('#filter-type')) === 'integration',
    'and the form shows the shared choice');
  check((await page.textContent('form.filters summary')).trim() === '2 Filter aktiv',
    `the folded summary counts the shared choice: "${(await page.textContent('form.filters summary')).trim()}"`);
  await page.click('form.filters summary');
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('.course-row:not([hidden])').length === n, all.length);
  check(new URL(page.url()).search === '', 'reset shows every course again and clears the address');

  await page.goto(`${server.origin}/de/counselling/index.html`, { waitUntil: 'load' });
  await page.click('form.filters summary');
  await page.selectOption('#filter-language', 'ar');
  const arabic = await visible(page, '#counselling-list [data-filter-item]', 'data-language');
  check(arabic.length > 0 && arabic.every((c) => c.value.includes('|ar|')),
    `counselling in Arabic leaves only contacts that speak it (${arabic.length} cards)`);

  await page.goto(`${server.origin}/ar/courses/index.html?level=A1`, { waitUntil: 'load' });
  const arStatus = await page.textContent('#course-list-status');
  check(/[٠-٩]/.test(arStatus), `the Arabic status counts in Arabic digits: "${arStatus}"`);

  // The phone walk (issue 22): on a phone the list comes first, and a choice is answered where the
  // reader looks.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const rel of ['de/courses/index.html', 'de/courses/2026-12/index.html', 'ar/courses/2027-01/index.html']) {
    await phone.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
    const top = await phone.$eval('.course-row', (r) => r.getBoundingClientRect().top);
    check(top < 844, `${rel} at 390x844: the first course starts on the first screen (at ${Math.round(top)} px)`);
  }
  await phone.goto(`${server.origin}/de/courses/index.html`, { waitUntil: 'load' });
  await phone.click('form.filters summary');
  const before = await phone.textContent('#course-list-status');
  await phone.check('#filter-childcare');
  const after = await phone.textContent('#course-list-status');
  const statusBox = await phone.$eval('#course-list-status', (e) => e.getBoundingClientRect());
  check(after !== before && statusBox.top >= 0 && statusBox.bottom <= 844,
    `ticking "childcare" changes the visible count: "${before}" -> "${after}" (at ${Math.round(statusBox.top)} px)`);
  check((await phone.textContent('form.filters summary')).trim() === '1 Filter aktiv', 'and the summary says "1 Filter aktiv"');
  // The summary's count in every language, from its catalog: two filters chosen.
  for (const lang of ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr']) {
    await phone.goto(`${server.origin}/${lang}/courses/index.html?childcare=yes&seats=available`, { waitUntil: 'load' });
    const s = await phone.$eval('.filter-count', (span) => {
      const forms = JSON.parse(span.dataset.plural);
      const lang = span.closest('[lang]').lang;
      const status = document.querySelector('.filter-status');
      const numbering = status.dataset.numbering ? { numberingSystem: status.dataset.numbering } : {};
      const two = new Intl.NumberFormat(status.closest('[lang]').lang, numbering).format(2);
      const expected = (forms[new Intl.PluralRules(lang).select(2)] || '').replace('#', two);
      return { text: span.textContent, none: forms['0'], expected };
    });
    check(s.expected && s.text === s.expected && s.text !== s.none,
      `${lang}: two filters chosen, the summary says "${s.text}" (expected "${s.expected}")`);
  }
  // Phone numbers stay whole and nothing scrolls sideways, in Arabic too.
  for (const rel of ['ar/contacts/jmd-awo.html', 'ar/contacts/mbe-caritas.html', 'ar/courses/index.html', 'ar/counselling/index.html']) {
    await phone.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
    const m = await phone.evaluate(() => ({
      broken: [...document.querySelectorAll('a[href^="tel:"]')].filter((a) => a.offsetParent && a.getClientRects().length !== 1)
        .map((a) => a.textContent),
      phones: document.querySelectorAll('a[href^="tel:"]').length,
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    check(m.phones > 0 && m.broken.length === 0 && m.sideways <= 0,
      `${rel} at 390 px: ${m.phones} phone numbers each on one line${m.broken.length ? ` (broken: ${m.broken.join(', ')})` : ''}, ` +
      `${m.sideways > 0 ? `scrolls ${m.sideways} px sideways` : 'no sideways scrolling'}`);
  }
  await phone.close();

  // Without JavaScript the form stays hidden and the whole list shows.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await plain.newPage();
  await p2.goto(`${server.origin}/de/courses/index.html?type=job-language`, { waitUntil: 'load' });
  const noScript = await p2.$$eval('.course-row', (rows) => rows.filter((e) => e.offsetParent !== null).length);
  check(!(await p2.isVisible('form.filters')) && noScript === all.length,
    `without JavaScript no form, every course visible (${noScript})`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`filters: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
