from django.apps import AppConfig


class ConsentFormsConfig(AppConfig):
    """Consent form pages and the evidence they produce (see docs/architecture.md)."""

    name = "forms"
    label = "consent_forms"
    verbose_name = "Consent forms"
