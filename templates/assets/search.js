// Lotse search: finds records and pages in the language's search files (<lang>/search/, see
// search/search_index.h), loaded a piece at a time from the first use of the field: the entry with
// the folding rules, then for each word of the query the shards its first letters fall in, then
// the titles and lines of the results shown. The index's words were folded by the entry's rules
// (search/fold.h); the query is folded by the same rules here, so both spell a word the same way.
// Without JavaScript the form sends the words to this page, which then leads to the A–Z list.
(function () {
  'use strict';
  var form = document.querySelector('form[data-search-index]');
  if (!form) return;
  var field = form.querySelector('input[name=q]');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var lang = ((status || form).closest('[lang]') || document.documentElement).lang;
  var plural = JSON.parse(status.dataset.plural || '{}');
  var rules = new Intl.PluralRules(lang);
  var numbers = new Intl.NumberFormat(lang, status.dataset.numbering ? { numberingSystem: status.dataset.numbering } : {});
  var languageRoot = form.dataset.languageRoot || '';
  var entryUrl = form.dataset.searchIndex;
  var folder = entryUrl.slice(0, entryUrl.lastIndexOf('/') + 1);
  var page = 10;  // results shown at a time; "more" shows the next ones
  var entry = null, loading = null, files = {}, map = {}, drop = {};

  // The query as the index was folded: NFKC, then each code point by the table.
  function fold(text) {
    var out = '';
    for (var ch of text.normalize('NFKC')) {
      if (drop[ch]) continue;
      out += Object.prototype.hasOwnProperty.call(map, ch) ? map[ch] : ch;
    }
    return out;
  }
  function queryWords(text) { return fold(text).match(/[\p{L}\p{M}\p{N}]+/gu) || []; }

  function json(url, options) {
    return fetch(url, options).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }
  // The entry; `fresh` asks past the browser's cache, when a file turned out to be of a newer build.
  function load(fresh) {
    if (!loading) {
      loading = json(entryUrl, fresh ? { cache: 'no-cache' } : {}).then(function (data) {
        map = data.rules.map;
        drop = {};
        for (var ch of data.rules.drop) drop[ch] = true;
        entry = data;
        files = {};
      });
      loading.catch(function () { loading = null; });  // offline for a moment: the next use asks again
    }
    return loading;
  }
  // A file the entry names ("words-3"), once; one of another build than the entry is refused.
  function file(name) {
    if (!files[name]) {
      files[name] = json(folder + name + '.json?v=' + entry.v).then(function (data) {
        if (data.v !== entry.v) throw new Error('another build');
        return data;
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }
  // Runs `work` once the entry is there; if a file is of another build or missing, once more with
  // the entry fetched anew. Offline, nothing happens and the A–Z link stays.
  function withIndex(work) {
    return load(false).then(work).catch(function () {
      loading = null;
      return load(true).then(work);
    }).catch(function () { return null; });
  }

  // The shards whose words may begin with `word`: the one it falls in, and those after it whose
  // first word begins with it.
  function shardsFor(word, firsts) {
    var i = firsts.length - 1;
    while (i > 0 && firsts[i] > word) i--;
    var out = [i];
    for (var j = i + 1; j < firsts.length && firsts[j].lastIndexOf(word, 0) === 0; j++) out.push(j);
    return out;
  }

  // How well each item matches `word`, by item number: a whole word 3, its beginning 2, (from three
  // letters on) inside a word such as "Führerschein" for "schein" 1; in a title 10 more.
  function scores(word) {
    var parts = [['words', 0]];
    if (word.length >= 3) parts.push(['infix', 1]);
    return Promise.all(parts.map(function (part) {
      return Promise.all(shardsFor(word, entry[part[0]]).map(function (n) { return file(part[0] + '-' + n); }));
    })).then(function (found) {
      var best = new Map();
      found.forEach(function (shards, infix) {
        shards.forEach(function (shard) {
          for (var key in shard.words) {
            if (key.lastIndexOf(word, 0) !== 0) continue;
            var score = infix ? 1 : key === word ? 3 : 2, entryValue = 0;
            shard.words[key].forEach(function (step) {
              entryValue += step;
              var item = entryValue >> 2, total = ((entryValue & 3) < 2 ? 10 : 0) + score;
              if (!(best.get(item) >= total)) best.set(item, total);
            });
          }
        });
      });
      return best;
    });
  }

  // Every word of the query must match; a match in the title counts more than one in the text.
  // The items found, best first, as [item number, score].
  function search(query) {
    var asked = queryWords(query);
    if (!asked.length) return Promise.resolve(null);
    return Promise.all(asked.map(scores)).then(function (each) {
      var found = [];
      each[0].forEach(function (score, item) {
        for (var i = 1; i < each.length; i++) {
          var s = each[i].get(item);
          if (!s) return;
          score += s;
        }
        found.push([item, score]);
      });
      found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return found;
    });
  }

  // The items `numbers` as [kind, route, title, line], from the chunks that hold them.
  function items(numbers) {
    var chunks = {};
    numbers.forEach(function (n) { chunks[Math.floor(n / entry.chunk)] = true; });
    var names = Object.keys(chunks);
    return Promise.all(names.map(function (c) { return file('items-' + c); })).then(function (loaded) {
      var byChunk = {};
      names.forEach(function (c, i) { byChunk[c] = loaded[i].items; });
      return numbers.map(function (n) { return byChunk[Math.floor(n / entry.chunk)][n % entry.chunk]; });
    });
  }

  var current = null;  // {query, found, shown}
  function append(from, to) {
    var mine = current;
    return items(mine.found.slice(from, to).map(function (f) { return f[0]; })).then(function (shown) {
      if (current !== mine) return;
      shown.forEach(function (item) {
        var li = document.createElement('li');
        var kind = document.createElement('span');
        kind.className = 'result-kind';
        kind.textContent = entry.kinds[item[0]];
        var link = document.createElement('a');
        link.href = languageRoot + item[1];
        link.textContent = item[2];
        li.appendChild(kind);
        li.appendChild(link);
        if (item[3]) {
          var line = document.createElement('p');
          line.textContent = item[3];
          li.appendChild(line);
        }
        list.appendChild(li);
      });
      mine.shown = Math.min(to, mine.found.length);
      if (more) more.hidden = mine.shown >= mine.found.length;
    });
  }

  function show(query, found) {
    current = { query: query, found: found || [], shown: 0 };
    list.textContent = '';
    if (more) more.hidden = true;
    if (!found) {
      list.hidden = true;
      status.textContent = '';
      return Promise.resolve();
    }
    list.hidden = found.length === 0;
    var count = found.length;
    var form_ = count === 0 && plural['0'] ? '0' : rules.select(count);
    status.textContent = (plural[form_] || plural.other || '').replace('#', numbers.format(count));
    return append(0, page);
  }

  function run(remember) {
    var query = field.value;
    return withIndex(function () {
      return search(query).then(function (found) {
        if (field.value !== query) return;  // typed on meanwhile: the newer query shows
        if (remember) history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
        return show(query, found);
      });
    });
  }

  var typing = null;
  field.addEventListener('focus', function () { withIndex(function () {}); });
  // Typing searches from the second letter: one letter begins hundreds of words, in several shards
  // (more than a whole query needs on a phone), and finds too much to help. Enter searches any query.
  field.addEventListener('input', function () {
    clearTimeout(typing);
    if ([...queryWords(field.value).join('')].length < 2) {
      show(field.value, null);
      return;
    }
    typing = setTimeout(function () { run(true); }, 120);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run(true);
  });
  if (more) {
    more.addEventListener('click', function () {
      if (current) withIndex(function () { return append(current.shown, current.shown + page); });
    });
  }
  var asked = new URLSearchParams(location.search).get('q');
  if (asked) {
    field.value = asked;
    run(false);
  }
  // For the browser tests and the benchmark: the query's results as {count, titles, routes, ms}
  // (ms: from the query to the first results shown, the files they need loaded). The titles and
  // routes are those of every result, loaded after the time is taken, unless `all` is false.
  window.lotseSearch = function (query, all) {
    return withIndex(function () {
      var start = performance.now();
      field.value = query;
      return search(query).then(function (found) {
        return show(query, found).then(function () {
          var ms = performance.now() - start;
          var numbers = (found || []).map(function (f) { return f[0]; });
          return (all === false ? Promise.resolve([]) : items(numbers)).then(function (shown) {
            return { count: numbers.length, titles: shown.map(function (i) { return i[2]; }),
                     routes: shown.map(function (i) { return i[1]; }), ms: ms };
          });
        });
      });
    });
  };
})();
