// Every text in the language it is really in, and the filter status in the grammar of its language,
// checked in every site language of a site that has one language without a catalog (run.sh builds
// the sample with ti added). Run by run.sh before the gates.
//   node languages.mjs --site DIR
// (a) The live region of the course and counselling filters, for 0, 1, 2, 5 and 11 results: the
//     plural form that Intl.PluralRules picks for the language the status is written in (its
//     closest lang, German for ti), with the count in the page's digits, never the text for 0.
// (b) The closest [lang] of every text node is a language written in the text's script (Latin,
//     Arabic, Cyrillic, Ethiopic), and on English pages no German word (with ä ö ü ß) is marked English.
// Prints one line per check and "languages: N passed, M failed"; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ARGS, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const site = process.argv[process.argv.indexOf('--site') + 1];
const COUNTS = [0, 1, 2, 5, 11];
const SCRIPT_OF = { de: 'Latn', en: 'Latn', tr: 'Latn', ar: 'Arab', fa: 'Arab', uk: 'Cyrl', ru: 'Cyrl', ti: 'Ethi' };
const SHOW = Number(process.env.BROWSER_SHOW || 10);

let passed = 0, failed = 0;
function check(ok, what, details = []) {
  if (ok) passed++; else failed++;
  console.log(`languages: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) for (const d of details.slice(0, SHOW)) console.log(`    ${d}`);
}

// The site's languages, from the chooser's links.
function languagesOf(dir) {
  return fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'index.html')) && d !== 'assets').sort();
}

// One page of each kind a newcomer meets, where the language has it.
function pagesOf(dir, lang) {
  const out = ['index.html', 'courses/index.html', 'counselling/index.html', 'a-z/index.html', 'imprint/index.html', 'about/index.html'];
  for (const kind of ['offers', 'courses', 'contacts', 'providers', 'pathways']) {
    const folder = path.join(dir, lang, kind);
    if (!fs.existsSync(folder)) continue;
    const first = fs.readdirSync(folder).filter((f) => f.endsWith('.html') && f !== 'index.html').sort()[0];
    if (first) out.push(`${kind}/${first}`);
  }
  return out.filter((p) => fs.existsSync(path.join(dir, lang, p)));
}

// Makes exactly `n` distinct entries of the list match the first choice of the first filter and
// says so to the script (as a change of the form does); returns what the status then says.
async function statusFor(page, list, n) {
  return page.evaluate(async ({ list, n }) => {
    const form = document.querySelector(`form[data-filter="${list}"]`);
    const select = form.querySelector('select');
    const value = [...select.options].map((o) => o.value).find((v) => v);
    const attr = `data-${select.name}`;
    const seen = new Set();
    for (const item of document.querySelectorAll(`#${list} [data-filter-item]`)) {
      const id = item.dataset.filterItem;
      if (!seen.has(id) && seen.size < n) seen.add(id);
      item.setAttribute(attr, seen.has(id) ? `|${value}|` : '|none|');
    }
    select.value = value;
    form.dispatchEvent(new Event('change'));
    return { text: document.getElementById(`${list}-status`).textContent, shown: seen.size };
  }, { list, n });
}

async function filterStatus(page, origin, lang, route, list) {
  await page.goto(`${origin}/${lang}/${route}`, { waitUntil: 'load' });
  const info = await page.evaluate((list) => {
    const status = document.getElementById(`${list}-status`);
    return { lang: status.closest('[lang]').lang, plural: JSON.parse(status.dataset.plural || '{}'),
      numbering: status.dataset.numbering, items: new Set([...document.querySelectorAll(`#${list} [data-filter-item]`)]
        .map((e) => e.dataset.filterItem)).size };
  }, list);
  if (info.items < 11) {
    check(false, `${lang}/${route}: at least 11 entries to count with (${info.items})`);
    return;
  }
  const problems = [];
  const zero = (await statusFor(page, list, 0)).text;
  if (!zero) problems.push('0: the status is empty');
  for (const n of COUNTS) {
    const { text, shown } = await statusFor(page, list, n);
    if (shown !== n) problems.push(`${n}: ${shown} entries shown instead`);
    if (n === 0) continue;
    const expected = await page.evaluate(({ lang, numbering, plural, n }) => {
      const form = new Intl.PluralRules(lang).select(n);
      const number = new Intl.NumberFormat(lang, { numberingSystem: numbering }).format(n);
      return { form, number, text: (plural[form] || '').replace('#', number) };
    }, { lang: info.lang, numbering: info.numbering, plural: info.plural, n });
    if (!info.plural[expected.form]) problems.push(`${n}: no form "${expected.form}" of ${info.lang} in ${JSON.stringify(info.plural)}`);
    if (text === zero) problems.push(`${n}: says what it says for 0: "${text}"`);
    // A form may say the number in words (Arabic: "دورة واحدة"); one that writes it must write it right.
    if ((info.plural[expected.form] || '').includes('#') && !text.includes(expected.number))
      problems.push(`${n}: "${text}" does not say ${expected.number}`);
    if (text !== expected.text) problems.push(`${n}: "${text}", expected "${expected.text}" (form ${expected.form})`);
  }
  const statusLang = lang === 'ti' ? 'de' : lang;
  if (info.lang !== statusLang) problems.push(`the status is marked "${info.lang}", its words are "${statusLang}"`);
  check(problems.length === 0, `${lang}/${route}: the status says ${COUNTS.join(', ')} results in ${info.lang}`, problems);
}

// Text nodes whose letters are mostly of a script other than their closest [lang]'s. Addresses on
// the web (mail, URLs) and codes (A1, VHS, BuT) belong to no language and are left out.
async function wrongLanguage(page) {
  return page.evaluate((scriptOf) => {
    const scripts = { Latn: /\p{Script=Latin}/u, Arab: /\p{Script=Arabic}/u, Cyrl: /\p{Script=Cyrillic}/u, Ethi: /\p{Script=Ethiopic}/u };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden]')) continue;
      // An address with break points (<wbr>) is one text split in several nodes: read it whole, once.
      const whole = parent.querySelector(':scope > wbr') ? parent : null;
      if (whole && [...whole.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) !== node) continue;
      const text = (whole ? whole.textContent : node.textContent).replace(/\S+@\S+|https?:\/\/\S+|\S+\.(?:example|de|org|com)\S*/g, ' ')
        .replace(/\b[\p{Lu}\d]{1,5}\b/gu, ' ');
      const letters = [...text].filter((c) => /\p{L}/u.test(c));
      if (letters.length < 2) continue;
      const counts = {};
      for (const c of letters) for (const [s, re] of Object.entries(scripts)) if (re.test(c)) counts[s] = (counts[s] || 0) + 1;
      const script = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0];
      const lang = (parent.closest('[lang]') || document.documentElement).lang;
      const expected = scriptOf[lang.split('-')[0]];
      const snippet = node.textContent.trim().slice(0, 60);
      if (script && expected && script !== expected) out.push(`"${snippet}" (${script}) is marked ${lang}`);
      // A single German word (a place) in English; German names inside English names are English.
      else if (lang === 'en' && /^\S*[äöüßÄÖÜ]\S*$/.test(text.trim())) out.push(`"${snippet}" is German and marked en`);
    }
    return out;
  }, SCRIPT_OF);
}

const server = await startServer(site);
const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lotse-languages-'));
process.env.TMPDIR = profile;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const languages = languagesOf(site);
  check(languages.includes('ti'), `the site has a language without a catalog (ti): ${languages.join(', ')}`);
  for (const lang of languages) {
    await filterStatus(page, server.origin, lang, 'courses/index.html', 'course-list');
    await filterStatus(page, server.origin, lang, 'counselling/index.html', 'counselling-list');
    const wrong = [];
    for (const route of pagesOf(site, lang)) {
      await page.goto(`${server.origin}/${lang}/${route}`, { waitUntil: 'load' });
      for (const w of await wrongLanguage(page)) wrong.push(`${lang}/${route}: ${w}`);
    }
    check(wrong.length === 0, `${lang}: every text is marked with the language it is in (${wrong.length} not)`, wrong);
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`languages: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
