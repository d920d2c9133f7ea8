"""docs/cases.md shows the workflow tables exactly as the workflow modules define them."""

from __future__ import annotations

from pathlib import Path

from crossroads.cases.docs import workflow_tables


def test_docs_match_the_workflows():
    text = (Path(__file__).resolve().parents[3] / "docs" / "cases.md").read_text()
    assert workflow_tables() in text, "regenerate the tables: see crossroads/cases/docs.py"


def test_every_type_and_transition_name_of_the_contract_is_defined():
    from crossroads.cases.workflows import WORKFLOWS

    contract = {
        "asylum": "register_claim record_interview decide notify lodge_appeal decide_appeal "
        "finalise close",
        "child_protection": "assess_best_interests appoint_guardian arrange_care start_tracing "
        "determine_best_interests close",
        "trafficking_assistance": "start_reflection_period agree_assistance_plan "
        "record_cooperation_choice decide_solution close",
        "statelessness": "register_application decide grant_status close",
        "regularisation": "check_eligibility complete_documents decide issue_permit close",
        "voluntary_return": "counsel record_informed_consent obtain_travel_documents depart "
        "follow_up close",
        "return": "consider_alternatives issue_return_decision lodge_appeal decide_appeal "
        "order_detention remove close",
    }
    for case_type, names in contract.items():
        defined = {t.name for t in WORKFLOWS[case_type].transitions}
        assert set(names.split()) | {"reopen", "transfer"} <= defined, case_type
    assert "withdraw" not in {t.name for t in WORKFLOWS["child_protection"].transitions}
