// Country and language fields suggest names in the page's language (core/views.py name_lists).
// A field that takes several names suggests, after a comma, the next one to add. Without this
// script the field still reads the names typed in it.
(function () {
  "use strict";
  const script = document.currentScript;
  const inputs = Array.from(document.querySelectorAll("input[data-names]"));
  if (!script || !inputs.length) return;
  fetch(script.dataset.url, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : null))
    .then((lists) => {
      if (!lists) return;
      inputs.forEach((input, index) => {
        const names = lists[input.dataset.names] || [];
        const list = document.createElement("datalist");
        list.id = "names-" + index;
        input.setAttribute("list", list.id);
        input.after(list);
        const fill = () => {
          let before = "";
          if (input.dataset.multiple) {
            const cut = Math.max(input.value.lastIndexOf(","), input.value.lastIndexOf(";"), input.value.lastIndexOf("،"));
            before = cut >= 0 ? input.value.slice(0, cut + 1).trimEnd() + " " : "";
          }
          list.replaceChildren(...names.map((name) => {
            const option = document.createElement("option");
            option.value = before + name;
            return option;
          }));
        };
        input.addEventListener("input", fill);
        fill();
      });
    })
    .catch(() => {});
})();
