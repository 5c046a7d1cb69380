// Claims list: a "select all" box in the table header and a live count in the sticky bulk bar.
// Without this script the row boxes and the bulk form below the list still work.
(function () {
  'use strict';
  var all = document.getElementById('select-all');
  var count = document.querySelector('.bulk-bar .bulk-count');
  if (!all || !count) { return; }
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][form=bulk][name="Input.Claims"]'));
  all.hidden = false;

  function update() {
    var selected = boxes.filter(function (b) { return b.checked; }).length;
    all.checked = selected > 0 && selected === boxes.length;
    all.indeterminate = selected > 0 && selected < boxes.length;
    count.textContent = selected === 0 ? 'No claims selected.' : selected === 1 ? '1 claim selected.' : selected + ' claims selected.';
  }

  all.addEventListener('change', function () {
    boxes.forEach(function (b) { b.checked = all.checked; });
    update();
  });
  boxes.forEach(function (b) { b.addEventListener('change', update); });
  update();
})();
