"""Wagtail's own listing of a form's submissions (/admin/forms/submissions/<page>/), as the consent forms
need it: the same rules as /admin/consents/ for the Privacy officers who reach it.

- Blocked submissions are left out of the listing and its CSV and XLSX exports until unblocked (issue
  #11); erased ones show the marker the erasure left in their answers.
- Every exported cell goes through `forms.spreadsheet_cells` (issue #12): a visitor's answer starting
  with =, +, -, @, a tab or a carriage return is quoted, so no spreadsheet runs it (Wagtail's own XLSX
  export already writes formulas as text, its CSV does not).
"""

from wagtail.contrib.forms.views import SubmissionsListView

from forms.spreadsheet_cells import safe_cell


class ConsentSubmissionsListView(SubmissionsListView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(blocked_at__isnull=True)

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
