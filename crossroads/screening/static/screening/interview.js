/* Keeps the screening interview safe on a slow or failing connection: every change is
   saved, encrypted, to this device (see crossroads/drafts.js: only the account that typed
   the answers can read them back), and restored when the page is opened again (for
   example after logging in again when the session expired mid-form). The draft is
   cleared once the screening is saved. No rules here: the server decides everything. */
(function () {
  "use strict";
  var drafts = window.CrossroadsDrafts;

  var clear = document.querySelector("[data-clear-draft]");
  if (clear && drafts) { drafts.remove(clear.getAttribute("data-clear-draft")); }

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
  if (!form || !drafts) { return; }
  var name = form.getAttribute("data-draft-key");
  var secret = form.getAttribute("data-draft-secret");
  if (!drafts.available(secret)) { return; }

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "hidden" && el.type !== "submit" && el.tagName !== "BUTTON";
    });
  }

  var ready = false;
  function save() {
    if (!ready) { return; }
    var data = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        data[el.name] = data[el.name] || [];
        if (el.checked) { data[el.name].push(el.value); }
      } else {
        data[el.name] = [el.value];
      }
    });
    drafts.save(name, secret, { saved: Date.now(), fields: data });
  }

  function restore(draft) {
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
    form.dispatchEvent(new Event("crossroads:restored"));
    return true;
  }

  form.addEventListener("input", save);
  form.addEventListener("change", save);
  var wanted = form.getAttribute("data-restore") === "1";
  (wanted ? drafts.load(name, secret) : Promise.resolve(null)).then(function (draft) {
    if (draft && restore(draft)) {
      var notice = document.getElementById("draft-restored");
      if (notice) { notice.hidden = false; }
    }
    ready = true;
    save();
  });
})();
