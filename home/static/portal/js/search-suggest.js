// Suggestions under the search box while typing (the form works without this script).
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) { return; }
  var list = document.createElement("ul");
  list.className = "search-suggest";
  list.id = input.id + "-vorschlaege";
  list.hidden = true;
  // The label comes translated from the template (data-suggest-label), so no JavaScript catalogue is needed.
  list.setAttribute("aria-label", input.dataset.suggestLabel || "");
  input.closest("form").appendChild(list);
  input.setAttribute("aria-controls", list.id);
  var timer = null;
  var latest = 0;

  function show(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      var type = document.createElement("span");
      type.className = "search-suggest__type";
      type.textContent = " · " + item.type_label;
      link.appendChild(type);
      li.appendChild(link);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value.trim();
    if (value.length < 2) { show([]); return; }
    timer = setTimeout(function () {
      var ticket = ++latest;
      // The API has no language prefix: ask for the page's language, or the type labels come in the browser's.
      var headers = { Accept: "application/json", "Accept-Language": document.documentElement.lang || "de" };
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(value), { headers: headers })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (ticket === latest) { show(data.suggestions || []); } })
        .catch(function () { show([]); });
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      list.querySelector("a").focus();
    } else if (event.key === "Escape") {
      show([]);
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) { event.preventDefault(); links[index + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? links[index - 1] : input).focus(); }
    if (event.key === "Escape") { show([]); input.focus(); }
  });
})();
