"""The diagram on the case page is drawn from the workflow definition itself."""

from __future__ import annotations

import pytest

from crossroads.cases.diagram import state_diagram
from crossroads.cases.workflows import WORKFLOWS


@pytest.mark.parametrize("case_type", sorted(WORKFLOWS))
def test_every_state_is_drawn_and_the_current_one_marked(case_type):
    workflow = WORKFLOWS[case_type]
    svg = str(state_diagram(workflow, workflow.state_codes[1]))
    for code in workflow.state_codes:
        assert f'data-state="{code}"' in svg
    assert svg.count('class="state current"') == 1
    for source, target, name in workflow.edges():
        if source != target and name not in {"transfer", "withdraw", "reopen", "close"}:
            assert name in svg, name
