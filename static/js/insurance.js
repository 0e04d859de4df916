// "Check your insurance": say at once when a chosen photo is too large or not a photo, rather
// than after sending it (a body over 17 MB in all is refused before the form can answer).
// Enhancement only: the server checks every photo again, by decoding it.
(function () {
  "use strict";
  var MAX = 8 * 1024 * 1024;
  var TYPES = ["image/jpeg", "image/png", "image/webp"];
  // The messages are the form's data attributes, translated by the template.
  var form = document.querySelector(".intake-form");
  if (!form) return;
  var words = form.dataset;
  document.querySelectorAll('.intake-form input[type="file"]').forEach(function (input) {
    var note = document.createElement("p");
    note.className = "invalid-feedback";
    note.id = input.id + "_client_error";
    note.hidden = true;
    input.insertAdjacentElement("afterend", note);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var problem = "";
      if (file && file.size > MAX) {
        problem = words.photoTooBig;
      } else if (file && file.type && TYPES.indexOf(file.type) === -1) {
        problem = words.photoWrongType;
      }
      note.hidden = !problem;
      note.textContent = problem ? words.errorPrefix + " " + problem : "";
      if (problem) {
        input.value = "";
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + note.id).trim());
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
  });
})();
