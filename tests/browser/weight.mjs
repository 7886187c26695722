// Static page weight for every HTML file: the file plus every local resource it makes the
// browser load (stylesheets, scripts, images, and what the stylesheets load in turn). The
// browser gate measures the real transfer on a sample of pages and compares with this.
import fs from 'node:fs';
import path from 'node:path';
import { scanHtml } from './html-scan.mjs';

const REL_LOADS = new Set(['stylesheet', 'icon', 'preload', 'modulepreload', 'manifest', 'apple-touch-icon']);

export function staticWeights(siteDir, htmlFiles) {
  const sizeCache = new Map();
  const size = (rel) => {
    if (!sizeCache.has(rel)) {
      let n = 0;
      try { n = fs.statSync(path.join(siteDir, rel)).size; } catch { n = 0; }
      sizeCache.set(rel, n);
    }
    return sizeCache.get(rel);
  };
  const local = (fromRel, ref) => {
    if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('#')) return null;
    const p = ref.replace(/[?#].*$/, '');
    if (!p) return null;
    try {
      return path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), decodeURIComponent(p)));
    } catch { return null; }
  };
  const cssDeps = new Map();
  const cssLoads = (rel) => {
    if (!cssDeps.has(rel)) {
      const out = [];
      let css = '';
      try { css = fs.readFileSync(path.join(siteDir, rel), 'utf8'); } catch { /* missing: links gate */ }
      for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
        const t = local(rel, m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
        if (t) out.push(t);
      }
      cssDeps.set(rel, out);
    }
    return cssDeps.get(rel);
  };

  const result = new Map();
  for (const rel of htmlFiles) {
    const loads = new Set();
    const { tags } = scanHtml(fs.readFileSync(path.join(siteDir, rel), 'utf8'));
    const add = (ref) => { const t = local(rel, ref); if (t) loads.add(t); };
    for (const t of tags) {
      const a = t.attrs;
      if (t.name === 'link' && (a.get('rel') || '').toLowerCase().split(/\s+/).some((r) => REL_LOADS.has(r))) add(a.get('href'));
      if (['script', 'img', 'iframe', 'embed', 'source', 'audio', 'video', 'track', 'input'].includes(t.name) && a.has('src')) add(a.get('src'));
      if ((t.name === 'img' || t.name === 'source') && a.has('srcset')) for (const c of a.get('srcset').split(',')) add(c.trim().split(/\s+/)[0]);
      if (t.name === 'video' && a.has('poster')) add(a.get('poster'));
      if (t.name === 'object' && a.has('data')) add(a.get('data'));
    }
    for (const r of [...loads]) if (r.endsWith('.css')) for (const d of cssLoads(r)) loads.add(d);
    let bytes = size(rel);
    for (const r of loads) bytes += size(r);
    result.set(rel, { bytes, loads: [...loads] });
  }
  return result;
}
