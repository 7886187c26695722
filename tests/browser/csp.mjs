// The pages' Content-Security-Policy in Chromium: one page of every kind, in German and Arabic, plus
// the language chooser and the 404 page served at a deep path (its inline style is allowed by its
// hash alone), load without a single `securitypolicyviolation` event or CSP console message. A
// control page first shows that a blocked inline style is noticed. Run by run.sh before the gates.
//   node csp.mjs --site DIR
// Prints one line per page and "csp: N passed, M failed"; exits 1 on any failure.
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
  console.log(`csp: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// The first page (by name) of `folder` of language `lang`, as a path from the site's root.
function first(lang, folder, pick = (n) => n.endsWith('.html') && n !== 'index.html') {
  const dir = path.join(site, lang, folder);
  if (!fs.existsSync(dir)) return null;
  const name = fs.readdirSync(dir).sort().find(pick);
  return name ? `${lang}/${folder}/${name}` : null;
}
function pagesOf(lang) {
  const month = first(lang, 'courses', (n) => /^\d{4}-\d{2}$/.test(n));
  return [`${lang}/index.html`, first(lang, 'life-phases'), first(lang, 'topics'), `${lang}/courses/index.html`,
    month && `${month}/index.html`, `${lang}/counselling/index.html`, `${lang}/a-z/index.html`,
    `${lang}/imprint/index.html`, first(lang, 'offers'), first(lang, 'courses'), first(lang, 'contacts'),
    first(lang, 'providers'), first(lang, 'pathways')].filter(Boolean);
}

// Each violation as the page reports it (the event) and as Chromium logs it (the console).
const WATCH = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};
async function violations(ctx, url, act) {
  const page = await ctx.newPage();
  const logged = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) logged.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });
  if (act) await act(page);
  await page.waitForTimeout(50);
  const seen = await page.evaluate(() => window.__cspViolations);
  await page.close();
  return [...seen, ...logged];
}

const server = await startServer(site);
const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lotse-csp-'));
process.env.TMPDIR = profile;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
try {
  const ctx = await browser.newContext();
  await ctx.addInitScript(WATCH);
  // The 404 page as a web server sends it for an unknown address, two folders deep.
  const missing = `${server.origin}/de/offers/no-such-offer.html`;
  await ctx.route(missing, (route) => route.fulfill({
    status: 404, contentType: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(site, '404.html')),
  }));

  const control = await violations(ctx, `${server.origin}/de/index.html`, (page) => page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  }));
  check(control.some((v) => v.startsWith('style-src')), `an inline style added to a page is blocked and noticed (${control[0] ?? 'nothing seen'})`);

  const pages = ['index.html', ...pagesOf('de'), ...pagesOf('ar')].map((p) => `${server.origin}/${p}`);
  pages.push(missing);
  for (const url of pages) {
    const seen = await violations(ctx, url);
    check(seen.length === 0, `${url.slice(server.origin.length)}${seen.length ? ': ' + seen.join('; ') : ''}`);
  }
  const notFound = await ctx.newPage();
  await notFound.goto(missing);
  const styled = await notFound.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
  check(styled !== 'static', `the 404 page at a deep path is styled by its inline stylesheet (skip link: ${styled})`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`csp: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
