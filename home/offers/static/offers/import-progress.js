// The import page's progress display: asks the running import's status every 1.5 s, moves the bar, and reloads the
// page once the import has finished so that the report appears. Without JavaScript the page has a reload link.
(function () {
  "use strict";
  const box = document.querySelector("[data-import-status-url]");
  if (!box) {
    return;
  }
  const bar = box.querySelector("progress");
  const count = box.querySelector("[data-import-count]");
  const state = box.querySelector("[data-import-state]");
  const countText = box.dataset.importCountText; // "{done} von {total} Zeilen"

  async function poll() {
    try {
      const response = await fetch(box.dataset.importStatusUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        cache: "no-store",
      });
      if (response.ok) {
        const status = await response.json();
        if (status.finished) {
          window.location.reload();
          return;
        }
        state.textContent = status.state_label;
        if (status.total) {
          bar.max = status.total;
          bar.value = status.done;
          count.textContent = countText.replace("{done}", status.done).replace("{total}", status.total);
        }
      }
    } catch (error) {
      // A missed answer (server restarting, network gone) is simply asked again.
    }
    window.setTimeout(poll, 1500);
  }

  window.setTimeout(poll, 1000);
})();
