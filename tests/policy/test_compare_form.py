"""Compare any two versions: a GET form on the history and compare pages, and a diff that strikes only
what changed (words and punctuation apart), with purpose rows named by their purpose."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from policy.diff import compare_documents, diff_words
from tests.policy.helpers import make_versions


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def three_versions(policy_pages):
    make_versions(policy_pages["kk"], 2)  # versions 2 and 3, in Kazakh


def test_history_and_compare_pages_offer_the_form(client, three_versions):
    for url in ("/kk/privacy/versions/", "/kk/privacy/compare/1/3/"):
        form = soup(client.get(url)).select_one("form.compare-form")
        assert form is not None, url
        assert form["method"] == "get" and form["action"] == "/kk/privacy/compare/"
        assert [option["value"] for option in form.select("select[name=from] option")] == ["1", "2", "3"]
        assert form.select_one("label[for=compare-from]") and form.select_one("label[for=compare-to]")
    chosen = soup(client.get("/kk/privacy/compare/1/3/")).select_one("form.compare-form")
    assert chosen.select_one("select[name=from] option[selected]")["value"] == "1"
    assert chosen.select_one("select[name=to] option[selected]")["value"] == "3"


def test_the_form_leads_to_the_comparison(client, three_versions):
    response = client.get("/kk/privacy/compare/", {"from": "1", "to": "3"})
    assert response.status_code == 302
    assert response["Location"] == "/kk/privacy/compare/1/3/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2", "to": "2"}, "Choose two different versions to compare."),
        ({"from": "1", "to": "9"}, "Choose two published versions."),
        ({"from": "x", "to": "1"}, "Choose two published versions."),
        ({"from": "²", "to": "1"}, "Choose two published versions."),
        ({"to": "1"}, "Choose two published versions."),
    ],
)
def test_a_bad_choice_is_explained_and_the_form_shown_again(client, three_versions, query, message):
    with translation.override("en"):
        response = client.get("/en/privacy/compare/", query)
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one("#compare-error").get_text(strip=True) == message
    assert page.select_one("form.compare-form") is not None


def test_the_form_page_alone(client, three_versions):
    assert client.get("/kk/privacy/compare/").status_code == 200


def test_a_single_version_has_no_form(client, policy_pages):
    assert soup(client.get("/kk/privacy/versions/")).select_one("form.compare-form") is None


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted"),
    [
        ("It is assessed.", "It is assessed, but not kept.", [], [", but not kept"]),
        ("assessed, but kept", "assessed and kept", [",", "but"], ["and"]),
        ("2-нұсқа күшінде", "3-нұсқа күшінде", ["2-нұсқа"], ["3-нұсқа"]),
    ],
)
def test_unchanged_words_are_never_struck(old, new, deleted, inserted):
    html = BeautifulSoup(str(diff_words(old, new)), "html.parser")
    assert [node.get_text().strip() for node in html.select("del")] == deleted
    assert [node.get_text().strip() for node in html.select("ins")] == inserted
    struck = "".join(node.get_text() for node in html.select("del, ins"))
    assert "assessed" not in struck and "күшінде" not in struck


def test_purpose_rows_are_named_by_their_purpose(policy_pages):
    import copy

    from policy.document import frozen_purposes
    from policy.models import PolicySnapshot

    document = PolicySnapshot.objects.get(language="en").document
    changed = copy.deepcopy(document)
    frozen_purposes(changed)[0]["retention_term"] = "Ten years"
    with translation.override("en"):
        comparison = compare_documents(document, changed)
    [row] = comparison.purposes
    assert row.label == f"Purpose 1: {frozen_purposes(document)[0]['purpose']}"
