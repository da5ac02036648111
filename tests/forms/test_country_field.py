"""The country field: ISO 3166-1 countries named in the visitor's language and sorted in its alphabet,
Kazakhstan first, one shared list per language, ISO codes stored."""

import copy
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import get_language, gettext

from forms import builder
from forms.builder import countries_named_in, country_choices
from forms.collation import sort_key

LANGUAGES = ["kk", "ru", "en"]
NOT_COUNTRIES = ["EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "XK", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]
ISO_3166_1_COUNT = 249  # officially assigned alpha-2 codes


@pytest.mark.parametrize(
    ("language", "kazakhstan"), [("kk", "Қазақстан"), ("ru", "Казахстан"), ("en", "Kazakhstan")]
)
def test_countries_are_named_in_the_page_language(client, policy_pages, language, kazakhstan):
    html = client.get(f"/{language}/contact/").content.decode()
    options = BeautifulSoup(html, "html.parser").select("select[name=country] option")
    names = {option["value"]: option.get_text() for option in options}
    assert names["KZ"] == kazakhstan
    assert [option["value"] for option in options[:2]] == ["", "KZ"]
    with translation.override(language):
        assert options[0].get_text() == gettext("Choose a country")
    assert len(names) == ISO_3166_1_COUNT + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_iso_3166_1_countries(language):
    codes = [code for code, _name in countries_named_in(language) if code]
    assert len(codes) == len(set(codes)) == ISO_3166_1_COUNT
    assert all(len(code) == 2 and code.isascii() and code.isalpha() and code.isupper() for code in codes)
    assert not set(NOT_COUNTRIES) & set(codes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kazakhstan_first_then_the_rest_in_the_languages_alphabet(language):
    choices = list(countries_named_in(language))
    assert choices[0][0] == ""
    assert choices[1][0] == "KZ"
    names = [name for _code, name in choices[2:]]
    assert names == sorted(names, key=sort_key(language))


def test_the_empty_choice_is_translated_into_the_lists_language():
    with mock.patch.object(builder, "gettext", lambda message: f"{get_language()}: {message}"):
        choices = countries_named_in.__wrapped__("ru")
    assert list(choices)[0] == ("", "ru: Choose a country")
    assert all(name != "---------" for _code, name in countries_named_in("kk"))


def test_kazakh_letters_sort_after_their_base_letters():
    names = [name for _code, name in countries_named_in("kk")]
    a_names = [name for name in names if name.startswith("А")]
    schwa_names = [name for name in names if name.startswith("Ә")]
    b_names = [name for name in names if name.startswith("Б")]
    assert "Әзірбайжан" in schwa_names
    assert names.index(a_names[-1]) < names.index(schwa_names[0])
    assert names.index(schwa_names[-1]) < names.index(b_names[0])


@pytest.mark.parametrize(
    "alphabet_run",
    [
        "А Ә Б",
        "Г Ғ Д",
        "Е Ё Ж",
        "И Й К",
        "К Қ Л",
        "Н Ң О",
        "О Ө П",
        "У Ұ Ү Ф",
        "Х Һ Ц",
        "Ъ Ы І Ь Э",
    ],
)
def test_the_kazakh_key_follows_the_kazakh_alphabet(alphabet_run):
    letters = alphabet_run.split()
    words = [f"{letter}ба" for letter in letters]
    assert sorted(reversed(words), key=sort_key("kk")) == words
    assert sorted(reversed([word.lower() for word in words]), key=sort_key("kk")) == [
        word.lower() for word in words
    ]


def test_case_only_breaks_ties():
    key = sort_key("kk")
    assert sorted(["әб", "Аб", "аа"], key=key) == ["аа", "Аб", "әб"]


def test_russian_key_keeps_yo_with_ye_and_short_i_apart():
    key = sort_key("ru")
    assert sorted(["Йемен", "Италия", "Иран"], key=key) == ["Иран", "Италия", "Йемен"]
    assert sorted(["Ель", "Ежи", "Ёж"], key=key) == ["Ёж", "Ежи", "Ель"]  # ё sorts as е


def test_english_key_ignores_accents_before_letters():
    key = sort_key("en")
    assert sorted(["Albania", "Åland Islands", "Afghanistan"], key=key) == [
        "Afghanistan",
        "Åland Islands",
        "Albania",
    ]
    assert sorted(["Curaçao", "Cuba", "Cyprus"], key=key) == ["Cuba", "Curaçao", "Cyprus"]


def test_the_list_is_shared_not_copied():
    with translation.override("en"):
        choices = country_choices()
    assert copy.deepcopy(choices) is choices
    with translation.override("en"):
        assert country_choices() is choices
    with translation.override("ru"):
        assert country_choices() is not choices


def test_the_stored_value_is_the_iso_code():
    field = builder.ConsentFormBuilder([]).create_country_field(None, {"required": True, "label": "Country"})
    with translation.override("kk"):
        assert field.clean("KZ") == "KZ"
        with pytest.raises(builder.django_forms.ValidationError):
            field.clean("EU")
