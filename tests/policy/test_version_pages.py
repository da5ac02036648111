"""What visitors see of versions: current text, history, frozen versions, JSON, compare, fallbacks."""

import hashlib
import json
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from policy.models import PolicySnapshot, PolicyVersion
from tests.policy.helpers import change_first_purpose, fresh, make_versions, publish


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def version_two(policy_pages, on_commit):
    """Version 2 in Kazakh: purpose 1 reworded, purpose 10 removed, a new purpose added."""
    kk = change_first_purpose(policy_pages["kk"], "Бос лауазымдарға орналасу және сұхбат өткізу")
    rows = list(kk.purposes.all())
    last = rows[-1]
    kk.purposes.set(rows[:-1])
    kk.purposes.add(
        type(last)(
            subject_category=last.subject_category,
            purpose="Жаңа ақпараттық бюллетень",
            personal_data="электрондық пошта мекенжайы",
            processing_methods=last.processing_methods,
            retention_term=last.retention_term,
            withdrawal_method=last.withdrawal_method,
            locale=kk.locale,
        )
    )
    kk.save()
    with on_commit():
        publish(kk, summary="Кесте жаңартылды", material=True)
    return PolicyVersion.objects.get(number=2)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def meta(page_soup):
    for button in page_soup.select(".version-meta button"):  # e.g. the hash's copy button
        button.decompose()
    return {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in page_soup.select(".version-meta > div")
    }


def test_current_policy_shows_number_effective_date_and_fingerprint(client, policy_pages):
    snapshot = PolicySnapshot.objects.get(language="en")
    page = soup(client.get("/en/privacy/"))
    facts = meta(page)
    assert facts["Version"] == "1"
    assert facts["SHA-256"] == snapshot.sha256  # the full hash (#14)
    assert page.select_one(".version-meta time")["datetime"].startswith(
        str(snapshot.version.effective_from.year)
    )
    links = {a["href"] for a in page.select(".policy-links a")}
    assert "/en/privacy/versions/" in links and "/en/privacy/versions/1/" in links


def test_current_policy_is_the_frozen_text_not_the_live_page(client, policy_pages, on_commit):
    """A version scheduled for next week is published; visitors still read version 1 until then."""
    kk = change_first_purpose(policy_pages["kk"], "Келесі аптадағы мақсат")
    with on_commit():
        publish(kk, summary="Алдағы өзгеріс", effective_from=timezone.now() + timedelta(days=7))
    html = client.get("/kk/privacy/").content.decode()
    assert "Келесі аптадағы мақсат" not in html
    assert meta(BeautifulSoup(html, "html.parser"))["Нұсқа"] == "1"
    assert "/kk/privacy/versions/2/" in html  # announced as upcoming


def test_scheduled_version_becomes_current_at_its_moment_without_any_action(client, policy_pages, on_commit):
    effective = timezone.now() + timedelta(days=3)
    kk = change_first_purpose(policy_pages["kk"], "Үш күннен кейінгі мақсат")
    with on_commit():
        publish(kk, summary="Жоспарланған", effective_from=effective)
    with time_machine.travel(effective - timedelta(seconds=1), tick=False):
        response = client.get("/kk/privacy/")
        assert "Үш күннен кейінгі мақсат" not in response.content.decode()
        assert 0 < int(response["Cache-Control"].split("max-age=")[1]) <= 1
    with time_machine.travel(effective + timedelta(seconds=1)):
        assert "Үш күннен кейінгі мақсат" in client.get("/kk/privacy/").content.decode()


def test_cached_pages_expire_no_later_than_the_next_effective_from(client, policy_pages, on_commit, settings):
    settings.PUBLIC_PAGE_MAX_AGE = 3600
    kk = change_first_purpose(policy_pages["kk"], "Он минуттан кейін")
    with on_commit():
        publish(kk, summary="Жақында", effective_from=timezone.now() + timedelta(minutes=10))
    for url in ("/kk/", "/ru/privacy/", "/en/privacy/versions/"):
        max_age = int(client.get(url)["Cache-Control"].split("max-age=")[1])
        assert 590 <= max_age <= 600, url


def test_history_lists_every_version_with_date_summary_and_kind(client, policy_pages, version_two):
    page = soup(client.get("/kk/privacy/versions/"))
    rows = page.select("table.versions tbody tr")
    assert [row["id"] for row in rows] == ["version-2", "version-1"]
    assert "Кесте жаңартылды" in rows[0].get_text()
    assert "Елеулі" in rows[0].get_text() or "елеулі" in rows[0].get_text().lower()
    assert rows[1].select_one(".status--superseded") is not None
    assert rows[0].select_one(".status--current") is not None


def test_version_page_keeps_the_text_as_published_after_later_edits(client, policy_pages, version_two):
    snapshot = PolicySnapshot.objects.get(version__number=1, language="kk")
    page = soup(client.get("/kk/privacy/versions/1/"))
    assert "және сұхбат өткізу" not in page.get_text()
    assert page.select_one(".notice--warning") is not None  # superseded
    assert meta(page)["SHA-256"] == snapshot.sha256
    assert (
        page.select_one("table.purposes").get_text() in snapshot.html
        or len(page.select("tr[id^=purpose-]")) == 10
    )


def test_upcoming_version_page_says_when_it_takes_effect(client, policy_pages, on_commit):
    kk = change_first_purpose(policy_pages["kk"], "Болашақ")
    with on_commit():
        publish(kk, summary="Болашақ", effective_from=timezone.now() + timedelta(days=30))
    page = soup(client.get("/kk/privacy/versions/2/"))
    assert page.select_one(".status--upcoming") is not None
    assert page.select_one(".notice--upcoming") is not None


def test_version_json_lets_another_system_verify_a_copy(client, policy_pages):
    response = client.get("/ru/privacy/versions/1.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["number"] == 1 and data["language"] == "ru"
    assert hashlib.sha256(data["text"].encode("utf-8")).hexdigest() == data["sha256"]
    assert len(data["purposes"]) == 10
    assert data["purposes"][0]["personal_data"][0] == "фамилия, имя, отчество"
    assert data["effective_from"] == PolicyVersion.objects.get(number=1).effective_from.isoformat()


@pytest.mark.parametrize(
    "url", ["/ru/privacy/versions/7.json", "/ru/nope/versions/1.json", "/ru/privacy/versions/7/"]
)
def test_unknown_versions_are_404(client, policy_pages, url):
    assert client.get(url).status_code == 404


def test_version_without_a_translation_offers_the_source_text(client, policy_pages, version_two):
    response = client.get("/en/privacy/versions/2/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".notice--info") is not None
    assert "сұхбат өткізу" in page.get_text()
    assert client.get("/en/privacy/").status_code == 200
    assert client.get("/en/privacy/versions/2.json").json()["language"] == "kk"


def test_compare_shows_word_changes_and_row_changes(client, policy_pages, version_two):
    response = client.get("/kk/privacy/compare/1/2/")
    assert response.status_code == 200
    page = soup(response)
    statuses = {
        block.h3.get_text(" ", strip=True): [cls for cls in block["class"] if cls.startswith("diff--")][0]
        for block in page.select("#changed-purposes ~ .diff")
    }
    assert any(status == "diff--changed" for status in statuses.values())
    assert any(status == "diff--added" for status in statuses.values())
    assert any(status == "diff--removed" for status in statuses.values())
    inserted = [node.get_text() for node in page.select("ins")]
    assert any("сұхбат" in text for text in inserted)


def test_compare_of_unknown_or_equal_versions_is_404(client, policy_pages):
    assert client.get("/kk/privacy/compare/1/1/").status_code == 404
    assert client.get("/kk/privacy/compare/1/9/").status_code == 404


def test_compare_falls_back_to_the_source_language_for_both_sides(client, policy_pages, version_two):
    page = soup(client.get("/ru/privacy/compare/1/2/"))
    assert page.select_one(".notice--info") is not None
    assert any("сұхбат" in node.get_text() for node in page.select("ins"))


def _query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "budget"),
    # Budgets: the counts measured with 4 versions (16, 17, 18, 18) and a little room for Wagtail.
    [
        ("/kk/privacy/", 18),
        ("/kk/privacy/versions/", 19),
        ("/kk/privacy/versions/3/", 20),
        ("/kk/privacy/compare/2/3/", 20),
    ],
)
def test_version_pages_query_count_does_not_grow_with_versions(client, policy_pages, url, budget):
    make_versions(policy_pages["kk"], 3)
    few = _query_count(client, url)
    assert few <= budget
    make_versions(policy_pages["kk"], 47, start=5)
    assert PolicyVersion.objects.count() == 51
    assert _query_count(client, url) == few


def test_print_stylesheet_is_linked(client, policy_pages):
    page = soup(client.get("/kk/privacy/versions/1/"))
    assert page.select_one('link[rel=stylesheet][media=print][href$="print.css"]') is not None


def test_preview_shows_the_draft_not_the_frozen_version(policy_pages):
    kk = fresh(policy_pages["kk"])
    kk.title = "Жоба тақырыбы"
    response = kk.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Жоба тақырыбы</h1>" in html
    assert "version-meta" not in html
