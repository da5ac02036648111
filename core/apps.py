from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Page mixins, the shared-cache pattern and helpers every app of the site may use.

    It sits below `home`, `policy` and `forms` and imports none of them (see docs/architecture.md).
    """

    name = "core"
    verbose_name = "Core"

    def ready(self):
        import core.site_url_checks  # noqa: F401 - registers the SITE_BASE_URL check
        from core import deploy_checks  # noqa: F401 - registers `check --deploy`'s database-role check
        from core.signal_handlers import register_signal_handlers

        register_signal_handlers()
