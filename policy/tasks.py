"""Background work after a publication: the change notices (django-tasks).

Publishing returns as soon as the version and its snapshot are stored; the notice pages (and their
wagtail-localize translations) are made by the task worker. In development and tests the immediate
backend runs them at once.
"""

from django_tasks import task


@task()
def announce_version(version_id, source_page_id):
    """Publish the source-language change notice of a new version."""
    from policy.models import PolicyVersion, PrivacyPolicyPage
    from policy.notices import publish_notice

    publish_notice(PolicyVersion.objects.get(pk=version_id), PrivacyPolicyPage.objects.get(pk=source_page_id))


@task()
def announce_translation(snapshot_id):
    """Translate a version's notice into the language of its first snapshot in that language."""
    from policy.models import PolicySnapshot
    from policy.notices import publish_notice_translation

    snapshot = PolicySnapshot.objects.select_related("version").get(pk=snapshot_id)
    publish_notice_translation(snapshot)
