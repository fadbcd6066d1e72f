// The wiki editor: keeps a local draft while typing, and adds a formatting toolbar, link dialogs with article title
// suggestions and a live preview to the plain text area. Without this script the text area, the server-side
// "Vorschau" button and saving all still work; every German text comes from the page (<template> and data-*).
(function () {
  "use strict";

  // --- Local draft: a failed save or a lost connection never loses the text. ---
  var store = null;
  try { store = window.localStorage; } catch (error) { store = null; }

  var cleared = document.querySelector("[data-wiki-draft-clear]");
  if (store && cleared) { store.removeItem("wiki-draft-" + cleared.getAttribute("data-wiki-draft-clear")); }

  var form = document.querySelector("form[data-wiki-draft-key]");
  if (!form) { return; }
  var textarea = form.querySelector("textarea[data-wiki-editor]");
  if (!textarea) { return; }

  function saveDraft() {
    if (!store) { return; }
    try { store.setItem(form.getAttribute("data-wiki-draft-key"), textarea.value); } catch (error) { /* storage full */ }
  }

  (function offerDraft() {
    if (!store) { return; }
    var key = form.getAttribute("data-wiki-draft-key");
    var notice = form.querySelector("[data-wiki-draft-notice]");
    var saved = store.getItem(key);
    if (!saved || saved === textarea.value || !notice) { return; }
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
  })();
  textarea.addEventListener("input", saveDraft);

  // --- Toolbar ---
  var template = form.querySelector("template[data-wiki-toolbar]");
  if (!template || !("content" in template) || typeof textarea.setRangeText !== "function") { return; }
  var text = template.dataset;  // the translated messages
  var toolbar = template.content.firstElementChild.cloneNode(true);
  var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
  var panes = document.createElement("div");
  panes.className = "wiki-editor__panes";
  textarea.parentNode.insertBefore(toolbar, textarea);
  textarea.parentNode.insertBefore(panes, textarea);
  panes.appendChild(textarea);
  var dialogSlot = document.createElement("div");
  dialogSlot.className = "wiki-editor__dialog-slot";
  toolbar.parentNode.insertBefore(dialogSlot, panes);

  // The toolbar's own preview replaces the page-reload preview button.
  var reloadPreview = form.querySelector('button[type="submit"][name="preview"]');
  if (reloadPreview) { reloadPreview.parentNode.removeChild(reloadPreview); }

  // Changes go through insertText where the browser has it, so that Ctrl+Z undoes a toolbar action.
  function replaceRange(start, end, replacement, selectStart, selectEnd) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
    var done = false;
    try {
      done = replacement === ""
        ? (start === end || document.execCommand("delete", false))
        : document.execCommand("insertText", false, replacement);
    } catch (error) { done = false; }
    if (!done || textarea.value.slice(start, start + replacement.length) !== replacement) {
      textarea.setRangeText(replacement, start, end, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
    textarea.setSelectionRange(selectStart, selectEnd);
  }

  function wrap(marker, placeholder) {
    var value = textarea.value;
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    // "**word **" is no bold in Markdown: spaces caught in the selection stay outside the markers.
    while (start < end && /\s/.test(value.charAt(start))) { start += 1; }
    while (end > start && /\s/.test(value.charAt(end - 1))) { end -= 1; }
    var size = marker.length;
    if (start >= size && value.slice(start - size, start) === marker && value.slice(end, end + size) === marker) {
      replaceRange(start - size, end + size, value.slice(start, end), start - size, end - size);
      return;
    }
    var inner = start === end ? placeholder : value.slice(start, end);
    replaceRange(start, end, marker + inner + marker, start + size, start + size + inner.length);
  }

  function lineBounds() {
    var value = textarea.value;
    var start = value.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
    var endAt = textarea.selectionEnd > textarea.selectionStart && value.charAt(textarea.selectionEnd - 1) === "\n"
      ? textarea.selectionEnd - 1 : textarea.selectionEnd;
    var end = value.indexOf("\n", endAt);
    return { start: start, end: end < 0 ? value.length : end };
  }

  var PREFIXES = {
    heading: { pattern: /^#{1,6}\s+/, make: function () { return "## "; } },
    bullets: { pattern: /^\s*[-*+]\s+/, make: function () { return "- "; } },
    numbered: { pattern: /^\s*\d+[.)]\s+/, make: function (n) { return (n + 1) + ". "; } }
  };

  function prefixLines(kind) {
    var rule = PREFIXES[kind];
    var bounds = lineBounds();
    var value = textarea.value;
    var lines = value.slice(bounds.start, bounds.end).split("\n");
    var allSet = lines.every(function (line) { return rule.pattern.test(line); });
    var changed = lines.map(function (line, n) {
      if (allSet) { return line.replace(rule.pattern, ""); }
      var bare = line.replace(PREFIXES.heading.pattern, "").replace(PREFIXES.bullets.pattern, "").replace(PREFIXES.numbered.pattern, "");
      return rule.make(n) + bare;
    }).join("\n");
    // A list or heading right under a line of text would be read as part of that paragraph.
    var before = value.slice(0, bounds.start);
    var lineAbove = before.replace(/\n$/, "").split("\n").pop();
    var needsGap = !allSet && bounds.start > 0 && lineAbove.trim() !== "" && !(kind !== "heading" && rule.pattern.test(lineAbove));
    var insert = (needsGap ? "\n" : "") + changed;
    var from = bounds.start + (needsGap ? 1 : 0);
    var emptyLine = lines.length === 1 && lines[0].trim() === "";
    replaceRange(bounds.start, bounds.end, insert, emptyLine ? from + changed.length : from, from + changed.length);
  }

  // --- Inline dialogs (link, wiki link): part of the page, not window.prompt, so they work with screen readers. ---
  var savedSelection = null;
  var openDialog = null;
  var dialogCount = 0;

  function closeDialog(restoreFocus) {
    if (!openDialog) { return; }
    dialogSlot.removeChild(openDialog);
    openDialog = null;
    if (restoreFocus !== false) {
      textarea.focus();
      if (savedSelection) { textarea.setSelectionRange(savedSelection.start, savedSelection.end); }
    }
  }

  function field(labelText, input) {
    dialogCount += 1;
    input.id = "wiki-dialog-field-" + dialogCount;
    var wrapper = document.createElement("div");
    wrapper.className = "field";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = labelText;
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    return wrapper;
  }

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    return element;
  }

  function dialog(title, onInsert) {
    closeDialog(false);
    savedSelection = { start: textarea.selectionStart, end: textarea.selectionEnd };
    var box = document.createElement("div");
    box.className = "wiki-dialog";
    box.setAttribute("role", "group");
    dialogCount += 1;
    var heading = document.createElement("p");
    heading.className = "wiki-dialog__title";
    heading.id = "wiki-dialog-title-" + dialogCount;
    heading.textContent = title;
    box.setAttribute("aria-labelledby", heading.id);
    box.appendChild(heading);
    var error = document.createElement("p");
    error.className = "wiki-dialog__error";
    error.setAttribute("role", "alert");
    var actions = document.createElement("div");
    actions.className = "wiki-dialog__actions";
    var insert = button(text.insert, "button");
    var cancel = button(text.cancel, "button button--secondary");
    actions.appendChild(insert);
    actions.appendChild(cancel);
    insert.addEventListener("click", onInsert);
    cancel.addEventListener("click", function () { closeDialog(); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closeDialog(); }
      // Enter in a dialog field would otherwise send the whole wiki form.
      if (event.key === "Enter" && event.target.tagName === "INPUT" && !event.defaultPrevented) {
        event.preventDefault();
        onInsert();
      }
    });
    openDialog = box;
    return { box: box, error: error, actions: actions };
  }

  function selectedText() {
    return savedSelection ? textarea.value.slice(savedSelection.start, savedSelection.end).trim() : "";
  }

  function insertAtSelection(snippet) {
    var start = savedSelection.start;
    var end = savedSelection.end;
    closeDialog(false);
    replaceRange(start, end, snippet, start + snippet.length, start + snippet.length);
  }

  function linkDialog() {
    var url = document.createElement("input");
    url.type = "url";
    url.setAttribute("inputmode", "url");
    url.setAttribute("autocomplete", "url");
    url.placeholder = "https://";
    var label = document.createElement("input");
    label.type = "text";
    var parts = dialog(text.linkTitle, function () {
      var address = url.value.trim();
      if (!address) { parts.error.textContent = text.linkMissing; url.focus(); return; }
      if (/^www\./i.test(address)) { address = "https://" + address; }
      if (!/^(https?:\/\/[^\s/]+\.[^\s]+|mailto:[^\s@]+@[^\s]+|tel:\+?[\d\s/-]+)$/i.test(address)) {
        parts.error.textContent = text.linkInvalid;
        url.focus();
        return;
      }
      var words = label.value.trim() || selectedText() || address.replace(/^(https?:\/\/|mailto:|tel:)/i, "");
      insertAtSelection("[" + words.replace(/[[\]]/g, "") + "](" + address.replace(/[()\s]/g, encodeURIComponent) + ")");
    });
    label.value = selectedText();
    parts.box.appendChild(field(text.linkUrl, url));
    parts.box.appendChild(field(text.linkText, label));
    parts.box.appendChild(parts.error);
    parts.box.appendChild(parts.actions);
    dialogSlot.appendChild(parts.box);
    url.focus();
  }

  function wikiLinkDialog() {
    var input = document.createElement("input");
    input.type = "text";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    var list = document.createElement("ul");
    list.className = "wiki-suggest";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "wiki-dialog__status";
    status.setAttribute("role", "status");
    var options = [];
    var active = -1;
    var timer = null;
    var ticket = 0;

    function choose(title) {
      title = title.replace(/[[\]|]/g, "").trim();
      if (!title) { parts.error.textContent = text.wikiMissing; input.focus(); return; }
      var shown = selectedText().replace(/[[\]|]/g, "");
      insertAtSelection("[[" + title + (shown && shown.toLowerCase() !== title.toLowerCase() ? "|" + shown : "") + "]]");
    }

    function highlight(index) {
      active = index;
      options.forEach(function (option, n) { option.setAttribute("aria-selected", n === index ? "true" : "false"); });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(titles, query) {
      list.textContent = "";
      options = titles.map(function (item, n) {
        var option = document.createElement("li");
        option.id = list.id + "-" + n;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        // mousedown, not click: the input keeps focus, and a tap on a phone chooses at once.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(item.title); });
        list.appendChild(option);
        return option;
      });
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      highlight(-1);
      status.textContent = query.length < 2 ? "" : (options.length ? text.wikiFound.replace("%s", options.length) : text.wikiNone);
    }

    function lookUp() {
      var query = input.value.trim();
      clearTimeout(timer);
      if (query.length < 2) { show([], query); return; }
      timer = setTimeout(function () {
        var mine = ++ticket;
        fetch(form.dataset.wikiTitlesUrl + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" }, credentials: "same-origin"
        })
          .then(function (response) { return response.ok ? response.json() : { titles: [] }; })
          .then(function (data) { if (mine === ticket && openDialog === parts.box) { show(data.titles || [], query); } })
          .catch(function () { if (mine === ticket) { show([], query); } });
      }, 200);
    }

    var parts = dialog(text.wikiTitle, function () {
      choose(active >= 0 ? options[active].textContent : input.value);
    });
    list.id = "wiki-suggest-" + dialogCount;
    input.setAttribute("aria-controls", list.id);
    input.value = selectedText();
    input.addEventListener("input", lookUp);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight(active < options.length - 1 ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        event.stopPropagation();
        show([], "");
      }
    });
    parts.box.appendChild(field(text.wikiLabel, input));
    parts.box.appendChild(list);
    parts.box.appendChild(status);
    var hint = document.createElement("p");
    hint.className = "help";
    hint.textContent = text.wikiHint;
    parts.box.appendChild(hint);
    parts.box.appendChild(parts.error);
    parts.box.appendChild(parts.actions);
    dialogSlot.appendChild(parts.box);
    input.focus();
    if (input.value) { lookUp(); }
  }

  // --- Preview: rendered by the server with the same Markdown rules and sanitizer as the saved article. ---
  var toggle = toolbar.querySelector('[data-action="preview"]');
  var preview = document.createElement("section");
  preview.className = "wiki-preview wiki-preview--live";
  preview.id = "wiki-live-preview";
  preview.hidden = true;
  preview.setAttribute("aria-labelledby", "wiki-live-preview-title");
  var previewTitle = document.createElement("h2");
  previewTitle.id = "wiki-live-preview-title";
  previewTitle.textContent = text.previewTitle;
  var previewStatus = document.createElement("p");
  previewStatus.className = "wiki-preview__status";
  previewStatus.setAttribute("role", "status");
  var previewBody = document.createElement("div");
  previewBody.className = "wiki-body";
  previewBody.dir = "auto";
  preview.appendChild(previewTitle);
  preview.appendChild(previewStatus);
  preview.appendChild(previewBody);
  panes.appendChild(preview);
  toggle.setAttribute("aria-controls", preview.id);
  var previewTimer = null;
  var previewTicket = 0;

  function loadPreview() {
    var mine = ++previewTicket;
    var data = new FormData();
    data.append("body", textarea.value);
    var token = form.querySelector('input[name="csrfmiddlewaretoken"]');
    previewStatus.textContent = text.previewLoading;
    fetch(form.dataset.wikiPreviewUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": token ? token.value : "" }
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok || typeof json.html !== "string") { throw new Error(json.error || text.previewFailed); }
          return json.html;
        });
      })
      .then(function (html) {
        if (mine !== previewTicket) { return; }
        // Sanitized on the server (core.sanitize, policy WIKI), exactly as the article page shows it.
        previewBody.innerHTML = html;
        previewStatus.textContent = html ? "" : text.previewEmpty;
      })
      .catch(function (error) {
        if (mine === previewTicket) { previewStatus.textContent = error.message || text.previewFailed; }
      });
  }

  function setPreview(open) {
    preview.hidden = !open;
    toggle.setAttribute("aria-pressed", open ? "true" : "false");
    form.classList.toggle("wiki-editor--previewing", open);
    if (open) { loadPreview(); }
  }

  textarea.addEventListener("input", function () {
    if (preview.hidden) { return; }
    clearTimeout(previewTimer);
    previewTimer = setTimeout(loadPreview, 800);
  });

  // On a phone the preview takes the text area's place; a formatting button brings the text area back first.
  function textareaShown() { return window.getComputedStyle(textarea).display !== "none"; }

  var ACTIONS = {
    heading: function () { prefixLines("heading"); },
    bold: function () { wrap("**", text.boldPlaceholder); },
    italic: function () { wrap("*", text.italicPlaceholder); },
    bullets: function () { prefixLines("bullets"); },
    numbered: function () { prefixLines("numbered"); },
    link: linkDialog,
    wikilink: wikiLinkDialog,
    preview: function () { setPreview(preview.hidden); }
  };

  function run(action) {
    if (action !== "preview" && !textareaShown()) { setPreview(false); }
    ACTIONS[action]();
  }

  buttons.forEach(function (element, n) {
    element.tabIndex = n === 0 ? 0 : -1;
    element.addEventListener("click", function () { run(element.dataset.action); });
  });

  // One tab stop for the whole toolbar; the arrow keys move within it (WAI-ARIA toolbar pattern).
  toolbar.addEventListener("keydown", function (event) {
    var index = buttons.indexOf(document.activeElement);
    if (index < 0) { return; }
    var rtl = window.getComputedStyle(toolbar).direction === "rtl";
    var next = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -index, End: buttons.length - 1 - index }[event.key];
    if (next === undefined) { return; }
    event.preventDefault();
    var target = (index + next + buttons.length) % buttons.length;
    buttons[index].tabIndex = -1;
    buttons[target].tabIndex = 0;
    buttons[target].focus();
  });

  // Ctrl (or Cmd) + B, I, K; Ctrl+Shift+8 and 7 for lists, as in common word processors. event.code keeps them
  // on the same keys with a German keyboard, where Shift+7 is "/".
  var SHORTCUTS = { KeyB: "bold", KeyI: "italic", KeyK: "link", "Shift+Digit8": "bullets", "Shift+Digit7": "numbered" };
  textarea.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) { return; }
    var action = SHORTCUTS[(event.shiftKey ? "Shift+" : "") + event.code];
    if (!action) { return; }
    event.preventDefault();
    run(action);
  });
})();
