"""Turning publications of the policy page into numbered versions and frozen snapshots.

- Publishing the source-language (Kazakh) page whose canonical text differs from the latest version's
  creates version N+1 with the editor's summary, material flag and effective-from, and its snapshot.
  Publishing with nothing changed creates nothing.
- Publishing a translation attaches that language's snapshot to the version it translates (the newest
  version published when the translation was last synced from the source); publishing a corrected
  translation adds a new edition of that language's snapshot of the same version.
- Only a complete translation is frozen (`policy.translation_integrity`): every segment translated,
  synced to that version, content checks passed, every text in its language. `policy.publishing`
  normally refuses to publish an incomplete one; if one is published all the same, nothing is frozen:
  the refusal and its reasons go to the page's audit log ("policy.snapshot_refused") and to the user,
  and visitors in that language keep reading its last complete version.

Versions are numbered under a row lock on the source page, so concurrent publishes never share a number.
"""

import dataclasses

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.log_actions import log

from policy.document import build_policy_document
from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage
from policy.tasks import announce_translation, announce_version

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
SNAPSHOT_REFUSED = "policy.snapshot_refused"
_UNKNOWN = object()


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


def freeze(page, document, version, revision, sequence=1):
    """Create the snapshot of `page` (holding the content being published, built into `document`)."""
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
        document = build_policy_document(page)
        if latest is not None and latest.text == document.as_text():
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
        freeze(page, document, version, revision)
    transaction.on_commit(lambda: announce_version.enqueue(version.pk, page.pk))
    return version


def translated_version(page, synced_at=_UNKNOWN):
    """The version a translation translates: the newest one published before its last sync.

    wagtail-localize records when the translation's source content was last synced from the source page
    (TranslationSource.last_updated_at); the source text at that moment is the newest version published
    by then. Before any sync (no source record), the newest version is taken. `synced_at`: that moment,
    when the caller has read it already (None: never synced).
    """
    from wagtail_localize.models import TranslationSource

    versions = PolicyVersion.objects.for_policy(page.translation_key).order_by("-number")
    if synced_at is _UNKNOWN:
        synced_at = (
            TranslationSource.objects.filter(object_id=page.translation_key)
            .exclude(locale=page.locale)
            .order_by("-last_updated_at")
            .values_list("last_updated_at", flat=True)
            .first()
        )
    if synced_at is not None:
        versions = versions.filter(created_at__lte=synced_at)
    return versions.first()


def record_translation_publication(page, revision=None):
    """Freeze a published translation as a snapshot of the version it translates.

    Returns the new snapshot, or None when this language's text of that version is unchanged, or when
    the translation is not complete (`policy.translation_integrity`): then nothing is frozen, the
    reasons are written to the page's audit log and told to the user of the current request.
    """
    from policy.translation_integrity import examine, locate, report_refusal

    located = locate(page)
    version = located.version
    if version is None:
        return None
    with transaction.atomic():
        PrivacyPolicyPage.objects.select_for_update().filter(pk=page.pk).values_list("pk").get()
        latest = latest_snapshot_for_language(
            page.translation_key, page.locale.language_code, version=version
        )
        document = build_policy_document(page)
        if latest is not None and latest.text == document.as_text():
            return None
        # The text differs from `latest`, this language's newest text of the version: the "what changed"
        # check compares with it (for a translation, it asks that the summary is not empty).
        found = examine(page, document=document, located=located, current=latest)
        if found.problems:
            refuse(page, version, revision, found.problems)
            report_refusal(page, found.problems)
            return None
        snapshot = freeze(page, document, version, revision, sequence=(latest.sequence + 1) if latest else 1)
    if latest is None:
        transaction.on_commit(lambda: announce_translation.enqueue(snapshot.pk))
    return snapshot


def refuse(page, version, revision, problems):
    """Record in the page's audit log that `revision` was published but not frozen, and why."""
    from policy.translation_integrity import current_user

    log(
        instance=page,
        action=SNAPSHOT_REFUSED,
        user=getattr(revision, "user", None) or current_user(),
        revision=revision,
        data={
            "version": version.number,
            "language": page.locale.language_code,
            "problems": [str(problem) for problem in problems],
        },
    )
