"""PyYAML's few entry points that the screening engine (and its scenario loader) use, for
the engine running inside Pyodide, where PyYAML is not part of the core: the text is
parsed by js-yaml and handed over as JSON. The YAML parser only; the rules are the
engine's own code. Installed as the module `yaml` in Pyodide's file system."""

import json
from typing import Any

from js import crossroads_yaml


class YAMLError(Exception):
    pass


class SafeLoader:
    yaml_implicit_resolvers: dict[str, Any] = {}


CSafeLoader = SafeLoader


def _floats(obj: dict[str, Any]) -> Any:
    # A YAML float (15.0) stays a float, as PyYAML reads it: JSON text would make it 15.
    return float(obj["__float__"]) if set(obj) == {"__float__"} else obj


def _load(stream: Any) -> Any:
    text = stream if isinstance(stream, str | bytes) else stream.read()
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        # As JSON text: JavaScript's null must become None, not Pyodide's jsnull.
        return json.loads(crossroads_yaml.parse(text), object_hook=_floats)
    except Exception as err:
        raise YAMLError(str(err)) from None


def load(stream: Any, Loader: Any = None) -> Any:
    return _load(stream)


def safe_load(stream: Any) -> Any:
    return _load(stream)
