"""Staff queue of data-subject requests at /admin/privacy-requests/ (issue #11).

The requests hold e-mail addresses (personal data): only Privacy officers and superusers see them, with
the same rule as the consent evidence (`forms.admin_views.OfficersOnlyMixin`); everyone else gets 403.
The listing shows each request's type, status, when it was received and confirmed, its due date and
address; an open request past its due date is marked "Overdue", one due before the end of today "Due
today". It filters by status, type and due date ("due today", "overdue": the dashboard's panel links to
them). There are no add, edit or delete views: requests come from visitors. The inspect page shows the
request, what is held about the person (`forms.data_subject`), the actions an officer can take on it
(`forms.request_actions`, at `<pk>/<action>/` under the viewset) and the request's audit history.
"""

import datetime

import django_filters
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from forms.admin_views import OfficersOnlyMixin, ReadOnlyViewSetMixin
from forms.data_subject import collect
from forms.models import PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType
from forms.record_display import admin_content_language
from forms.request_actions import ACTION_VIEWS


def local_time(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


def end_of_today():
    """The last moment of today in the site's time zone."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.max))


def due_today(queryset):
    """Open requests still in time whose due date is before the end of today."""
    return queryset.filter(
        status=PrivacyRequestStatus.OPEN, due_at__gte=timezone.now(), due_at__lte=end_of_today()
    )


def overdue(queryset):
    return queryset.filter(status=PrivacyRequestStatus.OPEN, due_at__lt=timezone.now())


def is_due_today(privacy_request):
    return (
        privacy_request.status == PrivacyRequestStatus.OPEN
        and privacy_request.due_at is not None
        and timezone.now() <= privacy_request.due_at <= end_of_today()
    )


class StatusColumn(Column):
    """The status, and "Overdue" (with a CSS class on the cell) for an open request past its due date,
    "Due today" for one due before the end of today."""

    cell_template_name = "forms/requests/admin_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["due_today"] = is_due_today(instance)
        return context


DUE_FILTERS = {"today": due_today, "overdue": overdue}


class PrivacyRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PrivacyRequestStatus.choices)
    request_type = django_filters.ChoiceFilter(label=_("Type"), choices=PrivacyRequestType.choices)
    due = django_filters.ChoiceFilter(
        label=_("Due"),
        choices=[("today", _("Due today")), ("overdue", _("Overdue"))],
        method="filter_due",
    )

    class Meta:
        model = PrivacyRequest
        fields = ["status", "request_type"]

    def filter_due(self, queryset, name, value):
        return DUE_FILTERS[value](queryset) if value in DUE_FILTERS else queryset


class PrivacyRequestIndexView(OfficersOnlyMixin, generic.IndexView):
    @property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No privacy requests match your query.")
        return _("There are no privacy requests yet.")


def _preselected(privacy_request, record):
    """A withdrawal request naming a receipt is about that consent; without one, about every consent."""
    return privacy_request.receipt_id is None or privacy_request.receipt_id == record.receipt_id


class PrivacyRequestInspectView(OfficersOnlyMixin, generic.InspectView):
    """The request, for Privacy officers only (it shows the e-mail address), with what is held about the
    person, the actions open to the officer and the request's history in the audit log."""

    template_name = "forms/requests/admin_inspect.html"

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_context_data(self, **kwargs):
        from wagtail.log_actions import registry

        context = super().get_context_data(**kwargs)
        privacy_request = self.object
        is_open = privacy_request.status == PrivacyRequestStatus.OPEN
        personal = collect(privacy_request.email, admin_content_language()) if privacy_request.email else None
        context.update(
            {
                "privacy_request": privacy_request,
                "personal": personal,
                "is_open": is_open,
                "types": PrivacyRequestType,
                "action_urls": {
                    name: reverse(f"privacy_requests:{name}", args=[privacy_request.pk])
                    for name in ACTION_VIEWS
                },
                "given_consents": [
                    (item.record, purpose, _preselected(privacy_request, item.record))
                    for item in (personal.open_submissions if personal else [])
                    for purpose in item.given_purposes
                ],
                "history": registry.get_logs_for_instance(privacy_request)
                .select_related("user")
                .order_by("-timestamp", "-pk"),
            }
        )
        return context


class PrivacyRequestViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = PrivacyRequest
    url_prefix = "privacy-requests"
    url_namespace = "privacy_requests"
    icon = "mail"
    menu_label = _("Privacy requests")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = PrivacyRequestIndexView
    inspect_view_class = PrivacyRequestInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = PrivacyRequestFilterSet
    search_fields = ["email"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-received_at", "-id"]
    list_display = [
        TitleColumn(
            "request_type",
            label=_("Type"),
            accessor="get_request_type_display",
            url_name="privacy_requests:inspect",
        ),
        StatusColumn("status", label=_("Status"), accessor="get_status_display"),
        Column("received_at", label=_("Received"), accessor=lambda item: local_time(item.received_at)),
        Column("confirmed_at", label=_("Confirmed"), accessor=lambda item: local_time(item.confirmed_at)),
        Column("due_at", label=_("Due"), accessor=lambda item: local_time(item.due_at)),
        Column("email", label=_("E-mail")),
        Column("language", label=_("Language")),
    ]
    inspect_view_fields = [
        "uuid",
        "request_type",
        "status",
        "language",
        "email",
        "receipt_id",
        "details",
        "received_at",
        "confirmed_at",
        "due_at",
        "closed_at",
        "outcome",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"<int:pk>/{name}/", view.as_view(), name=name) for name, view in ACTION_VIEWS.items()
        ]
