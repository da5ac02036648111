"""A privacy officer's actions on a data-subject request (issue #11), end to end: who may act, what each
action changes (and what it must not), the audit log, the e-mail the visitor gets, and forged or stale
POSTs that change nothing."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.forms.models import model_to_dict
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from forms.models import ConsentGrant, ConsentRecord, ConsentSubmission, PrivacyRequest
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from forms.request_actions import ACTION_VIEWS
from tests.forms.test_staff_views import ROLES, make_records, speaks, user_in

pytestmark = pytest.mark.usefixtures("db")

ADDRESS = "ivan@example.kz"
ANSWERS = {"full_name": "Иван Петров", "email": ADDRESS, "phone": "+77011234567", "message": "Сәлем"}
OTHER = {"full_name": "Someone Else", "email": "else@example.kz", "phone": "+77017654321", "message": "Hi"}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def officer(client, django_user_model):
    user = speaks(user_in(django_user_model, "Privacy officers", "officer"), "en")
    client.force_login(user)
    return user


@pytest.fixture
def person():
    """Two consents of the person (contact form, Russian) and one of somebody else."""
    mine = make_records(2, "ru", form_data=ANSWERS)
    others = make_records(1, "ru", form_data=OTHER)
    return mine, others


def open_request(request_type, language="ru", email="Ivan@Example.KZ", **fields):
    now = timezone.now()
    return PrivacyRequest.objects.create(
        request_type=request_type,
        language=language,
        email=email,
        status=fields.pop("status", "open"),
        confirmed_at=now,
        due_at=now + datetime.timedelta(days=1),
        **fields,
    )


def action_url(privacy_request, action):
    return f"/admin/privacy-requests/{privacy_request.pk}/{action}/"


def said(response):
    """The newest message shown to the officer after `response` (older unread ones come before it)."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)][-1]


def logged(privacy_request, action):
    return list(ModelLogEntry.objects.filter(action=action, object_id=str(privacy_request.pk)))


def submissions_state(records):
    return [model_to_dict(ConsentSubmission.objects.get(pk=record.submission_id)) for record in records]


def evidence():
    """Every consent record and grant as stored (the actions never change them)."""
    return (
        [model_to_dict(record) for record in ConsentRecord.objects.order_by("pk")],
        [model_to_dict(grant) for grant in ConsentGrant.objects.order_by("pk")],
    )


# Who may act

ACTION_REQUESTS = {
    "export": ("information", {"format": "json"}),
    "correct": ("correction", {}),
    "block": ("blocking", {}),
    "unblock": ("blocking", {}),
    "erase": ("destruction", {"confirmed": "yes"}),
    "withdraw": ("withdrawal", {}),
    "refuse": ("information", {"reason": "Legal hold"}),
    "done": ("information", {}),
}


def test_every_action_is_in_the_permission_table():
    assert set(ACTION_REQUESTS) == set(ACTION_VIEWS)


@pytest.mark.parametrize("role", ROLES)
def test_only_privacy_officers_and_superusers_can_act(client, django_user_model, person, role, on_commit):
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    before = evidence(), submissions_state(person[0])
    for action, (request_type, data) in ACTION_REQUESTS.items():
        privacy_request = open_request(request_type)
        if action == "withdraw":
            data = {"consent": f"{person[0][0].pk}:4"}
        with on_commit():
            posted = client.post(action_url(privacy_request, action), data)
        shown = client.get(f"/admin/privacy-requests/inspect/{privacy_request.pk}/")
        if role == "anonymous":
            assert posted.status_code == shown.status_code == 302, action
            assert posted["Location"].startswith("/admin/login/"), action
        elif role in ("Privacy officers", "superuser"):
            assert posted.status_code in (200, 302), action
            assert shown.status_code == 200, action
        else:
            assert posted.status_code == shown.status_code == 403, action
            assert ADDRESS not in posted.content.decode().lower()
            privacy_request.refresh_from_db()
            assert privacy_request.status == "open" and privacy_request.email
    if role not in ("Privacy officers", "superuser"):
        assert (evidence(), submissions_state(person[0])) == before
        assert not ConsentEvent.objects.exists()
        assert not mail.outbox
        assert not ModelLogEntry.objects.filter(action__startswith="consent_forms.request_").exists()


@pytest.mark.parametrize("action", ["export", "block", "unblock", "withdraw", "refuse", "done"])
def test_a_get_never_changes_anything(client, officer, person, action):
    privacy_request = open_request(ACTION_REQUESTS[action][0])
    response = client.get(action_url(privacy_request, action), ACTION_REQUESTS[action][1])
    assert response.status_code == 405
    privacy_request.refresh_from_db()
    assert privacy_request.status == "open"
    assert not ModelLogEntry.objects.filter(action__startswith="consent_forms.request_").exists()
    assert all(row["blocked_at"] is None for row in submissions_state(person[0]))


def test_the_inspect_page_shows_the_persons_data_and_the_actions_of_the_requests_type(
    client, officer, person
):
    privacy_request = open_request("blocking")
    soup = BeautifulSoup(
        client.get(f"/admin/privacy-requests/inspect/{privacy_request.pk}/").content, "html.parser"
    )
    rows = soup.select(".privacy-request-submissions tbody tr")
    assert len(rows) == 2  # the other person's consent is not listed
    assert all("4 given" in row.get_text(" ", strip=True) for row in rows)
    forms = {form["action"] for form in soup.select(".privacy-request-actions form")}
    assert forms == {action_url(privacy_request, action) for action in ("block", "unblock", "done", "refuse")}
    assert all(
        form.select_one("input[name=csrfmiddlewaretoken]") for form in soup.select("form[method=post]")
    )


# Export


def test_the_export_holds_everything_about_the_person_including_blocked_data(client, officer, person):
    mine, others = person
    ConsentSubmission.objects.filter(pk=mine[1].submission_id).update(blocked_at=timezone.now())
    privacy_request = open_request("information", details="What do you hold?")
    response = client.post(action_url(privacy_request, "export"), {"format": "json"})
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="personal-data-{privacy_request.uuid}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert {item["receipt"] for item in data["submissions"]} == {str(record.receipt_id) for record in mine}
    assert [item["blocked_at"] is not None for item in data["submissions"]] == [False, True]
    answers = {answer["field"]: answer["value"] for answer in data["submissions"][0]["answers"]}
    assert answers["full_name"] == "Иван Петров" and answers["phone"] == "+77011234567"
    purposes = {purpose["number"]: purpose for purpose in data["submissions"][0]["consent"]["purposes"]}
    assert purposes[4]["current_state"] == "given" and purposes[2]["current_state"] == "refused"
    assert [row["number"] for row in data["privacy_requests"]] == [str(privacy_request.uuid)]
    assert data["privacy_requests"][0]["details"] == "What do you hold?"
    assert "else@example.kz" not in response.content.decode()

    (entry,) = logged(privacy_request, "consent_forms.request_export")
    assert entry.user.username == "officer"
    assert entry.data == {"privacy_request": str(privacy_request.uuid), "format": "json", "submissions": 2}
    assert ADDRESS not in json.dumps(entry.data).lower() and ADDRESS not in entry.label.lower()
    with translation.override("en"):
        assert entry.message == "Exported everything held about the person"


def test_the_readable_page_is_in_the_requests_language(client, officer, person):
    privacy_request = open_request("information", language="kk")
    response = client.post(action_url(privacy_request, "export"), {"format": "page"})
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none';")  # what visitors typed
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("html")["lang"] == "kk"
    assert len(soup.select(".personal-data__submission")) == 2
    text = soup.get_text(" ", strip=True)
    assert "Иван Петров" in text and str(privacy_request.uuid) in text
    assert soup.select_one("a[href$='/kk/privacy/requests/']") is not None
    assert not soup.find_all("script")


def test_an_export_without_a_format_exports_nothing(client, officer, person):
    privacy_request = open_request("information")
    response = client.post(action_url(privacy_request, "export"), {"format": "xml"})
    assert response.status_code == 302
    assert said(response) == "Choose JSON or a readable page. Nothing was exported."
    assert not logged(privacy_request, "consent_forms.request_export")


# Correction


def test_a_correction_replaces_the_answer_and_logs_only_the_field_names(client, officer, person):
    mine, others = person
    privacy_request = open_request("correction", details="Моя фамилия: Петрова")
    before = evidence()
    page = client.get(action_url(privacy_request, "correct"), {"submission": mine[0].submission_id})
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("input[name=full_name]")["value"] == "Иван Петров"
    assert [link["href"] for link in soup.select(".privacy-request-correct-choices a")] == [
        f"?submission={mine[1].submission_id}"
    ]
    data = {**ANSWERS, "submission": mine[0].submission_id, "full_name": "Ивана Петрова", "country": "KZ"}
    response = client.post(action_url(privacy_request, "correct"), data)
    assert response.status_code == 302
    corrected = ConsentSubmission.objects.get(pk=mine[0].submission_id)
    assert corrected.form_data["full_name"] == "Ивана Петрова"
    assert "Иван Петров" not in json.dumps(corrected.form_data, ensure_ascii=False)
    assert corrected.form_data["phone"] == ANSWERS["phone"]
    assert ConsentSubmission.objects.get(pk=mine[1].submission_id).form_data == ANSWERS  # not the one chosen
    assert evidence() == before
    (entry,) = logged(privacy_request, "consent_forms.request_correct")
    assert entry.data["fields"] == ["full_name"]
    with translation.override("en"):
        assert "Петров" not in json.dumps(entry.data, ensure_ascii=False) and "Петров" not in entry.message
        assert entry.message == "Corrected a submission (fields: full_name)"
    privacy_request.refresh_from_db()
    assert privacy_request.status == "open"  # done once everything is corrected


def test_a_correction_is_checked_by_the_forms_fields_and_a_bad_value_changes_nothing(client, officer, person):
    mine, _others = person
    privacy_request = open_request("correction")
    data = {**ANSWERS, "submission": mine[0].submission_id, "phone": "12", "email": "not an address"}
    response = client.post(action_url(privacy_request, "correct"), data)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".w-field--error")) == 2
    assert ConsentSubmission.objects.get(pk=mine[0].submission_id).form_data == ANSWERS
    assert not logged(privacy_request, "consent_forms.request_correct")


def test_a_corrected_address_is_the_submissions_address(client, officer, person):
    mine, _others = person
    privacy_request = open_request("correction")
    data = {**ANSWERS, "submission": mine[0].submission_id, "email": "ivan.petrov@example.kz"}
    client.post(action_url(privacy_request, "correct"), data)
    corrected = ConsentSubmission.objects.get(pk=mine[0].submission_id)
    assert corrected.email == corrected.form_data["email"] == "ivan.petrov@example.kz"


def test_another_persons_submission_cannot_be_corrected_through_this_request(client, officer, person):
    _mine, others = person
    privacy_request = open_request("correction")
    data = {**OTHER, "submission": others[0].submission_id, "full_name": "Forged"}
    response = client.post(action_url(privacy_request, "correct"), data)
    assert response.status_code == 302
    assert "Nothing was changed" in said(response)
    assert ConsentSubmission.objects.get(pk=others[0].submission_id).form_data == OTHER


# Blocking


def test_block_and_unblock_set_and_clear_the_flag_on_the_persons_submissions_only(client, officer, person):
    mine, others = person
    privacy_request = open_request("blocking")
    assert client.post(action_url(privacy_request, "block")).status_code == 302
    assert all(row["blocked_at"] is not None for row in submissions_state(mine))
    assert submissions_state(others)[0]["blocked_at"] is None
    assert logged(privacy_request, "consent_forms.request_block")[0].data["submissions"] == 2

    client.post(action_url(privacy_request, "done"))
    privacy_request.refresh_from_db()
    assert privacy_request.status == "done"
    assert client.post(action_url(privacy_request, "unblock")).status_code == 302  # allowed once done
    assert all(row["blocked_at"] is None for row in submissions_state(mine))
    assert logged(privacy_request, "consent_forms.request_unblock")[0].user.username == "officer"


# Erasure


def test_erasure_asks_first_then_erases_closes_and_tells_the_visitor(client, officer, person, on_commit):
    mine, others = person
    privacy_request = open_request("destruction", language="en")
    confirm = client.get(action_url(privacy_request, "erase"))
    assert confirm.status_code == 200
    assert "Are you sure?" in confirm.content.decode()
    assert ConsentSubmission.objects.filter(email__iexact=ADDRESS).count() == 2  # a GET changes nothing

    unconfirmed = client.post(action_url(privacy_request, "erase"))
    assert unconfirmed.status_code == 302
    assert ConsentSubmission.objects.filter(email__iexact=ADDRESS).count() == 2

    before = evidence()
    with on_commit():
        response = client.post(
            action_url(privacy_request, "erase"), {"confirmed": "yes", "note": "All gone."}
        )
    assert response.status_code == 302
    assert not ConsentSubmission.objects.filter(email__iexact=ADDRESS).exists()
    assert all(row["erased_at"] is not None for row in submissions_state(mine))
    assert submissions_state(others)[0]["erased_at"] is None
    assert evidence() == before  # the consent evidence stays
    privacy_request.refresh_from_db()
    assert (privacy_request.status, privacy_request.email, privacy_request.outcome) == (
        "done",
        "",
        "All gone.",
    )
    assert privacy_request.closed_at is not None
    (message,) = mail.outbox
    assert message.to == ["Ivan@Example.KZ"]
    assert "have been destroyed" in message.body and "All gone." in message.body
    assert "/en/privacy/requests/" in message.body
    (entry,) = logged(privacy_request, "consent_forms.request_erase")
    assert entry.data["submissions"] == 2
    assert ADDRESS not in json.dumps(entry.data).lower()

    again = client.post(action_url(privacy_request, "erase"), {"confirmed": "yes"})
    assert again.status_code == 302 and "Nothing was changed" in said(again)


# Withdrawal


def test_withdrawal_appends_staff_events_for_the_ticked_consents_and_closes_the_request(
    client, officer, person, on_commit
):
    mine, others = person
    privacy_request = open_request("withdrawal", language="ru")
    before = evidence()
    with on_commit():
        response = client.post(
            action_url(privacy_request, "withdraw"), {"consent": [f"{mine[0].pk}:4", f"{mine[1].pk}:4"]}
        )
    assert response.status_code == 302
    events = list(ConsentEvent.objects.order_by("record_id"))
    assert [(event.record_id, event.purpose_number) for event in events] == [(mine[0].pk, 4), (mine[1].pk, 4)]
    assert {(event.state, event.channel, event.privacy_request_id) for event in events} == {
        (ConsentState.WITHDRAWN, ConsentChannel.STAFF, privacy_request.pk)
    }
    assert evidence() == before
    privacy_request.refresh_from_db()
    assert privacy_request.status == "done" and privacy_request.closed_at is not None
    (message,) = mail.outbox
    assert message.to == ["Ivan@Example.KZ"]
    assert str(mine[0].receipt_id) in message.body and "Purpose 4" in message.body
    assert "/ru/privacy/requests/" in message.body
    assert logged(privacy_request, "consent_forms.request_withdraw")[0].user.username == "officer"


@pytest.mark.parametrize(
    "consents",
    [
        [],  # nothing ticked
        ["{other}:4"],  # another person's consent
        ["{mine}:2"],  # a purpose not consented to
        ["{mine}:4", "999999:4"],  # one forged among good ones
        ["garbage"],
    ],
)
def test_a_forged_withdrawal_changes_nothing(client, officer, person, consents):
    mine, others = person
    privacy_request = open_request("withdrawal")
    values = [value.format(mine=mine[0].pk, other=others[0].pk) for value in consents]
    response = client.post(action_url(privacy_request, "withdraw"), {"consent": values})
    assert response.status_code == 302
    assert "Nothing was changed" in said(response)
    assert not ConsentEvent.objects.exists()
    privacy_request.refresh_from_db()
    assert privacy_request.status == "open"


# Closing


def test_refusal_needs_a_reason_and_tells_the_visitor_why_in_their_language(
    client, officer, person, on_commit
):
    privacy_request = open_request("destruction", language="en")
    for reason in ("", "   "):
        response = client.post(action_url(privacy_request, "refuse"), {"reason": reason})
        assert response.status_code == 302
        assert said(response) == (
            "Give the reason for the refusal (e.g. the legal hold under Art. 8(2) of Law 94-V). "
            "Nothing was changed."
        )
        privacy_request.refresh_from_db()
        assert privacy_request.status == "open" and privacy_request.closed_at is None
    assert not mail.outbox

    reason = "Art. 8(2) of Law 94-V: the contract with you is not yet fulfilled."
    with on_commit():
        client.post(action_url(privacy_request, "refuse"), {"reason": reason})
    privacy_request.refresh_from_db()
    assert (privacy_request.status, privacy_request.outcome) == ("refused", reason)
    assert privacy_request.closed_at is not None
    (message,) = mail.outbox
    assert message.subject == "Your privacy request was refused"
    assert reason in message.body and str(privacy_request.uuid) in message.body
    assert "/en/privacy/requests/" in message.body
    (entry,) = logged(privacy_request, "consent_forms.request_refuse")
    assert "8(2)" not in json.dumps(entry.data)  # the reason is told to the visitor, not logged
    assert ConsentSubmission.objects.filter(email__iexact=ADDRESS).count() == 2


def test_an_information_request_done_sends_the_persons_data(client, officer, person, on_commit):
    privacy_request = open_request("information", language="en")
    with on_commit():
        response = client.post(action_url(privacy_request, "done"), {"note": "Sent as asked."})
    assert response.status_code == 302
    privacy_request.refresh_from_db()
    assert (privacy_request.status, privacy_request.outcome) == ("done", "Sent as asked.")
    (message,) = mail.outbox
    assert message.subject == "Your privacy request was carried out"
    assert "Sent as asked." in message.body and "/en/privacy/requests/" in message.body
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == ("personal-data.html", "text/html")
    assert "Иван Петров" in content and 'lang="en"' in content
    assert logged(privacy_request, "consent_forms.request_done")[0].user.username == "officer"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_answer_is_in_the_requests_language(client, officer, person, on_commit, language):
    from django.utils import translation

    privacy_request = open_request("blocking", language=language)
    with on_commit():
        client.post(action_url(privacy_request, "done"))
    (message,) = mail.outbox
    with translation.override(language):
        from django.utils.translation import gettext

        assert message.subject == gettext("Your privacy request was carried out")
    assert f"/{language}/privacy/requests/" in message.body


# Forged and stale POSTs


@pytest.mark.parametrize(
    ("action", "request_type", "status", "expected"),
    [
        (
            "block",
            "information",
            "open",
            "This action is not for a request of this type. Nothing was changed.",
        ),
        ("erase", "blocking", "open", "This action is not for a request of this type. Nothing was changed."),
        (
            "withdraw",
            "correction",
            "open",
            "This action is not for a request of this type. Nothing was changed.",
        ),
        (
            "done",
            "destruction",
            "open",
            "This action is not for a request of this type. Nothing was changed.",
        ),
        (
            "export",
            "correction",
            "open",
            "This action is not for a request of this type. Nothing was changed.",
        ),
        (
            "done",
            "information",
            "done",
            "This request is not open (it is done): this action can no longer be taken. Nothing was changed.",
        ),
        (
            "refuse",
            "information",
            "awaiting-confirmation",
            "This request is not open (it is awaiting confirmation): this action can no longer be taken. "
            "Nothing was changed.",
        ),
        (
            "block",
            "blocking",
            "expired",
            "This request is not open (it is expired): this action can no longer be taken. "
            "Nothing was changed.",
        ),
        ("unblock", "blocking", "refused", None),
    ],
)
def test_an_action_on_the_wrong_type_or_a_closed_request_changes_nothing(
    client, officer, person, action, request_type, status, expected
):
    privacy_request = open_request(request_type, status=status)
    before = model_to_dict(privacy_request), submissions_state(person[0]), evidence()
    data = {"confirmed": "yes", "reason": "x", "format": "json", "consent": f"{person[0][0].pk}:4"}
    response = client.post(action_url(privacy_request, action), data)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/privacy-requests/inspect/{privacy_request.pk}/"
    if expected:
        assert said(response) == expected
    privacy_request.refresh_from_db()
    assert (model_to_dict(privacy_request), submissions_state(person[0]), evidence()) == before
    assert not ConsentEvent.objects.exists() and not mail.outbox


def test_an_action_on_a_request_that_does_not_exist_says_so(client, officer):
    for action in ACTION_VIEWS:
        response = client.post(f"/admin/privacy-requests/999999/{action}/", {"reason": "x"})
        assert response.status_code == 302, action
        assert response["Location"] == "/admin/privacy-requests/"
        assert said(response) == "There is no such privacy request. Nothing was changed."
    assert client.get("/admin/privacy-requests/not-a-number/done/").status_code == 404


def test_the_requests_history_lists_each_action_with_the_officer(client, officer, person):
    privacy_request = open_request("blocking")
    client.post(action_url(privacy_request, "block"))
    client.post(action_url(privacy_request, "done"))
    soup = BeautifulSoup(
        client.get(f"/admin/privacy-requests/inspect/{privacy_request.pk}/").content, "html.parser"
    )
    history = [item.get_text(" ", strip=True) for item in soup.select(".privacy-request-history li")]
    assert len(history) == 2
    assert "Closed the request as done" in history[0] and "officer" in history[0]
    assert "Blocked the person's data" in history[1]


def test_a_withdrawal_request_naming_a_receipt_has_only_that_consent_ticked(client, officer, person):
    mine, _others = person
    named = open_request("withdrawal", receipt_id=mine[1].receipt_id)
    unnamed = open_request("withdrawal")

    def ticked(privacy_request):
        soup = BeautifulSoup(
            client.get(f"/admin/privacy-requests/inspect/{privacy_request.pk}/").content, "html.parser"
        )
        boxes = soup.select(".privacy-request-action--withdraw input[name=consent]")
        return {box["value"] for box in boxes}, {box["value"] for box in boxes if box.has_attr("checked")}

    offered, checked = ticked(named)
    assert offered == {f"{mine[0].pk}:4", f"{mine[1].pk}:4"}  # only purposes still given are offered
    assert checked == {f"{mine[1].pk}:4"}
    assert ticked(unnamed)[1] == offered


def test_the_request_page_costs_the_same_however_many_submissions_the_person_has(client, officer, person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    privacy_request = open_request("withdrawal")
    url = f"/admin/privacy-requests/inspect/{privacy_request.pk}/"
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    make_records(10, "ru", form_data=ANSWERS)
    with CaptureQueriesContext(connection) as twelve:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert len(soup.select(".privacy-request-submissions tbody tr")) == 12
    assert len(twelve) == len(two)
