// Header menus (main menu, language list) and filter panels are <details>, so they open and close without
// JavaScript. This adds what <details> lacks: aria-expanded on the toggle, Escape to close (focus back on the
// toggle), closing a header menu when a click or the focus goes elsewhere, and open filters on a wide screen in
// browsers that cannot show a closed <details>' content from the stylesheet.
(function () {
  "use strict";
  var menus = Array.prototype.slice.call(document.querySelectorAll("details[data-menu], details[data-filter-panel]"));
  if (!menus.length) { return; }

  function sync(details) {
    var toggle = details.querySelector(":scope > summary");
    if (toggle) { toggle.setAttribute("aria-expanded", details.open ? "true" : "false"); }
  }

  menus.forEach(function (details) {
    sync(details);
    details.addEventListener("toggle", function () {
      sync(details);
      // One header menu at a time: opening the language list closes the main menu and the other way round.
      if (details.open && details.hasAttribute("data-menu")) {
        menus.forEach(function (other) {
          if (other !== details && other.hasAttribute("data-menu")) { other.open = false; }
        });
      }
    });
    details.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !details.open) { return; }
      details.open = false;
      var toggle = details.querySelector(":scope > summary");
      if (toggle) { toggle.focus(); }
      event.stopPropagation();
    });
  });

  function closeHeaderMenus(target) {
    menus.forEach(function (details) {
      if (details.hasAttribute("data-menu") && details.open && !details.contains(target) && isCollapsible(details)) {
        details.open = false;
      }
    });
  }
  // A menu the stylesheet shows anyway (the main menu on a wide screen) has no hidden toggle to come back to.
  function isCollapsible(details) {
    var toggle = details.querySelector(":scope > summary");
    return toggle && toggle.offsetParent !== null;
  }
  document.addEventListener("click", function (event) { closeHeaderMenus(event.target); });
  document.addEventListener("focusin", function (event) { closeHeaderMenus(event.target); });

  // Filters beside the results on a wide screen: the stylesheet shows them (::details-content); where a browser
  // cannot, they are opened here once.
  var wide = window.matchMedia("(min-width: 64rem)");
  var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (wide.matches && !styled) {
    menus.forEach(function (details) {
      if (details.hasAttribute("data-filter-panel") || details.classList.contains("site-menu")) { details.open = true; }
    });
  }
})();
