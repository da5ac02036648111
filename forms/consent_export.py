"""The CSV and XLSX export of /admin/consents/: every filtered record, streamed, safe to open.

One row per consent record: receipt, time, form, policy version, language, the hashes, the purposes
consented to on the form, each purpose's current state ("1 given · 4 withdrawn", `forms.current_states`),
when the personal data was erased (if it was) and the e-mail address. What is left out:

- blocked submissions (the listing's queryset already excludes them);
- personal data of erased submissions: their e-mail cell is empty whatever the row holds.

Rows come straight from the database in chunks (constant memory whatever the size): on PostgreSQL in one
query, the states aggregated per record by the database; elsewhere two more queries per chunk. Every
text cell goes through `forms.spreadsheet_cells` (no formula injection), and every export is recorded
(`ConsentExport` and Wagtail's audit log).
"""

import csv
import io

from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from forms.current_states import STATES_SQL, StatesText, states_by_record
from forms.erasure import email_hmac
from forms.models import ConsentExport
from forms.spreadsheet_cells import safe_cell, xlsx_cell

EXPORT_FIELDS = [
    "receipt_id",
    "submitted_at",
    "form_title",
    "version__number",
    "language",
    "snapshot__sha256",
    "statement_sha256",
]
EXPORT_COLUMNS = [*EXPORT_FIELDS, "purposes", "states", "erased_at", "email"]
EXPORT_HEADINGS = {
    "receipt_id": _("Receipt"),
    "submitted_at": _("Submitted at"),
    "form_title": _("Form"),
    "version__number": _("Policy version"),
    "language": _("Language"),
    "snapshot__sha256": _("Policy text SHA-256"),
    "statement_sha256": _("Statement SHA-256"),
    "purposes": _("Purposes consented"),
    "states": _("Current state"),
    "erased_at": _("Personal data erased at"),
    "email": _("E-mail"),
}
EXPORT_CHUNK = 2000
SUBMISSION_FIELDS = ["submission__erased_at", "submission__email"]


def export_rows(queryset):
    """The export's rows (without headings), newest first, in chunks from the database."""
    records = queryset.order_by("-submitted_at", "-id")
    states_text = StatesText()
    if connection.vendor == "postgresql":
        records = records.annotate(states=RawSQL(STATES_SQL, []))  # noqa: S611 - constant SQL
        for *fields, erased_at, email, states in records.values_list(
            *EXPORT_FIELDS, *SUBMISSION_FIELDS, "states"
        ).iterator(chunk_size=EXPORT_CHUNK):
            yield [*fields, *states_text.columns(states), erased_at, "" if erased_at else email]
        return
    chunk = []
    for row in records.values_list("pk", *EXPORT_FIELDS, *SUBMISSION_FIELDS).iterator(
        chunk_size=EXPORT_CHUNK
    ):
        chunk.append(row)
        if len(chunk) == EXPORT_CHUNK:
            yield from _chunk_rows(chunk, states_text)
            chunk = []
    yield from _chunk_rows(chunk, states_text)


def _chunk_rows(chunk, states_text):
    if not chunk:
        return
    states = states_by_record([row[0] for row in chunk])
    for record_id, *fields, erased_at, email in chunk:
        yield [
            *fields,
            *states_text.columns(states.get(record_id, ())),
            erased_at,
            "" if erased_at else email,
        ]


def headings():
    return [str(EXPORT_HEADINGS[column]) for column in EXPORT_COLUMNS]


def export_filters(query):
    """The listing's filters as kept in the (immutable) export log. The search term is personal data
    (an address, a name) that an erasure must not find in a table it cannot change: it is kept only as
    its keyed hash (`forms.erasure.email_hmac`), which still shows whether an export searched for a
    given address."""
    filters = {key: value for key, value in query.items() if key != "export"}
    if filters.get("q"):
        filters["q"] = f"hmac:{email_hmac(filters['q'])}"
    return filters


class ConsentExportMixin:
    """For Wagtail's IndexView: `?export=csv|xlsx` streams the filtered records (see the module)."""

    export_headings = EXPORT_HEADINGS
    list_export = EXPORT_COLUMNS

    def get(self, request, *args, **kwargs):
        if self.is_export:  # straight to the file: building the HTML listing context would load every row
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        export = ConsentExport.objects.create(
            user=self.request.user.get_username(),
            file_format=spreadsheet_format,
            filters=export_filters(self.request.GET),
        )
        log(instance=export, action="consent_forms.export", user=self.request.user, data=export.filters)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def stream_csv(self, queryset, language):
        """The CSV one chunk of rows at a time (one string per chunk keeps the per-row cost low), in the
        admin language of the request (the response is read after the view returned)."""
        with translation.override(language):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(headings())
            for index, row in enumerate(export_rows(queryset), start=1):
                writer.writerow([safe_cell(value) for value in row])
                if index % EXPORT_CHUNK == 0:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset, translation.get_language()), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title="Consents")
        sheet.append(headings())
        for row in export_rows(queryset):
            sheet.append([xlsx_cell(value) for value in row])
        workbook.save(output)
