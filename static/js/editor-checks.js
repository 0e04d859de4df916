// Editor checks while typing: the form as it is (not saved) is posted to the checks view, which
// answers with the list. Without this script the list shows the checks of the saved draft.
(function () {
  "use strict";
  var panel = document.getElementById("editor-checks");
  var form = document.getElementById("page_form");
  if (!panel || !form || !window.fetch) return;
  var list = document.getElementById("editor-checks-list");
  var timer = null;
  var sent = 0;

  function body() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled || field.type === "file") return;
      if ((field.type === "checkbox" || field.type === "radio") && !field.checked) return;
      params.append(field.name, field.value);
    });
    return params;
  }

  function check() {
    var mine = ++sent;
    fetch(panel.dataset.url, {
      method: "POST", body: body(), credentials: "same-origin",
      headers: {"X-Requested-With": "fetch"}
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null && mine === sent) list.innerHTML = html;  // answers of older requests lose
    }).catch(function () {});
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
