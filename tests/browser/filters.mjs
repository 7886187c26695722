// The list filters of the course overview and the counselling directory, used as a newcomer uses
// them: choose, see which entries remain, share the address, reset. Run by run.sh before the gates.
//   node filters.mjs --site DIR
// Prints one line per check and "filters: N passed, M failed"; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const site = process.argv[process.argv.indexOf('--site') + 1];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

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
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('.course-row:not([hidden])').length === n, all.length);
  check(new URL(page.url()).search === '', 'reset shows every course again and clears the address');

  await page.goto(`${server.origin}/de/counselling/index.html`, { waitUntil: 'load' });
  await page.selectOption('#filter-language', 'ar');
  const arabic = await visible(page, '#counselling-list [data-filter-item]', 'data-language');
  check(arabic.length > 0 && arabic.every((c) => c.value.includes('|ar|')),
    `counselling in Arabic leaves only contacts that speak it (${arabic.length} cards)`);

  await page.goto(`${server.origin}/ar/courses/index.html?level=A1`, { waitUntil: 'load' });
  const arStatus = await page.textContent('#course-list-status');
  check(/[٠-٩]/.test(arStatus), `the Arabic status counts in Arabic digits: "${arStatus}"`);

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
