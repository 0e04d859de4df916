/* The page's sections as blocks (templates/admin/content/page/section_inline.html).
   Each block shows only its type's fields (Section.FIELDS_BY_KIND, read from the page), collapses
   to one line, and is moved (drag, or "Move up"/"Move down", announced), added anywhere,
   duplicated or removed. A form keeps its number for good: the order field carries the order,
   renumbered from the blocks' places whenever one moves or is added. Without this script the form
   still works: every field shows, and the order is typed. */
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    var group = document.querySelector('.section-editor');
    var configNode = document.getElementById('section-editor-config');
    if (!group || !configNode) return;
    var config = JSON.parse(configNode.textContent);
    var prefix = group.dataset.prefix;
    var list = group.querySelector('.section-list');
    var status = group.querySelector('.section-editor-status');
    var total = document.getElementById('id_' + prefix + '-TOTAL_FORMS');
    var template = group.querySelector('.section-block.empty-form');
    var baseLabels = {};

    function blocks() {
      return Array.prototype.filter.call(list.children, function (node) {
        return node.matches('[data-section]') && !node.classList.contains('empty-form');
      });
    }
    function live() {
      return blocks().filter(function (block) { return !block.classList.contains('removed'); });
    }
    function field(block, name) {
      return block.querySelector('[name$="-' + name + '"]');
    }
    function row(block, name) {
      return block.querySelector('.form-row.field-' + name);
    }
    function announce(text) {
      // Cleared first: the same words twice in a row are still read out.
      status.textContent = '';
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
    function nameOf(block) {
      var heading = field(block, 'heading');
      var kind = field(block, 'kind');
      var words = summaryWords(block);
      var kindText = kindName(kind);
      return (heading && heading.value.trim()) || words || kindText;
    }
    function summaryWords(block) {
      var names = ['question', 'body', 'items', 'cta_label'];
      for (var i = 0; i < names.length; i++) {
        var input = field(block, names[i]);
        if (input && input.value.trim() && !row(block, names[i]).hidden) {
          var words = input.value.replace(/\[\^\d+\]|[#*_>`]/g, '').split(/\s+/).filter(Boolean);
          return words.slice(0, 8).join(' ') + (words.length > 8 ? '\u2026' : '');
        }
      }
      return '';
    }

    function showKindFields(block) {
      var kind = field(block, 'kind');
      if (!kind) return;
      var shown = config.fieldsByKind[kind.value] || config.allFields;
      var labels = config.labelsByKind[kind.value] || {};
      config.allFields.forEach(function (name) {
        var line = row(block, name);
        if (!line) return;
        line.hidden = shown.indexOf(name) === -1;
        var label = line.querySelector('label');
        if (label) {
          if (!(name in baseLabels)) baseLabels[name] = label.textContent;
          label.textContent = labels[name] ? labels[name].charAt(0).toUpperCase() + labels[name].slice(1) + ':' : baseLabels[name];
        }
      });
      summarise(block);
    }

    function kindName(kind) {
      // "warning callout (urgent safety message)" -> "Warning callout": the type, in a word or two.
      var text = kind ? kind.options[kind.selectedIndex].text.replace(/\s*\(.*\)\s*$/, '') : '';
      return text.charAt(0).toUpperCase() + text.slice(1);
    }

    function summarise(block) {
      var kind = field(block, 'kind');
      var heading = field(block, 'heading');
      block.querySelector('.section-kind').textContent = kindName(kind);
      block.querySelector('.section-heading').textContent = heading && heading.value.trim() ? heading.value.trim() : '';
      block.querySelector('.section-words').textContent = summaryWords(block);
    }

    function setExpanded(block, open) {
      var toggle = block.querySelector('.section-toggle');
      toggle.setAttribute('aria-expanded', String(open));
      block.querySelector('.section-body').hidden = !open;
      block.classList.toggle('collapsed', !open);
    }

    function renumber() {
      live().forEach(function (block, index) {
        var order = field(block, 'order');
        if (order && order.value !== String(index)) order.value = String(index);
      });
      refreshButtons();
    }
    function refreshButtons() {
      blocks().forEach(function (block) {
        var place = live().indexOf(block);
        block.querySelector('[data-section-action="up"]').disabled = place <= 0;
        block.querySelector('[data-section-action="down"]').disabled = place === -1 || place === live().length - 1;
      });
    }

    function enhance(block) {
      block.querySelector('.section-tools').hidden = false;
      var order = row(block, 'order');
      if (order) order.hidden = true;
      var kind = field(block, 'kind');
      if (kind) kind.addEventListener('change', function () { showKindFields(block); });
      block.addEventListener('input', function () { summarise(block); });
      var remove = block.querySelector('.section-delete input[type="checkbox"]');
      if (remove) {
        remove.addEventListener('change', function () {
          block.classList.toggle('removed', remove.checked);
          if (remove.checked) setExpanded(block, false);
          renumber();
          announce((remove.checked ? 'Will be removed on save: ' : 'Kept: ') + nameOf(block));
        });
      }
      // The handle is what drags (a draggable block would swallow text selection in its fields).
      var handle = block.querySelector('.section-handle');
      handle.addEventListener('dragstart', function (event) {
        block.classList.add('dragging');
        event.dataTransfer.setDragImage(block, 0, 0);
        block.dataset.place = String(live().indexOf(block));
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', block.id);
      });
      handle.addEventListener('dragend', function () {
        block.classList.remove('dragging');
        if (block.dataset.place === String(live().indexOf(block))) return;
        renumber();
        announce('Moved ' + nameOf(block) + ' to position ' + (live().indexOf(block) + 1) + ' of ' + live().length + '.');
      });
      showKindFields(block);
      setExpanded(block, true);
    }

    function move(block, step) {
      var order = live();
      var place = order.indexOf(block);
      var target = order[place + step];
      if (!target) return;
      list.insertBefore(block, step < 0 ? target : target.nextSibling);
      renumber();
      var button = block.querySelector('[data-section-action="' + (step < 0 ? 'up' : 'down') + '"]');
      (button.disabled ? block.querySelector('.section-toggle') : button).focus();
      announce('Moved ' + nameOf(block) + ' to position ' + (place + step + 1) + ' of ' + order.length + '.');
    }

    function add(after, source) {
      var index = Number(total.value);
      var html = template.outerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement('div');
      holder.innerHTML = html;
      var block = holder.firstElementChild;
      block.classList.remove('empty-form');
      total.value = String(index + 1);
      if (after) list.insertBefore(block, after.nextSibling); else list.insertBefore(block, list.firstChild);
      if (source) {
        config.allFields.concat(['kind']).forEach(function (name) {
          var from = field(source, name);
          var to = field(block, name);
          if (!from || !to) return;
          if (to.tagName === 'SELECT' && from.selectedOptions.length && !to.querySelector('option[value="' + from.value + '"]')) {
            to.appendChild(from.selectedOptions[0].cloneNode(true));
          }
          // An anchor must be unique on the page: the copy makes its own from its heading.
          to.value = name === 'anchor' ? '' : from.value;
        });
      }
      enhance(block);
      // Django's widgets (the testimonial search) start themselves on this event.
      block.dispatchEvent(new CustomEvent('formset:added', {bubbles: true, detail: {formsetName: prefix}}));
      renumber();
      var first = field(block, 'kind');
      if (first) first.focus();
      announce((source ? 'Copy of ' + nameOf(source) + ' added' : 'New section added') + ' at position ' + (live().indexOf(block) + 1) + ' of ' + live().length + '.');
      return block;
    }

    list.addEventListener('dragover', function (event) {
      var dragging = list.querySelector('.dragging');
      if (!dragging) return;
      event.preventDefault();
      var over = live().filter(function (block) { return block !== dragging; }).find(function (block) {
        var box = block.getBoundingClientRect();
        return event.clientY < box.top + box.height / 2;
      });
      list.insertBefore(dragging, over || template);
    });
    list.addEventListener('drop', function (event) { event.preventDefault(); });

    group.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button || !group.contains(button)) return;
      var block = button.closest('[data-section]');
      if (button.classList.contains('section-toggle')) {
        setExpanded(block, button.getAttribute('aria-expanded') !== 'true');
        return;
      }
      switch (button.dataset.sectionAction || button.dataset.editor) {
        case 'up': move(block, -1); break;
        case 'down': move(block, 1); break;
        case 'duplicate': add(block, block); break;
        case 'add-below': add(block); break;
        case 'add-first': add(null); break;
        case 'collapse-all':
          blocks().forEach(function (b) { setExpanded(b, false); });
          announce('All sections collapsed.');
          break;
        case 'expand-all':
          blocks().forEach(function (b) { setExpanded(b, true); });
          announce('All sections expanded.');
          break;
        default: return;
      }
    });

    // Django hides the empty form with CSS; it stays the template for new blocks.
    blocks().forEach(enhance);
    group.querySelector('.section-editor-tools').hidden = false;
    // Only a move renumbers: a save with no edits must change nothing (not even the order).
    refreshButtons();
    // After a save with errors, the blocks with errors stay open and the others close: the error
    // is the thing to find on a long page.
    if (group.querySelector('.section-block.has-errors')) {
      blocks().forEach(function (block) { setExpanded(block, block.classList.contains('has-errors')); });
    }
  });
})();
