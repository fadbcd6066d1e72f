// A form with a key from {% submit_once %} sends once: after the first click its buttons stop sending, so nobody
// waits for a second answer. The server accepts each key once anyway (core/submit_once.py); this is a courtesy.
(function () {
  "use strict";
  if (window.portalSubmitOnce) { return; }
  window.portalSubmitOnce = true;
  var KEYED = 'input[type="hidden"][name="formular_schluessel"]';
  // Without an answer (connection lost) the buttons work again after a while; a resend still counts once.
  var RETRY_AFTER_MS = 15000;

  function buttons(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return (el.tagName === "BUTTON" || el.tagName === "INPUT") && el.type === "submit";
    });
  }

  function release(form) {
    form.removeAttribute("data-submitting");
    form.removeAttribute("aria-busy");
    buttons(form).forEach(function (button) { button.disabled = false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.querySelector(KEYED)) { return; }
    if (form.hasAttribute("data-submitting")) {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) { return; } // another script kept the form here
    form.setAttribute("data-submitting", "");
    form.setAttribute("aria-busy", "true");
    // Disabled only after the browser has read the form: the pressed button's name (e.g. "preview") is still sent.
    window.setTimeout(function () {
      buttons(form).forEach(function (button) { button.disabled = true; });
    }, 0);
    window.setTimeout(function () { release(form); }, RETRY_AFTER_MS);
  });

  // Back to a page the browser kept (back-forward cache): its buttons work again; the key stays the same.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-submitting]").forEach(release);
  });
})();
