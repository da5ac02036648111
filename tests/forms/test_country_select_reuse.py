"""The country select's HTML is rendered once per process for each name, value and attributes, and is
exactly what Django renders; a value that is not a country is rendered afresh and never kept."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django import forms as django_forms
from django.utils import translation

from forms.builder import RENDERED_SELECTS_KEPT, SharedChoicesSelect, countries_named_in


def country_field(language="en", required=True):
    choices = countries_named_in(language)
    return django_forms.TypedChoiceField(choices=choices, widget=SharedChoicesSelect, required=required)


def rendered(field, value):
    form = type("CountryForm", (django_forms.Form,), {"country": field})
    bound = form({"country": value} if value is not None else None)
    return str(bound["country"]), bound


@pytest.mark.parametrize("value", [None, "", "KZ", "FR"])
def test_the_reused_html_is_what_django_renders(value):
    html, _ = rendered(country_field(), value)
    again, _ = rendered(country_field(), value)
    plain_field = django_forms.TypedChoiceField(choices=list(countries_named_in("en")), required=True)
    plain, _ = rendered(plain_field, value)
    assert html == again == plain
    selected = BeautifulSoup(html, "html.parser").select("option[selected]")
    assert [option["value"] for option in selected] == ([value] if value else [""])


def test_a_second_form_reuses_the_html():
    field = country_field("kk")
    rendered(field, "KZ")
    with mock.patch.object(django_forms.Select, "render", side_effect=AssertionError("rendered again")):
        html, _ = rendered(field, "KZ")
    assert 'value="KZ" selected' in html


def test_a_value_that_is_no_country_is_rendered_afresh_and_not_kept():
    field = country_field("ru")
    kept = dict(countries_named_in("ru").rendered)
    html, bound = rendered(field, "<script>")
    assert not bound.is_valid()
    assert "<script>" not in html
    assert BeautifulSoup(html, "html.parser").select("option[selected]") == []
    assert countries_named_in("ru").rendered == kept


def test_what_is_kept_is_bounded():
    choices = countries_named_in("en")
    for code in [value for value, _label in choices][: RENDERED_SELECTS_KEPT + 10]:
        rendered(country_field("en"), code)
    assert len(choices.rendered) <= RENDERED_SELECTS_KEPT


def test_each_language_keeps_its_own_names(client, policy_pages):
    for language, kazakhstan in [("kk", "Қазақстан"), ("ru", "Казахстан"), ("en", "Kazakhstan")]:
        for _ in range(2):
            with translation.override(language):
                html = client.get(f"/{language}/contact/").content.decode()
            option = BeautifulSoup(html, "html.parser").select_one("select[name=country] option[value=KZ]")
            assert option.get_text() == kazakhstan
