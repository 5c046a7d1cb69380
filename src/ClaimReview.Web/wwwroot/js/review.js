// Review queue: keyboard shortcuts and "select all". Everything works without this file (every action is a button);
// this only saves clicks. j / k: next / previous item; x: select it; a: accept it; r: reject it.
(function () {
  'use strict';

  var items = Array.prototype.slice.call(document.querySelectorAll('[data-review-item]'));
  var current = -1;

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  function focusItem(index) {
    if (items.length === 0) {
      return;
    }
    if (current >= 0 && items[current]) {
      items[current].classList.remove('current');
      items[current].removeAttribute('aria-current');
    }
    current = Math.max(0, Math.min(items.length - 1, index));
    var item = items[current];
    item.classList.add('current');
    item.setAttribute('aria-current', 'true');
    if (!item.hasAttribute('tabindex')) {
      item.setAttribute('tabindex', '-1');
    }
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'nearest' });
  }

  function press(action) {
    if (current < 0) {
      return;
    }
    var button = items[current].querySelector('[data-action="' + action + '"]');
    if (button) {
      button.click();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    switch (event.key) {
      case 'j':
        focusItem(current + 1);
        break;
      case 'k':
        focusItem(current < 0 ? 0 : current - 1);
        break;
      case 'x':
        if (current >= 0) {
          var box = items[current].querySelector('input[type="checkbox"]');
          if (box) {
            box.checked = !box.checked;
            box.dispatchEvent(new Event('change', { bubbles: true }));
          }
        }
        break;
      case 'a':
        press('accept');
        break;
      case 'r':
        press('reject');
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  var all = document.querySelector('[data-select-all]');
  if (all) {
    var form = all.form;
    var boxes = function () {
      return Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][name="Input.Items"]'))
        .filter(function (b) { return b.form === form; });
    };
    all.addEventListener('change', function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
    });
    document.addEventListener('change', function (event) {
      if (event.target !== all && event.target.name === 'Input.Items') {
        var list = boxes();
        var ticked = list.filter(function (b) { return b.checked; }).length;
        all.checked = ticked === list.length && list.length > 0;
        all.indeterminate = ticked > 0 && ticked < list.length;
      }
    });
  }
})();
