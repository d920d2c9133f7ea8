/* Draws the chart of each table of the statistics pages with Chart.js (served by the app,
   no CDN). The figures come from the page itself (a JSON script beside each canvas), the
   same protected figures as the table next to the chart. Right to left when the page is. */
(function () {
  "use strict";
  // Print buttons: a file, not an inline handler, so that the Content-Security-Policy can
  // refuse every inline script.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  if (typeof Chart === "undefined") { return; }
  var rtl = document.documentElement.dir === "rtl";
  var lang = document.documentElement.lang || "en";
  var number = new Intl.NumberFormat(lang);
  var palette = ["#0b5cad", "#c0392b", "#1d6b2f", "#9a3b00", "#6c3483", "#117a8b", "#7d6608", "#5b6478"];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var line = spec.type === "line";
    new Chart(canvas, {
      type: line ? "line" : "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (set, i) {
          var colour = palette[i % palette.length];
          return { label: set.label, data: set.data, borderColor: colour, backgroundColor: colour,
                   spanGaps: true, tension: 0.2 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: lang,
        plugins: {
          legend: { rtl: rtl, textDirection: rtl ? "rtl" : "ltr", position: "bottom",
                    labels: { boxWidth: 12 } },
          tooltip: { rtl: rtl, textDirection: rtl ? "rtl" : "ltr",
                     callbacks: { label: function (ctx) {
                       var v = ctx.parsed.y;
                       return ctx.dataset.label + ": " + (v === null ? "—" : number.format(v));
                     } } }
        },
        scales: {
          x: { reverse: rtl, ticks: { autoSkip: true, maxRotation: 45 } },
          y: { beginAtZero: true, position: rtl ? "right" : "left",
               ticks: { callback: function (v) { return number.format(v); } } }
        }
      }
    });
  });
})();
