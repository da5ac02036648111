from django.apps import AppConfig


class ConsentFormsConfig(AppConfig):
    """Consent form pages and the evidence they produce (see DESIGN.md, "forms/")."""

    name = "forms"
    label = "consent_forms"
    verbose_name = "Consent forms"
