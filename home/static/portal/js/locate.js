// Optional: sort by distance from the device's location. The position stays in the URL of this request only.
(function () {
  "use strict";
  var button = document.querySelector("[data-locate]");
  if (!button || !navigator.geolocation) { return; }
  var form = button.closest("form");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(4);
      form.elements.lon.value = position.coords.longitude.toFixed(4);
      form.elements.sortierung.value = "entfernung";
      form.submit();
    });
  });
})();
