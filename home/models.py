"""The home page and the controller's details shown across the site and inside the policy."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
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


BIN_LENGTH = 12


def bin_check_digit(digits):
    """The 12th digit of a Kazakhstani BIN/IIN from its first 11 (weights 1..11, then 3..11, 1, 2 when the
    first sum leaves 10), or None when no check digit exists (both sums leave 10)."""
    values = [int(digit) for digit in digits[:11]]
    for weights in (range(1, 12), [*range(3, 12), 1, 2]):
        remainder = sum(value * weight for value, weight in zip(values, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def validate_bin(value):
    """A business identification number: 12 digits whose last one is its check digit."""
    if len(value) != BIN_LENGTH or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A BIN is 12 digits."), code="invalid")
    if bin_check_digit(value) != int(value[-1]):
        raise ValidationError(
            _("This is not a valid BIN: its check digit does not match. Check the number."), code="checksum"
        )


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
        _("BIN"),
        max_length=12,
        blank=True,
        validators=[validate_bin],
        help_text=_(
            "Business identification number (12 digits). Consent statements name it: Article 8 of Law "
            "No. 94-V asks a consent to name the operator and its BIN."
        ),
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

    def missing_statement_details(self):
        """The names of the details consent statements need that are not filled in (the BIN, mostly:
        the other fields are required, but a Site's settings row starts empty)."""
        return [
            str(field.verbose_name)
            for field in (self._meta.get_field(name) for name in STATEMENT_FIELDS)
            if not str(getattr(self, field.attname) or "").strip()
        ]

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


# What consent statements take from the company details (`forms.statements`).
STATEMENT_FIELDS = (
    "legal_name_kk",
    "legal_name_ru",
    "legal_name_en",
    "bin",
    "postal_address_kk",
    "postal_address_ru",
    "postal_address_en",
    "email",
)


@dataclass(frozen=True)
class ControllerDetails:
    """One language's view of CompanyDetails, as rendered in the policy and the footer."""

    legal_name: str
    postal_address: str
    email: str
    bin: str
