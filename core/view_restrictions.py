"""Wagtail's view restrictions (private pages) without two queries on every page view.

Before serving a page, Wagtail looks up the view restrictions of the page and its ancestors (two
queries per view). A public site like this one usually has none at all, so whether any restriction
exists is kept in the shared cache (`core.caching`), forgotten when a restriction is saved or deleted
(`core.signal_handlers`), and while none exists, pages skip the lookup.
"""

from wagtail.models import PageViewRestriction

from core.caching import SharedCache

view_restrictions = SharedCache("view-restrictions", "whether any page of the site has a view restriction")


def any_view_restriction():
    return view_restrictions.get("any", PageViewRestriction.objects.exists)


class CachedViewRestrictionsMixin:
    """For page models: no restriction lookup while the site has no view restrictions at all."""

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
