"""The home page and the controller's details shown across the site and inside the policy."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from core.text import NormalisedLineEndingsMixin
from core.view_restrictions import CachedViewRestrictionsMixin


class HomePage(CachedViewRestrictionsMixin, NormalisedLineEndingsMixin, Page):
    """Root of each language tree (/kk/, /ru/, /en/): who edna is and where the policy lives."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Translations keep the source slug (made unique among the language roots by wagtail-localize).
    override_translatable_fields = [SynchronizedField("slug")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class CompanyDetails(BaseSiteSetting):
    """The personal-data controller (operator) named in the policy, the footer and consent statements.

    Site settings are not translated by wagtail-localize, so the language-dependent details have one
    field per site language; `for_language()` picks the visitor's. A change here changes the policy's
    rendered text, so the next publish of the policy records it as a new version.
    """

    legal_name_kk = models.CharField(_("legal name (Kazakh)"), max_length=255)
    legal_name_ru = models.CharField(_("legal name (Russian)"), max_length=255)
    legal_name_en = models.CharField(_("legal name (English)"), max_length=255)
    bin = models.CharField(
        _("BIN"), max_length=12, blank=True, help_text=_("Business identification number (12 digits).")
    )
    postal_address_kk = models.TextField(_("postal address (Kazakh)"))
    postal_address_ru = models.TextField(_("postal address (Russian)"))
    postal_address_en = models.TextField(_("postal address (English)"))
    email = models.EmailField(
        _("contact e-mail"), help_text=_("Where visitors send requests about their data.")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("legal_name_kk"), FieldPanel("legal_name_ru"), FieldPanel("legal_name_en")],
            heading=_("Legal name"),
        ),
        FieldPanel("bin"),
        MultiFieldPanel(
            [
                FieldPanel("postal_address_kk"),
                FieldPanel("postal_address_ru"),
                FieldPanel("postal_address_en"),
            ],
            heading=_("Postal address"),
        ),
        FieldPanel("email"),
    ]

    class Meta:
        verbose_name = _("company details")

    def for_language(self, language_code=None):
        """The details in one language (the active one by default), falling back to Kazakh."""
        language = (language_code or get_language() or "kk")[:2]
        if language not in ("kk", "ru", "en"):
            language = "kk"
        return ControllerDetails(
            legal_name=getattr(self, f"legal_name_{language}") or self.legal_name_kk,
            postal_address=getattr(self, f"postal_address_{language}") or self.postal_address_kk,
            email=self.email,
            bin=self.bin,
        )


@dataclass(frozen=True)
class ControllerDetails:
    """One language's view of CompanyDetails, as rendered in the policy and the footer."""

    legal_name: str
    postal_address: str
    email: str
    bin: str
