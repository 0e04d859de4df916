// Admission forms: first-touch attribution into the hidden fields, focus on the error
// summary, and the crisis help shown the moment "Yes, someone is in danger" is chosen.
(function () {
  "use strict";
  var form = document.querySelector(".intake-form");
  if (!form) { return; }

  var touch = window.nexusFirstTouch;
  if (touch) {
    Object.keys(touch).forEach(function (name) {
      var input = form.querySelector('input[name="ft_' + name + '"]');
      if (input) { input.value = touch[name] || ""; }
    });
  }

  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) { summary.focus(); }

  var help = document.querySelector("[data-danger-help]");
  var answers = form.querySelectorAll('input[name="in_danger"]');
  function update() {
    var yes = form.querySelector('input[name="in_danger"][value="yes"]');
    help.hidden = !(yes && yes.checked);
  }
  if (help && answers.length) {
    help.setAttribute("aria-live", "polite");
    answers.forEach(function (input) { input.addEventListener("change", update); });
    update();
  }
})();
