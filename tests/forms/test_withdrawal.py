"""Withdrawal as easy as consent: a signed link per purpose, a confirmation page, one button.

GET never changes anything; POST appends a withdrawn `ConsentEvent` and shows a withdrawal receipt; the
evidence (record, grants, statement, hash) stays exactly as it was."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.db import DatabaseError, connection, transaction
from django.forms.models import model_to_dict

from forms.models import ConsentGrant, ConsentRecord
from forms.models.records import ConsentEvent, ConsentState
from forms.tokens import SALT as CONSENT_FORM_SALT
from forms.withdrawal import InvalidWithdrawalToken, make_withdrawal_token, read_withdrawal_token
from policy.immutable import ImmutableRecordError
from tests.forms.helpers import fill

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQL triggers are installed on PostgreSQL only"
)


@pytest.fixture
def consent(client, policy_pages, django_capture_on_commit_callbacks):
    """Consent given on /<language>/contact/ (every purpose ticked): the record."""

    def give(language="en", consents="all"):
        data = fill(client, f"/{language}/contact/", consents=consents)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/{language}/contact/", data)
        assert response.status_code == 302
        return ConsentRecord.objects.get(language=language)

    return give


def granted(record):
    return [grant for grant in record.grants.all() if grant.granted]


def withdraw_path(record, grant, language=None, form="contact"):
    token = make_withdrawal_token(record.pk, grant.purpose_number)
    return f"/{language or record.language}/{form}/withdraw/{token}/"


def evidence(record):
    """Every stored value of the record and its grants."""
    record = ConsentRecord.objects.get(pk=record.pk)
    return model_to_dict(record), [model_to_dict(grant) for grant in record.grants.order_by("pk")]


def test_a_token_names_its_record_and_purpose():
    assert read_withdrawal_token(make_withdrawal_token(12, 3)) == (12, 3)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "garbage",
        make_withdrawal_token(12, 3)[:-2] + "xx",  # tampered signature
        "13" + make_withdrawal_token(12, 3)[2:],  # another record, the same signature
        "12-4" + make_withdrawal_token(12, 3)[4:],  # another purpose, the same signature
        f"12-3-{signing.Signer(salt=CONSENT_FORM_SALT, algorithm='sha256').signature('12-3')}",  # other salt
        "12-3",  # incomplete
        "x-3-" + make_withdrawal_token(12, 3)[5:],
        # digits Python calls decimal but are not ASCII, and more digits than int() converts: validly signed
        "١٢-3-" + signing.Signer(salt="edna.consent-withdrawal", algorithm="sha256").signature("١٢-3"),
        "1" * 5001
        + "-3-"
        + signing.Signer(salt="edna.consent-withdrawal", algorithm="sha256").signature("1" * 5001 + "-3"),
    ],
)
def test_a_forged_or_foreign_token_is_refused(token):
    with pytest.raises(InvalidWithdrawalToken):
        read_withdrawal_token(token)


def test_the_receipt_links_each_granted_purpose_to_its_withdrawal(client, consent):
    record = consent("en")
    html = client.get(f"/en/contact/receipt/{record.receipt_id}/").content.decode()
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").select(".receipt a.grant__withdraw")]
    assert links == [withdraw_path(record, grant) for grant in granted(record)]
    assert links


def test_only_ticked_purposes_get_a_link(client, consent):
    record = consent("en", consents="required")
    refused = [grant for grant in record.grants.all() if not grant.granted]
    assert refused, "the contact form has an optional purpose"
    html = client.get(f"/en/contact/receipt/{record.receipt_id}/").content.decode()
    links = BeautifulSoup(html, "html.parser").select(".receipt a.grant__withdraw")
    assert len(links) == len(granted(record))


def test_the_receipt_email_carries_the_links_on_the_canonical_address(consent, settings):
    record = consent("ru")
    body = mail.outbox[-1].body
    for grant in granted(record):
        assert f"{settings.SITE_BASE_URL.rstrip('/')}{withdraw_path(record, grant)}" in body


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_get_shows_the_confirmation_and_changes_nothing(client, consent, language):
    record = consent(language)
    before = evidence(record)
    grant = granted(record)[0]
    response = client.get(withdraw_path(record, grant))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("html")["lang"].startswith(language)
    assert soup.select_one("form.withdrawal-form button[type=submit]")
    assert grant.purpose in soup.get_text()
    assert str(record.receipt_id) in soup.get_text()
    assert not ConsentEvent.objects.exists()
    assert evidence(record) == before


def test_post_withdraws_once_and_then_says_already_withdrawn(client, consent):
    record = consent("en")
    before = evidence(record)
    grant, other = granted(record)[:2]
    path = withdraw_path(record, grant)

    response = client.post(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("h1").get_text() == "Consent withdrawn"
    receipt = soup.select_one(".withdrawal-receipt").get_text(" ", strip=True)
    assert grant.purpose in receipt
    assert str(record.receipt_id) in receipt
    assert "(Asia/Almaty, UTC+05:00)" in receipt
    assert f"{record.version.number} (English)" in receipt
    event = ConsentEvent.objects.get()
    assert (event.record_id, event.purpose_number, event.purpose_key) == (
        record.pk,
        grant.purpose_number,
        grant.purpose_key,
    )
    assert (event.state, event.channel) == ("withdrawn", "receipt-link")

    again = client.post(path)
    assert again.status_code == 200
    assert BeautifulSoup(again.content.decode(), "html.parser").select_one("h1").get_text() == (
        "This consent is already withdrawn"
    )
    shown = client.get(path)  # the link opened again: already withdrawn, no button
    assert "already withdrawn" in shown.content.decode()
    assert not BeautifulSoup(shown.content.decode(), "html.parser").select_one("form.withdrawal-form")
    assert ConsentEvent.objects.count() == 1

    record = ConsentRecord.objects.prefetch_related("grants", "events").get(pk=record.pk)
    states = {grant.purpose_number: grant.current_state for grant in record.grants.all()}
    assert states[grant.purpose_number] == ConsentState.WITHDRAWN
    assert states[other.purpose_number] == ConsentState.GIVEN
    assert evidence(record) == before

    html = client.get(f"/en/contact/receipt/{record.receipt_id}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select(".receipt a.grant__withdraw")) == len(granted(record)) - 1
    assert len(soup.select(".receipt .grant__withdrawn")) == 1


def test_the_link_works_in_the_forms_other_languages(client, consent):
    record = consent("kk")
    grant = granted(record)[0]
    response = client.post(withdraw_path(record, grant, language="ru"))
    assert response.status_code == 200
    assert ConsentEvent.objects.filter(record=record, state="withdrawn").count() == 1


def test_a_tampered_token_is_a_translated_400_and_changes_nothing(client, consent):
    record = consent("ru")
    before = evidence(record)
    token = make_withdrawal_token(record.pk, granted(record)[0].purpose_number)
    for method in (client.get, client.post):
        response = method(f"/ru/contact/withdraw/{token[:-3]}abc/")
        assert response.status_code == 400
        message = BeautifulSoup(response.content.decode(), "html.parser").select_one(".withdrawal-problem")
        assert message is not None and message.get_text().strip()
        assert "no-store" in response["Cache-Control"]
    assert not ConsentEvent.objects.exists()
    assert evidence(record) == before


def test_a_token_of_another_record_or_form_is_a_404_and_changes_nothing(client, consent):
    record = consent("en")
    grant = granted(record)[0]
    refused_or_missing = [
        make_withdrawal_token(record.pk + 1000, grant.purpose_number),  # no such record
        make_withdrawal_token(record.pk, 99),  # no such purpose
    ]
    for token in refused_or_missing:
        assert client.post(f"/en/contact/withdraw/{token}/").status_code == 404
    assert client.post(withdraw_path(record, grant, form="careers")).status_code == 404  # another form
    assert not ConsentEvent.objects.exists()


def test_a_purpose_not_consented_to_cannot_be_withdrawn(client, consent):
    record = consent("en", consents="required")
    refused = next(grant for grant in record.grants.all() if not grant.granted)
    assert client.post(withdraw_path(record, refused)).status_code == 404
    assert not ConsentEvent.objects.exists()


def test_posts_are_rate_limited_per_address(client, consent, settings):
    record = consent("en")
    settings.CONSENT_FORM_RATE = "2/m"
    path = withdraw_path(record, granted(record)[0])
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 429
    assert ConsentEvent.objects.count() == 1
    assert client.get(path).status_code == 200  # GETs are not counted


def test_the_withdrawal_pages_need_nothing_inline_under_the_sites_csp(client, consent):
    record = consent("en")
    path = withdraw_path(record, granted(record)[0])
    for response in (client.get(path), client.post(path), client.get("/en/contact/withdraw/forged/")):
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'"
        assert "unsafe-inline" not in policy
        html = BeautifulSoup(response.content, "html.parser")
        assert [script for script in html.find_all("script") if not script.get("src")] == []
        assert html.find_all("style") == []
        assert [
            attribute
            for element in html.find_all(True)
            for attribute in element.attrs
            if attribute.startswith("on") or attribute == "style"
        ] == []


def test_the_orm_refuses_to_change_or_delete_an_event(client, consent):
    record = consent("en")
    client.post(withdraw_path(record, granted(record)[0]))
    event = ConsentEvent.objects.get()
    event.state = "given"
    with pytest.raises(ImmutableRecordError):
        event.save()
    with pytest.raises(ImmutableRecordError):
        event.delete()
    with pytest.raises(ImmutableRecordError):
        ConsentEvent.objects.update(state="given")
    with pytest.raises(ImmutableRecordError):
        ConsentEvent.objects.all().delete()
    assert ConsentEvent.objects.get().state == "withdrawn"


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE consent_forms_consentevent SET state = 'given'",
        "DELETE FROM consent_forms_consentevent",
        "TRUNCATE consent_forms_consentevent CASCADE",
    ],
)
def test_sql_refuses_to_change_or_remove_events(client, consent, sql):
    record = consent("en")
    client.post(withdraw_path(record, granted(record)[0]))
    with connection.cursor() as cursor:
        # The rows were inserted in this test's transaction: run their deferred foreign-key checks now,
        # or PostgreSQL refuses the TRUNCATE for its pending trigger events before ours can.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with (
        pytest.raises(DatabaseError, match="immutable evidence"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert ConsentEvent.objects.get().state == "withdrawn"
    assert ConsentGrant.objects.filter(record=record).count() == record.grants.count()


def test_a_visitor_who_refuses_cookies_can_withdraw_from_this_site_but_not_from_another(client, consent):
    from django.test import Client

    record = consent("ru")
    grant, other = granted(record)[:2]
    cookieless = Client(enforce_csrf_checks=True)
    refused = cookieless.post(withdraw_path(record, other), HTTP_SEC_FETCH_SITE="cross-site")
    assert refused.status_code == 403
    response = cookieless.post(withdraw_path(record, grant), HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200
    assert [grant.current_state for grant in granted(ConsentRecord.objects.get(pk=record.pk))][:2] == [
        "withdrawn",
        "given",
    ]


def test_a_withdrawal_is_in_the_audit_log_and_its_receipt_is_e_mailed(
    client, consent, django_capture_on_commit_callbacks, settings
):
    from wagtail.models import ModelLogEntry

    record = consent("ru")
    grant = granted(record)[0]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdraw_path(record, grant))
    (entry,) = ModelLogEntry.objects.filter(action="consent_forms.withdraw")
    assert entry.object_id == str(record.pk) and entry.user is None
    assert entry.data == {"purpose": grant.purpose_number, "channel": "receipt-link"}
    assert record.submission.email not in json.dumps(entry.data) + entry.label
    (message,) = mail.outbox
    assert message.to == [record.submission.email]
    assert str(record.receipt_id) in message.subject and str(record.receipt_id) in message.body
    assert f"{grant.purpose_number}. {grant.purpose}" in message.body
    assert "(Asia/Almaty, UTC+05:00)" in message.body
    assert f"{record.version.number} (" in message.body
    assert f"{settings.SITE_BASE_URL.rstrip('/')}/ru/privacy/requests/" in message.body

    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdraw_path(record, grant))  # already withdrawn: nothing logged or sent again
    assert ModelLogEntry.objects.filter(action="consent_forms.withdraw").count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("flag", ["blocked_at", "erased_at"])
def test_no_withdrawal_receipt_for_a_blocked_or_erased_submission(
    client, consent, django_capture_on_commit_callbacks, flag
):
    from django.utils import timezone

    from forms.models import ConsentSubmission

    record = consent("en")
    ConsentSubmission.objects.filter(pk=record.submission_id).update(**{flag: timezone.now()})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(withdraw_path(record, granted(record)[0])).status_code == 200
    assert ConsentEvent.objects.count() == 1
    assert not mail.outbox
