/* Offline first contact: people, households and short screenings kept on this device
   until the server has them.

   - Unlocking derives a key from the account's user name and password (PBKDF2, SHA-256,
     AES-GCM 256, not extractable) and keeps it in memory only. Every record, and the
     account's API token, is stored in IndexedDB encrypted with it; another account on
     this device cannot derive it, and sees none of it (records are filed under a tag of
     their own account and never decrypted for another).
   - The first unlock on a device is online: the password is checked by the server
     (`auth/token/`); later ones work offline against a check value sealed with the key.
   - Records go to `sync/` with their own client id, so sending twice never creates twice;
     each one the server has (created, already received, possibly registered before, in
     conflict) is removed from the device; one refused stays, with the reason.
   No rules here: the server decides. */
(function () {
  "use strict";
  var body = document.getElementById("offline-app");
  if (!body) { return; }
  var subtle = window.crypto && window.crypto.subtle;
  var S = document.getElementById("strings").dataset;
  var DB_NAME = "crossroads-offline";
  var state = { key: null, owner: "", username: "", token: "", country: "" };

  function $(id) { return document.getElementById(id); }
  function show(id, text) { var el = $(id); el.textContent = text || ""; el.hidden = !text; }

  if ("serviceWorker" in navigator && body.dataset.sw) {
    navigator.serviceWorker.register(body.dataset.sw, { scope: "/" }).catch(function () {});
  }

  function netState() {
    var el = $("net-state");
    el.textContent = navigator.onLine ? el.dataset.online : el.dataset.offline;
  }
  window.addEventListener("online", function () { netState(); syncNow(); });
  window.addEventListener("offline", netState);
  netState();

  /* IndexedDB, as promises */
  function openDb() {
    return new Promise(function (resolve, reject) {
      var req = window.indexedDB.open(DB_NAME, 2);
      req.onupgradeneeded = function () {
        var db = req.result;
        if (!db.objectStoreNames.contains("accounts")) {
          db.createObjectStore("accounts", { keyPath: "owner" });
          var items = db.createObjectStore("items", { keyPath: "client_id" });
          items.createIndex("owner", "owner");
        }
        if (!db.objectStoreNames.contains("copies")) {
          /* People taken onto the device to be changed: encrypted like the records. */
          var copies = db.createObjectStore("copies", { keyPath: "key" });
          copies.createIndex("owner", "owner");
        }
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function tx(store, mode, fn) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode), result;
        var req = fn(t.objectStore(store));
        if (req) { req.onsuccess = function () { result = req.result; }; }
        t.oncomplete = function () { db.close(); resolve(result); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  /* WebCrypto */
  var enc = new TextEncoder(), dec = new TextDecoder();
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  function ownerOf(username) {
    return subtle.digest("SHA-256", enc.encode("crossroads.offline.owner:" + username))
      .then(function (d) { return hex(d).slice(0, 24); });
  }
  function deriveKey(username, password) {
    return subtle.importKey("raw", enc.encode(password), "PBKDF2", false, ["deriveKey"])
      .then(function (base) {
        return subtle.deriveKey(
          { name: "PBKDF2", hash: "SHA-256", iterations: 200000,
            salt: enc.encode("crossroads.offline.key:" + location.host + ":" + username) },
          base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
      });
  }
  function seal(value) {
    var iv = window.crypto.getRandomValues(new Uint8Array(12));
    return subtle.encrypt({ name: "AES-GCM", iv: iv }, state.key, enc.encode(JSON.stringify(value)))
      .then(function (data) { return { iv: iv, data: new Uint8Array(data) }; });
  }
  function open(box, key) {
    return subtle.decrypt({ name: "AES-GCM", iv: box.iv }, key || state.key, box.data)
      .then(function (plain) { return JSON.parse(dec.decode(plain)); });
  }

  /* Unlock and lock */
  function unlock(username, password) {
    username = username.trim().toLowerCase();
    var key, owner;
    return Promise.all([deriveKey(username, password), ownerOf(username)]).then(function (r) {
      key = r[0]; owner = r[1];
      return tx("accounts", "readonly", function (s) { return s.get(owner); });
    }).then(function (account) {
      if (account) {
        return open(account.secret, key).then(function (secret) {
          return { secret: secret, account: account };
        }, function () {
          if (!navigator.onLine) { throw new Error(S.wrongPassword); }
          return null; /* the password changed: ask the server again */
        });
      }
      if (!navigator.onLine) { throw new Error(S.firstOnline); }
      return null;
    }).then(function (found) {
      if (found) { return found; }
      return fetch(body.dataset.tokenUrl, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: username, password: password })
      }).then(function (r) {
        if (!r.ok) { throw new Error(S.wrongPassword); }
        return r.json();
      }).then(function (answer) {
        return fetch(body.dataset.syncUrl, { headers: { Authorization: "Token " + answer.token } })
          .then(function (r) { return r.json(); })
          .then(function (me) {
            var secret = { token: answer.token, country: me.country };
            state.key = key;
            return seal(secret).then(function (box) {
              var account = { owner: owner, secret: box, lastSync: "" };
              return tx("accounts", "readwrite", function (s) { return s.put(account); })
                .then(function () { return { secret: secret, account: account }; });
            });
          });
      });
    }).then(function (found) {
      state.key = key; state.owner = owner; state.username = username;
      state.token = found.secret.token; state.country = found.secret.country;
      $("unlock-section").hidden = true; $("work-section").hidden = false;
      $("account-name").textContent = username;
      return refresh().then(fillCopies);
    });
  }
  function lock() {
    lastHead = null; sheetPeople = {}; hideSheet(); $("sheet-person").textContent = "";
    $("change-person").textContent = ""; $("change-form").hidden = true;
    state.key = null; state.owner = ""; state.token = ""; state.username = "";
    $("work-section").hidden = true; $("unlock-section").hidden = false;
    $("unlock-password").value = ""; $("waiting-count").textContent = "0";
    $("sync-report").textContent = "";
  }

  function myItems() {
    return tx("items", "readonly", function (s) { return s.index("owner").getAll(state.owner); })
      .then(function (rows) { return rows || []; });
  }
  function refresh() {
    return Promise.all([myItems(), tx("accounts", "readonly", function (s) { return s.get(state.owner); })])
      .then(function (r) {
        $("waiting-count").textContent = String(r[0].length);
        var last = r[1] && r[1].lastSync;
        $("last-sync").textContent = last ? new Date(last).toLocaleString() : S.never;
      }).then(fillSheetPeople);
  }
  function keep(kind, data, baseVersion) {
    var item = { client_id: window.crypto.randomUUID(), kind: kind,
                 made_at: new Date().toISOString(), data: data };
    if (baseVersion) { item.base_version = baseVersion; }
    return seal(item).then(function (box) {
      return tx("items", "readwrite", function (s) {
        return s.put({ client_id: item.client_id, owner: state.owner, box: box });
      });
    }).then(function () { show("sync-message", S.saved); return refresh(); })
      .then(function () { return item; });
  }

  /* Sending */
  var sending = false;
  function syncNow() {
    if (!state.key || sending || !navigator.onLine) { return Promise.resolve(); }
    sending = true;
    return myItems().then(function (rows) {
      return Promise.all(rows.map(function (row) { return open(row.box); }));
    }).then(function (items) {
      if (!items.length) { return null; }
      var order = { person: 0, household: 1, screening: 2 };
      items.sort(function (a, b) { return order[a.kind] - order[b.kind]; });
      return fetch(body.dataset.syncUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Token " + state.token },
        body: JSON.stringify({ items: items.map(function (i) {
          var sent = { client_id: i.client_id, kind: i.kind, made_at: i.made_at, data: i.data };
          if (i.base_version) { sent.base_version = i.base_version; }
          return sent;
        }) })
      }).then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
    }).then(function (answer) {
      var report = $("sync-report");
      report.textContent = "";
      var done = [];
      (answer ? answer.items : []).forEach(function (a) {
        if (a.outcome !== "invalid") { done.push(a.client_id); }
        var line = null;
        if (a.outcome === "possible_duplicate") {
          line = S.possible + ": " + (a.possible_duplicates || []).map(function (c) { return c.reference; }).join(", ");
        } else if (a.outcome === "invalid") {
          // Fields by their labels (`members.2.birth_date` -> "Birth date"), never their codes.
          line = S.invalid + " " + Object.keys(a.errors || {}).map(function (k) {
            var label = fieldLabel(k.split(".").pop());
            return (label ? label + ": " : "") + a.errors[k].join(" ");
          }).join("; ");
        } else if (a.outcome === "conflict") {
          line = S.conflict + " " + Object.keys(a.fields || {}).map(fieldLabel).filter(Boolean).join(", ");
        }
        if (line) {
          var li = document.createElement("li");
          li.className = "sync-" + a.outcome;
          li.textContent = line;
          if (a.outcome === "conflict" && a.conflict) {
            var link = document.createElement("a");
            link.href = body.dataset.conflictUrl.replace("00000000-0000-0000-0000-000000000000", a.conflict);
            link.className = "resolve-conflict";
            link.textContent = " " + S.resolve;
            li.appendChild(link);
          }
          report.appendChild(li);
        }
      });
      return tx("items", "readwrite", function (s) {
        done.forEach(function (id) { s.delete(id); });
      }).then(function () {
        return tx("accounts", "readwrite", function (s) {
          var req = s.get(state.owner);
          req.onsuccess = function () {
            var account = req.result;
            if (account) { account.lastSync = new Date().toISOString(); s.put(account); }
          };
        });
      }).then(function () { show("sync-message", S.sent); });
    }).catch(function () { /* still offline, or the server is away: try again later */ })
      .then(function () { sending = false; return refresh(); });
  }
  window.setInterval(function () { syncNow(); }, 30000);

  /* The engine's result on this device (offline/engine.js), when Pyodide is served. */
  function showResult(record) {
    if (!window.CrossroadsEngine) { return Promise.resolve(); }
    return window.CrossroadsEngine.screen(record).then(function (result) {
      var list = $("offline-needs"), labels = $("need-labels").dataset;
      list.textContent = "";
      (result.needs || []).forEach(function (need) {
        var li = document.createElement("li");
        li.dataset.code = need.code;
        li.textContent = labels[need.code] || need.code;
        list.appendChild(li);
      });
      $("offline-result").hidden = false;
    }).catch(function () { /* the engine could not load: the server decides on sending */ });
  }
  if (window.CrossroadsEngine && body.dataset.pyodide) {
    window.CrossroadsEngine.load().catch(function () {});
  }

  /* Forms */
  var lastHead = null;
  function birthOf(text) {
    text = (text || "").trim();
    if (/^\d{1,3}$/.test(text)) { return { age: parseInt(text, 10) }; }
    return text ? { birth_date: text } : {};
  }
  $("unlock-form").addEventListener("submit", function (e) {
    e.preventDefault();
    show("unlock-error", "");
    unlock($("unlock-username").value, $("unlock-password").value)
      .then(function () { return syncNow(); })
      .catch(function (err) { show("unlock-error", err.message || S.wrongPassword); });
  });
  $("lock").addEventListener("click", lock);
  $("sync-now").addEventListener("click", function () { syncNow(); });
  $("household-form").addEventListener("submit", function (e) {
    e.preventDefault();
    show("household-error", "");
    var rows = Array.prototype.slice.call(document.querySelectorAll("#member-rows tr"));
    var members = [];
    rows.forEach(function (row, i) {
      function v(name) { var el = row.querySelector("[name=" + name + "]"); return el ? el.value.trim() : ""; }
      if (i > 0 && !v("given_name") && !v("family_name") && !v("birth")) { return; }
      var head = members[0] || {};
      var member = { given_name: v("given_name"), family_name: v("family_name") || head.family_name || "",
                     sex: v("sex"), relationship: v("relationship") || "other" };
      var nationality = v("nationality") || (head.nationalities || [])[0] || "";
      if (nationality) { member.nationalities = [nationality]; }
      var birth = birthOf(v("birth"));
      Object.keys(birth).forEach(function (k) { member[k] = birth[k]; });
      members.push(member);
    });
    if (!members.length || !(members[0].given_name || members[0].family_name)) {
      show("household-error", S.needName);
      return;
    }
    var kept = members.length === 1
      ? keep("person", (function (m) {
          var d = {}; Object.keys(m).forEach(function (k) { if (k !== "relationship" && k !== "age") { d[k] = m[k]; } });
          if (m.age !== undefined) { d.birth_date = String(new Date().getFullYear() - m.age); d.birth_date_estimated = true; }
          return d;
        })(members[0]))
      : keep("household", { members: members });
    kept.then(function (item) {
      lastHead = item;
      $("household-form").reset();
      return fillSheetPeople();
    });
  });
  /* Changing a person already registered: a copy taken while online (with its version),
     changed with or without a connection; only the fields changed are sent, with the
     version they were changed on, so the server applies them or keeps a conflict. */
  var CHANGED = ["given_name", "family_name", "birth_date"];
  function fieldLabel(name) {
    var label = document.querySelector("label[for=change-" + name + "]");
    return label ? label.textContent : ($("field-labels").dataset[name] || "");
  }
  function myCopies() {
    return tx("copies", "readonly", function (s) { return s.index("owner").getAll(state.owner); })
      .then(function (rows) { return Promise.all((rows || []).map(function (r) { return open(r.box); })); });
  }
  function keepCopy(person) {
    return seal(person).then(function (box) {
      return tx("copies", "readwrite", function (s) {
        return s.put({ key: state.owner + ":" + person.id, owner: state.owner, box: box });
      });
    });
  }
  var copiesById = {};
  function fillCopies() {
    return myCopies().then(function (people) {
      var select = $("change-person"), chosen = select.value;
      select.textContent = ""; copiesById = {};
      people.forEach(function (p) {
        copiesById[p.id] = p;
        var option = document.createElement("option");
        option.value = p.id;
        option.textContent = p.reference + " · " + [p.given_name, p.family_name].filter(Boolean).join(" ");
        select.appendChild(option);
      });
      if (chosen && copiesById[chosen]) { select.value = chosen; }
      $("change-form").hidden = !people.length;
      fillChange();
    });
  }
  function fillChange() {
    var p = copiesById[$("change-person").value];
    CHANGED.forEach(function (name) { $("change-" + name).value = p ? (p[name] || "") : ""; });
  }
  function apiGet(url) {
    return fetch(url, { headers: { Authorization: "Token " + state.token, Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(S.notFound); } return r.json(); });
  }
  $("take-form").addEventListener("submit", function (e) {
    e.preventDefault();
    show("take-error", "");
    if (!navigator.onLine) { show("take-error", S.takeOnline); return; }
    var reference = $("take-reference").value.trim();
    if (!reference) { return; }
    apiGet(body.dataset.personsUrl + "?q=" + encodeURIComponent(reference)).then(function (found) {
      var rows = Array.isArray(found) ? found : (found.results || []);
      if (rows.length !== 1) { throw new Error(S.notFound); }
      return apiGet(body.dataset.personsUrl + rows[0].id + "/");
    }).then(function (p) {
      var copy = { id: p.id, reference: p.reference, version: p.version };
      CHANGED.forEach(function (name) { copy[name] = p[name] || ""; });
      return keepCopy(copy).then(function () { $("change-person").value = p.id; });
    }).then(function () { $("take-reference").value = ""; return fillCopies(); })
      .catch(function (err) { show("take-error", err.message || S.notFound); });
  });
  $("change-person").addEventListener("change", fillChange);
  $("change-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var copy = copiesById[$("change-person").value];
    if (!copy) { return; }
    var data = { id: copy.id }, changed = false;
    CHANGED.forEach(function (name) {
      var value = $("change-" + name).value.trim();
      if (value !== (copy[name] || "")) { data[name] = value; changed = true; }
    });
    if (!changed) { return; }
    keep("person", data, copy.version).then(function () {
      CHANGED.forEach(function (name) { if (name in data) { copy[name] = data[name]; } });
      return keepCopy(copy);
    }).then(fillCopies);
  });

  /* The information sheet of a person waiting on this device (offline/sheet.js): the one
     just kept, or any other not sent yet, even after a reload. The rights are chosen from
     their short screening kept here, evaluated again on the device. */
  var sheetPeople = {};
  function hideSheet() {
    $("sheet-section").hidden = true;
    $("offline-sheet-box").textContent = "";
    $("print-offline-sheet").hidden = true;
  }
  function fullName(p) { return [p.given_name, p.family_name].filter(Boolean).join(" "); }
  function fillSheetPeople() {
    if (!state.key || !window.CrossroadsSheet) { return Promise.resolve(); }
    return myItems().then(function (rows) {
      return Promise.all(rows.map(function (row) { return open(row.box); }));
    }).then(function (items) {
      var people = {}, order = [];
      items.sort(function (a, b) { return a.made_at < b.made_at ? -1 : 1; });
      items.forEach(function (i) {
        // A household's sheet is its person in charge's; a change to a person is no one new.
        var person = i.kind === "household" ? i.data.members[0] : (i.kind === "person" && !i.data.id ? i.data : null);
        if (person) { people[i.client_id] = { person: person }; order.push(i.client_id); }
      });
      items.forEach(function (i) {
        if (i.kind === "screening" && people[i.data.person_client_id]) {
          people[i.data.person_client_id].record = i.data.record;
        }
      });
      sheetPeople = people;
      var select = $("sheet-person"), chosen = select.value;
      select.textContent = "";
      order.forEach(function (id) {
        var option = document.createElement("option");
        option.value = id; option.textContent = fullName(people[id].person);
        select.appendChild(option);
      });
      if (lastHead && people[lastHead.client_id]) { select.value = lastHead.client_id; }
      else if (chosen && people[chosen]) { select.value = chosen; }
      if (!order.length) { hideSheet(); return null; }
      return window.CrossroadsSheet.load(body.dataset.sheetUrl).then(function (words) {
        var languages = $("sheet-language");
        if (!languages.options.length) {
          words.languages.forEach(function (l) {
            var option = document.createElement("option");
            option.value = l.code; option.lang = l.html_lang; option.textContent = l.name;
            option.selected = l.code === languages.dataset.default;
            languages.appendChild(option);
          });
        }
        $("sheet-section").hidden = false;
      });
    }).catch(function () { /* the words are not on this device yet */ });
  }
  function showSheet() {
    var entry = sheetPeople[$("sheet-person").value];
    if (!entry) { return Promise.resolve(); }
    var engine = window.CrossroadsEngine;
    var chosen = entry.record && engine
      ? engine.screen(entry.record).then(function (result) {
          return result.error ? {} : engine.sheetRights(result);
        }).catch(function () { return {}; })
      : Promise.resolve({});
    return chosen.then(function (choice) {
      var article = window.CrossroadsSheet.render($("sheet-language").value,
        { name: fullName(entry.person), rights: choice.rights || null, days: choice.days });
      var box = $("offline-sheet-box");
      box.textContent = "";
      box.appendChild(article);
      $("print-offline-sheet").hidden = false;
    });
  }
  $("show-sheet").addEventListener("click", function () { showSheet(); });
  $("print-offline-sheet").addEventListener("click", function () { window.CrossroadsSheet.print(); });
  $("short-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var form = e.target, fear = form.querySelector("[name=fear_of_return]:checked");
    if (!fear) { show("short-error", S.needFear); return; }
    if (!lastHead || lastHead.kind !== "person") { show("short-error", S.needName); return; }
    show("short-error", "");
    var statements = {};
    if (fear.value === "yes") { statements.fear_of_return = true; }
    if (fear.value === "no") { statements.fear_of_return = false; }
    if (fear.value === "declined") { statements.fear_of_return_declined = true; }
    var record = { country: state.country, date: new Date().toISOString().slice(0, 10),
                   statements: statements };
    if (form.child_alone.checked) {
      record.person = { appears_child: true }; record.travel = { accompanied_by: "none" };
    }
    if (form.medical_urgent.checked) { record.indicators = { medical_urgent: true }; }
    keep("screening", { person_client_id: lastHead.client_id, record: record })
      .then(function () { form.reset(); return showResult(record); })
      .then(function () { if (!$("sheet-section").hidden && $("offline-sheet-box").firstChild) { return showSheet(); } });
  });
})();
