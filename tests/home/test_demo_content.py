from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import StringSegment, Translation

from home.models import CompanyDetails, HomePage
from policy.models import PrivacyPolicyPage, ProcessingPurpose


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "purposes": ProcessingPurpose.objects.count(),
        "translations": Translation.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
    }


def test_load_demo_twice_changes_nothing_and_duplicates_nothing(db):
    before = _counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == before
    assert HomePage.objects.count() == 3
    assert PrivacyPolicyPage.objects.count() == 3
    assert ProcessingPurpose.objects.count() == 30


def test_demo_keeps_url_map_slugs_in_every_language(policy_pages):
    assert {code: page.url for code, page in policy_pages.items()} == {
        "kk": "/kk/privacy/",
        "ru": "/ru/privacy/",
        "en": "/en/privacy/",
    }


def test_ru_and_en_are_wagtail_localize_translations_with_every_segment_translated(policy_pages):
    source_page = policy_pages["kk"]
    for code in ("ru", "en"):
        translation = Translation.objects.get(
            source__object_id=source_page.translation_key, target_locale__language_code=code
        )
        total, translated = translation.get_progress()
        assert total > 50
        assert translated == total
    assert StringSegment.objects.filter(source__object_id=source_page.translation_key).exists()


def test_translations_share_translation_key_and_rows_are_translated(policy_pages):
    keys = {page.translation_key for page in policy_pages.values()}
    assert len(keys) == 1
    kk, ru, en = (policy_pages[code] for code in ("kk", "ru", "en"))
    assert kk.title == "Дербес мәліметтерді өңдеу саясаты"
    assert ru.title != kk.title and en.title not in (kk.title, ru.title)
    kk_rows = list(kk.purposes.values_list("translation_key", flat=True))
    ru_rows = list(ru.purposes.values_list("translation_key", flat=True))
    assert kk_rows == ru_rows
    assert ru.purposes.first().purpose != kk.purposes.first().purpose
    assert {row.locale.language_code for row in en.purposes.select_related("locale")} == {"en"}


def test_demo_fixes_the_seeds_look_alike_letter_typos(policy_pages):
    document_text = _document_text(policy_pages["kk"])
    for typo in ("Соокіеѕ", "Ссаясат", "Оосы", "еdna"):
        assert typo not in document_text
    assert "Cookies" in document_text
    assert "«Саясат»" in document_text


def test_company_details_are_filled_in_for_every_language(db):
    details = CompanyDetails.objects.get()
    assert details.for_language("kk").legal_name == "«ЭДНА ҚАЗАҚСТАН» ЖШС"
    assert details.for_language("ru").legal_name == "ТОО «ЭДНА КАЗАХСТАН»"
    assert details.for_language("en").legal_name == "EDNA KAZAKHSTAN LLP"
    assert "Егізбаев" in details.for_language("kk").postal_address
    assert details.for_language("de").legal_name == details.legal_name_kk


def _document_text(page):
    from policy.document import build_policy_document

    return build_policy_document(page).as_text()
