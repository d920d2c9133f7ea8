// The progress bar of a running import: asks the API for the job every second and reloads
// the page (with its report) once the job has finished.
(function () {
  "use strict";
  var box = document.getElementById("import-job");
  if (!box || box.dataset.finished === "1") return;
  var bar = document.getElementById("import-progress");
  var processed = document.getElementById("import-processed");
  function poll() {
    fetch(box.dataset.url + "?page_size=1", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) { setTimeout(poll, 3000); return; }
        bar.value = body.job.progress;
        processed.textContent = body.job.processed_rows;
        if (body.job.status === "done" || body.job.status === "failed") {
          window.location.reload();
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
