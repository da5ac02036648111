"""The cookie choice log at /admin/cookie-choices/: listing, filters, CSV and XLSX export.

Read-only, like the consent records (`forms.admin_views.ReadOnlyViewSetMixin`): choices are evidence,
never typed in or changed. Only users with `cookie_consent.view_cookiechoice` (the Privacy officers
group, and superusers) reach it; everyone else gets the same 403 page as the consent records. The
export is Wagtail's own (filters applied) with every cell written through `forms.spreadsheet_cells`
(no formula injection). The log holds no personal data, so exports are not audited as consent exports are.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cookies.filters import CookieChoiceFilterSet
from cookies.models import CookieChoice
from forms.admin_views import ReadOnlyViewSetMixin, forbidden
from forms.spreadsheet_cells import safe_cell, xlsx_cell

VIEW_PERMISSION = "cookie_consent.view_cookiechoice"


def may_see_choices(user):
    return user.has_perm(VIEW_PERMISSION)


def choice_time(choice):
    return formats.date_format(timezone.localtime(choice.created_at), "SHORT_DATETIME_FORMAT")


def categories_text(choice):
    return ", ".join(choice.categories)


class OfficersOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_see_choices(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class CookieChoiceIndexView(OfficersOnlyMixin, generic.IndexView):
    def get_base_queryset(self):
        return CookieChoice.objects.all()

    @property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No cookie choices match your query.")
        return _("No cookie choices have been logged yet.")

    def preprocess_field_value(self, field, value, export_format):
        """Wagtail's cell value, then made safe to open in a spreadsheet (`forms.spreadsheet_cells`)."""
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else xlsx_cell(value)


class CookieChoiceInspectView(OfficersOnlyMixin, generic.InspectView):
    """Wagtail's inspect view of one logged choice, behind the Privacy officers' rule like the listing."""


class CookieChoiceViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = CookieChoice
    url_prefix = "cookie-choices"
    url_namespace = "cookie_choices"
    icon = "view"
    menu_label = _("Cookie choices")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = CookieChoiceIndexView
    inspect_view_class = CookieChoiceInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CookieChoiceFilterSet
    list_per_page = 50
    list_display = [
        Column("created_at", label=_("Time"), accessor=choice_time),
        Column("choice_id", label=_("Choice id")),
        Column("policy_version", label=_("Policy version")),
        Column("method", label=_("How"), accessor="get_method_display"),
        BooleanColumn("analytics", label=_("Analytics allowed")),
        BooleanColumn("gpc", label=_("Global Privacy Control")),
        Column("language", label=_("Language")),
    ]
    list_export = ["created_at", "choice_id", "policy_version", "categories", "method", "gpc", "language"]
    export_headings = {
        "created_at": _("Time"),
        "choice_id": _("Choice id"),
        "policy_version": _("Policy version"),
        "categories": _("Categories"),
        "method": _("How"),
        "gpc": _("Global Privacy Control"),
        "language": _("Language"),
    }
    export_filename = "cookie-choices"
    inspect_view_fields = [
        "created_at",
        "choice_id",
        "policy_version",
        "categories",
        "analytics",
        "method",
        "gpc",
        "language",
    ]
