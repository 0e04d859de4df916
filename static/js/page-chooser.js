// The page chooser: a click in a link's box selects it all, ready to copy.
(function () {
  "use strict";
  document.querySelectorAll("input[data-copy]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
