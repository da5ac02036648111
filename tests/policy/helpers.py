"""Test helpers for publishing the policy the way editors and translators do."""

from datetime import timedelta

from django.utils import timezone

from core.localize_import import sync_translation_source, translate_page
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
    """Sync the translation from the live source page and translate the given strings
    ({source text: translation}), as a translator does in wagtail-localize; publish it."""
    page = fresh(source_page)
    sync_translation_source(page)
    return translate_page(page, locale, translations, partial=True).specific


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
