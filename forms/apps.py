from django.apps import AppConfig


class ConsentFormsConfig(AppConfig):
    """Consent form pages and the evidence they produce (see docs/architecture.md)."""

    name = "forms"
    label = "consent_forms"
    verbose_name = "Consent forms"

    def ready(self):
        import forms.erasure_checks  # noqa: F401 - registers `check --deploy`'s ERASURE_HMAC_KEY check
        import forms.erasure_hooks  # noqa: F401 - registers the erasure and retention audit-log actions
