"""Consent statements find the policy's clauses by their role, not their number."""

import copy

from policy.document import ClauseRole, frozen_clause
from policy.models import PolicySnapshot


def kazakh_document(policy_pages):
    return PolicySnapshot.objects.get(page=policy_pages["kk"], version__number=1).document


def test_each_role_names_its_clause_in_a_frozen_document(policy_pages):
    document = kazakh_document(policy_pages)
    numbers = {
        role: frozen_clause(document, role)["number"]
        for role in (
            ClauseRole.PURPOSES,
            ClauseRole.WITHDRAWAL,
            ClauseRole.THIRD_PARTY_TRANSFER,
            ClauseRole.CROSS_BORDER_TRANSFER,
            ClauseRole.TRANSFER_COUNTRIES,
        )
    }
    assert list(numbers.values()) == ["3.1", "3.2", "3.3", "3.4", "3.5"]


def test_renumbering_the_clauses_does_not_change_what_a_role_finds(policy_pages):
    document = copy.deepcopy(kazakh_document(policy_pages))
    third_party = frozen_clause(document, ClauseRole.THIRD_PARTY_TRANSFER)["text"]
    countries = frozen_clause(document, ClauseRole.TRANSFER_COUNTRIES)["items"]
    section = next(section for section in document["sections"] if section["number"] == 3)
    section["clauses"].insert(1, {"number": "3.2", "text": "New clause", "items": [], "role": ""})
    for index, clause in enumerate(section["clauses"], start=1):
        clause["number"] = f"3.{index}"  # everything after the new clause moves down one number
    assert frozen_clause(document, ClauseRole.THIRD_PARTY_TRANSFER)["text"] == third_party
    assert frozen_clause(document, ClauseRole.THIRD_PARTY_TRANSFER)["number"] == "3.4"
    assert frozen_clause(document, ClauseRole.TRANSFER_COUNTRIES)["items"] == countries


def test_documents_frozen_before_roles_are_read_by_the_numbers_they_had(policy_pages):
    document = copy.deepcopy(kazakh_document(policy_pages))
    for section in document["sections"]:
        for clause in section["clauses"]:
            clause.pop("role", None)
    assert frozen_clause(document, ClauseRole.TRANSFER_COUNTRIES)["number"] == "3.5"
