"""Accuracy metrics from the labels and a system's output files.

Definitions (also in README.md):

- pairwise precision / recall / F1: over record pairs. A true pair is two records of the same
  person; a predicted pair is two records in the same cluster.
- false-merge rate (family / namesake): among pairs of *distinct registered people* who are in
  the same household (family) or share the same true full name (given name and family name,
  script-free, gender ending ignored: namesake), the share that the system put in the same
  cluster, a pair of people counting as merged when any record of one shares a cluster with
  any record of the other. Reported for households, namesakes, twins, and their union.
- recall per script pair: the share of true record pairs put in the same cluster, by the
  scripts the two records are written in (Cyrl-Latn, Cyrl-Arab, Latn-Arab, same script).
- search recall@k: among queries of registered people (a different registration of someone in
  the index), the share whose person has a record among the first k answers.
- "same person" rate for people not in the index: among queries of people who are not
  registered (relatives, twins, namesakes, newcomers), the share whose first answer has
  match probability >= 0.5.
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _c2(n: int) -> int:
    return n * (n - 1) // 2


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def script_pair(a: str, b: str) -> str:
    if a == b:
        return "same-script"
    return "–".join(sorted((a, b), key=("Cyrl", "Latn", "Arab").index))


def cluster_metrics(data: Path, clusters_csv: Path) -> dict[str, Any]:
    labels = {row["record_id"]: row for row in _rows(data / "labels.csv")}
    cluster_of = {row["id"]: row["cluster_id"] for row in _rows(clusters_csv)}
    missing = set(labels) - set(cluster_of)
    extra = set(cluster_of) - set(labels)
    if missing or extra:
        raise ValueError(f"clusters file: {len(missing)} ids missing, {len(extra)} unknown")

    cells: Counter[tuple[str, str]] = Counter()
    cluster_sizes: Counter[str] = Counter()
    person_sizes: Counter[str] = Counter()
    records_of: dict[str, list[str]] = defaultdict(list)
    for record_id, label in labels.items():
        cluster = cluster_of[record_id]
        person = label["person_id"]
        cells[(cluster, person)] += 1
        cluster_sizes[cluster] += 1
        person_sizes[person] += 1
        records_of[person].append(record_id)
    true_positive = sum(_c2(n) for n in cells.values())
    predicted = sum(_c2(n) for n in cluster_sizes.values())
    actual = sum(_c2(n) for n in person_sizes.values())
    precision = _ratio(true_positive, predicted)
    recall = _ratio(true_positive, actual)
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )

    by_script: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    # The independent generator also labels each record with the person's origin and what
    # the clerk did to it (``noise``): recall by origin, and by noise on either record.
    by_origin: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_noise: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for records in records_of.values():
        for a, b in combinations(records, 2):
            key = script_pair(labels[a]["script"], labels[b]["script"])
            together = int(cluster_of[a] == cluster_of[b])
            by_script[key][1] += 1
            by_script[key][0] += together
            origin = labels[a].get("origin")
            if origin:
                by_origin[origin][1] += 1
                by_origin[origin][0] += together
            kinds = set(filter(None, labels[a].get("noise", "").split(";")))
            kinds |= set(filter(None, labels[b].get("noise", "").split(";")))
            for kind in kinds or ({"none"} if "noise" in labels[a] else set()):
                by_noise[kind][1] += 1
                by_noise[kind][0] += together

    # Distinct people: which clusters hold each registered person's records.
    clusters_of_person: dict[str, set[str]] = defaultdict(set)
    for (cluster, person), _count in cells.items():
        clusters_of_person[person].add(cluster)
    persons = {row["person_id"]: row for row in _rows(data / "persons.csv")}
    in_register = set(person_sizes)
    groups: dict[str, dict[str, list[str]]] = {
        "family": defaultdict(list),
        "namesake": defaultdict(list),
    }
    twins: list[tuple[str, str]] = []
    for person in sorted(in_register):
        row = persons[person]
        groups["family"][row["household_id"]].append(person)
        groups["namesake"][row["name_key"]].append(person)
        if row["twin_of"] in in_register:
            twins.append((row["twin_of"], person))

    def merged_pairs(members: list[str]) -> set[tuple[str, str]]:
        by_cluster: dict[str, set[str]] = defaultdict(set)
        for person in members:
            for cluster in clusters_of_person[person]:
                by_cluster[cluster].add(person)
        merged: set[tuple[str, str]] = set()
        for together in by_cluster.values():
            if len(together) > 1:
                merged.update(combinations(sorted(together), 2))
        return merged

    false_merge: dict[str, Any] = {}
    union_merged: set[tuple[str, str]] = set()
    for kind, grouped in groups.items():
        total = 0
        merged_count = 0
        for members in grouped.values():
            if len(members) < 2:
                continue
            total += _c2(len(members))
            merged = merged_pairs(members)
            merged_count += len(merged)
            union_merged |= merged
        false_merge[kind] = {
            "pairs": total,
            "merged": merged_count,
            "rate": _ratio(merged_count, total),
        }
    # |family ∪ namesake| = |family| + |namesake| - |both| (siblings sharing a full name).
    both: Counter[tuple[str, str]] = Counter(
        (persons[p]["household_id"], persons[p]["name_key"]) for p in in_register
    )
    union_size = (
        false_merge["family"]["pairs"]
        + false_merge["namesake"]["pairs"]
        - sum(_c2(n) for n in both.values())
    )
    false_merge["family_or_namesake"] = {
        "pairs": union_size,
        "merged": len(union_merged),
        "rate": _ratio(len(union_merged), union_size),
    }
    twin_merged = sum(1 for a, b in twins if clusters_of_person[a] & clusters_of_person[b])
    false_merge["twins"] = {
        "pairs": len(twins),
        "merged": twin_merged,
        "rate": _ratio(twin_merged, len(twins)),
    }

    return {
        "records": len(labels),
        "people": len(person_sizes),
        "clusters": len(cluster_sizes),
        "true_pairs": actual,
        "predicted_pairs": predicted,
        "pairwise_precision": precision,
        "pairwise_recall": recall,
        "pairwise_f1": f1,
        "recall_by_script_pair": {
            key: {"pairs": total, "recall": _ratio(hit, total)}
            for key, (hit, total) in sorted(by_script.items())
        },
        "false_merge": false_merge,
        "recall_by_origin": {
            key: {"pairs": total, "recall": _ratio(hit, total)}
            for key, (hit, total) in sorted(by_origin.items())
        },
        "recall_by_noise": {
            key: {"pairs": total, "recall": _ratio(hit, total)}
            for key, (hit, total) in sorted(by_noise.items())
        },
    }


def search_metrics(data: Path, results_csv: Path) -> dict[str, Any]:
    person_of = {row["record_id"]: row["person_id"] for row in _rows(data / "labels.csv")}
    queries = {row["query_id"]: row for row in _rows(data / "query_labels.csv")}
    answers: dict[str, list[tuple[int, str, float]]] = defaultdict(list)
    for row in _rows(results_csv):
        probability = float(row["match_probability"])
        if not (0.0 <= probability <= 1.0) or math.isnan(probability):
            raise ValueError(f"probability out of range: {row}")
        answers[row["query_id"]].append((int(row["rank"]), row["id"], probability))
    unknown = set(answers) - set(queries)
    if unknown:
        raise ValueError(f"{len(unknown)} unknown query ids in {results_csv}")

    registered = [q for q in queries.values() if q["kind"] == "registered"]
    hit1 = hit10 = said_same_correct = 0
    for query in registered:
        ranked = sorted(answers.get(query["query_id"], []))
        persons = [person_of.get(record_id) for _, record_id, _ in ranked[:10]]
        if persons[:1] == [query["person_id"]]:
            hit1 += 1
            if ranked[0][2] >= 0.5:
                said_same_correct += 1
        if query["person_id"] in persons:
            hit10 += 1
    not_registered: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for query in queries.values():
        if query["kind"] == "registered":
            continue
        ranked = sorted(answers.get(query["query_id"], []))
        same = bool(ranked) and ranked[0][2] >= 0.5
        for key in (query["kind"], "all"):
            not_registered[key][1] += 1
            not_registered[key][0] += int(same)
    return {
        "queries_registered": len(registered),
        "recall_at_1": _ratio(hit1, len(registered)),
        "recall_at_10": _ratio(hit10, len(registered)),
        "registered_said_same_at_rank_1": _ratio(said_same_correct, len(registered)),
        "not_registered_said_same": {
            kind: {"queries": total, "rate": _ratio(same, total)}
            for kind, (same, total) in sorted(not_registered.items())
        },
    }
