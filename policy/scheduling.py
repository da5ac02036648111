"""One scheduling control for a policy version: its effective-from, to the minute, in the site's zone.

A version is published (frozen) when Legal approval approves it and takes effect at its effective-from,
so Wagtail's own go-live/expiry scheduling would only compete with it: the policy's editor has no
Settings tab (Wagtail's PublishingPanel lives there), and the effective-from picker offers 5-minute
slots (any minute may be typed) and names the time zone.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput


def utc_offset(zone_name=None):
    local = timezone.now().astimezone(ZoneInfo(zone_name or settings.TIME_ZONE))
    offset = local.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def effective_from_help_text():
    return format_lazy(
        _("When the new version takes effect, in {zone} time ({offset}). Empty or past means at once."),
        zone=settings.TIME_ZONE,
        offset=utc_offset(),
    )


class EffectiveFromInput(AdminDateTimeInput):
    """Wagtail's date-time picker with minute precision (it lists whole hours by default)."""

    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs=attrs, format="%Y-%m-%d %H:%M", **kwargs)

    def get_config(self):
        return {**super().get_config(), "step": 5}
