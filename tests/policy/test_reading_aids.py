"""Reading a long policy: its contents, a link to every clause and purpose, the full hash with a copy
button; the frozen HTML itself is never changed."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.text import Truncator

from policy.document import frozen_purposes
from policy.models import PolicySnapshot
from policy.reading_aids import with_anchor_links

PAGES = ["/{lang}/privacy/", "/{lang}/privacy/versions/1/"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_contents_list_every_section_and_table_one(client, policy_pages, url, lang):
    snapshot = PolicySnapshot.objects.get(language=lang)
    page = soup(client.get(url.format(lang=lang)))
    contents = page.select_one("nav#contents")
    assert contents is not None
    targets = [link["href"] for link in contents.select("a")]
    sections = [f"#section-{section['number']}" for section in snapshot.document["sections"]]
    assert [target for target in targets if target.startswith("#section-")] == sections
    assert "#purposes-caption" in targets
    for target in targets:  # every entry leads somewhere on the page
        assert page.find(id=target[1:]) is not None, target
    assert page.select_one(".back-to-contents a")["href"] == "#contents"


@pytest.mark.parametrize("url", PAGES)
def test_every_clause_and_purpose_has_a_visible_labelled_link(client, policy_pages, url):
    snapshot = PolicySnapshot.objects.get(language="en")
    with translation.override("en"):
        page = soup(client.get(url.format(lang="en")))
    clauses = page.select('[id^="clause-"]')
    assert clauses
    for clause in clauses:
        link = clause.select_one("a.anchor-link")
        assert link is not None and link["href"] == f"#{clause['id']}"
        assert link.get_text() == "#"
        assert link["aria-label"] == f"Link to clause {clause['id'].removeprefix('clause-')}"
    rows = page.select('tr[id^="purpose-"]')
    assert len(rows) == len(frozen_purposes(snapshot.document))
    for row in rows:
        link = row.select_one("td a.anchor-link")
        assert link["href"] == f"#{row['id']}"
        assert link["aria-label"].startswith("Link to purpose ")
    assert page.select_one('script[src*="reading-aids"]') is not None


def test_the_links_are_added_when_shown_never_stored(client, policy_pages):
    snapshot = PolicySnapshot.objects.get(language="kk")
    before = (snapshot.html, snapshot.sha256)
    client.get("/kk/privacy/")
    snapshot.refresh_from_db()
    assert (snapshot.html, snapshot.sha256) == before
    assert "anchor-link" not in snapshot.html
    assert snapshot.hash_matches()


def test_anchor_links_escape_what_they_repeat():
    html = '<div class="policy__clause" id="clause-1.1">\n<p>Text</p></div>'
    with translation.override("en"):
        shown = str(with_anchor_links(html))
    assert '<a class="anchor-link" href="#clause-1.1" aria-label="Link to clause 1.1">#</a> Text' in shown
    assert with_anchor_links("<p>no clauses</p>") == "<p>no clauses</p>"


@pytest.mark.parametrize("url", PAGES)
def test_the_full_hash_is_shown_with_a_copy_button(client, policy_pages, url):
    snapshot = PolicySnapshot.objects.get(language="ru")
    page = soup(client.get(url.format(lang="ru")))
    code = page.select_one(".version-meta code.hash")
    assert code.get_text() == snapshot.sha256 and not code.has_attr("title")
    button = page.select_one(f'button[data-copy-target="{code["id"]}"]')
    assert button is not None and button.has_attr("hidden")  # shown by the script, which can copy
    assert page.select_one("#copy-status[role=status]") is not None


@pytest.fixture
def updates_pages(policy_pages):
    from policy.notices import ensure_updates_index

    return {language: ensure_updates_index(page) for language, page in policy_pages.items()}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(
    "url", ["/{lang}/", "/{lang}/privacy/", "/{lang}/privacy/versions/", "/{lang}/privacy/updates/"]
)
def test_updates_and_feed_are_linked_and_advertised(client, updates_pages, lang, url):
    updates = updates_pages[lang]
    page = soup(client.get(url.format(lang=lang)))
    feeds = page.select('head link[rel=alternate][type="application/atom+xml"]')
    assert [link["href"] for link in feeds] == [f"/{lang}/privacy/updates/feed/"]
    footer_links = {a["href"]: a.get_text(strip=True) for a in page.select("footer a")}
    assert footer_links[f"/{lang}/privacy/updates/"] == updates.title


@pytest.mark.parametrize("url", ["/en/privacy/", "/en/privacy/versions/"])
def test_policy_and_history_link_the_updates(client, updates_pages, url):
    page = soup(client.get(url))
    assert page.select_one('.policy-links a[href="/en/privacy/updates/"]') is not None


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_one_name_for_the_policy_in_each_language(client, policy_pages, lang):
    page = soup(client.get(f"/{lang}/"))
    title = policy_pages[lang].title
    named = [a.get_text(strip=True) for a in page.select(f'a[href="/{lang}/privacy/"]:not(.button)')]
    assert len(named) >= 2 and set(named) == {title}  # the menu and the footer
    assert page.select_one(".card h2").get_text(strip=True) == title


VALID_DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2})$"


@pytest.mark.parametrize("url", ["/kk/privacy/", "/kk/privacy/versions/", "/kk/privacy/versions/1/"])
def test_time_datetime_values_are_valid_html(client, policy_pages, url):
    import re

    times = soup(client.get(url)).select("time[datetime]")
    assert times
    for time in times:
        assert re.match(VALID_DATETIME, time["datetime"]), time["datetime"]


def test_html_datetime_drops_microseconds_and_keeps_the_offset():
    from datetime import UTC, date, datetime

    from home.templatetags.time_tags import html_datetime

    moment = datetime(2026, 11, 28, 3, 36, 12, 123456, tzinfo=UTC)
    with translation.override("en"):
        shown = html_datetime(moment)
    assert shown.startswith("2026-11-28T") and ".123456" not in shown
    import re

    assert re.match(VALID_DATETIME, shown)
    assert html_datetime(date(2026, 1, 2)) == "2026-01-02"
    assert html_datetime(None) == ""


@pytest.mark.parametrize(
    "url",
    ["/en/", "/en/privacy/", "/en/privacy/versions/", "/en/privacy/versions/1/", "/en/privacy/compare/"],
)
def test_every_page_has_a_description_and_a_favicon(client, policy_pages, url):
    page = soup(client.get(url))
    [description] = page.select('head meta[name="description"]')
    assert 20 <= len(description["content"].strip()) <= 200
    assert page.select_one('head link[rel="icon"]')["href"].endswith(".svg")


def test_the_policy_is_described_by_its_introduction_and_a_version_by_its_summary(client, policy_pages):
    snapshot = PolicySnapshot.objects.get(language="en")
    policy = soup(client.get("/en/privacy/")).select_one('meta[name="description"]')["content"]
    assert policy[:60] == snapshot.document["intro"][:60]
    version = soup(client.get("/en/privacy/versions/1/")).select_one('meta[name="description"]')["content"]
    assert version == Truncator(snapshot.summary or snapshot.document["intro"]).chars(160)


@pytest.mark.parametrize("url", ["/{lang}/privacy/versions/", "/{lang}/privacy/versions/1/"])
def test_an_outdated_translation_says_so_with_a_link_to_the_kazakh_text(client, policy_pages, url):
    from tests.policy.helpers import make_versions

    make_versions(policy_pages["kk"], 1)  # version 2, in Kazakh only
    with translation.override("en"):
        page = soup(client.get(url.format(lang="en")))
    notice = page.select_one(".notice--outdated-translation")
    assert notice is not None
    assert "version 2" in notice.get_text() and "out of date" in notice.get_text()
    assert notice.select_one("a")["href"] == "/en/privacy/versions/2/"
    kazakh = soup(client.get(notice.select_one("a")["href"]))
    assert kazakh.select_one(".notice--info") is not None
    assert soup(client.get(url.format(lang="kk"))).select_one(".notice--outdated-translation") is None


def test_an_up_to_date_translation_has_no_notice(client, policy_pages):
    for lang in ("kk", "ru", "en"):
        for url in (f"/{lang}/privacy/", f"/{lang}/privacy/versions/", f"/{lang}/privacy/versions/1/"):
            assert soup(client.get(url)).select_one(".notice--outdated-translation") is None, url
