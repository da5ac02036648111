"""What is due: the dashboard panel of requests due today and overdue (Privacy officers and superusers
only), the queue's "due" filter it links to, and the "Due today" mark in the queue."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import translation

from forms.models import PrivacyRequest, PrivacyRequestStatus
from tests.forms.test_staff_views import ROLES, speaks

pytestmark = pytest.mark.usefixtures("db")

ALMATY = ZoneInfo("Asia/Almaty")
NOW = datetime.datetime(2026, 4, 10, 12, 0, tzinfo=ALMATY)  # a Friday


def make(email, status=PrivacyRequestStatus.OPEN, due=None):
    return PrivacyRequest.objects.create(
        request_type="information",
        language="en",
        email=email,
        status=status,
        confirmed_at=NOW - datetime.timedelta(days=3) if status != "awaiting-confirmation" else None,
        due_at=due,
    )


@pytest.fixture
def queue():
    """Two overdue, one due this evening, one due later, and closed or unconfirmed ones that never count."""
    return {
        "late": make("late@example.kz", due=NOW - datetime.timedelta(days=2)),
        "late too": make("late2@example.kz", due=NOW - datetime.timedelta(minutes=1)),
        "tonight": make("tonight@example.kz", due=NOW.replace(hour=18)),
        "monday": make("monday@example.kz", due=NOW + datetime.timedelta(days=3)),
        "done late": make(
            "done@example.kz", status=PrivacyRequestStatus.DONE, due=NOW - datetime.timedelta(days=1)
        ),
        "refused today": make(
            "refused@example.kz", status=PrivacyRequestStatus.REFUSED, due=NOW.replace(hour=18)
        ),
        "unconfirmed": make("waiting@example.kz", status=PrivacyRequestStatus.AWAITING_CONFIRMATION),
    }


def panel(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return soup.select_one("section.privacy-requests-due")


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_only_privacy_officers_and_superusers_see_the_panel(client, django_user_model, queue, role):
    user = ROLES[role](django_user_model)
    client.force_login(speaks(user, "en"))
    with time_machine.travel(NOW, tick=False):
        response = client.get("/admin/")
    assert response.status_code == 200
    shown = (
        BeautifulSoup(response.content, "html.parser").select_one("section.privacy-requests-due") is not None
    )
    assert shown == (role in ("Privacy officers", "superuser"))


def test_the_panel_counts_what_is_due_today_and_overdue_and_links_the_filtered_queue(
    client, django_user_model, queue
):
    client.force_login(speaks(ROLES["Privacy officers"](django_user_model), "en"))
    with time_machine.travel(NOW, tick=False):
        found = panel(client)
        links = {link.get_text(strip=True): link["href"] for link in found.select(".w-panel__content a")}
        assert links == {
            "2 overdue requests": "/admin/privacy-requests/?due=overdue",
            "1 request due today": "/admin/privacy-requests/?due=today",
            "All open requests": "/admin/privacy-requests/?status=open",
        }
        assert "privacy-request--overdue" in found.select_one(".privacy-requests-due__overdue")["class"]

        def emails(query):
            soup = BeautifulSoup(client.get(f"/admin/privacy-requests/{query}").content, "html.parser")
            return {row.select("td")[5].get_text(strip=True) for row in soup.select("table.listing tbody tr")}

        assert emails("?due=overdue") == {"late@example.kz", "late2@example.kz"}
        assert emails("?due=today") == {"tonight@example.kz"}
        assert len(emails("?due=bogus")) == 7  # an unknown value filters nothing, and is no error


def test_the_panel_costs_two_counts(client, django_user_model, queue, django_assert_max_num_queries):
    from django.test import RequestFactory

    from forms.request_dashboard import PrivacyRequestsDuePanel

    request = RequestFactory().get("/admin/")
    request.user = ROLES["superuser"](django_user_model)
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(2), translation.override("en"):
        html = PrivacyRequestsDuePanel().render_html({"request": request, "csrf_token": ""})
    assert "2 overdue requests" in html


def test_the_queue_marks_a_request_due_today(client, django_user_model, queue):
    client.force_login(speaks(ROLES["Privacy officers"](django_user_model), "en"))
    with time_machine.travel(NOW, tick=False):
        soup = BeautifulSoup(client.get("/admin/privacy-requests/").content, "html.parser")
    rows = {row.select("td")[5].get_text(strip=True): row for row in soup.select("table.listing tbody tr")}
    assert rows["tonight@example.kz"].select_one(".privacy-request-due-today").get_text() == "Due today"
    assert rows["late@example.kz"].select_one(".privacy-request-overdue").get_text() == "Overdue"
    for email in ("monday@example.kz", "refused@example.kz", "done@example.kz"):
        assert not rows[email].select(".privacy-request-due-today, .privacy-request-overdue")


def test_after_six_in_the_evening_todays_request_is_overdue(client, django_user_model, queue):
    client.force_login(speaks(ROLES["Privacy officers"](django_user_model), "en"))
    with time_machine.travel(NOW.replace(hour=18, minute=30), tick=False):
        links = {link.get_text(strip=True) for link in panel(client).select(".w-panel__content a")}
    assert {"3 overdue requests", "0 requests due today"} <= links


def test_an_expired_request_shows_as_expired_in_the_queue(client, django_user_model):
    make("expired@example.kz", status=PrivacyRequestStatus.EXPIRED)
    client.force_login(speaks(ROLES["Privacy officers"](django_user_model), "en"))
    soup = BeautifulSoup(client.get("/admin/privacy-requests/?status=expired").content, "html.parser")
    (row,) = soup.select("table.listing tbody tr")
    assert row.select_one(".privacy-request-status").get_text(strip=True) == "expired"
