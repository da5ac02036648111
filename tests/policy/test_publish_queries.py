"""SQL cost of publishing a version in three languages (issue #3: under 1 s on PostgreSQL).

A round as `bench/publish_version.py` runs it: the Kazakh source is published with a change (version
N+1), then the Russian and English translations are synced, translated and published through
wagtail-localize. Notices are queued for the task worker, as in production, so they are not counted.
Row by row, the round cost ~840 queries (kk ~156, each translation ~340), half of them foreign-key
checks of the ~34 rows each time a revision was turned back into a page, and an UPDATE of every row
each time the page was saved.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.localize_import import enter_translations, sync_translation_source
from policy.models import PolicySnapshot, PolicyVersion
from tests.policy.helpers import fresh

# Measured: 62 and 152 (SQLite and PostgreSQL alike); a little room for Wagtail's own changes.
SOURCE_PUBLISH_MAX = 70
TRANSLATION_PUBLISH_MAX = 165


@pytest.fixture
def queued_tasks(settings):
    """Notices are the worker's work, not the publisher's: queue them as the production set-up does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def publish_round(policy_pages, locales, queued_tasks, django_capture_on_commit_callbacks):
    """Run a round and return {language: number of queries of its publish action}."""

    def run():
        counts = {}
        page = fresh(policy_pages["kk"])
        page.intro = f"{page.intro} [2]"
        page.version_summary = "Екінші нұсқа"
        revision = page.save_revision()
        # The on-commit work (wagtail-localize publishes translations on commit) is counted too.
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            revision.publish()
        counts["kk"] = len(queries)

        page = fresh(page)
        sync_translation_source(page)
        for language in ("ru", "en"):
            translation = enter_translations(
                page,
                locales[language],
                {page.intro: f"{language} intro [2]", page.version_summary: f"{language} version 2"},
                partial=True,
            )
            with (
                CaptureQueriesContext(connection) as queries,
                django_capture_on_commit_callbacks(execute=True),
            ):
                translation.save_target(publish=True)
            counts[language] = len(queries)
        return counts

    return run


def test_publishing_a_version_in_three_languages_stays_within_its_query_budget(publish_round, policy_pages):
    counts = publish_round()
    assert counts["kk"] <= SOURCE_PUBLISH_MAX
    assert counts["ru"] <= TRANSLATION_PUBLISH_MAX
    assert counts["en"] <= TRANSLATION_PUBLISH_MAX
    version = PolicyVersion.objects.for_policy(policy_pages["kk"].translation_key).get(number=2)
    snapshots = PolicySnapshot.objects.filter(version=version)
    assert sorted(snapshots.values_list("language", flat=True)) == ["en", "kk", "ru"]
    assert "ru intro [2]" in snapshots.get(language="ru").text
    assert "en intro [2]" in snapshots.get(language="en").text
