// Lotse search: finds records and pages in the language's search index (<lang>/search/index.json),
// loaded the first time the field is used. The index carries the rules its words were folded by
// (search/fold.h); the query, and the title and line each result shows, are folded by the same
// rules here, so all spell a word the same way.
// Without JavaScript the form sends the words to this page, which then leads to the A–Z list.
(function () {
  'use strict';
  var form = document.querySelector('form[data-search-index]');
  if (!form) return;
  var field = form.querySelector('input[name=q]');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var lang = ((status || form).closest('[lang]') || document.documentElement).lang;
  var plural = JSON.parse(status.dataset.plural || '{}');
  var rules = new Intl.PluralRules(lang);
  var numbers = new Intl.NumberFormat(lang, status.dataset.numbering ? { numberingSystem: status.dataset.numbering } : {});
  var languageRoot = form.dataset.languageRoot || '';
  var shownAtMost = 50;
  var index = null, loading = null, map = {}, drop = {};

  // The query as the index was folded: NFKC, then each code point by the table.
  function fold(text) {
    var out = '';
    for (var ch of text.normalize('NFKC')) {
      if (drop[ch]) continue;
      out += Object.prototype.hasOwnProperty.call(map, ch) ? map[ch] : ch;
    }
    return out;
  }
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  function queryWords(text) { return fold(text).match(WORD) || []; }
  // A shown text's words as the index has them: a word written with a zero-width non-joiner
  // joined and as its parts, so a query typed with a space instead finds it too.
  function words(text) {
    var out = queryWords(text);
    return text.indexOf('\u200c') < 0 ? out : out.concat(queryWords(text.replace(/\u200c/g, ' ')));
  }
  function split(list) { return list ? list.split(' ') : []; }

  function load() {
    if (!loading) {
      loading = fetch(form.dataset.searchIndex).then(function (r) { return r.json(); }).then(function (data) {
        map = data.rules.map;
        for (var ch of data.rules.drop) drop[ch] = true;
        index = data.items.map(function (item) {
          return { kind: data.kinds[item[0]], route: item[1], title: item[2], line: item[3],
                   titleWords: words(item[2]).concat(split(item[4])), bodyWords: words(item[3]).concat(split(item[5])) };
        });
      }).catch(function () {
        loading = null;  // offline for a moment: the next use asks again; the A–Z link stays
      });
    }
    return loading;
  }

  // How well `word` matches a word of `words`: whole word, its beginning, or (from three letters
  // on) inside a compound such as "Führerschein" for "schein"; 0: not at all.
  function best(word, words) {
    var score = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w === word) return 3;
      if (w.lastIndexOf(word, 0) === 0) score = 2;
      else if (score === 0 && word.length >= 3 && w.indexOf(word) > 0) score = 1;
    }
    return score;
  }

  // Every word of the query must match; a match in the title counts more than one in the text.
  function search(query) {
    var asked = queryWords(query);
    if (!asked.length) return null;
    var found = [];
    index.forEach(function (item, order) {
      var total = 0;
      for (var i = 0; i < asked.length; i++) {
        var inTitle = best(asked[i], item.titleWords), inBody = best(asked[i], item.bodyWords);
        if (!inTitle && !inBody) return;
        total += inTitle ? 10 + inTitle : inBody;
      }
      found.push({ item: item, score: total, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found;
  }

  function show(query) {
    var found = search(query);
    list.textContent = '';
    if (!found) {
      list.hidden = true;
      status.textContent = '';
      return [];
    }
    found.slice(0, shownAtMost).forEach(function (f) {
      var li = document.createElement('li');
      var kind = document.createElement('span');
      kind.className = 'result-kind';
      kind.textContent = f.item.kind;
      var link = document.createElement('a');
      link.href = languageRoot + f.item.route;
      link.textContent = f.item.title;
      li.appendChild(kind);
      li.appendChild(link);
      if (f.item.line) {
        var line = document.createElement('p');
        line.textContent = f.item.line;
        li.appendChild(line);
      }
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    var count = found.length;
    var form_ = count === 0 && plural['0'] ? '0' : rules.select(count);
    status.textContent = (plural[form_] || plural.other || '').replace('#', numbers.format(count));
    return found;
  }

  function run(remember) {
    var query = field.value;
    return load().then(function () {
      if (!index) return;
      show(query);
      if (remember) history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    });
  }

  var typing = null;
  field.addEventListener('focus', load);
  field.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { run(true); }, 120);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run(true);
  });
  var asked = new URLSearchParams(location.search).get('q');
  if (asked) {
    field.value = asked;
    run(false);
  }
  // For the browser tests and the benchmark: the query's results, as {count, titles, ms}.
  window.lotseSearch = function (query) {
    return load().then(function () {
      var start = performance.now();
      field.value = query;
      var found = show(query);
      var ms = performance.now() - start;
      return { count: found.length, titles: found.map(function (f) { return f.item.title; }), routes: found.map(function (f) { return f.item.route; }), ms: ms };
    });
  };
})();
