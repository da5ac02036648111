"""Every submission is bound to the exact policy version and language the visitor accepted."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from forms.models import ConsentFormPage, ConsentGrant, ConsentRecord, ConsentSubmission
from policy.models import PolicySnapshot
from tests.forms.helpers import CONTACT_ANSWERS, fill
from tests.policy.helpers import change_first_purpose, publish


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def submit(client, on_commit, url, **kwargs):
    data = fill(client, url, **kwargs)
    with on_commit():
        return client.post(url, data)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_contact_form_stores_a_record_bound_to_the_snapshot_shown(client, policy_pages, on_commit, language):
    response = submit(client, on_commit, f"/{language}/contact/")
    assert response.status_code == 302
    record = ConsentRecord.objects.get()
    assert record.snapshot == PolicySnapshot.objects.get(version__number=1, language=language)
    assert (record.version.number, record.language) == (1, language)
    assert response["Location"] == f"/{language}/contact/receipt/{record.receipt_id}/"
    assert record.statement_sha256 == hashlib.sha256(record.statement.encode()).hexdigest()
    assert f"http://testserver/{language}/privacy/versions/1/" in record.statement
    grants = {grant.purpose_number: (grant.required, grant.granted) for grant in record.grants.all()}
    assert grants == {4: (True, True), 2: (False, True), 7: (False, True)}


def test_stored_field_keys_are_the_same_in_every_language(client, policy_pages, on_commit):
    for language in ("kk", "ru", "en"):
        submit(client, on_commit, f"/{language}/contact/")
    keys = {frozenset(submission.form_data) for submission in ConsentSubmission.objects.all()}
    assert keys == {frozenset(CONTACT_ANSWERS)}


def test_statement_names_operator_purpose_data_term_and_transfers(client, policy_pages):
    html = client.get("/en/contact/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    terms = soup.select_one(".consent-terms").get_text(" ", strip=True)  # shared by the form's purposes
    assert "EDNA KAZAKHSTAN LLP" in terms
    assert "surname, first name, patronymic" in terms
    assert "Germany" in terms and "Ireland" in terms
    assert "third parties" in terms.lower()
    assert soup.select_one(".consent-terms a[href*='/versions/']")["href"] == (
        "http://testserver/en/privacy/versions/1/"
    )
    label = soup.select_one("label[for=id_consent_4]").get_text(" ", strip=True)
    assert "Provision of services to the edna company" in label
    assert "transfers" in label
    marketing = soup.select_one("input[name=consent_7]")
    assert not marketing.has_attr("required") and not marketing.has_attr("checked")
    assert soup.select_one("input[name=consent_4]").has_attr("required")


def test_receipt_shows_the_facts_and_no_personal_data(client, policy_pages, on_commit):
    response = submit(client, on_commit, "/ru/contact/")
    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    record = ConsentRecord.objects.get()
    assert str(record.receipt_id) in html
    assert record.snapshot.sha256 in html
    assert "/ru/privacy/versions/1/" in html
    for value in CONTACT_ANSWERS.values():
        assert value not in html
    assert "no-store" in receipt["Cache-Control"]


def test_unknown_receipt_is_404(client, policy_pages):
    assert client.get("/ru/contact/receipt/7f1d1a6e-0000-4000-8000-000000000000/").status_code == 404


def test_receipt_and_staff_emails_are_sent_after_saving(client, policy_pages, on_commit):
    submit(client, on_commit, "/kk/contact/")
    record = ConsentRecord.objects.get()
    subjects = {message.to[0]: message for message in mail.outbox}
    assert str(record.receipt_id) in subjects["aigerim@example.kz"].body
    assert "Сәлеметсіз бе!" in subjects["info@edna.kz"].body  # staff see what was sent
    assert "Сәлеметсіз бе!" not in subjects["aigerim@example.kz"].body


def test_deleting_the_form_page_keeps_the_consent_records(client, policy_pages, on_commit):
    submit(client, on_commit, "/en/contact/")
    record = ConsentRecord.objects.get()
    ConsentFormPage.objects.get(pk=record.form_page_id).delete()
    record = ConsentRecord.objects.get()
    assert record.form_title
    assert ConsentSubmission.objects.get().page is None
    assert ConsentGrant.objects.filter(record=record).count() == 3


def test_double_submit_makes_one_record(client, policy_pages, on_commit):
    data = fill(client, "/en/contact/")
    with on_commit():
        first = client.post("/en/contact/", data)
        second = client.post("/en/contact/", data)
    assert ConsentRecord.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_editorial_change_after_showing_keeps_the_version_shown(client, policy_pages, on_commit):
    data = fill(client, "/en/contact/")
    kk = change_first_purpose(policy_pages["kk"], "Редакциялық түзету")
    with on_commit():
        publish(kk, summary="Редакциялық", material=False)
    with on_commit():
        response = client.post("/en/contact/", data)
    assert response.status_code == 302
    assert ConsentRecord.objects.get().version.number == 1


def test_material_change_after_showing_asks_again_and_stores_nothing(client, policy_pages, on_commit):
    data = fill(client, "/kk/contact/")
    kk = change_first_purpose(policy_pages["kk"], "Елеулі өзгеріс")
    with on_commit():
        publish(kk, summary="Елеулі", material=True)
    response = client.post("/kk/contact/", data)
    assert response.status_code == 200
    assert ConsentRecord.objects.count() == 0
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("[role=alert]") is not None
    assert page.select_one("input[name=full_name]")["value"] == CONTACT_ANSWERS["full_name"]  # nothing lost
    assert not page.select_one("input[name=consent_4]").has_attr("checked")  # must be accepted anew
    assert page.select_one(".consent-terms a[href*='/versions/']")["href"].endswith("/kk/privacy/versions/2/")
    resent = {key: value for key, value in data.items() if key != "consent_token"}
    resent["consent_token"] = page.select_one("input[name=consent_token]")["value"]
    with on_commit():
        assert client.post("/kk/contact/", resent).status_code == 302
    assert ConsentRecord.objects.get().version.number == 2


def test_scheduled_material_version_applies_once_it_is_effective(client, policy_pages, on_commit):
    effective = timezone.now() + timedelta(days=1)
    kk = change_first_purpose(policy_pages["kk"], "Ертеңгі өзгеріс")
    with on_commit():
        publish(kk, summary="Ертең", material=True, effective_from=effective)
    data = fill(client, "/kk/contact/")  # shows version 1: version 2 is not in effect yet
    with on_commit():
        assert client.post("/kk/contact/", data).status_code == 302
    with time_machine.travel(effective + timedelta(minutes=1)):
        data = fill(client, "/kk/contact/")
        with on_commit():
            client.post("/kk/contact/", data)
    assert sorted(ConsentRecord.objects.values_list("version__number", flat=True)) == [1, 2]


def test_form_without_a_policy_version_in_force_says_so_instead_of_failing(client, policy_pages):
    from policy.models import PolicyVersion

    with time_machine.travel(PolicyVersion.objects.get(number=1).effective_from - timedelta(days=1)):
        for method in (client.get, client.post):
            response = method("/en/contact/")
            assert response.status_code == 200
            page = BeautifulSoup(response.content, "html.parser")
            assert page.select_one("form.consent-form") is None
            assert page.select_one("[role=alert]").get_text(strip=True)
    assert ConsentRecord.objects.count() == 0
