"""Test helpers for publishing the policy the way editors and translators do."""

from datetime import timedelta

from django.utils import timezone
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage


def fresh(page):
    return PrivacyPolicyPage.objects.get(pk=page.pk)


def publish(page, *, summary="Өзгеріс", material=False, effective_from=None, user=None, **fields):
    """Edit `page` like the editor does (fields and the Version tab) and publish the revision."""
    page = fresh(page)
    for name, value in fields.items():
        setattr(page, name, value)
    page.version_summary = summary
    page.version_is_material = material
    page.version_effective_from = effective_from
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return fresh(page)


def change_first_purpose(page, text):
    """Reword purpose row 1 of `page` in place (as an InlinePanel edit would) and return the page."""
    page = fresh(page)
    row = page.purposes.first()
    row.purpose = text
    row.save()
    return page


def sync_and_translate(source_page, locale, translations):
    """Sync the translation source from the live source page (wagtail-localize's "Sync translated
    pages") and translate the given strings ({source text: translation}); publish the translation."""
    source, _ = TranslationSource.update_or_create_from_instance(fresh(source_page))
    translation = Translation.objects.get(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = translations.get(segment.string.as_value().render_text())
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": StringValue.from_plaintext(text).data},
            )
    translation.save_target(publish=True)
    return PrivacyPolicyPage.objects.get(translation_key=source_page.translation_key, locale=locale)


def make_versions(policy_page, count, language="kk", start=2):
    """`count` more versions with a snapshot in `language`, each retitled, all effective in the past."""
    template = PolicySnapshot.objects.filter(
        version__policy_key=policy_page.translation_key, language=language
    ).first()
    base = timezone.now() - timedelta(days=count + 1)
    for number in range(start, start + count):
        version = PolicyVersion.objects.create(
            policy_key=policy_page.translation_key,
            number=number,
            effective_from=base + timedelta(days=number - start),
            is_material=number % 2 == 0,
            summary=f"Change {number}",
            source_language="kk",
        )
        document = dict(template.document, title=f"{template.title} {number}")
        text = template.text.replace(template.title, document["title"], 1)
        PolicySnapshot.objects.create(
            version=version,
            language=language,
            page=template.page,
            title=document["title"],
            summary=f"Change {number}",
            text=text,
            html=template.html,
            document=document,
            sha256=PolicySnapshot.hash_text(text),
        )
