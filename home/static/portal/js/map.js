// Two-click map: nothing is fetched from the tile server until the visitor presses "Karte laden".
(function () {
  "use strict";
  document.querySelectorAll("[data-map]").forEach(function (box) {
    var button = box.querySelector("[data-map-load]");
    var canvas = box.querySelector(".map__canvas");
    var points = JSON.parse(document.getElementById(box.dataset.points).textContent);
    button.hidden = false;
    button.addEventListener("click", function () {
      box.querySelector(".map__consent").hidden = true;
      canvas.hidden = false;
      var map = L.map(canvas, { scrollWheelZoom: false });
      L.tileLayer(box.dataset.tileUrl, { maxZoom: 18, attribution: box.dataset.attribution }).addTo(map);
      var bounds = [];
      points.forEach(function (p) {
        var link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.title;
        L.marker([p.lat, p.lon], { title: p.title, alt: p.title }).addTo(map).bindPopup(link);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 }); }
      else { map.setView([51.43, 6.88], 12); }
      canvas.focus();
    });
  });
})();
