"""Filters of the staff's consent listing: form, version, language, purpose, current state and date
range."""

import django_filters
from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from forms.models import ConsentFormPage, ConsentGrant, ConsentRecord
from forms.models.records import ConsentEvent, ConsentState
from forms.purposes import purpose_choices
from policy.models import PolicyVersion
from policy.versioning import SOURCE_LANGUAGE


def form_choices():
    return [
        (str(page.translation_key), page.title)
        for page in ConsentFormPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).order_by("title")
    ]


STATE_CHOICES = [
    (ConsentState.GIVEN.value, ConsentState.GIVEN.label),
    (ConsentState.WITHDRAWN.value, ConsentState.WITHDRAWN.label),
    (ConsentState.REFUSED.value, ConsentState.REFUSED.label),
]


def grants_with_current_state():
    """The grants of the outer record, each with `current`: its newest event's state, else given or
    refused as the form recorded it."""
    newest = (
        ConsentEvent.objects.filter(
            record_id=OuterRef("record_id"), purpose_number=OuterRef("purpose_number")
        )
        .order_by("-occurred_at", "-id")
        .values("state")[:1]
    )
    recorded = Case(
        When(granted=True, then=Value(ConsentState.GIVEN.value)), default=Value(ConsentState.REFUSED.value)
    )
    return ConsentGrant.objects.filter(record=OuterRef("pk")).annotate(
        current=Coalesce(Subquery(newest), recorded)
    )


class ConsentRecordFilterSet(WagtailFilterSet):
    form = django_filters.ChoiceFilter(label=_("Form"), choices=form_choices, method="filter_form")
    version = django_filters.ModelChoiceFilter(
        label=_("Policy version"), queryset=PolicyVersion.objects.order_by("-number"), field_name="version"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    purpose = django_filters.ChoiceFilter(
        label=_("Purpose consented"), choices=purpose_choices, method="filter_purpose"
    )
    state = django_filters.ChoiceFilter(
        label=_("A purpose currently"), choices=STATE_CHOICES, method="filter_state"
    )
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsentRecord
        fields = ["form", "version", "language", "purpose", "state", "submitted_at"]

    def filter_form(self, queryset, name, value):
        page_ids = ConsentFormPage.objects.filter(translation_key=value).values_list("pk", flat=True)
        return queryset.filter(form_page_id__in=list(page_ids))

    def filter_purpose(self, queryset, name, value):
        granted = ConsentGrant.objects.filter(record=OuterRef("pk"), purpose_key=value, granted=True)
        return queryset.filter(Exists(granted))

    def filter_state(self, queryset, name, value):
        return queryset.filter(Exists(grants_with_current_state().filter(current=value)))
