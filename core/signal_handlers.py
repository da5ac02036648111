"""Signal receivers of the core app, connected once from CoreConfig.ready()."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import caching
from core.page_cache import pages
from core.view_restrictions import view_restrictions


def forget_pages(sender=None, instance=None, **kwargs):
    """Whole pages are forgotten when any page is published, unpublished, moved or deleted, or a locale
    changes (they are also forgotten with every namespace they depend on: PAGE_CACHE_DEPENDS_ON)."""
    if instance is None or isinstance(instance, Page | Locale):
        pages.forget()


def register_signal_handlers():
    request_started.connect(caching.begin_request, dispatch_uid="core-shared-cache-begin")
    request_finished.connect(caching.end_request, dispatch_uid="core-shared-cache-end")
    for signal in (post_save, post_delete):
        signal.connect(view_restrictions.forget, sender=PageViewRestriction, dispatch_uid="core-restrictions")
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(forget_pages, dispatch_uid=f"core-pages-{signal!r}")
    post_save.connect(forget_pages, sender=Locale, dispatch_uid="core-pages-locale")
    _skip_locale_sync_on_raw_saves()


def _skip_locale_sync_on_raw_saves():
    """Don't synchronise page trees while fixtures are loaded.

    wagtail-localize syncs trees whenever a LocaleSynchronization is saved, including raw saves by
    `loaddata` and by the test runner restoring a serialized database, when the locales it points to may
    not be loaded yet. Only real saves should trigger a sync.
    """
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="core-locale-sync")


def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.sync_trees()
