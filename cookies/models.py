"""The log of cookie choices (evidence, write-once) and the analytics counters of each Site.

A `CookieChoice` holds no personal data: a random id the visitor's browser keeps in its
`edna_cookie_choice` cookie (so later changes of one browser's mind can be told apart from other
visitors' choices), the policy version in effect, the categories agreed to, how they were chosen,
whether the browser sent Global Privacy Control, the page's language and the time. No IP address, no
user agent. Rows are never changed or deleted (ImmutableModel; triggers on PostgreSQL).
"""

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from policy.immutable import ImmutableModel


class ChoiceMethod(models.TextChoices):
    ACCEPT_ALL = "accept", _("Accepted all")
    REJECT_ALL = "reject", _("Rejected all")
    SETTINGS = "settings", _("Chose in settings")
    GPC = "gpc", _("Global Privacy Control")


class CookieChoice(ImmutableModel):
    choice_id = models.UUIDField(_("choice id"), default=uuid.uuid4, db_index=True)
    policy_version = models.PositiveIntegerField(_("policy version"))
    categories = models.JSONField(_("categories"), default=list)
    analytics = models.BooleanField(_("analytics allowed"))
    method = models.CharField(_("how"), max_length=10, choices=ChoiceMethod.choices)
    gpc = models.BooleanField(_("Global Privacy Control"))
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("cookie choice")
        verbose_name_plural = _("cookie choices")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["policy_version", "analytics"], name="cookie_choice_version")]

    def __str__(self):
        return f"{self.choice_id} · v{self.policy_version} · {self.get_method_display()}"


yandex_counter = RegexValidator(
    r"^[0-9]{1,12}$", _("A Yandex Metrica counter id is a number, e.g. 12345678.")
)
ga4_measurement = RegexValidator(
    r"^G-[A-Z0-9]{4,16}$", _("A Google Analytics 4 measurement id looks like G-XXXXXXXXXX.")
)


@register_setting(icon="view")
class AnalyticsSettings(BaseSiteSetting):
    """Counter ids of the analytics the cookie banner loads after the visitor opts in. Empty: nothing is
    loaded, and the Content-Security-Policy lets no analytics host in."""

    yandex_metrica_id = models.CharField(
        _("Yandex Metrica counter id"), max_length=12, blank=True, validators=[yandex_counter]
    )
    ga4_measurement_id = models.CharField(
        _("Google Analytics 4 measurement id"), max_length=20, blank=True, validators=[ga4_measurement]
    )

    class Meta:
        verbose_name = _("analytics")

    @property
    def any_counter(self):
        return bool(self.yandex_metrica_id or self.ga4_measurement_id)
