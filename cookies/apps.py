from django.apps import AppConfig


class CookieConsentConfig(AppConfig):
    """The cookie banner's server side: the log of visitors' choices, analytics settings, GPC (issue #13).

    The cookies themselves are described in the policy's content (`policy.models.cookies`); this app
    records what visitors chose about them and loads analytics only for those who agreed.
    """

    name = "cookies"
    label = "cookie_consent"
    verbose_name = "Cookie consent"

    def ready(self):
        from cookies.signal_handlers import register_signal_handlers

        register_signal_handlers()
