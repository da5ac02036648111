"""Signal receivers of the cookie consent app, connected once from CookieConsentConfig.ready()."""

from django.db.models.signals import post_delete, post_save

from cookies.banner import analytics_settings
from cookies.models import AnalyticsSettings


def register_signal_handlers():
    for signal in (post_save, post_delete):
        signal.connect(
            analytics_settings.forget, sender=AnalyticsSettings, dispatch_uid=f"cookies-analytics-{signal!r}"
        )
