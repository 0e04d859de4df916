// Image admin: click on the picture to set the focal point (the two number fields stay editable).
(function () {
  "use strict";
  function place(marker, x, y) {
    marker.style.left = (x * 100) + "%";
    marker.style.top = (y * 100) + "%";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var picture = document.querySelector("[data-focal-picker]");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!picture || !fieldX || !fieldY) { return; }
    var marker = picture.parentNode.querySelector(".focal-marker");
    place(marker, parseFloat(fieldX.value) || 0.5, parseFloat(fieldY.value) || 0.5);
    picture.addEventListener("click", function (event) {
      var box = picture.getBoundingClientRect();
      var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
      fieldX.value = x.toFixed(2);
      fieldY.value = y.toFixed(2);
      place(marker, x, y);
    });
    [fieldX, fieldY].forEach(function (field) {
      field.addEventListener("input", function () {
        place(marker, parseFloat(fieldX.value) || 0, parseFloat(fieldY.value) || 0);
      });
    });
  });
}());
