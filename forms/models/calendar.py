"""The working-day calendar that data-subject requests count their deadlines in (Law 94-V gives the
operator a number of working days to answer).

Saturdays and Sundays are computed, never stored. A `CalendarDay` row records only an exception to that
rule: a public holiday, a day off the law or the government moved onto a weekday, or a Saturday/Sunday
declared a working day in exchange. One model rather than a holiday table plus a transfer table: a date
can then have one meaning only (the unique date refuses a day that is both a holiday and a working day),
the whole range is read in one query, and editors keep one list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        PUBLIC_HOLIDAY = "holiday", _("Public holiday")
        TRANSFERRED_DAY_OFF = "day_off", _("Transferred day off")
        WORKING_DAY = "working", _("Working day (weekend day declared working)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PUBLIC_HOLIDAY)
    name = models.CharField(
        _("name"), max_length=255, help_text=_("The holiday, or where the day was moved from.")
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("working-day calendar")

    def __str__(self):
        return f"{self.date.isoformat()} {self.name}"

    @property
    def is_working(self):
        return self.kind == self.Kind.WORKING_DAY
