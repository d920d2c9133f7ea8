"""What the offline app needs to run the screening engine in the browser: the engine's own
files (code, packs, phrase lists) and the two ISO databases it checks codes against, sent
as one JSON bundle and written into Pyodide's file system; and Pyodide itself, from the
npm package that `make pyodide` installs, served by the app (never from a CDN)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent.parent / "engines" / "screening"
SHEET_CHOICE = Path(__file__).resolve().parent.parent / "referrals" / "sheets" / "choice.py"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = REPO_ROOT / "node_modules"
# The files a browser may fetch from the npm packages, by the name it asks for.
PYODIDE_FILES = {
    "pyodide.js": NODE_MODULES / "pyodide" / "pyodide.js",
    "pyodide.mjs": NODE_MODULES / "pyodide" / "pyodide.mjs",
    "pyodide.asm.mjs": NODE_MODULES / "pyodide" / "pyodide.asm.mjs",
    "pyodide.asm.wasm": NODE_MODULES / "pyodide" / "pyodide.asm.wasm",
    "python_stdlib.zip": NODE_MODULES / "pyodide" / "python_stdlib.zip",
    "pyodide-lock.json": NODE_MODULES / "pyodide" / "pyodide-lock.json",
    "js-yaml.min.js": NODE_MODULES / "js-yaml" / "dist" / "js-yaml.min.js",
}


def pyodide_available() -> bool:
    return all(path.is_file() for path in PYODIDE_FILES.values())


def _pycountry_databases() -> Path | None:
    spec = importlib.util.find_spec("pycountry")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "databases"
        if path.is_dir():
            return path
    return None


@lru_cache(maxsize=1)
def engine_bundle() -> tuple[bytes, str]:
    """The bundle as JSON bytes, and its digest (its version for caches)."""
    files: dict[str, str] = {}
    for path in sorted(ENGINE_DIR.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or "tests" in path.parts:
            continue
        if path.suffix not in {".py", ".yaml", ".yml", ".json", ".txt", ".tsv"}:
            continue
        relative = path.relative_to(ENGINE_DIR.parent.parent.parent)
        files[str(relative)] = path.read_text(encoding="utf-8")
    files["crossroads/__init__.py"] = ""
    files["crossroads/engines/__init__.py"] = ""
    # The fear-of-return matcher reads names through the identity engine's normaliser and
    # stems words with Snowball: the same code, shipped as it is. The identity package is
    # opened without its __init__ (which loads the batch engine and DuckDB, unused here).
    identity = ENGINE_DIR.parent / "identity"
    files["crossroads/engines/identity/__init__.py"] = ""
    files["crossroads/engines/identity/normalise.py"] = (identity / "normalise.py").read_text(
        encoding="utf-8"
    )
    for path in sorted((identity / "data").rglob("*")):
        if path.is_file() and path.suffix in {".tsv", ".txt", ".json", ".yaml", ".csv"}:
            relative = path.relative_to(ENGINE_DIR.parent.parent.parent)
            files[str(relative)] = path.read_text(encoding="utf-8")
    stemmer = importlib.util.find_spec("snowballstemmer")
    for location in (stemmer.submodule_search_locations or []) if stemmer else []:
        for path in sorted(Path(location).glob("*.py")):
            files[f"snowballstemmer/{path.name}"] = path.read_text(encoding="utf-8")
    databases = _pycountry_databases()
    files["pycountry/__init__.py"] = ""
    for name in ("iso3166-1.json", "iso639-3.json"):
        if databases is not None:
            files[f"pycountry/databases/{name}"] = (databases / name).read_text(encoding="utf-8")
    # Which rights the information sheet prints: the referrals app's own module (plain
    # Python over the engine), shipped as it is, so that a sheet printed with no connection
    # chooses as the server's does.
    files["sheet_choice.py"] = SHEET_CHOICE.read_text(encoding="utf-8")
    files["yaml.py"] = (Path(__file__).parent / "static" / "offline" / "pyodide_yaml.py").read_text(
        encoding="utf-8"
    )
    body = json.dumps({"files": files}, ensure_ascii=False).encode("utf-8")
    return body, hashlib.sha256(body).hexdigest()[:16]


@lru_cache(maxsize=1)
def sheet_bundle() -> tuple[bytes, str]:
    """The information sheet's words in every language (the files the server prints from,
    checked complete), for the offline app: JSON bytes and their digest."""
    from crossroads.referrals.sheets import ALWAYS, RIGHTS, available_languages, load_content

    languages = available_languages()
    body = json.dumps(
        {
            "languages": [
                {
                    "code": code,
                    "name": load_content(code)["language"]["name"],
                    "html_lang": load_content(code)["language"]["html_lang"],
                }
                for code in languages
            ],
            "rights": list(RIGHTS),
            "always": sorted(ALWAYS),
            "content": {
                code: {
                    key: load_content(code)[key]
                    for key in ("language", "review", "title", "labels", "rights")
                }
                for code in languages
            },
        },
        ensure_ascii=False,
    ).encode("utf-8")
    return body, hashlib.sha256(body).hexdigest()[:16]
