"""Consent statements a person can read and Law 94-V accepts: the shared block once, a short statement
per purpose, the data this form collects, and the stored text = everything shown, hashed."""

import hashlib

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from forms.models import ConsentRecord
from forms.purposes import collected_data
from forms.statements import PurposeStatement, StatementLine, statements_text
from home.models import CompanyDetails
from tests.forms.helpers import fill

BIN = "971240001315"  # a BIN with a valid check digit
LABEL_MAX = 350


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def with_bin(db, on_commit):
    details = CompanyDetails.objects.get()
    details.bin = BIN
    with on_commit():
        details.save()
    return details


def submit(client, on_commit, url, **kwargs):
    data = fill(client, url, **kwargs)
    with on_commit():
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ConsentRecord.objects.get()


def soup_of(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_stored_statement_names_operator_bin_countries_withdrawal_and_version_and_matches_its_hash(
    client, policy_pages, on_commit, with_bin
):
    record = submit(client, on_commit, "/ru/contact/")
    statement = record.statement
    assert "ТОО «ЭДНА КАЗАХСТАН»" in statement
    assert BIN in statement
    for country in ("Соединенные Штаты Америки", "Российская Федерация", "Великобритания", "Германия"):
        assert country in statement
    assert "ул. Егизбаева, д. 7/9" in statement  # where to send a written withdrawal
    assert "info@edna.kz" in statement  # or an e-mail
    assert "http://testserver/ru/privacy/versions/1/" in statement  # the canonical link, not localhost
    assert "localhost" not in statement
    assert record.statement_sha256 == hashlib.sha256(statement.encode()).hexdigest()


def test_without_a_bin_the_statement_names_none(client, policy_pages, on_commit):
    record = submit(client, on_commit, "/en/contact/")
    assert "BIN" not in record.statement
    assert "EDNA KAZAKHSTAN LLP" in record.statement


def test_stored_statement_is_the_shared_block_then_each_purpose_as_shown(client, policy_pages, on_commit):
    soup = soup_of(client, "/en/contact/")
    shown_terms = [item.get_text(" ", strip=True) for item in soup.select(".consent-terms__list li")]
    shown_labels = {
        box["name"]: soup.select_one(f"label[for={box['id']}]").get_text(" ", strip=True)
        for box in soup.select("input[type=checkbox][name^=consent_]")
    }
    record = submit(client, on_commit, "/en/contact/")
    lines = record.statement.splitlines()
    purpose_lines = [line for line in lines if line.startswith(("[required] ", "[optional] "))]
    shared = lines[: len(lines) - len(purpose_lines)]
    assert purpose_lines == lines[len(shared) :]  # the shared block first, then one line per purpose
    for shown in shown_terms[:-1]:  # a linked line is stored with its address: "text: URL"
        assert any(line == shown or line.startswith(f"{shown}: http") for line in shared), shown
    assert (
        shared[len(shown_terms) - 1] == "Privacy policy, version 1: http://testserver/en/privacy/versions/1/"
    )
    assert [line.split(" ", 2)[1] for line in purpose_lines] == ["4.", "2.", "7."]
    for line, grant in zip(purpose_lines, record.grants.order_by("pk"), strict=True):
        label = shown_labels[f"consent_{grant.purpose_number}"].split(" ", 1)[1]  # without "Required:"
        assert line.split(" ", 2)[2] == grant.statement  # the grant keeps its purpose's stored text
        assert grant.statement.startswith(label)
        assert "Processing methods:" in grant.statement  # the folded details were shown too
    assert "3.3. When processing personal data, edna may transfer" in record.statement  # folded clauses


def test_each_purpose_is_short_and_the_shared_block_appears_once(client, policy_pages):
    for language in ("kk", "ru", "en"):
        for slug in ("careers", "contact", "feedback", "subscribe"):
            soup = soup_of(client, f"/{language}/{slug}/")
            assert len(soup.select(".consent-terms")) == 1
            for label in soup.select(".consent > label"):
                text = label.get_text(" ", strip=True)
                assert len(text) <= LABEL_MAX, (language, slug, text)
            assert len(soup.select(".consent details")) == len(soup.select(".consent > label"))


def test_the_shared_block_names_each_article_8_item_once(client, policy_pages):
    terms = soup_of(client, "/en/contact/").select_one(".consent-terms__list").get_text(" ", strip=True)
    assert terms.count("EDNA KAZAKHSTAN LLP") == 1
    assert terms.count("surname, first name, patronymic") == 1
    assert terms.count("Until consent to the processing of personal data is withdrawn") == 0  # after a colon
    assert terms.count("until consent to the processing of personal data is withdrawn") == 1
    assert "third parties and across borders" in terms
    assert (
        "including to: United States of America, Russian Federation, United Kingdom, Ireland, Germany"
        in terms
    )
    assert "not be published in publicly available sources" in terms
    assert "info@edna.kz" in terms


@pytest.mark.parametrize(
    ("slug", "named", "not_named"),
    [
        (
            "subscribe",
            ["surname, first name, patronymic", "e-mail address"],
            ["telephone number", "company name", "country from which the Site was accessed"],
        ),
        (
            "careers",
            ["telephone number", "on their own initiative (cover letter, CV)"],
            ["company name"],
        ),
        ("contact", ["company name", "on their own initiative (message)"], []),
    ],
)
def test_the_data_are_those_the_form_collects_in_the_policys_words(
    client, policy_pages, slug, named, not_named
):
    terms = soup_of(client, f"/en/{slug}/").select_one(".consent-terms__list").get_text(" ", strip=True)
    data = terms.split("Personal data this form collects:")[1].split("Processing period:")[0]
    for item in named:
        assert item in data
    for item in not_named:
        assert item not in data


def test_careers_names_the_cv_in_every_language(client, policy_pages):
    expected = {"kk": "түйіндеме", "ru": "резюме", "en": "CV"}
    for language, word in expected.items():
        terms = (
            soup_of(client, f"/{language}/careers/").select_one(".consent-terms").get_text(" ", strip=True)
        )
        assert word in terms, language


def test_collected_data_falls_back_to_the_whole_list_when_it_cannot_place_the_fields():
    class Field:
        def __init__(self, clean_name, field_type, label):
            self.clean_name, self.field_type, self.label = clean_name, field_type, label

    fields = [Field("email", "email", "E-mail"), Field("cv", "file", "CV (PDF or DOCX, up to 5 MB)")]
    six = ["name", "e-mail", "phone", "country", "company", "other data"]
    assert collected_data(six, fields) == ["e-mail", "other data (CV)"]
    technical = ["technical data sent by the device"]
    assert collected_data(technical, fields) == technical


def test_the_version_link_is_a_link_on_the_form_and_the_address_in_the_stored_text():
    line = StatementLine("Privacy policy, version 3", "https://edna.kz/en/privacy/versions/3/")
    assert str(line) == "Privacy policy, version 3: https://edna.kz/en/privacy/versions/3/"


def test_statements_text_without_a_shared_block_is_one_line_per_purpose():
    purpose = PurposeStatement("k", 4, "P", True, "I consent.", (StatementLine("Processing methods: m."),))
    assert statements_text([purpose]) == "[required] 4. I consent. Processing methods: m.\n"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_statement_offers_the_online_requests_page_in_the_forms_language(client, policy_pages, language):
    terms = soup_of(client, f"/{language}/contact/").select_one(".consent-terms")
    link = terms.select_one(f'a[href="http://testserver/{language}/privacy/requests/"]')
    assert link is not None
    assert client.get(f"/{language}/privacy/requests/").status_code == 200  # a live page, not a dead link


def test_the_stored_statement_names_the_online_route(client, policy_pages, on_commit):
    data = fill(client, "/ru/contact/")
    with on_commit():
        assert client.post("/ru/contact/", data).status_code == 302
    assert "http://testserver/ru/privacy/requests/" in ConsentRecord.objects.get().statement


def test_a_change_of_company_details_after_showing_asks_again(client, policy_pages, on_commit):
    data = fill(client, "/en/contact/")
    details = CompanyDetails.objects.get()
    details.bin = BIN
    with on_commit():
        details.save()
    response = client.post("/en/contact/", data)
    assert response.status_code == 200  # the statement shown no longer matches: shown again
    assert ConsentRecord.objects.count() == 0
    assert BIN in BeautifulSoup(response.content, "html.parser").select_one(".consent-terms").get_text()


def test_the_receipt_email_links_the_receipt_on_the_canonical_address(client, policy_pages, on_commit):
    record = submit(client, on_commit, "/kk/contact/")
    receipt = next(message for message in mail.outbox if message.to == ["aigerim@example.kz"])
    assert f"http://testserver/kk/contact/receipt/{record.receipt_id}/" in receipt.body
