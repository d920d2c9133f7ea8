"""Recall and false positives of the fear-of-return matcher, per language.

python -m crossroads.engines.screening.tests.fear_eval               # dev, held out, all
python -m crossroads.engines.screening.tests.fear_eval --show-failures   # dev failures only
python -m crossroads.engines.screening.tests.fear_eval --fresh       # the fresh held-out set
"""

from __future__ import annotations

import argparse

from . import Score, Statement, engine_hear, load, score


def _table(title: str, scores: dict[str, Score]) -> list[str]:
    lines = [
        f"{title}",
        "| language | fear statements | recall | no-fear statements | false positives "
        "| ambiguous heard (asked) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = Score("all")
    for code in sorted(scores):
        s = scores[code]
        lines.append(
            f"| {code} | {s.fear} | {s.recall:.3f} | {s.none} | "
            f"{s.false_positive_rate:.1%} | {s.heard_ask}/{s.ask} ({s.asked}) |"
        )
        for name in ("fear", "heard_fear", "none", "heard_none", "ask", "heard_ask", "asked"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    lines.append(
        f"| **all** | {total.fear} | {total.recall:.3f} | {total.none} | "
        f"{total.false_positive_rate:.1%} | {total.heard_ask}/{total.ask} ({total.asked}) |"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-failures", action="store_true", help="list dev failures")
    parser.add_argument("--show-held-out", action="store_true", help="also list held-out failures")
    parser.add_argument(
        "--dev-only", action="store_true", help="figures of the dev part only (for tuning)"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="figures of the fresh held-out set (fresh/)"
    )
    parser.add_argument(
        "--round", type=int, help="with --fresh --show-held-out: list one round's failures"
    )
    parser.add_argument("languages", nargs="*")
    args = parser.parse_args()
    if args.fresh:
        fresh = load(args.languages or None, fresh=True)
        rounds = sorted({s.round for s in fresh})
        for n in rounds:
            part = [s for s in fresh if s.round == n]
            title = f"\nfresh, round {n} ({len(part)} statements)"
            print("\n".join(_table(title, score(part, engine_hear))))
        if args.show_held_out:
            shown = [s for s in fresh if args.round is None or s.round == args.round]
            for code, s in sorted(score(shown, engine_hear).items()):
                for miss in s.misses:
                    print(f"MISS  {code} [{miss.kind}] {miss.text}")
                for alarm in s.false_alarms:
                    print(f"FALSE {code} [{alarm.kind}] {alarm.text}")
        return
    statements = load(args.languages or None)
    dev = [s for s in statements if not s.held_out]
    held = [s for s in statements if s.held_out]
    parts = [("dev", dev)]
    if not args.dev_only:
        parts += [("held out", held), ("all", statements)]
    for title, part in parts:
        print("\n".join(_table(f"\n{title} ({len(part)} statements)", score(part, engine_hear))))
    if args.show_failures or args.show_held_out:
        shown: list[Statement] = dev + (held if args.show_held_out else [])
        for code, s in sorted(score(shown, engine_hear).items()):
            for miss in s.misses:
                print(f"MISS  {code} [{miss.kind}] {miss.text}")
            for alarm in s.false_alarms:
                print(f"FALSE {code} [{alarm.kind}] {alarm.text}")


if __name__ == "__main__":
    main()
