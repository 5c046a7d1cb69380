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
  var note = document.getElementById('highlight-body');
  if (!body || !raw || !quote || !occurrence) { return; }
  var text = raw.textContent;
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
    var near = rawOffset(range);
    var best = 0;
    for (var i = 1; i < found.length; i++) {
      if (Math.abs(found[i] - near) < Math.abs(found[best] - near)) { best = i; }
    }
    quote.value = passage;
    occurrence.value = found.length > 1 ? String(best + 1) : '';
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
