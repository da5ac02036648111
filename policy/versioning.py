"""Turning publications of the policy page into numbered versions and frozen snapshots.

- Publishing the source-language (Kazakh) page whose canonical text differs from the latest version's
  creates version N+1 with the editor's summary, material flag and effective-from, and its snapshot.
  Publishing with nothing changed creates nothing.
- Publishing a translation attaches that language's snapshot to the version it translates (the version
  whose source text the translation was synced from); publishing a corrected translation adds a new
  edition of that language's snapshot of the same version.

Versions are numbered under a row lock on the source page, so concurrent publishes never share a number.
"""

import dataclasses

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from policy.document import build_policy_document
from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


def is_source(page):
    return page.locale.language_code == SOURCE_LANGUAGE


def latest_snapshot_for_language(policy_key, language, version=None):
    """The newest snapshot in `language` (of `version` when given, else of the newest version)."""
    snapshots = PolicySnapshot.objects.filter(version__policy_key=policy_key, language=language)
    if version is not None:
        snapshots = snapshots.filter(version=version)
    return snapshots.select_related("version").order_by("-version__number", "-sequence").first()


def render_document_html(document):
    with translation.override(document.language):
        return render_to_string("policy/includes/document.html", {"document": document})


def freeze(page, version, revision, sequence=1):
    """Create the snapshot of `page` as `version` (the page holds the content being published)."""
    document = build_policy_document(page)
    text = document.as_text()
    return PolicySnapshot.objects.create(
        version=version,
        language=page.locale.language_code,
        sequence=sequence,
        page=page,
        revision=revision,
        title=page.title,
        summary=page.version_summary or version.summary,
        text=text,
        html=render_document_html(document),
        document=dataclasses.asdict(document),
        sha256=PolicySnapshot.hash_text(text),
    )


def record_source_publication(page, revision=None, user=None, now=None):
    """Create version N+1 when the published source page's text differs from version N's.

    Returns the new version, or None when nothing changed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # One publisher at a time per policy: the lock serialises numbering and the "changed?" test.
        PrivacyPolicyPage.objects.select_for_update().filter(pk=page.pk).values_list("pk").get()
        latest = latest_snapshot_for_language(page.translation_key, SOURCE_LANGUAGE)
        text = build_policy_document(page).as_text()
        if latest is not None and latest.text == text:
            return None
        effective_from = max(page.version_effective_from or now, now)
        version = PolicyVersion.objects.create(
            policy_key=page.translation_key,
            number=(latest.version.number + 1) if latest else 1,
            effective_from=effective_from,
            is_material=page.version_is_material,
            summary=page.version_summary.strip(),
            source_language=SOURCE_LANGUAGE,
            created_at=now,
            created_by=user.get_username() if user else "",
        )
        freeze(page, version, revision)
    transaction.on_commit(lambda: _announce(version, page))
    return version


def translated_version(page):
    """The version a translation translates: the one whose source text it was synced from.

    wagtail-localize keeps the source content a translation was made from (TranslationSource); its text
    is matched against the source-language snapshots. Without a match (synced from a draft that was never
    published as a version), the newest version is taken.
    """
    from wagtail_localize.models import TranslationSource

    versions = PolicyVersion.objects.for_policy(page.translation_key)
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale=page.locale)
        .order_by("-last_updated_at")
        .first()
    )
    if source is not None:
        synced_page = source.as_instance()
        source_text = build_policy_document(synced_page).as_text()
        match = (
            PolicySnapshot.objects.filter(
                version__policy_key=page.translation_key, language=SOURCE_LANGUAGE, text=source_text
            )
            .order_by("-version__number")
            .select_related("version")
            .first()
        )
        if match:
            return match.version
    return versions.order_by("-number").first()


def record_translation_publication(page, revision=None):
    """Freeze a published translation as a snapshot of the version it translates.

    Returns the new snapshot, or None when this language's text of that version is unchanged.
    """
    version = translated_version(page)
    if version is None:
        return None
    with transaction.atomic():
        PrivacyPolicyPage.objects.select_for_update().filter(pk=page.pk).values_list("pk").get()
        latest = latest_snapshot_for_language(
            page.translation_key, page.locale.language_code, version=version
        )
        text = build_policy_document(page).as_text()
        if latest is not None and latest.text == text:
            return None
        snapshot = freeze(page, version, revision, sequence=(latest.sequence + 1) if latest else 1)
    if latest is None:
        transaction.on_commit(lambda: _announce_translation(snapshot, page))
    return snapshot


def _announce(version, page):
    from policy.notices import publish_notice

    publish_notice(version, page)


def _announce_translation(snapshot, page):
    from policy.notices import publish_notice_translation

    publish_notice_translation(snapshot, page)
