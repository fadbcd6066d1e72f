// The Merkliste on the device: guests keep translation keys in localStorage; once logged in, the list joins the
// account's (POST with the page's CSRF token) and the device forgets it. Texts come from data-* attributes.
(function () {
  "use strict";
  var STORE = "familienportal-merkliste";

  function load() {
    try {
      var keys = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(keys) ? keys.filter(function (k) { return typeof k === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }
  function store(keys) {
    try {
      if (keys.length) { window.localStorage.setItem(STORE, JSON.stringify(keys)); }
      else { window.localStorage.removeItem(STORE); }
      return true;
    } catch (e) {
      return false;
    }
  }
  function storageWorks() {
    try {
      window.localStorage.setItem(STORE + "-probe", "1");
      window.localStorage.removeItem(STORE + "-probe");
      return true;
    } catch (e) {
      return false;
    }
  }

  // A member's device still holding a guest list: hand it to the account, then forget it.
  function takeOver(url, form, done) {
    var keys = load();
    if (!keys.length || !url || !form) { return; }
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    keys.forEach(function (key) { data.append("key", key); });
    fetch(url, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
      if (response.ok) { store([]); done(keys); }
    });
  }

  function hideNoScriptHints(root) {
    root.querySelectorAll("[data-bookmark-nojs]").forEach(function (el) { el.hidden = true; });
  }

  function setupButton(box) {
    var key = box.getAttribute("data-key");
    var memberForm = box.querySelector("form");
    if (memberForm) {
      takeOver(box.getAttribute("data-merge-url"), memberForm, function (keys) {
        if (keys.indexOf(key) !== -1) { window.location.reload(); }
      });
      return;
    }
    var button = box.querySelector("[data-bookmark-guest]");
    if (!button || !storageWorks()) { return; }
    var link = box.querySelector("[data-bookmark-guest-link]");
    var status = box.querySelector("[data-bookmark-status]");
    hideNoScriptHints(box);
    button.hidden = false;
    if (link) { link.hidden = false; }
    function render() {
      var saved = load().indexOf(key) !== -1;
      button.setAttribute("aria-pressed", saved ? "true" : "false");
      button.textContent = (saved ? "★ " : "☆ ") + box.getAttribute(saved ? "data-text-saved" : "data-text-save");
    }
    button.addEventListener("click", function () {
      var keys = load();
      var at = keys.indexOf(key);
      if (at === -1) { keys.unshift(key); } else { keys.splice(at, 1); }
      store(keys);
      render();
      if (status) {
        status.textContent = box.getAttribute(at === -1 ? "data-text-saved-status" : "data-text-removed-status");
      }
    });
    render();
  }

  function setupListPage(page) {
    var mergeForm = page.querySelector("[data-bookmark-merge]");
    if (mergeForm) {
      takeOver(mergeForm.action, mergeForm, function () { window.location.reload(); });
      return;
    }
    var target = page.querySelector("[data-bookmark-guest-items]");
    if (!target || !storageWorks()) { return; }
    hideNoScriptHints(page);
    var intro = page.querySelector("[data-bookmark-guest-intro]");
    if (intro) { intro.hidden = false; }
    function refresh() {
      var params = new URLSearchParams();
      load().forEach(function (key) { params.append("key", key); });
      fetch(page.getAttribute("data-guest-url") + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) { target.innerHTML = html; });
    }
    target.addEventListener("click", function (event) {
      var button = event.target.closest("[data-bookmark-remove]");
      if (!button) { return; }
      var key = button.getAttribute("data-bookmark-remove");
      store(load().filter(function (k) { return k !== key; }));
      refresh();
    });
    refresh();
  }

  function start() {
    document.querySelectorAll("[data-bookmark]").forEach(setupButton);
    document.querySelectorAll("[data-bookmark-page]").forEach(setupListPage);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
