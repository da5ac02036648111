"""Change notices, their Atom feed, and the site-wide banner."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.policy.helpers import change_first_purpose, publish

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def publish_version(policy_pages, on_commit, text, **kwargs):
    kk = change_first_purpose(policy_pages["kk"], text)
    with on_commit():
        publish(kk, **kwargs)


def banner(response):
    return BeautifulSoup(response.content, "html.parser").select_one("[data-policy-notice]")


def test_updates_page_lists_notices_newest_first(client, policy_pages, on_commit):
    publish_version(policy_pages, on_commit, "Екінші", summary="Екінші нұсқа")
    publish_version(policy_pages, on_commit, "Үшінші", summary="Үшінші нұсқа")
    page = BeautifulSoup(client.get("/kk/privacy/updates/").content, "html.parser")
    titles = [node.get_text(strip=True) for node in page.select(".notice-item h2")]
    assert titles == [
        "Құпиялылық саясатының 3-нұсқасы",
        "Құпиялылық саясатының 2-нұсқасы",
        "Құпиялылық саясатының 1-нұсқасы",
    ]


def test_notice_page_links_the_version_and_its_diff(client, policy_pages, on_commit):
    publish_version(policy_pages, on_commit, "Екінші", summary="Екінші нұсқа")
    page = BeautifulSoup(client.get("/kk/privacy/updates/version-2/").content, "html.parser")
    links = {a["href"] for a in page.select("main a")}
    assert {"/kk/privacy/versions/2/", "/kk/privacy/compare/1/2/"} <= links
    assert "Екінші нұсқа" in page.get_text()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_atom_feed_parses_and_lists_notices(client, policy_pages, on_commit, language):
    publish_version(policy_pages, on_commit, "Екінші", summary="Екінші нұсқа")
    response = client.get(f"/{language}/privacy/updates/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    # Version 2's notice exists in Kazakh only until the translators publish their snapshots.
    assert len(entries) == (2 if language == "kk" else 1)
    first_link = entries[0].find(f"{ATOM}link").attrib["href"]
    assert first_link.endswith(f"/{language}/privacy/updates/version-{len(entries)}/")
    assert feed.find(f"{ATOM}title").text


def test_banner_announces_an_upcoming_version_on_every_page(client, policy_pages, on_commit):
    publish_version(
        policy_pages,
        on_commit,
        "Болашақ",
        summary="Болашақ",
        effective_from=timezone.now() + timedelta(days=5),
    )
    for url in ("/kk/", "/ru/privacy/", "/en/privacy/versions/"):
        notice = banner(client.get(url))
        assert notice is not None, url
        assert notice["data-policy-notice"] == "2"
    assert "/en/privacy/versions/2/" in str(banner(client.get("/en/")))


def test_banner_shows_for_30_days_after_a_version_becomes_current(client, policy_pages, on_commit):
    publish_version(policy_pages, on_commit, "Қазір", summary="Қазір")
    assert banner(client.get("/kk/")) is not None
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        assert banner(client.get("/kk/")) is not None
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert banner(client.get("/kk/")) is None


def test_no_banner_for_the_first_version(client, policy_pages):
    assert banner(client.get("/kk/")) is None


def test_the_banner_is_the_same_for_every_visitor_so_pages_stay_cacheable(client, policy_pages, on_commit):
    """Dismissal is the script's business (it hides the banner naming the dismissed version)."""
    publish_version(policy_pages, on_commit, "Екінші", summary="Екінші")
    anonymous = client.get("/kk/")
    client.cookies["policy_notice_dismissed"] = "2"
    dismissed = client.get("/kk/")
    assert dismissed.content == anonymous.content
    assert banner(dismissed)["data-policy-notice"] == "2"
    assert "Cookie" not in dismissed.get("Vary", "")
