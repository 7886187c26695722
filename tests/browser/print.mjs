// The printed month page, as a coordinator prints it: Chromium prints it to PDF (A4, the page's own
// @page size) and pdftotext (Debian's poppler-utils) reads the sheets back. Used by gates.mjs as the
// "print" gate:
//   - the list needs more than one sheet, and the table's column headers head every sheet;
//   - no phone number, e-mail address or web address of the table is broken across lines;
//   - the page ends with its web address and a visible QR code;
//   - nothing meant for the screen only (filters, skip link, language and month navigation) prints.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './server.mjs';

const SCREEN_ONLY = ['.skip-link', '.languages', '.main-nav', '.month-nav', '.filters', '.filter-status', '.actions'];
const squash = (s) => s.replace(/\s+/g, '');

// The month page with the most course rows, in German (else the first language): the longest list
// to print. pdftotext reads right-to-left text back in visual order, so a Latin-script page is
// compared with the DOM.
export function longestMonthPage(siteDir) {
  const langs = fs.readdirSync(siteDir).sort().filter((d) => fs.existsSync(path.join(siteDir, d, 'courses')));
  const lang = langs.includes('de') ? 'de' : langs[0];
  if (!lang) return null;
  let best = null;
  for (const month of fs.readdirSync(path.join(siteDir, lang, 'courses'))) {
    const file = path.join(siteDir, lang, 'courses', month, 'index.html');
    if (!fs.existsSync(file)) continue;
    const rows = (fs.readFileSync(file, 'utf8').match(/class="course-row"/g) || []).length;
    if (!best || rows > best.rows) best = { rel: `${lang}/courses/${month}/index.html`, rows };
  }
  return best?.rel ?? null;
}

// Returns { checked, violations, detail }.
export async function checkPrint(browser, siteDir, tmpDir) {
  const violations = [];
  const rel = longestMonthPage(siteDir);
  if (!rel) return { checked: 0, violations: [`${siteDir}: no month page to print`], detail: '' };
  const server = await startServer(siteDir);
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const dom = await page.evaluate((screenOnly) => {
      const text = (e) => e.textContent.trim();
      const links = document.querySelectorAll('.course-table a[href^="tel:"], .course-table a[href^="mailto:"], .course-table a[href^="http"]');
      const qr = document.querySelector('.printed-address svg');
      const box = qr && qr.getBoundingClientRect();
      return {
        headers: [...document.querySelectorAll('.course-table thead th')].map(text),
        tokens: [...new Set([...links].map(text))],
        qr: box ? { width: box.width, height: box.height } : null,
        url: document.querySelector('.printed-address p')?.textContent.trim() ?? null,
        printed: screenOnly.filter((s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== 'none')),
      };
    }, SCREEN_ONLY);
    const pdf = path.join(tmpDir, 'month-page.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const sheets = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .split('\f').filter((s) => s.trim());
    const fail = (problem) => violations.push(`${rel}: ${problem}`);
    if (sheets.length < 2) fail(`the list fits on ${sheets.length} sheet(s); the check needs a longer one`);
    if (dom.headers.length < 8) fail(`the table has ${dom.headers.length} column headers in <thead>, not 8`);
    sheets.forEach((sheet, i) => {
      const lines = sheet.split('\n');
      if (!lines.some((l) => dom.headers.every((h) => l.includes(h)))) fail(`sheet ${i + 1} has no header row (${dom.headers.join(' | ')})`);
    });
    const lines = sheets.flatMap((s) => s.split('\n')).map(squash);
    if (!dom.tokens.length) fail('the table has no phone, e-mail or web address to check');
    for (const token of dom.tokens) {
      if (!lines.some((l) => l.includes(squash(token)))) fail(`"${token}" is broken across lines`);
    }
    if (!dom.url) fail('no web address printed at the end');
    else if (!squash(sheets[sheets.length - 1]).includes(squash(dom.url))) fail(`the last sheet does not show ${dom.url}`);
    if (!dom.qr || dom.qr.width < 40 || dom.qr.height < 40) fail(`the QR code is missing or too small to scan (${JSON.stringify(dom.qr)})`);
    for (const s of dom.printed) fail(`${s} is printed (screen only)`);
    return {
      checked: 1, violations,
      detail: `${rel}: ${sheets.length} sheets, ${dom.tokens.length} addresses, header row on every sheet`,
    };
  } finally {
    await ctx.close();
    await server.close();
  }
}
