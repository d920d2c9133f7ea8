from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from crossroads.accounts.models import Country
from crossroads.identity.model_versions import refit_identity_model


class Command(BaseCommand):
    help = (
        "Refits the identity model on one state's register (expectation-maximisation over "
        "the comparison levels, without labels) and on its supervisors' review decisions "
        "(merged, marked distinct, undone), stores it as a new active version and reports "
        "what changed. Past decisions and queued candidates are not re-scored."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--country", required=True, help="ISO alpha-2 code of the state")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["country"].upper()
        if not Country.objects.filter(code=code).exists():
            raise CommandError(f"country: unknown state {code}", returncode=2)
        stored, report = refit_identity_model(code)
        write = self.stdout.write
        write(f"{code}: model version {stored.version} (refitted from {stored.base_version})")
        write(
            f"  fitted on {report.records} records, {report.candidate_pairs} candidate pairs, "
            f"{report.random_pairs} random pairs; decisions: {report.decided_same} the same "
            f"person, {report.decided_distinct} different people"
        )
        write(f"  share of candidate pairs taken as matches: {report.match_share:.3f}")
        write("  largest changes of weight (log2 m/u), before -> after:")
        for change in report.largest_changes(10):
            write(
                f"    {change.field} {change.level}: "
                f"{change.weight_before:+.2f} -> {change.weight_after:+.2f}"
            )
        moved = [p for p in report.decided if p.probability_after != p.probability_before]
        if report.decided:
            write("  decided pairs as the new version would score them (decisions unchanged):")
            for pair in report.decided[:20]:
                write(
                    f"    {pair.label}: {pair.probability_before:.3f} -> "
                    f"{pair.probability_after:.3f}"
                )
        write(
            f"  {len(moved)} of {len(report.decided)} decided pairs would score differently; "
            "no decision and no queued candidate was changed"
        )
