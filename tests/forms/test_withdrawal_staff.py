"""/admin/consents/ after withdrawals: each purpose's current state in the listing (no query per row),
the events in the record view, and a filter by current state."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from tests.forms.test_staff_views import make_records, speaks, user_in


@pytest.fixture
def officer(client, django_user_model):
    user = speaks(user_in(django_user_model, "Privacy officers", "officer"), "en")
    client.force_login(user)
    return user


def withdraw(record, number, channel=ConsentChannel.RECEIPT_LINK):
    grant = record.grants.get(purpose_number=number)
    return ConsentEvent.objects.create(
        record=record,
        purpose_key=grant.purpose_key,
        purpose_number=number,
        state=ConsentState.WITHDRAWN,
        channel=channel,
    )


def rows(client, query=""):
    soup = BeautifulSoup(client.get(f"/admin/consents/{query}").content.decode(), "html.parser")
    headings = [th.get_text(strip=True) for th in soup.select("table.listing thead th")]
    return [
        dict(zip(headings, [td.get_text(strip=True) for td in tr.select("td")], strict=True))
        for tr in soup.select("table.listing tbody tr")
    ]


def test_the_listing_shows_each_purposes_current_state(client, officer):
    """make_records: purpose 4 required and given, purpose 2 optional and refused."""
    kept, withdrawn = make_records(2)
    withdraw(withdrawn, 4)
    states = {row["Receipt"]: row["Current state"] for row in rows(client)}
    assert states[str(kept.receipt_id)] == "2 refused · 4 given"
    assert states[str(withdrawn.receipt_id)] == "2 refused · 4 withdrawn"


def test_the_states_cost_no_query_per_row(client, officer):
    records = make_records(5)
    withdraw(records[0], 4)
    client.get("/admin/consents/")  # warm up
    with CaptureQueriesContext(connection) as five:
        assert len(rows(client)) == 5
    for record in make_records(20):
        withdraw(record, 4)
    with CaptureQueriesContext(connection) as twenty_five:
        assert len(rows(client)) == 25
    assert len(twenty_five) == len(five)


@pytest.mark.parametrize(
    ("state", "expected"),
    [("withdrawn", {"withdrawn"}), ("given", {"kept"}), ("refused", {"kept", "withdrawn"})],
)
def test_filter_by_current_state(client, officer, state, expected):
    kept, withdrawn = make_records(2)
    withdraw(withdrawn, 4)
    names = {str(kept.receipt_id): "kept", str(withdrawn.receipt_id): "withdrawn"}
    assert {names[row["Receipt"]] for row in rows(client, f"?state={state}")} == expected


def test_the_record_view_lists_its_events_and_current_states(client, officer):
    (record,) = make_records(1)
    response = client.get(f"/admin/consents/inspect/{record.pk}/")
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(".consent-events-none") is not None
    event = withdraw(record, 4)
    soup = BeautifulSoup(client.get(f"/admin/consents/inspect/{record.pk}/").content.decode(), "html.parser")
    (item,) = soup.select(".consent-events li")
    assert "4 · withdrawn (receipt link)" in item.get_text(" ", strip=True)
    assert datetime.fromisoformat(item.select_one("time")["datetime"]) == event.occurred_at.replace(
        microsecond=0
    )
    states = [state.get_text() for state in soup.select(".consent-grant-state")]
    assert sorted(states) == ["refused", "withdrawn"]
