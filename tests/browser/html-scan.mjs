// A small HTML tokenizer: enough to list the start tags of generated pages with their
// attributes (entities decoded) and the text of <style> blocks. Comments, doctype and the
// contents of <script>/<style> are skipped as the HTML parser would. It is not a full parser;
// the vnu gate checks that the markup is valid, this only has to read valid markup right.

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

function lineIndex(html) {
  const starts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

// Returns { tags: [{name, attrs: Map, line}], styles: [text] }.
export function scanHtml(html) {
  const tags = [];
  const styles = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) { i = lt + 1; continue; }
    const name = m[1].toLowerCase();
    // Find the end of the start tag, honouring quoted attribute values.
    let j = lt + m[0].length;
    let quote = null;
    for (; j < n; j++) {
      const c = html[j];
      if (quote) { if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const attrText = html.slice(lt + m[0].length, j);
    const attrs = new Map();
    const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    let a;
    while ((a = re.exec(attrText))) {
      const key = a[1].toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name, attrs, index: lt });
    i = j + 1;
    if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf('</' + name, i);
      const body = html.slice(i, close === -1 ? n : close);
      if (name === 'style') styles.push(body);
      i = close === -1 ? n : close;
    }
  }
  const lineAt = lineIndex(html);
  for (const t of tags) t.line = lineAt(t.index);
  return { tags, styles };
}
