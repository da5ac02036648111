"""An invalid submit guides the visitor: a summary at the top linking each field in error, the page
title saying there is an error, the consent's error beside its checkbox; fields name their purpose."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from tests.forms.helpers import consent_names, fill


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_an_invalid_submit_lists_and_links_every_error_at_the_top(client, policy_pages, language):
    url = f"/{language}/contact/"
    data = fill(client, url, consents=[], full_name="", email="not an e-mail")
    response = client.post(url, data)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#error-summary")
    assert summary is not None and summary["tabindex"] == "-1"
    targets = [link["href"] for link in summary.select("a")]
    assert "#id_full_name" in targets and "#id_email" in targets
    required = [box["id"] for box in soup.select("input[type=checkbox][required]")]
    assert required and all(f"#{box}" in targets for box in required)
    for target in targets:  # every link leads to a field of the form
        assert soup.select_one(target) is not None
    with translation.override(language):
        assert soup.title.string.startswith(gettext("Error") + ": ")
    first_required = soup.select_one(f"#{required[0]}").find_parent(class_="consent")
    assert first_required.select_one(".error")  # the consent's own error, beside its checkbox


def test_a_valid_page_has_no_summary_and_a_plain_title(client, policy_pages):
    soup = BeautifulSoup(client.get("/en/contact/").content, "html.parser")
    assert soup.select_one("#error-summary") is None
    assert not soup.title.string.startswith("Error")
    assert consent_names(str(soup))


def test_fields_name_their_purpose_for_autofill(client, policy_pages):
    soup = BeautifulSoup(client.get("/ru/contact/").content, "html.parser")
    tokens = {
        field["name"]: field.get("autocomplete") for field in soup.select("[name]") if field.name != "form"
    }
    assert tokens["full_name"] == "name"
    assert tokens["email"] == "email"
    assert tokens["phone"] == "tel"
    assert tokens["company"] == "organization"
    assert tokens["country"] == "country"
