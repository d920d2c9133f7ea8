/* js-yaml set up to read YAML as PyYAML's safe loader does for the engine's files (floats
   kept as floats), for the Python module `yaml` inside Pyodide (offline/pyodide_yaml.py).
   Used by the browser (offline/engine.js) and by the scenario suite under Node. */
(function (root) {
  "use strict";
  function make(jsyaml) {
    var floats = jsyaml.types.float;
    var keptFloat = new jsyaml.Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: floats.resolve,
      construct: function (data) { return { __float__: String(floats.construct(data)) }; },
      predicate: floats.predicate,
      represent: floats.represent,
      defaultStyle: floats.defaultStyle
    });
    var schema = jsyaml.FAILSAFE_SCHEMA.extend({
      implicit: [jsyaml.types.null, jsyaml.types.bool, jsyaml.types.int, keptFloat]
    });
    return { parse: function (text) { return JSON.stringify(jsyaml.load(text, { schema: schema })); } };
  }
  if (typeof module !== "undefined" && module.exports) { module.exports = make; }
  else { root.crossroadsYamlFor = make; }
})(typeof self !== "undefined" ? self : this);
