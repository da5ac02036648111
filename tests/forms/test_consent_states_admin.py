"""/admin/consents/ by each purpose's current state (issue #11), and with blocked and erased submissions:
the filter agrees with ConsentGrant.current_state, costs the same whatever the number of records, the
exports carry the states, blocked submissions are left out and erased ones carry no personal data."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from forms.models import ConsentRecord, ConsentSubmission
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from forms.purposes import purpose_choices
from tests.forms.test_staff_views import ROLES, make_records, speaks, user_in

ALLOWED = {"Privacy officers", "superuser"}


@pytest.fixture
def officer(client, django_user_model):
    user = speaks(user_in(django_user_model, "Privacy officers", "officer"), "en")
    client.force_login(user)
    return user


@pytest.fixture
def keys(db):
    """The policy's keys of purposes 4 and 2 (the filter offers the live policy's purposes)."""
    choices = purpose_choices()
    return {4: choices[3][0], 2: choices[1][0]}


def add_event(record, number, state, at=None, channel=ConsentChannel.STAFF):
    grant = record.grants.get(purpose_number=number)
    return ConsentEvent.objects.create(
        record=record,
        purpose_key=grant.purpose_key,
        purpose_number=number,
        state=state,
        channel=channel,
        occurred_at=at or timezone.now(),
    )


@pytest.fixture
def histories(keys):
    """Six records (purpose 4 given and 2 refused on the form), each with its own history afterwards."""
    names = ["untouched", "withdrawn", "expired", "withdrawn then given", "invalidated", "2 given later"]
    records = dict(zip(names, make_records(len(names), purpose_keys=keys), strict=True))
    earlier = timezone.now() - timedelta(days=1)
    add_event(records["withdrawn"], 4, ConsentState.WITHDRAWN, channel=ConsentChannel.RECEIPT_LINK)
    add_event(records["expired"], 4, ConsentState.EXPIRED, channel=ConsentChannel.RETENTION)
    add_event(records["withdrawn then given"], 4, ConsentState.WITHDRAWN, at=earlier)
    add_event(records["withdrawn then given"], 4, ConsentState.GIVEN)
    same_time = timezone.now()  # same time: the later row (higher id) is the newest
    add_event(records["invalidated"], 4, ConsentState.WITHDRAWN, at=same_time)
    add_event(records["invalidated"], 4, ConsentState.INVALIDATED, at=same_time)
    add_event(records["2 given later"], 2, ConsentState.GIVEN)
    return records


def listing(client, query=""):
    soup = BeautifulSoup(client.get(f"/admin/consents/{query}").content.decode(), "html.parser")
    headings = [th.get_text(strip=True) for th in soup.select("table.listing thead th")]
    return [
        dict(zip(headings, [td.get_text(strip=True) for td in tr.select("td")], strict=True))
        for tr in soup.select("table.listing tbody tr")
    ]


def found(client, histories, query):
    names = {str(record.receipt_id): name for name, record in histories.items()}
    return {names[row["Receipt"]] for row in listing(client, query)}


EVERYONE_BUT_2 = {"untouched", "withdrawn", "expired", "withdrawn then given", "invalidated"}


@pytest.mark.parametrize(
    ("purpose", "state", "expected"),
    [
        (4, "given", {"untouched", "withdrawn then given", "2 given later"}),
        (4, "withdrawn", {"withdrawn"}),
        (4, "expired", {"expired"}),
        (4, "invalidated", {"invalidated"}),
        (4, "refused", set()),
        (2, "refused", EVERYONE_BUT_2),
        (2, "given", {"2 given later"}),
        (2, "withdrawn", set()),
        (None, "given", {"untouched", "withdrawn then given", "2 given later"}),
        (None, "refused", EVERYONE_BUT_2),
        (None, "withdrawn", {"withdrawn"}),
        (None, "expired", {"expired"}),
        (4, None, EVERYONE_BUT_2 | {"2 given later"}),  # a purpose alone: the forms that asked for it
    ],
)
def test_filter_by_a_purposes_current_state(client, officer, keys, histories, purpose, state, expected):
    query = "&".join(
        part
        for part in (f"purpose={keys[purpose]}" if purpose else "", f"state={state}" if state else "")
        if part
    )
    assert found(client, histories, f"?{query}") == expected


def test_the_filter_agrees_with_the_states_the_record_view_shows(client, officer, keys, histories):
    """The SQL of the filter and ConsentGrant.current_state (Python) give every record the same states."""
    records = ConsentRecord.objects.prefetch_related("grants", "events")
    for number in (4, 2):
        for state in ConsentState.values:
            in_python = {
                name
                for name, record in histories.items()
                for grant in records.get(pk=record.pk).grants.all()
                if grant.purpose_number == number and grant.current_state == state
            }
            assert found(client, histories, f"?purpose={keys[number]}&state={state}") == in_python, (
                number,
                state,
            )


def test_the_listing_names_each_purposes_current_state(client, officer, histories):
    states = {row["Receipt"]: row["Current state"] for row in listing(client)}
    assert states[str(histories["expired"].receipt_id)] == "2 refused · 4 expired"
    assert states[str(histories["withdrawn then given"].receipt_id)] == "2 refused · 4 given"
    assert states[str(histories["invalidated"].receipt_id)] == "2 refused · 4 invalidated"


@pytest.mark.parametrize("state", ["withdrawn", "given", "refused"])
def test_the_filtered_listing_costs_the_same_for_5_and_25_records_and_never_counts(
    client, officer, keys, state
):
    query = f"?purpose={keys[4]}&state={state}"
    for record in make_records(5, purpose_keys=keys):
        add_event(record, 4, state)
    client.get(f"/admin/consents/{query}")  # warm up
    with CaptureQueriesContext(connection) as five:
        assert len(listing(client, query)) == 5
    for record in make_records(20, purpose_keys=keys):
        add_event(record, 4, state)
    with CaptureQueriesContext(connection) as twenty_five:
        assert len(listing(client, query)) == 25
    assert len(twenty_five) == len(five)
    assert not [q["sql"] for q in twenty_five if "COUNT(" in q["sql"].upper() and "consentrecord" in q["sql"]]


def csv_rows(client, query=""):
    response = client.get(f"/admin/consents/?export=csv{query}")
    assert response.streaming
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(client, query=""):
    response = client.get(f"/admin/consents/?export=xlsx{query}")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(headings, row, strict=True)) for row in rows]


@pytest.mark.parametrize("rows_of", [csv_rows, xlsx_rows])
def test_exports_carry_each_purposes_current_state(client, officer, keys, histories, rows_of):
    rows = {row["Receipt"]: row for row in rows_of(client)}
    assert len(rows) == len(histories)
    withdrawn = rows[str(histories["withdrawn"].receipt_id)]
    assert withdrawn["Current state"] == "2 refused · 4 withdrawn"
    assert withdrawn["Purposes consented"] == "4"  # what the form recorded
    later = rows[str(histories["2 given later"].receipt_id)]
    assert later["Current state"] == "2 given · 4 given"
    filtered = rows_of(client, f"&purpose={keys[4]}&state=expired")
    assert [row["Receipt"] for row in filtered] == [str(histories["expired"].receipt_id)]


def block(record, when=None):
    ConsentSubmission.objects.filter(pk=record.submission_id).update(blocked_at=when or timezone.now())


def erase(record, blank_email=True):
    """What an erasure leaves (forms.erasure): answers replaced by a marker, address blanked."""
    submission = record.submission
    fields = {"erased_at": timezone.now(), "form_data": dict.fromkeys(submission.form_data, "[erased]")}
    if blank_email:
        fields["email"] = ""
    ConsentSubmission.objects.filter(pk=submission.pk).update(**fields)


def test_blocked_submissions_are_left_out_of_the_listing_and_exports_until_unblocked(client, officer):
    kept, blocked = make_records(2)
    block(blocked)
    receipts = {str(kept.receipt_id)}
    assert {row["Receipt"] for row in listing(client)} == receipts
    assert {row["Receipt"] for row in listing(client, f"?q={blocked.submission.email}")} == set()
    assert {row["Receipt"] for row in csv_rows(client)} == receipts
    assert {row["Receipt"] for row in xlsx_rows(client)} == receipts
    ConsentSubmission.objects.filter(pk=blocked.submission_id).update(blocked_at=None)
    assert {row["Receipt"] for row in listing(client)} == receipts | {str(blocked.receipt_id)}


def test_an_officer_still_opens_a_blocked_record_and_is_told_it_is_blocked(client, officer):
    (record,) = make_records(1)
    block(record)
    response = client.get(f"/admin/consents/inspect/{record.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Blocked since" in soup.select_one(".consent-blocked").get_text()
    assert record.submission.email in soup.get_text()  # the data is kept, only left out elsewhere


def test_an_erased_record_says_when_instead_of_showing_data(client, officer):
    (record,) = make_records(1)
    erase(record)
    soup = BeautifulSoup(client.get(f"/admin/consents/inspect/{record.pk}/").content, "html.parser")
    assert "Personal data erased on" in soup.select_one(".consent-erased").get_text()
    answers = [dt.get_text(strip=True) for dt in soup.select("dl.consent-answers dt")]
    assert answers == ["Receipt", "Form", "Submitted at"]
    assert "[erased]" not in soup.select_one("dl.consent-answers").get_text()
    assert record.statement_sha256 in soup.get_text()  # the evidence stays
    (row,) = listing(client)
    assert row["E-mail"] == "erased"


@pytest.mark.parametrize("rows_of", [csv_rows, xlsx_rows])
def test_exported_rows_of_erased_submissions_carry_no_personal_data(client, officer, rows_of):
    erased, kept = make_records(2)
    erase(erased, blank_email=False)  # even an address left behind is not exported
    rows = {row["Receipt"]: row for row in rows_of(client)}
    erased_row, kept_row = rows[str(erased.receipt_id)], rows[str(kept.receipt_id)]
    assert erased_row["E-mail"] in ("", None)
    assert erased_row["Personal data erased at"] not in ("", None)
    assert erased.submission.email not in " ".join(str(value) for value in erased_row.values())
    assert kept_row["E-mail"] == kept.submission.email
    assert kept_row["Personal data erased at"] in ("", None)


@pytest.mark.parametrize("role", ROLES)
def test_only_privacy_officers_and_superusers_filter_export_or_open_blocked_records(
    client, django_user_model, keys, role
):
    (record,) = make_records(1, purpose_keys=keys)
    (blocked,) = make_records(1, purpose_keys=keys)
    block(blocked)
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    for url in (
        f"/admin/consents/?purpose={keys[4]}&state=withdrawn",
        f"/admin/consents/results/?purpose={keys[4]}&state=given",
        f"/admin/consents/?export=csv&state=given&purpose={keys[4]}",
        "/admin/consents/?export=xlsx&state=refused",
        f"/admin/consents/inspect/{blocked.pk}/",
    ):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url
        elif role in ALLOWED:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403, url
        if response.streaming:
            b"".join(response.streaming_content)


def submissions_listing(client, record, query=""):
    return client.get(f"/admin/forms/submissions/{record.submission.page_id}/{query}")


def test_wagtails_own_submission_listing_leaves_blocked_submissions_out(client, admin_user):
    """Only superusers reach it (Privacy officers have no page permissions, others are kept out by the
    `filter_form_submissions_for_user` hook)."""
    client.force_login(admin_user)
    kept, blocked = make_records(2)
    block(blocked)
    html = submissions_listing(client, kept).content.decode()
    assert kept.submission.email in html and blocked.submission.email not in html
    response = submissions_listing(client, kept, "?export=csv")
    exported = b"".join(response.streaming_content).decode()
    assert kept.submission.email in exported and blocked.submission.email not in exported


@pytest.mark.parametrize("role", ROLES)
def test_only_superusers_reach_wagtails_submission_listing(client, django_user_model, role):
    (record,) = make_records(1)
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    for query in ("", "?export=csv", "?export=xlsx"):
        response = submissions_listing(client, record, query)
        if role == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), query
        elif role == "superuser":
            assert response.status_code == 200, query
        else:
            assert response.status_code in (302, 403), query  # Wagtail's "permission denied" redirect
            assert record.submission.email.encode() not in b"".join(
                response.streaming_content if response.streaming else [response.content]
            )
        if response.streaming:
            b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "query",
    [
        "?state=bogus",
        "?purpose=not-a-purpose&state=given",
        "?purpose=00000000-0000-0000-0000-000000000000",
        "?state=given&state=withdrawn",
        "?state=%00",
        "?export=csv&state=bogus",
    ],
)
def test_bad_filter_values_get_an_answer_not_an_error(client, officer, keys, query):
    make_records(1, purpose_keys=keys)
    response = client.get(f"/admin/consents/{query}")
    assert response.status_code == 200
    if response.streaming:
        b"".join(response.streaming_content)
