"""Filters of the cookie choice log: policy version, analytics allowed or not, how, GPC, language, time."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cookies.models import ChoiceMethod, CookieChoice

YES_NO = [("true", _("Yes")), ("false", _("No"))]


class CookieChoiceFilterSet(WagtailFilterSet):
    policy_version = django_filters.NumberFilter(label=_("Policy version"), min_value=0)
    analytics = django_filters.BooleanFilter(
        label=_("Analytics allowed"), widget=django_filters.widgets.BooleanWidget()
    )
    method = django_filters.ChoiceFilter(label=_("How"), choices=ChoiceMethod.choices)
    gpc = django_filters.BooleanFilter(
        label=_("Global Privacy Control"), widget=django_filters.widgets.BooleanWidget()
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    created_at = django_filters.DateFromToRangeFilter(label=_("Time"), widget=DateRangePickerWidget)

    class Meta:
        model = CookieChoice
        fields = ["policy_version", "analytics", "method", "gpc", "language", "created_at"]
