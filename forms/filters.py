"""Filters of the staff's consent listing: form, version, language, purpose, current state and date
range.

"Purpose" and "Current state" work together: a purpose alone finds the records whose form asked for it;
a state alone, the records where any purpose is currently in that state; both, the records where that
purpose is currently in that state ("purpose 5 is currently withdrawn"; "purpose 4 is currently given"
is who may be contacted for it today). The state is computed by the database from the newest event of
each purpose (`forms.current_states`), without a query per row or a COUNT(*).
"""

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from forms.current_states import records_in_state
from forms.models import ConsentFormPage, ConsentGrant, ConsentRecord
from forms.models.records import ConsentState
from forms.purposes import purpose_choices
from policy.models import PolicyVersion
from policy.versioning import SOURCE_LANGUAGE


def form_choices():
    return [
        (str(page.translation_key), page.title)
        for page in ConsentFormPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).order_by("title")
    ]


STATE_CHOICES = ConsentState.choices


class ConsentRecordFilterSet(WagtailFilterSet):
    form = django_filters.ChoiceFilter(label=_("Form"), choices=form_choices, method="filter_form")
    version = django_filters.ModelChoiceFilter(
        label=_("Policy version"), queryset=PolicyVersion.objects.order_by("-number"), field_name="version"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    purpose = django_filters.ChoiceFilter(
        label=_("Purpose"), choices=purpose_choices, method="filter_purpose"
    )
    state = django_filters.ChoiceFilter(
        label=_("Current state (of the purpose chosen, else of any purpose)"),
        choices=STATE_CHOICES,
        method="filter_state",
    )
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsentRecord
        fields = ["form", "version", "language", "purpose", "state", "submitted_at"]

    def filter_form(self, queryset, name, value):
        page_ids = ConsentFormPage.objects.filter(translation_key=value).values_list("pk", flat=True)
        return queryset.filter(form_page_id__in=list(page_ids))

    def filter_purpose(self, queryset, name, value):
        if self.form.cleaned_data.get("state"):
            return queryset  # the state filter looks at this purpose
        return queryset.filter(Exists(ConsentGrant.objects.filter(record=OuterRef("pk"), purpose_key=value)))

    def filter_state(self, queryset, name, value):
        return queryset.filter(records_in_state(value, self.form.cleaned_data.get("purpose") or None))
