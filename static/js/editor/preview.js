/* The live preview beside the page form: the saved draft, rendered as the public page is, in an
   iframe at a phone's 375 px or a desktop's 1280 px, scaled to fit the pane. It opens with the
   panel's "Preview" button (a new tab without this script), and stays open across saves: each save
   reloads the page, and the pane loads the draft just saved. */
(function () {
  'use strict';

  var KEY = 'nexus-editor-preview';

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    var pane = document.getElementById('preview-pane');
    var workbench = document.getElementById('workbench');
    if (!pane || !workbench) return;
    var frame = pane.querySelector('iframe');
    var box = pane.querySelector('.preview-frame-box');
    var url = pane.dataset.previewUrl;
    var remembered = {};
    try { remembered = JSON.parse(window.sessionStorage.getItem(KEY) || '{}'); } catch (error) { remembered = {}; }
    var width = remembered.width === 1280 ? 1280 : 375;

    function remember(open) {
      try { window.sessionStorage.setItem(KEY, JSON.stringify({open: open, width: width})); } catch (error) { /* private mode */ }
    }
    function fit() {
      var room = box.clientWidth;
      var scale = Math.min(1, room / width);
      frame.style.width = width + 'px';
      frame.style.transform = scale < 1 ? 'scale(' + scale + ')' : '';
      frame.style.height = Math.round(box.clientHeight / scale) + 'px';
    }
    function load() {
      // A fresh address each time: the preview is never cached, and the frame must not keep its page.
      frame.src = url + (url.indexOf('?') === -1 ? '?' : '&') + 'shown=' + Date.now();
    }
    function setWidth(value) {
      width = value;
      pane.querySelectorAll('[data-preview-width]').forEach(function (button) {
        button.setAttribute('aria-pressed', String(Number(button.dataset.previewWidth) === width));
      });
      workbench.classList.toggle('preview-desktop', width === 1280);
      fit();
      remember(!pane.hidden);
    }
    function open() {
      pane.hidden = false;
      workbench.classList.add('previewing');
      setWidth(width);
      load();
      remember(true);
    }
    function close() {
      pane.hidden = true;
      workbench.classList.remove('previewing', 'preview-desktop');
      frame.src = 'about:blank';
      remember(false);
    }

    document.querySelectorAll('[data-preview="open"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        if (pane.hidden) open(); else load();
        pane.scrollIntoView({block: 'nearest'});
        pane.querySelector('h2').focus({preventScroll: true});
      });
    });
    pane.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      if (button.dataset.previewWidth) setWidth(Number(button.dataset.previewWidth));
      else if (button.dataset.preview === 'refresh') load();
      else if (button.dataset.preview === 'close') close();
    });
    window.addEventListener('resize', function () { if (!pane.hidden) fit(); });
    pane.querySelector('h2').tabIndex = -1;
    if (remembered.open) open();
  });
})();
