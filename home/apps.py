from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from cms import view_restrictions
        from home import site_cache

        _skip_locale_sync_on_raw_saves()
        site_cache.connect_signals()
        view_restrictions.connect_signals()


def _skip_locale_sync_on_raw_saves():
    """Don't synchronise page trees while fixtures are loaded.

    wagtail-localize syncs trees whenever a LocaleSynchronization is saved, including raw saves by
    `loaddata` and by the test runner restoring a serialized database, when the locales it points to may
    not be loaded yet. Only real saves should trigger a sync.
    """
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)

    def sync_trees_unless_raw(instance, raw=False, **kwargs):
        if not raw:
            instance.sync_trees()

    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization, weak=False)
