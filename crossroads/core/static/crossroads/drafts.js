/* Drafts typed on this device belong to the account that typed them, and to no one else.

   - Each draft is stored under the account's owner tag and encrypted (AES-GCM) with a key
     the server gives only to that account's pages (derived from the account and its
     password, so it survives an expired session but no other account can obtain it).
   - A page opened by another account removes every draft that is not its own, and any
     draft of an older, unencrypted format.
   - Logging out removes every draft from this device (the server also answers the log-out
     with Clear-Site-Data).
   - Without Web Crypto (an insecure connection), nothing is stored at all.
   No rules here: the server decides everything. */
(function () {
  "use strict";
  var PREFIX = "crossroads:screening-draft:";
  function store() { try { return window.localStorage; } catch (e) { return null; } }
  var body = document.body;
  var owner = body ? body.getAttribute("data-draft-owner") || "" : "";

  function keys() {
    var s = store(), found = [];
    if (!s) { return found; }
    for (var i = 0; i < s.length; i += 1) {
      var k = s.key(i);
      if (k && k.indexOf(PREFIX) === 0) { found.push(k); }
    }
    return found;
  }
  function clearAll() {
    var s = store();
    if (!s) { return; }
    keys().forEach(function (k) { s.removeItem(k); });
  }
  function clearForeign() {
    var s = store();
    if (!s || !owner) { return; }
    keys().forEach(function (k) {
      if (k.indexOf(PREFIX + owner + ":") !== 0) { s.removeItem(k); }
    });
  }
  clearForeign();

  var logout = document.getElementById("logout-form");
  if (logout) { logout.addEventListener("submit", clearAll); }
  if (body && body.getAttribute("data-drafts-clear") === "all") { clearAll(); }

  var subtle = window.crypto && window.crypto.subtle;
  function b64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 1) { s += String.fromCharCode(bytes[i]); }
    return window.btoa(s);
  }
  function unb64(text) {
    var s = window.atob(text), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i += 1) { out[i] = s.charCodeAt(i); }
    return out;
  }
  function importKey(secret) {
    return subtle.importKey("raw", unb64(secret), { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
  }

  /* The interview asks for its draft through this; every call is a promise. */
  window.CrossroadsDrafts = {
    available: function (secret) { return Boolean(store() && subtle && owner && secret); },
    save: function (name, secret, value) {
      if (!this.available(secret)) { return Promise.resolve(false); }
      var iv = window.crypto.getRandomValues(new Uint8Array(12));
      var plain = new TextEncoder().encode(JSON.stringify(value));
      return importKey(secret).then(function (key) {
        return subtle.encrypt({ name: "AES-GCM", iv: iv }, key, plain);
      }).then(function (sealed) {
        try {
          store().setItem(PREFIX + owner + ":" + name,
            JSON.stringify({ v: 2, iv: b64(iv), data: b64(new Uint8Array(sealed)) }));
        } catch (e) { return false; }
        return true;
      });
    },
    load: function (name, secret) {
      if (!this.available(secret)) { return Promise.resolve(null); }
      var raw = store().getItem(PREFIX + owner + ":" + name);
      if (!raw) { return Promise.resolve(null); }
      var box;
      try { box = JSON.parse(raw); } catch (e) { return Promise.resolve(null); }
      if (!box || box.v !== 2) { return Promise.resolve(null); }
      return importKey(secret).then(function (key) {
        return subtle.decrypt({ name: "AES-GCM", iv: unb64(box.iv) }, key, unb64(box.data));
      }).then(function (plain) {
        return JSON.parse(new TextDecoder().decode(plain));
      }).catch(function () { return null; });
    },
    remove: function (name) {
      var s = store();
      if (s && owner) { s.removeItem(PREFIX + owner + ":" + name); }
    }
  };
})();
