"""Signal receivers of the policy app, connected once from PolicyConfig.ready().

Publishing the policy makes versions and snapshots; a version or snapshot written forgets the timeline
and the snapshot cache; any page published, unpublished, moved or deleted forgets the policy page of
each language; a notice published or unpublished purges its index and feed from the CDN.
"""

from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from policy import timeline
from policy.cache_purge import purge_notices_index
from policy.cookie_declarations import cookie_declarations
from policy.lookup import forget_policy_pages
from policy.models import (
    CookieCategory,
    CookieDeclaration,
    PolicySnapshot,
    PolicyUpdatePage,
    PolicyVersion,
    PrivacyPolicyPage,
)
from policy.snapshot_cache import snapshots


def record_policy_publication(sender, instance, revision=None, **kwargs):
    from policy.versioning import is_source, record_source_publication, record_translation_publication

    user = getattr(revision, "user", None)
    if is_source(instance):
        record_source_publication(instance, revision=revision, user=user)
    else:
        record_translation_publication(instance, revision=revision)


def forget_versions(sender, instance, **kwargs):
    timeline.forget_timeline()
    snapshots.forget()


def control_new_policy_page(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        from policy.roles import put_policy_under_legal_control

        transaction.on_commit(lambda: put_policy_under_legal_control(instance))


def register_signal_handlers():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_policy_pages, dispatch_uid=f"policy-pages-{signal!r}")
    post_delete.connect(forget_policy_pages, dispatch_uid="policy-pages-on-delete")

    for signal in (page_published, page_unpublished):
        signal.connect(purge_notices_index, sender=PolicyUpdatePage, dispatch_uid=f"purge-notices-{signal!r}")

    request_started.connect(timeline.begin_request, dispatch_uid="policy-timeline-begin")
    request_finished.connect(timeline.end_request, dispatch_uid="policy-timeline-end")

    page_published.connect(
        record_policy_publication, sender=PrivacyPolicyPage, dispatch_uid="policy-versions"
    )
    post_save.connect(forget_versions, sender=PolicyVersion, dispatch_uid="policy-forget-versions")
    post_save.connect(forget_versions, sender=PolicySnapshot, dispatch_uid="policy-forget-snapshots")
    for model in (CookieCategory, CookieDeclaration):
        for signal in (post_save, post_delete):
            uid = f"policy-cookies-{model.__name__}-{signal!r}"
            signal.connect(cookie_declarations.forget, sender=model, dispatch_uid=uid)
    post_save.connect(control_new_policy_page, sender=PrivacyPolicyPage, dispatch_uid="policy-legal-control")
