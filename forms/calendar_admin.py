"""The working-day calendar in the admin: Privacy officers (and superusers) list, add, change and
delete its exceptions to the Monday-Friday week (forms.models.CalendarDay)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from forms.models import CalendarDay


class CalendarDayViewSet(ModelViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = _("Working-day calendar")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["date", "kind", "name"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("date", label=_("Date"), url_name="working_calendar:edit"),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("name", label=_("Name")),
    ]
