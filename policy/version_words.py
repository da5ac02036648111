"""The version fields of a policy revision in words, for reviewers and for Wagtail's revision compare.

Wagtail prints raw values when it compares revisions ("FalseTrue", "None2026-12-15 00:00:00+05:00");
reviewers read "Editorial change" → "Material change" and a date in the site's zone with the zone named.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.compare import FieldComparison, TextDiff


def local_datetime_text(value):
    """A moment in the site's time zone, with the zone and its UTC offset named."""
    local = timezone.localtime(value, ZoneInfo(settings.TIME_ZONE))
    offset = local.strftime("%z")
    return _("%(datetime)s (%(zone)s, UTC%(offset)s)") % {
        "datetime": date_format(local, "DATETIME_FORMAT"),
        "zone": settings.TIME_ZONE,
        "offset": f"{offset[:3]}:{offset[3:]}",
    }


def effective_from_text(value, now=None):
    """When a proposed version takes effect: a moment ahead, or at once (empty or past)."""
    if value is None or value <= (now or timezone.now()):
        return _("at once, when approved")
    return local_datetime_text(value)


def effective_from_field_text(value):
    """The effective-from field's value as stored in a revision (for comparing two revisions)."""
    return _("not set (at once, when approved)") if value is None else local_datetime_text(value)


def change_type_text(is_material):
    if is_material:
        return _("Material change: visitors will be asked to give their consent again")
    return _("Editorial change: consents already given stay valid")


class WordsComparison(FieldComparison):
    """Compare two values by their words (`words(value)`), not by their Python representation."""

    @staticmethod
    def words(value):
        return str(value)

    def htmldiff(self):
        before, after = self.words(self.val_a), self.words(self.val_b)
        if before == after:
            return escape(after)
        return TextDiff([("deletion", before), ("equal", " → "), ("addition", after)]).to_html()


class ChangeTypeComparison(WordsComparison):
    words = staticmethod(change_type_text)


class EffectiveFromComparison(WordsComparison):
    words = staticmethod(effective_from_field_text)
