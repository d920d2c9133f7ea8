/* The screening engine in the browser: the product's own Python engine
   (crossroads/engines/screening) run by Pyodide, both served by the app and kept by the
   service worker, so that a screening is evaluated with no connection by the same code as
   on the server. The server evaluates it again when the screening is sent. */
(function () {
  "use strict";
  var box = document.getElementById("offline-app");
  if (!box || !box.dataset.pyodide) { return; }
  var base = box.dataset.pyodide.replace(/[^/]*$/, "");
  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function mkdirs(FS, path) {
    var parts = path.split("/").slice(0, -1), at = "";
    parts.forEach(function (part) {
      if (!part) { return; }
      at += "/" + part;
      try { FS.mkdir(at); } catch (e) { /* there already */ }
    });
  }
  var ready = null;
  function load() {
    if (ready) { return ready; }
    ready = Promise.all([script(base + "pyodide.js"), script(base + "js-yaml.min.js"), script(box.dataset.yamlJs)])
      .then(function () {
        window.crossroads_yaml = window.crossroadsYamlFor(window.jsyaml);
        return Promise.all([window.loadPyodide({ indexURL: base }),
          fetch(box.dataset.engine).then(function (r) { return r.json(); })]);
      }).then(function (loaded) {
        var py = loaded[0], files = loaded[1].files;
        Object.keys(files).forEach(function (path) {
          mkdirs(py.FS, "/engine/" + path);
          py.FS.writeFile("/engine/" + path, files[path]);
        });
        py.runPython([
          "import sys, json",
          "sys.path.insert(0, '/engine')",
          "from crossroads.engines.screening import screen, InvalidRecord",
          "def crossroads_screen(text):",
          "    try:",
          "        return json.dumps(screen(json.loads(text)))",
          "    except InvalidRecord as err:",
          "        return json.dumps({'error': {'field': err.field, 'message': err.message}})",
          "import sheet_choice",
          "def crossroads_sheet_rights(text):",
          "    result = json.loads(text)",
          "    # Nothing is referred with no connection: no paragraph on referrals to the state.",
          "    return json.dumps({'rights': sheet_choice.rights_for(result, False),",
          "                       'days': sheet_choice.reflection_days(result)})"
        ].join("\n"));
        return py;
      });
    ready.catch(function () { ready = null; });
    return ready;
  }
  window.CrossroadsEngine = {
    load: load,
    screen: function (record) {
      return load().then(function (py) {
        return JSON.parse(py.globals.get("crossroads_screen")(JSON.stringify(record)));
      });
    },
    /* The information sheet's rights for a result, chosen by the referrals app's own code. */
    sheetRights: function (result) {
      return load().then(function (py) {
        return JSON.parse(py.globals.get("crossroads_sheet_rights")(JSON.stringify(result)));
      });
    }
  };
})();
