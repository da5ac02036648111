"""How staff read a consent record: the stored statement split into its purposes, answers formatted."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from forms.record_display import StatementPart, statement_parts
from forms.statements import PurposeStatement, statements_text


def purpose(number, required, text):
    return PurposeStatement(key=str(number), number=number, purpose="", required=required, text=text)


def test_a_generated_statement_splits_into_its_purposes_and_back_exactly():
    statements = [
        purpose(4, True, "I consent to A. Data: name; e-mail. Term: until withdrawn."),
        purpose(2, False, "I consent to B [with brackets] and “quotes”."),
    ]
    stored = statements_text(statements)
    parts = statement_parts(stored)
    assert parts == [
        StatementPart(True, "4. I consent to A. Data: name; e-mail. Term: until withdrawn."),
        StatementPart(False, "2. I consent to B [with brackets] and “quotes”."),
    ]
    rebuilt = "".join(f"[{'required' if p.required else 'optional'}] {p.text}\n" for p in parts)
    assert rebuilt == stored


def test_text_without_the_prefixes_is_kept_whole():
    assert statement_parts("An older statement\nover two lines\n") == [
        StatementPart(None, "An older statement\nover two lines")
    ]
    assert statement_parts("") == []


def test_a_prefix_inside_a_line_does_not_split_it():
    stored = "[required] 1. Text mentioning [optional] in the middle.\n"
    assert statement_parts(stored) == [StatementPart(True, "1. Text mentioning [optional] in the middle.")]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_parts_are_labelled_in_the_admin_language(language):
    with translation.override(language):
        labels = [part.label for part in statement_parts("[required] 1. A\n[optional] 2. B\n")]
        assert labels == [gettext("required"), gettext("optional")]
