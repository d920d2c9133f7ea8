// The screening engine's scenario suite, run by the engine's own Python code inside
// Pyodide (WebAssembly), as the offline app would run it in a browser. The engine's files,
// its packs and phrase lists, pycountry's two ISO databases and the scenarios are copied
// into Pyodide's file system; PyYAML is not in Pyodide's core, so `yaml` is the offline
// app's small module that parses with js-yaml (the YAML parser, not a rule). Prints one JSON line per failing
// scenario and a closing "N passed, N failed" line; exits 1 if any failed.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadPyodide } = require(join(root, "node_modules", "pyodide", "pyodide.js"));
const jsyaml = require(join(root, "node_modules", "js-yaml"));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "__pycache__" || name === "tests") return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function pycountryDir() {
  const out = require("node:child_process")
    .execFileSync(process.env.PYTHON || "python3", ["-c",
      "import importlib.util,sys; s=importlib.util.find_spec('pycountry'); " +
      "print(list(s.submodule_search_locations)[0])"])
    .toString().trim();
  return out;
}

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });
const FS = pyodide.FS;
function put(target, content) {
  const parts = target.split("/").filter(Boolean);
  let path = "";
  for (const part of parts.slice(0, -1)) {
    path += "/" + part;
    try { FS.mkdir(path); } catch (e) { /* exists */ }
  }
  FS.writeFile(target, content);
}

const engine = join(root, "crossroads", "engines", "screening");
for (const file of walk(engine)) {
  put("/app/crossroads/engines/screening/" + relative(engine, file), readFileSync(file));
}
put("/app/crossroads/__init__.py", "");
put("/app/crossroads/engines/__init__.py", "");
// The matcher's other parts, as the offline app ships them (crossroads/offline/engine_files.py):
// the identity engine's normaliser and its tables (without the package's __init__, which
// loads DuckDB), and the Snowball stemmers.
const identity = join(root, "crossroads", "engines", "identity");
put("/app/crossroads/engines/identity/__init__.py", "");
put("/app/crossroads/engines/identity/normalise.py", readFileSync(join(identity, "normalise.py")));
for (const file of walk(join(identity, "data"))) {
  put("/app/crossroads/engines/identity/" + relative(identity, file), readFileSync(file));
}
const stemmerDir = require("node:child_process")
  .execFileSync(process.env.PYTHON || "python3", ["-c",
    "import importlib.util; s=importlib.util.find_spec('snowballstemmer'); " +
    "print(list(s.submodule_search_locations)[0])"])
  .toString().trim();
for (const name of readdirSync(stemmerDir)) {
  if (name.endsWith(".py")) put("/app/snowballstemmer/" + name, readFileSync(join(stemmerDir, name)));
}
const iso = join(pycountryDir(), "databases");
put("/app/pycountry/__init__.py", "");
for (const name of ["iso3166-1.json", "iso639-3.json"]) {
  put("/app/pycountry/databases/" + name, readFileSync(join(iso, name)));
}
const scenarios = join(root, "tests", "scenarios", "screening");
for (const file of readdirSync(scenarios)) {
  put("/app/scenarios/" + file, readFileSync(join(scenarios, file)));
}
// The same `yaml` module and js-yaml set-up as the offline app's (crossroads/offline/static).
const offlineStatic = join(root, "crossroads", "offline", "static", "offline");
put("/app/yaml.py", readFileSync(join(offlineStatic, "pyodide_yaml.py")));
globalThis.crossroads_yaml = require(join(offlineStatic, "pyodide_yaml.js"))(jsyaml);

const result = await pyodide.runPythonAsync(`
import sys, json, traceback
sys.path.insert(0, "/app")
sys.path.insert(0, "/app/scenarios")
import loader
from crossroads.engines.screening import screen, InvalidRecord

failed = []
passed = 0
for scenario in loader.load_scenarios():
    try:
        try:
            result = screen(scenario.record)
        except InvalidRecord as err:
            result = {"error": {"field": err.field, "message": err.message}}
        loader.check_result(scenario, result)
        passed += 1
    except Exception as err:
        failed.append({"scenario": scenario.name, "error": f"{type(err).__name__}: {err}"})
json.dumps({"passed": passed, "failed": failed})
`);
const { passed, failed } = JSON.parse(result);
for (const f of failed) console.log(JSON.stringify(f));
console.log(`pyodide: ${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
