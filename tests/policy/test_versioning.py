"""Numbered versions and frozen snapshots created by publishing the policy."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from policy.models import PolicySnapshot, PolicyUpdatePage, PolicyVersion
from policy.versioning import record_source_publication
from tests.policy.helpers import change_first_purpose, fresh, publish, sync_and_translate


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on-commit work (notices, cache invalidation) as a committed publish would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def versions(page):
    return list(PolicyVersion.objects.for_policy(page.translation_key).order_by("number"))


def test_demo_has_version_one_in_three_languages(policy_pages):
    (version,) = versions(policy_pages["kk"])
    assert version.number == 1
    assert sorted(version.snapshots.values_list("language", flat=True)) == ["en", "kk", "ru"]


def test_publishing_a_changed_source_creates_the_next_version(policy_pages, on_commit):
    kk = change_first_purpose(policy_pages["kk"], "Бос лауазымдарға орналасу және сұхбат")
    with on_commit():
        publish(kk, summary="1-мақсат нақтыланды", material=True)
    v1, v2 = versions(kk)
    assert (v2.number, v2.is_material, v2.summary) == (2, True, "1-мақсат нақтыланды")
    snapshot = v2.snapshots.get()
    assert snapshot.language == "kk"
    assert "Бос лауазымдарға орналасу және сұхбат" in snapshot.text
    assert snapshot.revision_id == fresh(kk).live_revision_id
    assert snapshot.sha256 == hashlib.sha256(snapshot.text.encode()).hexdigest()
    # v1's text is untouched by the later publish.
    assert "және сұхбат" not in v1.snapshots.get(language="kk").text


def test_publishing_with_nothing_changed_creates_no_version(policy_pages, on_commit):
    with on_commit():
        publish(policy_pages["kk"], summary="Ештеңе өзгерген жоқ")
    assert [v.number for v in versions(policy_pages["kk"])] == [1]


def test_editor_fields_only_describe_a_version_and_do_not_make_one(policy_pages, on_commit):
    with on_commit():
        publish(policy_pages["kk"], summary="Басқа сипаттама", material=True)
    assert len(versions(policy_pages["kk"])) == 1


def test_effective_from_defaults_to_now_and_a_past_date_means_now(policy_pages, on_commit):
    before = timezone.now()
    kk = change_first_purpose(policy_pages["kk"], "Жаңа мақсат")
    with on_commit():
        publish(kk, effective_from=before - timedelta(days=10))
    assert versions(kk)[-1].effective_from >= before


def test_a_new_version_announces_itself_with_a_notice(policy_pages, on_commit):
    kk = change_first_purpose(policy_pages["kk"], "Жаңа мақсат")
    with on_commit():
        publish(kk, summary="Хабарлама мәтіні")
    notice = PolicyUpdatePage.objects.get(version__number=2, locale__language_code="kk")
    assert notice.live
    assert notice.body == "Хабарлама мәтіні"
    assert notice.url == "/kk/privacy/updates/version-2/"


def test_publishing_a_translation_attaches_it_to_the_version_it_translates(policy_pages, locales, on_commit):
    kk = change_first_purpose(policy_pages["kk"], "Жаңа мақсат")
    with on_commit():
        publish(kk, summary="Жаңа мақсат қосылды")
    # Before the translator syncs, Russian still translates version 1: a correction is a new edition of v1.
    ru = policy_pages["ru"]
    with on_commit():
        publish(ru, summary=ru.version_summary, intro=ru.intro + " Исправлено.")
    corrected = PolicySnapshot.objects.get(language="ru", sequence=2)
    assert corrected.version.number == 1
    # Synced from the published v2 source, Russian becomes v2's snapshot and v2's notice is translated.
    with on_commit():
        ru = sync_and_translate(
            kk, locales["ru"], {"Жаңа мақсат": "Новая цель", "Жаңа мақсат қосылды": "Добавлена новая цель"}
        )
    ru_v2 = PolicySnapshot.objects.get(language="ru", version__number=2)
    assert "Новая цель" in ru_v2.text
    assert ru_v2.summary == "Добавлена новая цель"
    notice = PolicyUpdatePage.objects.get(version__number=2, locale__language_code="ru")
    assert notice.body == "Добавлена новая цель"
    assert (
        notice.translation_key
        == PolicyUpdatePage.objects.get(version__number=2, locale__language_code="kk").translation_key
    )


def test_a_corrected_translation_keeps_earlier_editions_readable(client, policy_pages, on_commit):
    en = policy_pages["en"]
    with on_commit():
        publish(en, summary=en.version_summary, intro="Corrected introduction.")
    first, second = PolicySnapshot.objects.filter(language="en").order_by("sequence")
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.version_id == second.version_id
    assert "Corrected introduction." in client.get("/en/privacy/versions/1/").content.decode()
    old = client.get("/en/privacy/versions/1/?edition=1").content.decode()
    assert "Corrected introduction." not in old
    assert first.sha256 in old


def test_republishing_an_unchanged_translation_adds_nothing(policy_pages, on_commit):
    en = policy_pages["en"]
    with on_commit():
        publish(en, summary=en.version_summary)
    assert PolicySnapshot.objects.filter(language="en").count() == 1


def test_numbering_holds_a_lock_and_stays_consecutive(policy_pages):
    kk = fresh(policy_pages["kk"])
    kk.intro = kk.intro + " A"
    assert record_source_publication(kk).number == 2
    kk.intro = kk.intro + " B"
    assert record_source_publication(kk).number == 3
    assert record_source_publication(kk) is None
