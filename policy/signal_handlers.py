"""Wagtail signals that turn publishing the policy into versions and snapshots."""

from wagtail.signals import page_published

from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage


def record_policy_publication(sender, instance, revision=None, **kwargs):
    from policy.versioning import is_source, record_source_publication, record_translation_publication

    user = getattr(revision, "user", None)
    if is_source(instance):
        record_source_publication(instance, revision=revision, user=user)
    else:
        record_translation_publication(instance, revision=revision)


def forget_cached_timeline(sender, instance, created=False, **kwargs):
    from policy.timeline import forget_timeline

    forget_timeline()


def control_new_policy_page(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        from django.db import transaction

        from policy.roles import put_policy_under_legal_control

        transaction.on_commit(lambda: put_policy_under_legal_control(instance))


def register_signal_handlers():
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_unpublished, post_page_move

    from policy.cache_purge import purge_notices_index
    from policy.lookup import forget_policy_pages
    from policy.models import PolicyUpdatePage
    from policy.timeline import begin_request, end_request

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_policy_pages, dispatch_uid=f"forget-policy-pages-{id(signal)}")
    post_delete.connect(forget_policy_pages, dispatch_uid="forget-policy-pages-on-delete")

    for signal in (page_published, page_unpublished):
        signal.connect(
            purge_notices_index, sender=PolicyUpdatePage, dispatch_uid=f"purge-notices-{id(signal)}"
        )

    request_started.connect(begin_request)
    request_finished.connect(end_request)

    page_published.connect(record_policy_publication, sender=PrivacyPolicyPage)
    post_save.connect(forget_cached_timeline, sender=PolicyVersion)
    post_save.connect(forget_cached_timeline, sender=PolicySnapshot)
    post_save.connect(control_new_policy_page, sender=PrivacyPolicyPage)
