/* Keeps the screening interview safe on a slow or failing connection: every change is
   saved to this device's localStorage, and restored when the page is opened again (for
   example after logging in again when the session expired mid-form). The draft is
   cleared once the screening is saved. No rules here: the server decides everything. */
(function () {
  "use strict";
  var PREFIX = "crossroads:screening-draft:";
  function store() { try { return window.localStorage; } catch (e) { return null; } }

  var clear = document.querySelector("[data-clear-draft]");
  if (clear && store()) { store().removeItem(PREFIX + clear.getAttribute("data-clear-draft")); }

  // One submit per page: a second click on "Save" or "Send referrals" while a slow
  // connection is still carrying the first must not screen or refer twice.
  Array.prototype.forEach.call(document.querySelectorAll("#interview-form, #send-referrals"), function (f) {
    var sending = false;
    f.addEventListener("submit", function (event) {
      if (sending) { event.preventDefault(); }
      sending = true;
    });
  });

  var form = document.getElementById("interview-form");
  if (!form || !store()) { return; }
  var key = PREFIX + form.getAttribute("data-draft-key");

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "hidden" && el.type !== "submit" && el.tagName !== "BUTTON";
    });
  }

  function save() {
    var data = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        data[el.name] = data[el.name] || [];
        if (el.checked) { data[el.name].push(el.value); }
      } else {
        data[el.name] = [el.value];
      }
    });
    try { store().setItem(key, JSON.stringify({ saved: Date.now(), fields: data })); } catch (e) { /* full */ }
  }

  function restore() {
    var raw = store().getItem(key);
    if (!raw) { return false; }
    var draft;
    try { draft = JSON.parse(raw); } catch (e) { return false; }
    var data = draft && draft.fields;
    if (!data) { return false; }
    fields().forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(data, el.name)) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = data[el.name].indexOf(el.value) !== -1;
      } else {
        el.value = data[el.name][0];
      }
    });
    return true;
  }

  if (form.getAttribute("data-restore") === "1" && restore()) {
    var notice = document.getElementById("draft-restored");
    if (notice) { notice.hidden = false; }
  }
  save();
  form.addEventListener("input", save);
  form.addEventListener("change", save);
})();
