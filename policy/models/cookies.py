"""The cookies the site sets, in categories: editors' snippets, translated with wagtail-localize.

They are part of the policy's content: the policy page lists them after its cookie clause, and the
cookie banner (the `cookie_consent` app) shows the same categories, so the two never disagree. What
must be the same in every language - a category's key, a cookie's name, its lifetime, its order - is a
synchronised field; the words (names of categories, providers, purposes, countries) are translated.
Read through the shared cache (`policy.cookie_declarations`), never once per page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CookieCategoryKey(models.TextChoices):
    NECESSARY = "necessary", _("Strictly necessary")
    ANALYTICS = "analytics", _("Analytics")


class CookieCategory(TranslatableMixin, models.Model):
    """A category of cookies: strictly necessary (always on) or analytics (only after opt-in)."""

    key = models.CharField(
        _("kind"),
        max_length=20,
        choices=CookieCategoryKey.choices,
        help_text=_(
            "Strictly necessary cookies are always on; analytics cookies only after the visitor agrees."
        ),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    translatable_fields = [TranslatableField("name"), TranslatableField("description")]
    override_translatable_fields = [SynchronizedField("key"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cookie category")
        verbose_name_plural = _("cookie categories")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="policy_cookie_category_key_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def always_on(self):
        return self.key == CookieCategoryKey.NECESSARY


class CookieDeclaration(TranslatableMixin, models.Model):
    """One cookie: its name, who sets it, why, how long it lives and where its data goes."""

    category = models.ForeignKey(
        CookieCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="cookies"
    )
    name = models.CharField(
        _("cookie name"), max_length=100, help_text=_("As the browser shows it, e.g. _ga or _ga_<ID>.")
    )
    provider = models.CharField(_("provider"), max_length=200)
    purpose = models.TextField(_("purpose"))
    lifetime_days = models.PositiveIntegerField(
        _("lifetime in days"), null=True, blank=True, help_text=_("Empty: until the browser is closed.")
    )
    destination_country = models.CharField(
        _("destination country"),
        max_length=200,
        help_text=_("Where the data the cookie carries is sent, e.g. Kazakhstan (this site), USA."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    translatable_fields = [
        TranslatableField("category"),
        TranslatableField("provider"),
        TranslatableField("purpose"),
        TranslatableField("destination_country"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("lifetime_days"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cookie")
        verbose_name_plural = _("cookies")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def lifetime(self):
        """The lifetime in words of the active language."""
        return lifetime_words(self.lifetime_days)


def lifetime_words(days):
    if days is None:
        return str(_("until the browser is closed"))
    if days >= 365 and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days >= 30 and days % 30 == 0:
        months = days // 30
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


register_snippet(CookieCategory)
register_snippet(CookieDeclaration)
