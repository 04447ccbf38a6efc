// Kenes: progressive enhancement only; the form works the same without it.
// Shows how many characters are left in each limited text area, counted in code points
// as the server counts them (after NFC normalisation, which the browser's String.normalize does),
// in the page's language: its plural forms (the hint's data-left-*/data-over-* phrases) and its
// way of writing numbers, whatever the browser's own locale.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var hint = document.getElementById('h-text');
  var area = document.getElementById('f-text');
  if (!hint || !area) return;
  var lang = document.documentElement.lang || 'kk';
  var limit = parseInt(area.getAttribute('maxlength'), 10) || 5000;
  var original = hint.textContent;
  var plural = new Intl.PluralRules(lang);
  // Kazakh writes numbers as Russian does ("4 990"); browsers without Kazakh number data
  // (Debian's Chromium among them) would write "4,990", so Kazakh pages format as Russian.
  var number = new Intl.NumberFormat(lang === 'kk' ? 'ru' : lang);
  function phrase(kind, n) {
    var text = hint.getAttribute('data-' + kind + '-' + plural.select(n)) ||
      hint.getAttribute('data-' + kind + '-other') || '{n}';
    return text.replace('{n}', number.format(n));
  }
  function update() {
    var used = Array.from(area.value.normalize('NFC')).length;
    var over = used > limit;
    hint.textContent = original + ' ' + (over ? phrase('over', used - limit) : phrase('left', limit - used)) + '.';
    hint.classList.toggle('over', over);
  }
  area.addEventListener('input', update);
  update();
  // Put the keyboard where the problems are after a failed submission.
  var summary = document.getElementById('errors');
  if (summary) summary.focus();
});
