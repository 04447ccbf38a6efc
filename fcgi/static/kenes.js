// Kenes: progressive enhancement only; the form works the same without it.
// Shows how many characters are left in each limited text area, counted in code points
// as the server counts them (after NFC normalisation, which the browser's String.normalize does).
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var hint = document.getElementById('h-text');
  var area = document.getElementById('f-text');
  if (!hint || !area) return;
  var limit = parseInt(area.getAttribute('maxlength'), 10) || 5000;
  var original = hint.textContent;
  var left = hint.getAttribute('data-left') || '';
  function update() {
    var used = Array.from(area.value.normalize('NFC')).length;
    hint.textContent = original + ' ' + (limit - used).toLocaleString() + ' ' + left + '.';
    hint.classList.toggle('over', used > limit);
  }
  area.addEventListener('input', update);
  update();
  // Put the keyboard where the problems are after a failed submission.
  var summary = document.getElementById('errors');
  if (summary) summary.focus();
});
