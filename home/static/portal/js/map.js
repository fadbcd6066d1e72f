// Two-click map: nothing is fetched from the tile server until the visitor presses "Karte laden", and the map
// library itself (Leaflet, its script and styles, from the portal) is loaded only then.
(function () {
  "use strict";
  var me = document.currentScript;

  function withLeaflet(done) {
    if (window.L) { done(); return; }
    var styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = me.dataset.leafletCss;
    document.head.appendChild(styles);
    var script = document.createElement("script");
    script.src = me.dataset.leafletJs;
    script.onload = function () { done(); };
    document.head.appendChild(script);
  }

  document.querySelectorAll("[data-map]").forEach(function (box) {
    var button = box.querySelector("[data-map-load]");
    var canvas = box.querySelector(".map__canvas");
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;  // a second click while Leaflet loads would build a second map
      // A list's markers come from its own address, asked only now (the page does not carry them).
      var points = box.dataset.pointsUrl
        ? fetch(box.dataset.pointsUrl, { headers: { Accept: "application/json" } }).then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.json();
          })
        : Promise.resolve(JSON.parse(document.getElementById(box.dataset.points).textContent));
      points.then(function (found) {
        withLeaflet(function () { show(box, canvas, found); });
      }).catch(function () {
        button.disabled = false;  // offline or a server error: the visitor may try again
      });
    });
  });

  function show(box, canvas, points) {
    box.querySelector(".map__consent").hidden = true;
    canvas.hidden = false;
    // Leaflet's own control texts are English; the template hands in translated ones (data-label-*).
    var map = L.map(canvas, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({
      position: document.documentElement.dir === "rtl" ? "topright" : "topleft",  // the corner where reading starts
      zoomInTitle: box.dataset.labelZoomIn,
      zoomOutTitle: box.dataset.labelZoomOut,
    }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) { close.setAttribute("aria-label", box.dataset.labelClose); close.title = box.dataset.labelClose; }
    });
    L.tileLayer(box.dataset.tileUrl, { maxZoom: 18, attribution: box.dataset.attribution }).addTo(map);
    var bounds = [];
    points.forEach(function (p) {
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.title;
      link.dir = "auto";  // a German place name keeps its order in an Arabic page
      L.marker([p.lat, p.lon], { title: p.title, alt: p.title }).addTo(map).bindPopup(link);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 }); }
    else { map.setView([51.43, 6.88], 12); }
    canvas.focus();
  }
})();
