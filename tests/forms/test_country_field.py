"""The country field: names in the visitor's language, one shared list, ISO codes stored."""

import copy

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from forms.builder import country_choices


@pytest.mark.parametrize(
    ("language", "kazakhstan"), [("kk", "Қазақстан"), ("ru", "Казахстан"), ("en", "Kazakhstan")]
)
def test_countries_are_named_in_the_page_language(client, policy_pages, language, kazakhstan):
    html = client.get(f"/{language}/contact/").content.decode()
    options = BeautifulSoup(html, "html.parser").select("select[name=country] option")
    names = {option["value"]: option.get_text() for option in options}
    assert names["KZ"] == kazakhstan
    assert options[0]["value"] == ""
    assert len(names) > 240


def test_the_list_is_sorted_by_name_and_shared_not_copied():
    with translation.override("en"):
        choices = country_choices()
    names = [name for code, name in choices if code]
    assert names == sorted(names)
    assert copy.deepcopy(choices) is choices
    with translation.override("ru"):
        assert country_choices() is not choices
