// First-touch attribution and call-click beacons. Enhancement only: without it, call links
// still dial and forms still send. Nothing here is personal data: paths, an origin, UTM tags.
(function () {
  "use strict";
  var KEY = "nexus.firstTouch";
  var UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

  function firstTouch() {
    var stored = null;
    try { stored = JSON.parse(window.sessionStorage.getItem(KEY)); } catch (e) { stored = null; }
    if (stored) { return stored; }
    var touch = { landing_path: window.location.pathname, referrer_origin: "" };
    try {
      var origin = document.referrer ? new URL(document.referrer).origin : "";
      if (origin && origin !== window.location.origin) { touch.referrer_origin = origin; }
    } catch (e) { /* an unparsable referrer is no referrer */ }
    var params = new URLSearchParams(window.location.search);
    UTM.forEach(function (name) { touch[name] = (params.get(name) || "").slice(0, 100); });
    try { window.sessionStorage.setItem(KEY, JSON.stringify(touch)); } catch (e) { /* storage off */ }
    return touch;
  }

  // The phone's bottom bar (Call, Text, Ask) steps aside while someone types: the on-screen
  // keyboard needs the room, and the bar must never sit over the field being filled in.
  var TYPING = 'input:not([type="checkbox"]):not([type="radio"]):not([type="submit"]):not([type="button"]), textarea, select';
  document.addEventListener("focusin", function (event) {
    document.body.classList.toggle("is-typing", !!(event.target.matches && event.target.matches(TYPING)));
  });
  document.addEventListener("focusout", function () { document.body.classList.remove("is-typing"); });

  var touch = firstTouch();
  window.nexusFirstTouch = touch;

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="tel:"]');
    if (!link || !navigator.sendBeacon) { return; }
    // URLSearchParams, not FormData: the public endpoints take no multipart body (nexus/bodylimit.py).
    var data = new URLSearchParams();
    data.append("page", window.location.pathname);
    Object.keys(touch).forEach(function (name) { data.append("ft_" + name, touch[name] || ""); });
    navigator.sendBeacon("/admissions/call-click/", data);
  });
})();
