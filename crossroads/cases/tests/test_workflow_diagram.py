"""The diagram on the case page is drawn from the workflow definition itself."""

from __future__ import annotations

import re

import pytest

from crossroads.cases.diagram import state_diagram
from crossroads.cases.display import transition_label
from crossroads.cases.workflows import WORKFLOWS


@pytest.mark.parametrize("case_type", sorted(WORKFLOWS))
def test_every_state_is_drawn_and_the_current_one_marked(case_type):
    workflow = WORKFLOWS[case_type]
    svg = str(state_diagram(workflow, workflow.state_codes[1]))
    for code in workflow.state_codes:
        assert f'data-state="{code}"' in svg
    assert svg.count('class="state current"') == 1
    # Steps are named in words, never by their identifiers (the data attributes keep codes).
    words = " ".join(re.findall(r">([^<>]+)</tspan>", svg))
    for source, target, name in workflow.edges():
        if source != target and name not in {"transfer", "withdraw", "reopen", "close"}:
            assert transition_label(name) in words, name
            assert not re.search(rf"\b{name}\b", words), name
