// Keeps the wiki text on this device while typing, so a failed save or a lost connection never loses it.
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; } catch (error) { return; }
  if (!store) { return; }

  var cleared = document.querySelector("[data-wiki-draft-clear]");
  if (cleared) { store.removeItem("wiki-draft-" + cleared.getAttribute("data-wiki-draft-clear")); }

  var form = document.querySelector("form[data-wiki-draft-key]");
  if (!form) { return; }
  var key = form.getAttribute("data-wiki-draft-key");
  var textarea = form.querySelector("textarea[data-wiki-editor]");
  var notice = form.querySelector("[data-wiki-draft-notice]");
  if (!textarea) { return; }

  var saved = store.getItem(key);
  if (saved && saved !== textarea.value && notice) {
    notice.hidden = false;
    notice.querySelector("[data-wiki-draft-restore]").addEventListener("click", function () {
      textarea.value = saved;
      notice.hidden = true;
      textarea.focus();
    });
    notice.querySelector("[data-wiki-draft-discard]").addEventListener("click", function () {
      store.removeItem(key);
      notice.hidden = true;
    });
  }
  textarea.addEventListener("input", function () {
    try { store.setItem(key, textarea.value); } catch (error) { /* storage full: the form still works */ }
  });
})();
