"""The state diagram of a workflow, drawn server-side as inline SVG from the workflow
definition itself (no script, no CDN): states in order left to right, each transition
as an arc above (forward) or, dashed, below (back), named by the transition."""

from __future__ import annotations

from collections import defaultdict

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .display import transition_label
from .workflows.base import ANY_OPEN, CLOSED_FROM, STAY, Workflow

BOX_W, BOX_H, GAP = 124, 48, 30
LINE_CHARS = 18


def state_diagram(workflow: Workflow, current: str = "") -> SafeString:
    codes = workflow.state_codes
    x_of = {code: 10 + i * (BOX_W + GAP) for i, code in enumerate(codes)}
    width = 20 + len(codes) * (BOX_W + GAP) - GAP
    labels: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in workflow.transitions:
        if ANY_OPEN in t.sources or t.target in (STAY, CLOSED_FROM):
            continue  # listed under the diagram, not drawn
        for source in t.sources:
            for target in {t.target, *t.outcome_targets.values()}:
                if target != source:
                    labels[(source, target)].append(transition_label(t.name))

    def lift(source: str, target: str) -> int:
        return 10 + 28 * abs(codes.index(target) - codes.index(source))

    forward = [lift(s, t) for s, t in labels if codes.index(t) > codes.index(s)]
    back = [lift(s, t) for s, t in labels if codes.index(t) < codes.index(s)]
    # Room for arc labels of two lines (step names are words, not short identifiers).
    top = max(forward, default=0) / 2 + 48
    height = top + BOX_H + max(back, default=0) / 2 + 48
    parts = [
        f'<svg class="workflow" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(str(workflow.label))}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#5b6478"/></marker></defs>',
    ]
    for (source, target), names in sorted(labels.items()):
        i, j = codes.index(source), codes.index(target)
        x1 = x_of[source] + BOX_W / 2
        x2 = x_of[target] + BOX_W / 2
        text = ", ".join(names)
        ahead = j > i
        y = top if ahead else top + BOX_H
        control = y - lift(source, target) if ahead else y + lift(source, target)
        parts.append(
            f'<path d="M{x1},{y} Q{(x1 + x2) / 2},{control} {x2},{y}" fill="none" '
            'stroke="#5b6478" stroke-dasharray="' + ("" if ahead else "4 3") + '" '
            'marker-end="url(#arrow)"/>'
        )
        label_y = (y + control) / 2 + (-4 if ahead else 12)
        lines = _wrap(text, 22)
        first = label_y - 12 * (len(lines) - 1) if ahead else label_y
        spans = "".join(
            f'<tspan x="{(x1 + x2) / 2}" y="{first + 12 * n}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(f'<text font-size="11" text-anchor="middle" fill="#1d2433">{spans}</text>')
    for code in codes:
        x = x_of[code]
        is_current = code == current
        fill = "#0b5cad" if is_current else "#fff"
        ink = "#fff" if is_current else "#1d2433"
        parts.append(
            f'<g class="state{" current" if is_current else ""}" data-state="{escape(code)}">'
            f'<rect x="{x}" y="{top}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{fill}" '
            'stroke="#0b5cad"/>'
            + _label(workflow.state_label(code), x + BOX_W / 2, top + BOX_H / 2, ink)
            + "</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def everywhere_transitions(workflow: Workflow) -> list[tuple[str, str]]:
    """The transitions not drawn: those allowed from any open state, staying, reopening."""
    out = []
    for t in workflow.transitions:
        if ANY_OPEN in t.sources or t.target in (STAY, CLOSED_FROM):
            out.append((t.name, str(t.description)))
    return out


def _wrap(text: str, width: int = LINE_CHARS) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3] or [""]


def _label(text: str, x: float, middle: float, ink: str) -> str:
    """A state's name inside its box, on up to three lines."""
    lines = _wrap(text)
    first = middle + 4 - 6 * (len(lines) - 1)
    spans = "".join(
        f'<tspan x="{x}" y="{first + 12 * i}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text font-size="11" text-anchor="middle" fill="{ink}">{spans}</text>'
