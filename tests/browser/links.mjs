// Gate c: every internal href/src/action and #fragment of every HTML file resolves to an
// existing file / element id, and nothing leaves the site except the http(s), mailto and tel
// links that come from the records. Nothing is fetched: external links are only compared with
// the addresses found in content/. Also checks url() in stylesheets and the sitemap's URLs.
import fs from 'node:fs';
import path from 'node:path';
import { scanHtml, decodeEntities } from './html-scan.mjs';

const LINK_ATTRS = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'srcset'];

export function walk(dir, pred = () => true, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, pred, base, out);
    else if (pred(e.name)) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

const digits = (s) => s.replace(/[^0-9+]/g, '');

// The addresses the records (and site.yaml) contain: the only ones a page may link out to.
export function recordAddresses(contentDir) {
  const urls = new Set();
  const emails = new Set();
  const phones = new Set();
  for (const rel of walk(contentDir, (n) => /\.(ya?ml|md)$/.test(n))) {
    const text = fs.readFileSync(path.join(contentDir, rel), 'utf8');
    for (const m of text.matchAll(/https?:\/\/[^\s"'<>)\]}]+/g)) urls.add(m[0].replace(/[.,;:!?]+$/, ''));
    for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) emails.add(m[0].toLowerCase());
    for (const m of text.matchAll(/phone:\s*["']?(\+?[0-9][0-9 ()\/.-]*[0-9])/g)) phones.add(digits(m[1]));
    for (const m of text.matchAll(/tel:(\+?[0-9][0-9 ()\/.-]*[0-9])/g)) phones.add(digits(m[1]));
  }
  return { urls, emails, phones };
}

export function siteBaseUrl(contentDir) {
  const site = fs.readFileSync(path.join(contentDir, 'site.yaml'), 'utf8');
  const m = /^base_url:\s*["']?([^\s"'#]+)/m.exec(site);
  return m ? (m[1].endsWith('/') ? m[1] : m[1] + '/') : null;
}

export function checkLinks({ siteDir, contentDir }) {
  const violations = [];
  const allowed = recordAddresses(contentDir);
  const baseUrl = siteBaseUrl(contentDir);
  const htmlFiles = walk(siteDir, (n) => n.endsWith('.html'));
  const idCache = new Map();
  let linkCount = 0;
  let externalCount = 0;

  const parsed = new Map();
  const parse = (rel) => {
    if (!parsed.has(rel)) parsed.set(rel, scanHtml(fs.readFileSync(path.join(siteDir, rel), 'utf8')));
    return parsed.get(rel);
  };
  const idsOf = (rel) => {
    if (!idCache.has(rel)) {
      const ids = new Set();
      for (const t of parse(rel).tags) {
        if (t.attrs.has('id')) ids.add(t.attrs.get('id'));
        if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name'));
      }
      idCache.set(rel, ids);
    }
    return idCache.get(rel);
  };
  const stat = (rel) => {
    try { return fs.statSync(path.join(siteDir, rel)); } catch { return null; }
  };

  // Resolves a site-relative target path; returns an error text or null.
  const checkTarget = (fromRel, targetRel, fragment, what) => {
    if (targetRel.startsWith('../') || targetRel === '..') return `${what} leaves the output folder`;
    const st = stat(targetRel);
    if (!st) return `${what}: ${targetRel} does not exist`;
    if (st.isDirectory()) return `${what}: ${targetRel} is a folder (links must name index.html)`;
    if (fragment !== null) {
      if (fragment === '') return `${what}: empty #fragment`;
      if (!targetRel.endsWith('.html')) return `${what}: #${fragment} on a file that is not HTML`;
      let id = fragment;
      try { id = decodeURIComponent(fragment); } catch { /* keep raw */ }
      if (!idsOf(targetRel).has(id)) return `${what}: no element with id="${id}" in ${targetRel}`;
    }
    return null;
  };

  const checkValue = (fileRel, raw, what, { inCss = false } = {}) => {
    const v = raw.trim();
    linkCount++;
    if (v === '') return `${what}: empty`;
    if (v === '#') return `${what}: "#" leads nowhere`;
    const hash = v.indexOf('#');
    const fragment = hash === -1 ? null : v.slice(hash + 1);
    if (v.startsWith('#')) return checkTarget(fileRel, fileRel, fragment, what);
    if (v.startsWith('//')) return `${what}: protocol-relative URL leaves the site`;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v);
    if (scheme) {
      const s = scheme[1].toLowerCase();
      if (inCss && s === 'data') return null;
      if (s === 'http' || s === 'https') {
        if (!inCss && allowed.urls.has(v)) { externalCount++; return null; }
        if (baseUrl && v.startsWith(baseUrl)) {
          // The site's own absolute URL (canonical, hreflang alternates): must exist here.
          let p = v.slice(baseUrl.length).replace(/[?#].*$/, '');
          if (p === '' || p.endsWith('/')) p += 'index.html';
          return checkTarget(fileRel, decodeURIComponent(p), null, what);
        }
        externalCount++;
        if (inCss) return `${what}: stylesheet loads from another host`;
        return `${what}: external URL that no record contains`;
      }
      if (s === 'mailto') {
        externalCount++;
        const addr = decodeURIComponent(v.slice(7).split('?')[0]).toLowerCase();
        return allowed.emails.has(addr) ? null : `${what}: e-mail address that no record contains`;
      }
      if (s === 'tel') {
        externalCount++;
        return allowed.phones.has(digits(v.slice(4))) ? null : `${what}: phone number that no record contains`;
      }
      return `${what}: scheme "${s}:" is not allowed`;
    }
    if (v.startsWith('/')) return `${what}: root-absolute path (links must be relative)`;
    const pathPart = v.replace(/[?#].*$/, '');
    let decoded = pathPart;
    try { decoded = decodeURIComponent(pathPart); } catch { return `${what}: bad percent-encoding`; }
    const target = pathPart === '' ? fileRel : path.posix.normalize(path.posix.join(path.posix.dirname(fileRel), decoded));
    return checkTarget(fileRel, target, fragment, what);
  };

  const cssUrls = (css) => {
    const out = [];
    for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) out.push(m[1] ?? m[2] ?? m[3]);
    for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) out.push(m[1] ?? m[2]);
    return out;
  };

  for (const rel of htmlFiles) {
    const { tags, styles } = parse(rel);
    for (const t of tags) {
      for (const attr of LINK_ATTRS) {
        if (!t.attrs.has(attr)) continue;
        if (attr === 'data' && t.name !== 'object') continue;
        if (attr === 'cite' && !['q', 'blockquote', 'del', 'ins'].includes(t.name)) continue;
        const values = attr === 'srcset'
          ? t.attrs.get(attr).split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean)
          : [t.attrs.get(attr)];
        for (const value of values) {
          const err = checkValue(rel, value, `<${t.name} ${attr}="${value}">`);
          if (err) violations.push(`${rel}:${t.line}: ${err}`);
        }
      }
      if (t.name === 'meta' && (t.attrs.get('http-equiv') || '').toLowerCase() === 'refresh') {
        violations.push(`${rel}:${t.line}: <meta http-equiv="refresh"> is not allowed`);
      }
      if (t.attrs.has('style')) {
        for (const u of cssUrls(t.attrs.get('style'))) {
          const err = checkValue(rel, u, `style url(${u})`, { inCss: true });
          if (err) violations.push(`${rel}:${t.line}: ${err}`);
        }
      }
    }
    for (const css of styles) {
      for (const u of cssUrls(css)) {
        const err = checkValue(rel, u, `<style> url(${u})`, { inCss: true });
        if (err) violations.push(`${rel}: ${err}`);
      }
    }
  }

  const cssFiles = walk(siteDir, (n) => n.endsWith('.css'));
  for (const rel of cssFiles) {
    for (const u of cssUrls(fs.readFileSync(path.join(siteDir, rel), 'utf8'))) {
      const err = checkValue(rel, u, `url(${u})`, { inCss: true });
      if (err) violations.push(`${rel}: ${err}`);
    }
  }

  // The sitemap names pages by their absolute URL: each must exist in the output.
  let sitemapUrls = 0;
  const sitemap = path.join(siteDir, 'sitemap.xml');
  if (baseUrl && fs.existsSync(sitemap)) {
    const xml = fs.readFileSync(sitemap, 'utf8');
    for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>|\shref="([^"]*)"/g)) {
      const u = decodeEntities(m[1] ?? m[2]);
      sitemapUrls++;
      if (!u.startsWith(baseUrl)) { violations.push(`sitemap.xml: ${u} is not under base_url ${baseUrl}`); continue; }
      let p = u.slice(baseUrl.length);
      if (p === '' || p.endsWith('/')) p += 'index.html';
      const err = checkTarget('sitemap.xml', decodeURIComponent(p), null, `sitemap URL ${u}`);
      if (err) violations.push(`sitemap.xml: ${err}`);
    }
  }

  return {
    violations,
    checked: htmlFiles.length,
    detail: `${htmlFiles.length} HTML files, ${linkCount} links (${externalCount} to record addresses), ${cssFiles.length} stylesheets, ${sitemapUrls} sitemap URLs`,
  };
}
