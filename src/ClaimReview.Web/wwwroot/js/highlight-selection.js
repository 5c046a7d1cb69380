// Article page: selecting a passage in the body fills the highlight form below (the passage and which occurrence it is),
// so a person highlights by selecting text instead of pasting. Without this script the form works as before.
// The occurrence follows the server's rule (Annotations/HighlightAnchor): exact occurrences in the raw text, else
// occurrences with whitespace runs matching any whitespace; the one nearest to where the selection starts is chosen.
(function () {
  'use strict';
  var body = document.querySelector('article.body');
  var raw = document.querySelector('pre.raw');
  var quote = document.getElementById('highlight-quote');
  var occurrence = document.getElementById('highlight-occurrence');
  var near = document.getElementById('highlight-near');
  var note = document.getElementById('highlight-body');
  if (!body || !raw || !quote || !occurrence) { return; }
  var text = raw.textContent;
  // A long article's page holds part of the raw text, from data-start: occurrences cannot be counted here, so the form
  // gets where the selection is (Input.Near) and the server takes the occurrence nearest to it.
  var base = raw.hasAttribute('data-start') ? parseInt(raw.getAttribute('data-start'), 10) : 0;
  var partial = raw.hasAttribute('data-start');
  var hint = document.querySelector('.selection-hint');
  if (hint) { hint.hidden = false; }

  // Where the selection starts in the raw text: the paragraph's offset plus the characters before it in the paragraph.
  function rawOffset(range) {
    var node = range.startContainer;
    var element = node.nodeType === 1 ? node : node.parentElement;
    var paragraph = element && element.closest('p[data-start]');
    if (!paragraph) { return 0; }
    var before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return parseInt(paragraph.getAttribute('data-start'), 10) + before.toString().length;
  }

  function occurrences(passage) {
    var found = [];
    var at = text.indexOf(passage);
    while (at >= 0) {
      found.push(at);
      at = text.indexOf(passage, at + 1);
    }
    if (found.length > 0) { return found; }
    var words = passage.trim().split(/\s+/).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    var pattern = new RegExp(words.join('\\s+'), 'g');
    var match;
    while ((match = pattern.exec(text)) !== null) {
      found.push(match.index);
      pattern.lastIndex = match.index + 1;
    }
    return found;
  }

  function fill() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) { return; }
    var passage = selection.toString().trim();
    if (passage.trim().length === 0) { return; }
    var found = occurrences(passage);
    if (found.length === 0) { return; }
    var at = rawOffset(range) - base;
    var best = 0;
    for (var i = 1; i < found.length; i++) {
      if (Math.abs(found[i] - at) < Math.abs(found[best] - at)) { best = i; }
    }
    quote.value = passage;
    if (partial) {
      occurrence.value = '';
      if (near) { near.value = String(base + found[best]); }
    } else {
      occurrence.value = found.length > 1 ? String(best + 1) : '';
    }
    quote.dispatchEvent(new Event('change'));
  }

  body.addEventListener('mouseup', fill);
  body.addEventListener('keyup', fill);
  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (selection && !selection.isCollapsed && selection.rangeCount > 0 && body.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      fill();
    }
  });
  if (note) { note.setAttribute('placeholder', 'Your note on the selected passage'); }
})();
