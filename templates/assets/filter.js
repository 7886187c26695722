// Lotse list filters: filters a list in place from a form and keeps the choice in the address, so
// a filtered view can be shared. The form is folded under a summary, so that the list comes first.
// Without JavaScript the form stays hidden and the whole list shows.
(function () {
  'use strict';
  document.querySelectorAll('form[data-filter]').forEach(function (form) {
    var list = document.getElementById(form.dataset.filter);
    var status = document.getElementById(form.dataset.filter + '-status');
    if (!list) return;
    // The status counts in the grammar of the language it is written in, which is not the page's
    // where the interface is borrowed from the source language.
    var lang = ((status || form).closest('[lang]') || document.documentElement).lang;
    var rules = new Intl.PluralRules(lang);
    var items = list.querySelectorAll('[data-filter-item]');
    var controls = form.querySelectorAll('select, input[type=checkbox]');
    var plural = status ? JSON.parse(status.dataset.plural || '{}') : {};
    var numbers = new Intl.NumberFormat(lang, status && status.dataset.numbering ? { numberingSystem: status.dataset.numbering } : {});
    // The folded filters' summary says how many are active, so that a reader who closed them knows
    // the list is filtered.
    var summary = form.querySelector('.filter-count');
    var active = summary ? JSON.parse(summary.dataset.plural || '{}') : {};
    var summaryRules = summary ? new Intl.PluralRules(summary.closest('[lang]').lang) : rules;

    function counted(forms, pluralRules, count) {
      var which = count === 0 && forms['0'] ? '0' : pluralRules.select(count);
      return (forms[which] || forms.other || '').replace('#', numbers.format(count));
    }

    function chosen() {
      var out = [];
      controls.forEach(function (c) {
        if (c.type === 'checkbox' ? c.checked : c.value) out.push([c.name, c.value]);
      });
      return out;
    }

    function apply(remember) {
      var filters = chosen();
      var shown = {};
      items.forEach(function (item) {
        var match = filters.every(function (f) {
          return (item.getAttribute('data-' + f[0]) || '').indexOf('|' + f[1] + '|') >= 0;
        });
        item.hidden = !match;
        if (match) shown[item.dataset.filterItem] = true;
      });
      list.querySelectorAll('[data-filter-group]').forEach(function (group) {
        group.hidden = !group.querySelector('[data-filter-item]:not([hidden])');
      });
      var count = Object.keys(shown).length;
      if (status) status.textContent = counted(plural, rules, count);
      if (summary) summary.textContent = counted(active, summaryRules, filters.length);
      if (remember) {
        var params = new URLSearchParams();
        filters.forEach(function (f) { params.append(f[0], f[1]); });
        var query = params.toString();
        history.replaceState(null, '', query ? '?' + query : location.pathname);
      }
    }

    var params = new URLSearchParams(location.search);
    controls.forEach(function (c) {
      var value = params.get(c.name);
      if (value === null) return;
      if (c.type === 'checkbox') c.checked = value === c.value;
      else c.value = value;
    });
    form.addEventListener('change', function () { apply(true); });
    form.addEventListener('reset', function () { setTimeout(function () { apply(true); }, 0); });
    form.hidden = false;
    apply(false);
  });
})();
