/* The information sheet of a person kept on this device, shown or printed with no
   connection. The words are the server's own files (`/offline/sheets.json`, kept by the
   service worker); which rights apply is chosen on the device by the referrals app's own
   Python (`sheet_choice`, run by Pyodide beside the engine, offline/engine.js), from the
   result of the screening made here. Without that result (no screening, or no Pyodide)
   only the rights that apply to everyone are printed, as the server does for a person
   without a screening. Nothing was referred yet, and the registration number is given
   when the server has the record: the sheet says so in the person's language. */
(function () {
  "use strict";
  var words = null;

  function load(url) {
    if (words) { return Promise.resolve(words); }
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (found) { words = found; return words; });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  /* 25.11.2026, as the printed sheet; with the Solar Hijri date where the file asks. */
  function dateText(day, content) {
    var text = pad(day.getDate()) + "." + pad(day.getMonth() + 1) + "." + day.getFullYear();
    if (content.language.solar_hijri) {
      try {
        var parts = {};
        new Intl.DateTimeFormat("en-u-ca-persian-nu-latn",
          { year: "numeric", month: "2-digit", day: "2-digit" })
          .formatToParts(day).forEach(function (p) { parts[p.type] = p.value; });
        text += " (" + parseInt(parts.year, 10) + "/" + parts.month + "/" + parts.day + ")";
      } catch (e) { /* no Persian calendar in this browser: the Gregorian date alone */ }
    }
    return text;
  }
  function who(labels, name, date) {
    var dl = el("dl", { "class": "who" });
    var rows = [[labels.name, el("bdi", { dir: "auto", "class": "name" }, name)],
                [labels.person_reference, el("bdi", { "class": "ask" }, labels.contact_unknown)],
                [labels.date, el("bdi", { dir: "ltr" }, date)]];
    rows.forEach(function (row) {
      dl.appendChild(el("dt", {}, row[0]));
      var dd = el("dd"); dd.appendChild(row[1]); dl.appendChild(dd);
    });
    return dl;
  }

  /* sheet: {lang, name, rights: [keys] or null, days} -> the <article> */
  function render(lang, sheet) {
    var content = words.content[lang], labels = content.labels;
    var keys = sheet.rights || words.rights.filter(function (k) { return words.always.indexOf(k) !== -1; });
    var date = dateText(new Date(), content);
    var article = el("article", { "class": "sheet dense-0", id: "information-sheet",
      lang: content.language.html_lang, dir: content.language.dir, "data-lang": lang });
    article.appendChild(el("h1", {}, content.title));
    article.appendChild(el("p", { "class": "intro" }, labels.intro));
    article.appendChild(who(labels, sheet.name, date));
    var rights = el("section", { "class": "rights", id: "rights" });
    rights.appendChild(el("h2", {}, labels.your_rights));
    keys.forEach(function (key) {
      var item = content.rights[key];
      var p = el("p", { id: "right-" + key, "data-right": key });
      p.appendChild(el("b", {}, item.heading));
      p.appendChild(document.createTextNode(" " + item.text.split("{days}").join(String(sheet.days || 30))));
      rights.appendChild(p);
    });
    article.appendChild(rights);
    var next = el("section", { "class": "next", id: "next-steps" });
    next.appendChild(el("h2", {}, labels.what_happens_next));
    next.appendChild(el("p", {}, labels.no_referrals));
    article.appendChild(next);
    var cut = el("div", { "class": "cut", "aria-hidden": "true" });
    cut.appendChild(el("span", {}, "\u2702 " + labels.cut_here));
    article.appendChild(cut);
    var slip = el("section", { "class": "slip", id: "referral-slip" });
    slip.appendChild(el("h2", {}, labels.slip_title));
    slip.appendChild(who(labels, sheet.name, date));
    slip.appendChild(el("p", { "class": "keep" }, labels.keep_paper));
    var sign = el("div", { "class": "sign" });
    sign.appendChild(el("b", {}, labels.officer));
    sign.appendChild(el("span"));
    slip.appendChild(sign);
    article.appendChild(slip);
    return article;
  }

  function print() {
    document.body.classList.add("printing-sheet");
    try { window.print(); } finally { document.body.classList.remove("printing-sheet"); }
  }

  window.CrossroadsSheet = { load: load, render: render, print: print };
})();
