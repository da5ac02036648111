"""SQL cost of publishing a version in three languages (issue #3: under 1 s on PostgreSQL).

A round as `bench/publish_version.py` runs it: the Kazakh source is published with a change (version
N+1), then the Russian and English translations are synced, translated and published through
wagtail-localize. Notices are queued for the task worker, as in production, so they are not counted.
Row by row, the round cost ~840 queries (kk ~156, each translation ~340), half of them foreign-key
checks of the ~34 rows each time a revision was turned back into a page, and an UPDATE of every row
each time the page was saved.

The counts are budgets, not exact figures (Wagtail's own queries change between releases), and a round
costs the same whatever the number of the policy's rows.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.localize_import import enter_translations, sync_translation_source
from policy.models import PolicySnapshot, PolicyVersion, ProcessingPurpose
from tests.policy.helpers import fresh

# Measured on SQLite: 76 (kk) and 173 (each translation) since publishing goes through Legal approval
# on every path (it was 64 and 154 before); a little room for Wagtail's own changes.
SOURCE_PUBLISH_MAX = 78
TRANSLATION_PUBLISH_MAX = 175
EXTRA_ROWS = 15


@pytest.fixture
def queued_tasks(settings):
    """Notices are the worker's work, not the publisher's: queue them as the production set-up does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def publish_round(policy_pages, locales, queued_tasks, django_capture_on_commit_callbacks):
    """Run a round (a changed introduction in every language, marked `tag`) and return {language:
    number of queries of its publish action}."""

    def run(tag="2"):
        counts = {}
        page = fresh(policy_pages["kk"])
        page.intro = f"{page.intro} [{tag}]"
        page.version_summary = f"Нұсқа {tag}"
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
                {page.intro: f"{language} intro [{tag}]", page.version_summary: f"{language} version {tag}"},
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


def add_purpose_rows(policy_page, locales, count, django_capture_on_commit_callbacks):
    """`count` more rows of table No. 1, published in kk and translated and published in ru and en."""
    page = fresh(policy_page)
    template = page.purposes.first()
    texts = {}
    new_rows = []
    for index in range(count):
        values = {
            "subject_category": f"Қосымша санат {index}",
            "purpose": f"Қосымша мақсат {index}",
            "personal_data": f"Қосымша дерек {index}",
            "processing_methods": f"Қосымша тәсіл {index}",
            "retention_term": f"Қосымша мерзім {index}",
            "withdrawal_method": f"Қосымша кері қайтару {index}",
        }
        texts.update({value: value for value in values.values()})
        # After the existing rows, as the InlinePanel orders them (NULLs sort differently by database).
        new_rows.append(ProcessingPurpose(sort_order=100 + index, **values))
    assert template is not None
    page.purposes = [*page.purposes.all(), *new_rows]
    page.version_summary = "Қосымша мақсаттар"
    texts[page.version_summary] = page.version_summary
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    page = fresh(page)
    sync_translation_source(page)
    for language in ("ru", "en"):
        translated = {text: f"{language}: {text}" for text in texts}
        translation = enter_translations(page, locales[language], translated, partial=True)
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)


def test_publishing_costs_the_same_number_of_queries_with_more_policy_rows(
    publish_round, policy_pages, locales, django_capture_on_commit_callbacks
):
    publish_round("2")  # the first publication of the session's pages warms Wagtail's own lookups
    baseline = publish_round("3")
    rows_before = ProcessingPurpose.objects.filter(page=policy_pages["ru"]).count()
    add_purpose_rows(policy_pages["kk"], locales, EXTRA_ROWS, django_capture_on_commit_callbacks)
    for language in ("kk", "ru", "en"):
        assert (
            ProcessingPurpose.objects.filter(page=policy_pages[language]).count() == rows_before + EXTRA_ROWS
        )
    assert publish_round("5") == baseline
    assert baseline["kk"] <= SOURCE_PUBLISH_MAX
    assert max(baseline["ru"], baseline["en"]) <= TRANSLATION_PUBLISH_MAX
