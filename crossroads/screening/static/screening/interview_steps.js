/* The screening interview in short steps, for a tablet at a border post: one section at a
   time, with progress, "Back" and "Next". All answers stay in the one form (and in the
   encrypted draft), so nothing is lost between steps; "Check" and "Save" work from any
   step. Without this script every section shows, one under the other. */
(function () {
  "use strict";
  var form = document.getElementById("interview-form");
  var bar = document.getElementById("step-bar");
  var moves = document.getElementById("step-moves");
  if (!form || !bar || !moves) { return; }
  var steps = Array.prototype.slice.call(form.querySelectorAll("fieldset.card"));
  if (steps.length < 2) { return; }
  var shortcuts = document.getElementById("shortcuts");
  var list = document.getElementById("step-list");
  var progress = document.getElementById("step-progress");
  var meter = document.getElementById("step-meter");
  var back = document.getElementById("step-back");
  var next = document.getElementById("step-next");
  var template = bar.getAttribute("data-progress") || "%(n)s / %(total)s";
  var current = 0;

  function title(step) {
    var legend = step.querySelector("legend");
    return legend ? legend.textContent.replace(/^\s*\d+\.\s*/, "") : "";
  }
  function hasError(step) {
    return Boolean(step.querySelector(".has-error, .errorlist li"));
  }

  var buttons = steps.map(function (step, i) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = (i + 1) + ". " + title(step);
    if (hasError(step)) { button.classList.add("has-error"); }
    button.addEventListener("click", function () { show(i, true); });
    item.appendChild(button);
    list.appendChild(item);
    return button;
  });

  function show(index, focus) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach(function (step, i) { step.classList.toggle("step-hidden", i !== current); });
    if (shortcuts) { shortcuts.classList.toggle("step-hidden", current !== 0); }
    buttons.forEach(function (button, i) {
      if (i === current) { button.setAttribute("aria-current", "step"); } else { button.removeAttribute("aria-current"); }
    });
    progress.textContent = template.replace("%(n)s", String(current + 1)).replace("%(total)s", String(steps.length));
    meter.max = steps.length;
    meter.value = current + 1;
    back.disabled = current === 0;
    next.hidden = current === steps.length - 1;
    if (focus) {
      var legend = steps[current].querySelector("legend");
      if (legend) { legend.setAttribute("tabindex", "-1"); legend.focus(); }
      bar.scrollIntoView({ block: "start" });
    }
  }

  back.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });

  // Where to start: the first section with an error; after "Check", the last section,
  // so the result follows the last answers; else the beginning.
  var start = 0;
  var withError = steps.findIndex(hasError);
  if (withError !== -1) { start = withError; } else if (document.getElementById("screening-result")) { start = steps.length - 1; }
  form.classList.add("in-steps");
  bar.hidden = false;
  moves.hidden = false;
  show(start, false);
})();
