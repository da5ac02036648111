"""The version page read from the cached timeline, snapshots and editions list, and the clause links
made once per text and language: a new edition shows at once, and the output is what the uncached
code makes."""

import pytest
from django.utils import translation

from policy import reading_aids
from policy.models import PolicySnapshot
from tests.policy.helpers import publish


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_correction_read_after_the_page_was_cached_shows_at_once(client, policy_pages, on_commit):
    en = policy_pages["en"]
    before = client.get("/en/privacy/versions/1/").content.decode()
    assert "Corrected introduction." not in before
    assert "?edition=1" not in before  # one edition: no list of editions
    with on_commit():
        publish(en, summary=en.version_summary, intro="Corrected introduction.")
    after = client.get("/en/privacy/versions/1/").content.decode()
    assert "Corrected introduction." in after
    assert "?edition=1" in after and "?edition=2" in after
    second = PolicySnapshot.objects.get(language="en", sequence=2)
    assert second.sha256 in after


def test_the_newest_edition_reads_the_same_with_or_without_its_number(client, policy_pages, on_commit):
    en = policy_pages["en"]
    with on_commit():
        publish(en, summary=en.version_summary, intro="Corrected introduction.")
    assert (
        client.get("/en/privacy/versions/1/").content
        == client.get("/en/privacy/versions/1/?edition=2").content
    )


def test_the_page_shows_its_languages_snapshot_and_unknown_versions_are_404(client, policy_pages):
    kk = PolicySnapshot.objects.get(language="kk")
    response = client.get("/kk/privacy/versions/1/")
    assert response.status_code == 200
    assert kk.sha256 in response.content.decode()
    assert client.get("/kk/privacy/versions/99/").status_code == 404


HTML = '<div class="policy__clause" id="clause-2.1"><p>Text</p></div><tr id="purpose-3"><td>Purpose</td></tr>'


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_clause_links_are_those_of_the_active_language(language):
    with translation.override(language):
        linked = reading_aids.with_anchor_links(HTML)
        assert linked == reading_aids._with_anchor_links.__wrapped__(HTML, language)
        assert reading_aids.with_anchor_links(HTML) is linked  # made once


def test_clause_links_in_english():
    with translation.override("en"):
        linked = reading_aids.with_anchor_links(HTML)
    assert 'href="#clause-2.1" aria-label="Link to clause 2.1"' in linked
    assert 'href="#purpose-3" aria-label="Link to purpose 3"' in linked
