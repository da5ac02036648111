"""Past the first page of /admin/consents/: the paginator that never counts (forms/paginator.py) shows the
next records, links back, keeps the filters, and runs no COUNT(*)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forms.admin_views import ConsentRecordViewSet
from forms.models import ConsentRecord
from tests.forms.helpers import CONTACT_ANSWERS, fill

PER_PAGE = ConsentRecordViewSet.list_per_page
RECORDS = PER_PAGE + 3


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password="x")
    user.groups.add(Group.objects.get(name="Privacy officers"))
    return user


@pytest.fixture
def records(client, policy_pages, settings, django_capture_on_commit_callbacks):
    """More consents than one page holds, posted through the English contact form, newest first."""
    settings.CONSENT_FORM_RATE = "1000/m"
    for index in range(RECORDS):
        answers = dict(CONTACT_ANSWERS, email=f"person{index}@example.kz")
        data = fill(client, "/en/contact/", answers=answers, consents="required")
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/en/contact/", data).status_code == 302
    client.logout()
    return list(ConsentRecord.objects.order_by("-submitted_at", "-id"))


def get_page(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    counts = [
        query["sql"]
        for query in queries
        if "COUNT(" in query["sql"].upper() and "consent_forms_consentrecord" in query["sql"]
    ]
    return BeautifulSoup(response.content, "html.parser"), counts


def receipts_shown(soup, records):
    html = str(soup.select_one("table.listing"))
    return [record for record in records if str(record.receipt_id) in html]


def link(soup, which):
    """The href of the "previous" or "next" link (None when there is no such page)."""
    anchor = soup.select_one(f"nav.pagination li.{which} a")
    assert anchor is not None, which
    return anchor.get("href")


def test_page_two_shows_the_next_records_and_links_back_without_counting(client, officer, records):
    client.force_login(officer)
    first, first_counts = get_page(client, "/admin/consents/")
    assert receipts_shown(first, records) == records[:PER_PAGE]
    assert link(first, "prev") is None
    assert "p=2" in link(first, "next")

    second, second_counts = get_page(client, "/admin/consents/?p=2")
    assert receipts_shown(second, records) == records[PER_PAGE:]
    assert len(second.select("table.listing tbody tr")) == RECORDS - PER_PAGE
    assert "p=1" in link(second, "prev")
    assert link(second, "next") is None  # the last page: nothing after it
    assert first_counts == second_counts == []


def test_page_two_of_a_filtered_listing_keeps_the_filter_in_its_links(client, officer, records):
    client.force_login(officer)
    soup, counts = get_page(client, "/admin/consents/?language=en&p=2")
    assert receipts_shown(soup, records) == records[PER_PAGE:]
    previous = link(soup, "prev")
    assert "p=1" in previous and "language=en" in previous
    assert counts == []


def test_a_page_past_the_end_or_not_a_number_shows_the_first_page(client, officer, records):
    client.force_login(officer)
    for page in ("9", "0", "two"):
        soup, counts = get_page(client, f"/admin/consents/?p={page}")
        assert receipts_shown(soup, records) == records[:PER_PAGE], page
        assert counts == [], page
