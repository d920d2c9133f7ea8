"""``crossroads screen``: screen records from a file or standard input (spec section 8).

``main(["FILE.json"])`` (``-`` for standard input) prints one result as JSON and returns
0; an invalid record prints one line on standard error naming the field and returns 2.
``main(["--jsonl", "FILE.jsonl"])`` screens one record a line and prints one compact
result a line, in order, so that output line *n* always answers input line *n*: an invalid
line (a blank one included) prints ``{"error": {"field", "message"}}`` in its place, and
the command returns 2 after the last line. Never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from .engine import evaluate
from .packs import PackError, PackRegistry, default_registry
from .record import InvalidRecord, parse_record

USAGE = "usage: crossroads screen [--jsonl] FILE  (FILE may be - for standard input)"
_WRITE_BATCH = 512


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_int(digits: str) -> int | float:
    # Python refuses to convert an integer of more than 4300 digits (a denial-of-service
    # guard) and the decoder would then fail without naming the field. Such a number is
    # read as infinite, which the record's checks refuse, naming the field.
    if len(digits) > 4000:
        return float("-inf") if digits.startswith("-") else float("inf")
    return int(digits)


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {json.dumps(key, ensure_ascii=False)}")
            seen.add(key)
    return obj


_DECODER = json.JSONDecoder(
    parse_constant=_reject_constant, parse_int=_parse_int, object_pairs_hook=_object_pairs
)


def decode(raw: bytes) -> Any:
    """Decode one JSON document from UTF-8 bytes; InvalidRecord(``record``) if it is not."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InvalidRecord(
            "record", f"is not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})"
        ) from None
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as err:
        raise InvalidRecord(
            "record", f"is not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from None
    except (ValueError, RecursionError) as err:
        raise InvalidRecord("record", f"is not valid JSON: {err}") from None


def screen_json(raw: bytes, registry: PackRegistry) -> dict[str, Any]:
    """Screen one record given as JSON bytes."""
    record = parse_record(decode(raw), registry.has_pack)
    return evaluate(record, registry.pack_for(record.country, record.date))


def _internal(err: Exception) -> InvalidRecord:
    return InvalidRecord(
        "record", f"internal error ({type(err).__name__}: {err}); please report it"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _utf8(text: str) -> bytes:
    # A lone surrogate (JSON allows "\\ud800") cannot be encoded: it is written as the
    # JSON escape it came from, so the output stays valid JSON and never a traceback.
    return text.encode("utf-8", "backslashreplace")


def _stdout_write(text: str) -> None:
    stream = sys.stdout
    if stream is None:
        raise OSError("standard output is closed")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(_utf8(text))
        buffer.flush()
    else:
        stream.write(_utf8(text).decode("utf-8"))


def _stderr_line(text: str) -> None:
    stream = sys.stderr
    if stream is None:
        return  # nowhere to say it; the exit code still says it
    try:
        stream.write(_utf8(_one_line(text)).decode("utf-8") + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def _open(path: str) -> BinaryIO:
    if path == "-":
        stdin = sys.stdin
        if stdin is None:
            raise OSError("standard input is closed")
        return stdin.buffer
    return open(path, "rb")


def _run_single(path: str, registry: PackRegistry) -> int:
    try:
        handle = _open(path)
        try:
            raw = handle.read()
        finally:
            if path != "-":
                handle.close()
    except OSError as err:
        _stderr_line(f"{path}: cannot be read: {err.strerror or err}")
        return 2
    try:
        result = screen_json(raw, registry)
    except InvalidRecord as err:
        _stderr_line(str(err))
        return 2
    except Exception as err:  # never a traceback, even for a bug
        _stderr_line(str(_internal(err)))
        return 2
    _stdout_write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


class _ReadError(Exception):
    """Reading the input failed part-way (as opposed to writing the output)."""

    def __init__(self, err: OSError) -> None:
        super().__init__(err.strerror or str(err))


def _lines(handle: BinaryIO) -> Iterable[bytes]:
    lines = iter(handle)
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except OSError as err:
            raise _ReadError(err) from None
        yield line.rstrip(b"\r\n")


def _run_jsonl(path: str, registry: PackRegistry) -> int:
    try:
        handle = _open(path)
    except OSError as err:
        _stderr_line(f"{path}: cannot be read: {err.strerror or err}")
        return 2
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    status = 0
    out: list[str] = []
    try:
        for line in _lines(handle):
            try:
                if not line.strip():
                    # Not skipped: output line n must answer input line n (section 8).
                    raise InvalidRecord("record", "is a blank line; each line holds one record")
                out.append(dumps(screen_json(line, registry)))
            except InvalidRecord as err:
                status = 2
                out.append(dumps({"error": err.as_dict()}))
            except Exception as err:  # a bug must not cost the other lines their results
                status = 2
                out.append(dumps({"error": _internal(err).as_dict()}))
            if len(out) >= _WRITE_BATCH:
                _stdout_write("\n".join(out) + "\n")
                out.clear()
    except _ReadError as err:
        if out:
            _stdout_write("\n".join(out) + "\n")
        _stderr_line(f"{path}: cannot be read: {err}")
        return 2
    finally:
        if path != "-":
            handle.close()
    if out:
        _stdout_write("\n".join(out) + "\n")
    if status:
        _stderr_line("some lines were invalid; see the error objects in the output")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``crossroads screen`` with ``argv`` (what follows ``screen``); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["-h"], ["--help"]):
        _stdout_write(USAGE + "\n")
        return 0
    jsonl = "--jsonl" in args
    if jsonl:
        args.remove("--jsonl")
    if len(args) != 1 or (args[0].startswith("-") and args[0] != "-"):
        _stderr_line(USAGE)
        return 2
    try:
        registry = default_registry()
    except PackError as err:
        _stderr_line(f"packs: {err}")
        return 2
    try:
        if jsonl:
            return _run_jsonl(args[0], registry)
        return _run_single(args[0], registry)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as err:
        # e.g. standard output closed: one line, never a traceback (section 8)
        _stderr_line(f"output: cannot be written: {err.strerror or err}")
        return 2
    except Exception as err:  # the last guard: never a traceback, even for a bug
        _stderr_line(str(_internal(err)))
        return 2


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
