"""Working days, for the deadlines of data-subject requests (Law 94-V counts them in working days).

A day is a working day unless it is a Saturday or Sunday, or the calendar (`forms.models.CalendarDay`,
kept by Privacy officers) says otherwise: a public holiday or a transferred day off is not one; a weekend
day declared a working day is one.

Counting: day 1 is the first working day after the day the request was confirmed (in Kazakhstan's time,
Asia/Almaty), so a request confirmed on a non-working day starts counting from the next working day. The
deadline is the end of the Nth working day, taken as 18:00 Asia/Almaty: the end of the operator's
business day (a 9:00-18:00 working day), not midnight, so that an answer due "by the end of the day"
is sent while the office can still act on it and a deadline shown to staff is never later than the
law's.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from forms.models import CalendarDay

KAZAKHSTAN = ZoneInfo("Asia/Almaty")
END_OF_WORKING_DAY = datetime.time(18, 0)
# Days of the calendar read at once: enough for a month of working days with every holiday of the year
# in between, so one query in practice; longer counts read the next stretch.
_WINDOW_DAYS = 62


def _exceptions(first, last):
    """{date: is_working} of the calendar's entries from first to last, inclusive: one query."""
    rows = CalendarDay.objects.filter(date__range=(first, last)).values_list("date", "kind")
    return {date: kind == CalendarDay.Kind.WORKING_DAY for date, kind in rows}


def _is_working(day, exceptions):
    if day in exceptions:
        return exceptions[day]
    return day.weekday() < 5


def is_working_day(day):
    """Whether `day` (a date; a datetime is taken in Kazakhstan's time) is a working day."""
    day = _local_date(day)
    return _is_working(day, _exceptions(day, day))


def add_working_days(start, n):
    """The deadline of `n` working days (n >= 1) counted from `start`, the moment a request was
    confirmed: 18:00 Asia/Almaty of the Nth working day after start's date (see the module's docstring)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day = _local_date(start)
    counted = 0
    while True:
        first = day + datetime.timedelta(days=1)
        last = day + datetime.timedelta(days=max(_WINDOW_DAYS, 2 * n))
        exceptions = _exceptions(first, last)
        while day < last:
            day += datetime.timedelta(days=1)
            if _is_working(day, exceptions):
                counted += 1
                if counted == n:
                    return datetime.datetime.combine(day, END_OF_WORKING_DAY, tzinfo=KAZAKHSTAN)


def request_due_at(request_type, confirmed_at):
    """The deadline of a data-subject request of `request_type` (a key of
    settings.PRIVACY_REQUEST_WORKING_DAYS) confirmed at `confirmed_at`."""
    return add_working_days(confirmed_at, settings.PRIVACY_REQUEST_WORKING_DAYS[request_type])


def _local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, KAZAKHSTAN)
        return value.astimezone(KAZAKHSTAN).date()
    return value
