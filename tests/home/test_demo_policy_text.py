"""The demo builds the client's policy with the seed's slips corrected (existing versions stay as they
were: only a new load builds this text)."""

import pytest
from django.core.management import call_command
from django.utils import translation

from policy.document import build_policy_document, purpose_table_headers

CLAUSE_3_1 = {"kk": "осы Саясаттың № 1 кестесінде", "ru": "настоящей Политики", "en": "of this Policy"}
CLAUSE_3_5 = {
    "kk": "Саясаттың 3.4-тармағындағы",
    "ru": "в пункте 3.4 Политики",
    "en": "clause 3.4 of the Policy",
}


def clause(document, number):
    return next(c for section in document.sections for c in section.clauses if c.number == number)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_clauses_3_1_and_3_5_refer_to_this_policy_and_to_clause_3_4(policy_pages, language):
    document = build_policy_document(policy_pages[language])
    assert CLAUSE_3_1[language] in clause(document, "3.1").text
    assert CLAUSE_3_5[language] in clause(document, "3.5").text
    text = document.as_text()
    for wrong in ("Ереженің", "Положения", "Regulations", "3.3-тармағындағы", "пункте 3.3", "clause 3.3 of"):
        assert wrong not in text


def test_russian_and_english_wording(policy_pages):
    ru = build_policy_document(policy_pages["ru"])
    assert "отозвать свое согласие на обработку своих персональных данных" in clause(ru, "3.2").text
    en = build_policy_document(policy_pages["en"])
    assert en.purposes[0].purpose == "Recruitment for vacancies"
    text = en.as_text()
    assert "rectification (updating, modification)" in text
    assert "clarif" not in text


def test_the_term_column_is_the_processing_period():
    with translation.override("en"):
        assert purpose_table_headers()[5] == "Processing period"


def test_the_demo_snapshots_match_their_hashes(policy_pages):
    call_command("verify_policy_hashes", stdout=open("/dev/null", "w"))  # noqa: SIM115 - raises on a mismatch
