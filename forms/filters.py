"""Filters of the staff's consent listing: form, version, language, purpose and date range."""

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from forms.models import ConsentFormPage, ConsentGrant, ConsentRecord
from forms.purposes import purpose_choices
from policy.models import PolicyVersion
from policy.versioning import SOURCE_LANGUAGE


def form_choices():
    return [
        (str(page.translation_key), page.title)
        for page in ConsentFormPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).order_by("title")
    ]


class ConsentRecordFilterSet(WagtailFilterSet):
    form = django_filters.ChoiceFilter(label=_("Form"), choices=form_choices, method="filter_form")
    version = django_filters.ModelChoiceFilter(
        label=_("Policy version"), queryset=PolicyVersion.objects.order_by("-number"), field_name="version"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    purpose = django_filters.ChoiceFilter(
        label=_("Purpose consented"), choices=purpose_choices, method="filter_purpose"
    )
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsentRecord
        fields = ["form", "version", "language", "purpose", "submitted_at"]

    def filter_form(self, queryset, name, value):
        page_ids = ConsentFormPage.objects.filter(translation_key=value).values_list("pk", flat=True)
        return queryset.filter(form_page_id__in=list(page_ids))

    def filter_purpose(self, queryset, name, value):
        granted = ConsentGrant.objects.filter(record=OuterRef("pk"), purpose_key=value, granted=True)
        return queryset.filter(Exists(granted))
