"""Wagtail's view restrictions (private pages) without two queries on every page view.

Before serving a page, Wagtail looks up the view restrictions of the page and its ancestors (two
queries per view). A public site like this one usually has none at all, so whether any restriction
exists is kept in the shared cache, and while none does, pages skip the lookup. Saving or deleting a
restriction forgets the answer at once and again when its transaction commits, so no request after the
commit can miss a new restriction; and as a reader racing that commit could store the old answer just
after it was forgotten, the answer is only kept for a minute.
"""

from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

CACHE_KEY = "cms:any-view-restriction:v1"
CACHE_SECONDS = 60


def any_view_restriction():
    return cache.get_or_set(CACHE_KEY, PageViewRestriction.objects.exists, CACHE_SECONDS)


class CachedViewRestrictionsMixin:
    """For page models: no restriction lookup while the site has no view restrictions at all."""

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def forget_view_restrictions(**kwargs):
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(
            forget_view_restrictions, sender=PageViewRestriction, dispatch_uid=f"forget-restrictions-{signal}"
        )
