"""A snapshot is frozen only from a complete translation (policy.translation_integrity).

The path of the issue: the Kazakh source changes, wagtail-localize syncs it and publishes the
translations at once ("publish immediately"), filling untranslated segments with Kazakh text. Such a
translation must not be frozen as evidence, and visitors in that language keep reading their last
complete version.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.localize_import import enter_translations
from policy import translation_integrity
from policy.models import PolicySnapshot, PolicyVersion
from policy.translation_integrity import (
    INCOMPLETE,
    NOT_STARTED,
    UP_TO_DATE,
    examine,
    language_problems,
    translation_problems,
    translation_status,
)
from policy.versioning import SNAPSHOT_REFUSED, record_translation_publication
from tests.policy.helpers import fresh, publish

NEW_PURPOSE = "Бос лауазымдарға орналасу және сұхбат өткізу"
NEW_INTRO_SENTENCE = " Саясат сайтта жарияланған күннен бастап күшіне енеді."
RU_PURPOSE = "Трудоустройство на вакантные должности и проведение собеседований"
RU_INTRO_SENTENCE = "Политика вступает в силу со дня ее опубликования на сайте."
EN_PURPOSE = "Employment in vacant positions and conducting interviews"
EN_INTRO_SENTENCE = "The Policy takes effect on the day it is published on the site."
KAZAKH_SENTENCE = (
    "Сайтқа келуші кез келген уақытта жазбаша өтініш жолдау арқылы келісімін қайтарып алуға құқылы."
)


@pytest.fixture(autouse=True)
def reasons_in_english():
    """The reasons are translated messages; outside a request these tests read them in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def version_two(policy_pages, on_commit):
    """Version 2 in Kazakh (a reworded purpose and a sentence added to the introduction), synced into
    wagtail-localize as "Sync translated pages" does. Returns the strings {kk: {ru, en}} to translate."""
    kk = fresh(policy_pages["kk"])
    old_intro = kk.intro
    row = kk.purposes.first()
    row.purpose = NEW_PURPOSE
    row.save()
    with on_commit():
        kk = publish(kk, summary="Кесте мен кіріспе жаңартылды", intro=old_intro + NEW_INTRO_SENTENCE)
    source = TranslationSource.objects.get(object_id=kk.translation_key, locale=kk.locale)
    source.update_from_db()
    return {
        kk.intro: {
            "ru": f"{policy_pages['ru'].intro} {RU_INTRO_SENTENCE}",
            "en": f"{policy_pages['en'].intro} {EN_INTRO_SENTENCE}",
        },
        NEW_PURPOSE: {"ru": RU_PURPOSE, "en": EN_PURPOSE},
        kk.version_summary: {
            "ru": "Обновлены таблица и введение",
            "en": "The table and introduction updated",
        },
    }


def translate(policy_pages, locale, strings, language, only=None):
    """Enter the `language` translations of `strings` (those in `only`, if given), unpublished."""
    wanted = {kk: texts[language] for kk, texts in strings.items() if only is None or kk in only}
    return enter_translations(policy_pages["kk"], locale, wanted, partial=True)


def publish_translation(translation, on_commit):
    """wagtail-localize's "publish immediately" after a sync (it fills missing segments from the source)."""
    with on_commit():
        translation.save_target(publish=True)


def ru_snapshots_of(number):
    return PolicySnapshot.objects.filter(language="ru", version__number=number)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


# The publish-immediately path ----------------------------------------------------------------------


def test_a_translation_published_with_an_untranslated_segment_is_not_frozen(
    client, policy_pages, locales, version_two, on_commit
):
    strings = version_two
    intro = next(kk for kk in strings if kk.endswith(NEW_INTRO_SENTENCE))
    translation = translate(policy_pages, locales["ru"], strings, "ru", only=[intro, *list(strings)[2:]])
    publish_translation(translation, on_commit)  # NEW_PURPOSE stays in Kazakh

    assert not ru_snapshots_of(2).exists()
    page = soup(client.get("/ru/privacy/"))
    assert page.select_one(".version-meta dd").get_text(strip=True).startswith("1")
    assert "Политика обработки персональных данных" in page.select_one("h1").get_text()
    notice = page.select_one(".notice--newer-version")
    assert notice is not None
    assert notice.a["href"] == "/ru/privacy/versions/2/"
    assert NEW_PURPOSE not in page.get_text()  # the Kazakh purpose is not on the Russian page
    # The version page of version 2 still offers the Kazakh text, as before.
    version_page = soup(client.get("/ru/privacy/versions/2/"))
    assert version_page.select_one(".notice--info") is not None
    assert NEW_PURPOSE in version_page.get_text()

    # The translator completes the segment and publishes again: now version 2 is frozen in Russian.
    translation = translate(policy_pages, locales["ru"], strings, "ru", only=[NEW_PURPOSE])
    publish_translation(translation, on_commit)
    snapshot = ru_snapshots_of(2).get()
    assert RU_PURPOSE in snapshot.text and RU_INTRO_SENTENCE in snapshot.text
    assert NEW_PURPOSE not in snapshot.text
    page = soup(client.get("/ru/privacy/"))
    assert page.select_one(".notice--newer-version") is None
    assert RU_PURPOSE in page.get_text()


def test_a_refused_snapshot_is_logged_and_told_to_the_user(
    policy_pages, locales, version_two, monkeypatch, admin_user
):
    strings = version_two
    translation = translate(policy_pages, locales["ru"], strings, "ru", only=list(strings)[1:])
    translation.save_target(publish=False)  # a draft with the Kazakh introduction in it
    ru = fresh(policy_pages["ru"])
    revision = ru.get_latest_revision()
    request = RequestFactory().get("/admin/")
    request.session, request.user = {}, admin_user
    request._messages = FallbackStorage(request)
    monkeypatch.setattr(translation_integrity, "current_request", lambda: request)

    assert record_translation_publication(revision.as_object(), revision=revision) is None

    assert not ru_snapshots_of(2).exists()
    entry = PageLogEntry.objects.get(page=ru, action=SNAPSHOT_REFUSED)
    assert entry.data["version"] == 2 and entry.data["language"] == "ru"
    assert any("1 segment" in problem for problem in entry.data["problems"])
    assert "2" in entry.message and entry.data["problems"][0] in entry.message
    (message,) = [str(message) for message in get_messages(request)]
    assert entry.data["problems"][0] in message


def test_outside_a_request_a_refusal_is_only_logged(policy_pages, locales, version_two):
    translation = translate(policy_pages, locales["ru"], version_two, "ru", only=list(version_two)[1:])
    translation.save_target(publish=False)
    revision = fresh(policy_pages["ru"]).get_latest_revision()
    assert record_translation_publication(revision.as_object(), revision=revision) is None
    assert PageLogEntry.objects.filter(page=policy_pages["ru"], action=SNAPSHOT_REFUSED).count() == 1


def test_segments_are_counted_as_wagtail_localize_counts_them(policy_pages, locales, version_two):
    translate(policy_pages, locales["ru"], version_two, "ru", only=[NEW_PURPOSE])
    found = examine(fresh(policy_pages["ru"]))
    translation = Translation.objects.get(
        target_locale=locales["ru"], source__object_id=found.version.policy_key
    )
    assert (found.total_segments, found.translated_segments) == translation.get_progress()
    assert found.total_segments - found.translated_segments == 2  # the introduction and the summary
    assert found.version.number == 2


def test_a_segment_translated_with_an_error_is_not_complete(policy_pages, locales, version_two):
    translate(policy_pages, locales["ru"], version_two, "ru")
    assert not any("segment" in problem for problem in translation_problems(fresh(policy_pages["ru"])))
    StringTranslation.objects.filter(locale=locales["ru"], data=RU_PURPOSE).update(
        has_error=True, field_error="Too long"
    )
    problems = translation_problems(fresh(policy_pages["ru"]))
    assert any("error" in problem and NEW_PURPOSE[:20] in problem for problem in problems)


def test_a_translation_synced_from_an_unpublished_source_text_is_not_complete(policy_pages, locales):
    """The source content synced is not the text of any version (edited in the database, unpublished)."""
    kk = fresh(policy_pages["kk"])
    kk.intro += NEW_INTRO_SENTENCE
    kk.save()
    TranslationSource.objects.get(object_id=kk.translation_key, locale=kk.locale).update_from_db()
    enter_translations(
        kk, locales["en"], {kk.intro: policy_pages["en"].intro + " " + EN_INTRO_SENTENCE}, True
    )
    problems = translation_problems(fresh(policy_pages["en"]))
    assert any("synced from a source text that is not version 1" in problem for problem in problems)


def test_a_page_not_translated_through_wagtail_localize_is_not_complete(policy_pages, locales):
    Translation.objects.filter(target_locale=locales["en"]).update(enabled=False)
    problems = translation_problems(fresh(policy_pages["en"]))
    assert any("wagtail-localize" in problem for problem in problems)


def test_content_checks_run_on_the_translation(policy_pages):
    en = fresh(policy_pages["en"])
    en.changes_text += " The Policy was last updated on «___» ________ 2023."
    problems = translation_problems(en)
    assert any("«___»" in problem for problem in problems)


def test_the_source_language_has_no_translation_problems(policy_pages):
    kk = fresh(policy_pages["kk"])
    kk.intro += " Unfinished English sentence planted into the Kazakh source text."
    assert translation_problems(kk) == []


# The demo --------------------------------------------------------------------------------------------


def test_the_demo_translations_are_complete_and_frozen(policy_pages):
    for language in ("ru", "en"):
        assert translation_problems(fresh(policy_pages[language])) == [], language
    assert sorted(PolicySnapshot.objects.filter(version__number=1).values_list("language", flat=True)) == [
        "en",
        "kk",
        "ru",
    ]


def test_the_demo_texts_pass_the_language_check(policy_pages):
    for snapshot in PolicySnapshot.objects.all():
        assert language_problems(snapshot.document, snapshot.language, snapshot.summary) == [], snapshot


# The language check --------------------------------------------------------------------------------


@pytest.fixture
def documents(db):
    return {snapshot.language: snapshot.document for snapshot in PolicySnapshot.objects.filter(sequence=1)}


def controllers(documents):
    return [
        translation_integrity.controller_from_data(document["controller"]) for document in documents.values()
    ]


def test_a_kazakh_sentence_in_an_english_paragraph_is_found(documents):
    en = dict(documents["en"], intro=f"{documents['en']['intro']} {KAZAKH_SENTENCE}")
    (problem,) = language_problems(en, "en")
    assert KAZAKH_SENTENCE[:20] in problem


def test_a_kazakh_sentence_inside_an_english_sentence_is_found(documents):
    en = dict(documents["en"], title="Personal Data Processing Policy жазбаша өтініш жолдау арқылы")
    assert len(language_problems(en, "en")) == 1


def test_an_untranslated_kazakh_purpose_in_the_english_text_is_found(policy_pages):
    en = fresh(policy_pages["en"])
    rows = list(en.purposes.all())
    rows[0].purpose = NEW_PURPOSE
    en.purposes.set(rows)
    problems = translation_problems(en)
    assert any(NEW_PURPOSE[:20] in problem for problem in problems)


def test_a_kazakh_paragraph_in_the_russian_text_is_found(documents):
    """Kazakh and Russian share the Cyrillic script: lingua tells them apart sentence by sentence."""
    ru = dict(documents["ru"], intro=f"{documents['ru']['intro']} {KAZAKH_SENTENCE}")
    (problem,) = language_problems(ru, "ru")
    assert KAZAKH_SENTENCE[:20] in problem


def test_a_russian_sentence_in_the_kazakh_text_is_found(documents):
    kk = dict(documents["kk"], intro=f"{documents['kk']['intro']} {RU_INTRO_SENTENCE}")
    assert len(language_problems(kk, "kk")) == 1


def test_names_addresses_urls_and_emails_do_not_count(documents):
    en = documents["en"]
    kk_address = documents["kk"]["controller"]["postal_address"]
    planted = dict(
        en,
        intro=(
            f"{en['intro']} «ЭДНА ҚАЗАҚСТАН» ЖШС, {kk_address}, info@edna.kz, "
            "https://www.edna.kz/kk/privacy/versions/1/ (Яндекс Метрика, Google Analytics) and "
            "“Дербес деректер және оларды қорғау туралы”."
        ),
    )
    assert language_problems(planted, "en", controllers=controllers(documents)) == []
    ru = documents["ru"]
    planted = dict(ru, intro=f"{ru['intro']} Сервисы Yandex Metrica Google Analytics Microsoft Clarity.")
    assert language_problems(planted, "ru") == []


def test_transfer_countries_and_short_texts_are_not_judged(documents):
    ru = documents["ru"]
    sections = [dict(section) for section in ru["sections"]]
    for section in sections:
        section["clauses"] = [
            dict(clause, items=["Қазақстан", "Германия"])
            if clause.get("role") == "transfer-countries"
            else clause
            for clause in section["clauses"]
        ]
    assert language_problems(dict(ru, sections=sections, title="Жаңа мақсат"), "ru") == []


def test_a_planted_english_translation_is_not_frozen(policy_pages, locales, on_commit):
    """A translator "translates" the English introduction with Kazakh text: nothing new is frozen."""
    kk = fresh(policy_pages["kk"])
    before = PolicySnapshot.objects.filter(language="en").count()
    translation = enter_translations(
        kk, locales["en"], {kk.intro: f"{policy_pages['en'].intro} {KAZAKH_SENTENCE}"}, True
    )
    publish_translation(translation, on_commit)
    assert PolicySnapshot.objects.filter(language="en").count() == before


# The dashboard -------------------------------------------------------------------------------------


def panel_statuses(client, admin_user):
    client.force_login(admin_user)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(".policy-versions-panel")
    return {row["data-language"]: row.find_all("td")[2] for row in panel.select("tr[data-language]")}


def in_admin_language(function, *args):
    from django.utils import translation

    with translation.override("ru"):  # the admin's default language
        return function(*args)


def test_dashboard_says_up_to_date_for_the_demo(client, admin_user, policy_pages):
    from django.utils.translation import gettext

    up_to_date = in_admin_language(gettext, "Up to date")
    cells = panel_statuses(client, admin_user)
    assert {code: cell.get_text(" ", strip=True) for code, cell in cells.items()} == {
        "kk": up_to_date,
        "ru": up_to_date,
        "en": up_to_date,
    }


def test_dashboard_counts_segments_and_lists_problems(client, admin_user, policy_pages, locales, version_two):
    from django.utils.translation import ngettext

    translate(policy_pages, locales["ru"], version_two, "ru", only=[NEW_PURPOSE]).save_target(publish=False)
    ru = translation_status(policy_pages["kk"], "ru")
    assert ru.state == INCOMPLETE and ru.total_segments - ru.translated_segments == 2
    cells = panel_statuses(client, admin_user)
    expected = in_admin_language(
        ngettext,
        "Incomplete (%(translated)s of %(counter)s segment translated)",
        "Incomplete (%(translated)s of %(counter)s segments translated)",
        ru.total_segments,
    ) % {"translated": ru.translated_segments, "counter": ru.total_segments}
    assert cells["ru"].get_text(" ", strip=True).startswith(expected)
    problems = [item.get_text(strip=True) for item in cells["ru"].select(".translation-problems li")]
    assert problems and any("2" in problem for problem in problems)  # "2 segments …" in the admin's language
    assert cells["kk"].select(".translation-problems li") == []


def test_a_complete_but_unpublished_translation_is_not_up_to_date(policy_pages, locales, version_two):
    translate(policy_pages, locales["ru"], version_two, "ru").save_target(publish=False)
    status = translation_status(policy_pages["kk"], "ru")
    assert status.state == INCOMPLETE and status.translated_segments == status.total_segments
    assert any("not published" in problem for problem in status.problems)


def test_a_translation_not_synced_with_the_newest_version_is_not_up_to_date(policy_pages, on_commit):
    kk = fresh(policy_pages["kk"])
    with on_commit():
        publish(kk, summary="Кіріспе жаңартылды", intro=kk.intro + NEW_INTRO_SENTENCE)
    status = translation_status(policy_pages["kk"], "en")
    assert status.state == INCOMPLETE
    assert any("not been synced with version 2" in problem for problem in status.problems)


def test_dashboard_says_not_started(client, admin_user, policy_pages, locales):
    from django.utils.translation import gettext

    StringTranslation.objects.filter(locale=locales["en"]).delete()
    assert translation_status(policy_pages["kk"], "en").state == NOT_STARTED
    assert translation_status(policy_pages["kk"], "ru").state == UP_TO_DATE
    cells = panel_statuses(client, admin_user)
    assert cells["en"].get_text(" ", strip=True) == in_admin_language(gettext, "Not started")


# Visitors --------------------------------------------------------------------------------------------


def test_the_current_page_of_a_lagging_language_costs_the_same_whatever_the_versions(client, policy_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.policy.helpers import make_versions

    def count():
        client.get("/ru/privacy/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/ru/privacy/")
        assert soup(response).select_one(".notice--newer-version") is not None
        return len(queries)

    make_versions(policy_pages["kk"], 3)
    few = count()
    make_versions(policy_pages["kk"], 20, start=5)
    assert PolicyVersion.objects.count() == 24
    assert count() == few
