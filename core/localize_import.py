"""Create translations of pages through wagtail-localize from known translated strings.

Used by the demo content: the translated pages get a TranslationSource, a Translation per language and a
StringTranslation for every segment, exactly as if a translator had filled in wagtail-localize's
editor. When the legal team later edits the Kazakh source, "Sync translated pages" and the translation
editor work on them as on any other translation.
"""

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


def translation_map(content, source_language, target_language):
    """{source text: target text} for every {language: text} leaf found in nested dicts and lists."""
    mapping = {}

    def walk(value):
        if isinstance(value, dict) and source_language in value and isinstance(value[source_language], str):
            mapping[value[source_language]] = value[target_language]
        elif isinstance(value, dict):
            for child in value.values():
                walk(child)
        elif isinstance(value, list | tuple):
            for child in value:
                walk(child)

    walk(content)
    return mapping


class MissingDemoTranslation(LookupError):
    """A segment of the page has no translation in the strings given."""


def sync_translation_source(page):
    """Refresh the translation source from `page` as it is now (wagtail-localize's "Sync translated
    pages"): changed source strings become segments to translate, for every target language."""
    TranslationSource.update_or_create_from_instance(page)


def enter_translations(page, locale, strings, partial=False):
    """Fill in `page`'s translation into `locale` from `strings` ({source text: text}), unpublished.

    Every segment must have a translation in `strings`: a missing one raises rather than silently
    falling back to the source language. With `partial`, only the segments found in `strings` are
    (re)translated and the others keep their translations (a translator's edit after a sync).
    Returns the wagtail-localize Translation, ready for `save_target()`.
    """
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    by_html = {StringValue.from_plaintext(key).data: value for key, value in strings.items()}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = by_html.get(segment.string.data)
        if text is None and partial:
            continue
        if text is None:
            raise MissingDemoTranslation(f"No {locale.language_code} text for {segment.string.data!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(text).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    return translation


def translate_page(page, locale, strings, publish=True, user=None, partial=False):
    """Translate `page` into `locale` (see `enter_translations`) and save, by default publishing, the
    translated page, as "Publish in <language>" does in wagtail-localize's editor. Returns that page."""
    enter_translations(page, locale, strings, partial=partial).save_target(user=user, publish=publish)
    return page.get_translation(locale)
