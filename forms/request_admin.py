"""Staff queue of data-subject requests at /admin/privacy-requests/ (issue #11).

The requests hold e-mail addresses (personal data): only Privacy officers and superusers see them, with
the same rule as the consent evidence (`forms.admin_views.OfficersOnlyMixin`); everyone else gets 403.
The listing shows each request's type, status, when it was received and confirmed, its due date and
address; an open request past its due date is marked "Overdue". It filters by status and type. Requests
are only read here: there are no add, edit or delete views (staff actions come later).
"""

import django_filters
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from forms.admin_views import OfficersOnlyMixin, ReadOnlyViewSetMixin
from forms.models import PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType


def local_time(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


class StatusColumn(Column):
    """The status, and "Overdue" (with a CSS class on the cell) for an open request past its due date."""

    cell_template_name = "forms/requests/admin_status_cell.html"


class PrivacyRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PrivacyRequestStatus.choices)
    request_type = django_filters.ChoiceFilter(label=_("Type"), choices=PrivacyRequestType.choices)

    class Meta:
        model = PrivacyRequest
        fields = ["status", "request_type"]


class PrivacyRequestIndexView(OfficersOnlyMixin, generic.IndexView):
    @property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No privacy requests match your query.")
        return _("There are no privacy requests yet.")


class PrivacyRequestInspectView(OfficersOnlyMixin, generic.InspectView):
    """Wagtail's inspect view of a request, for Privacy officers only (it shows the e-mail address)."""


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
    ]
