"""`<time datetime>` values that HTML accepts: seconds precision and the time-zone offset.

Django's `|date:'c'` writes microseconds ("…:12.123456+00:00"), which the Nu Html Checker rejects (a
valid global date and time has at most three fractional digits). `|html_datetime` writes
"2026-11-28T03:36:12+00:00" for an aware datetime and "2026-11-28" for a date.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return ""
