"""Exports safe to open (issue #12): what a visitor typed can never become a spreadsheet formula.

`=1+2@example.kz` is a valid e-mail address; written as it is, a spreadsheet runs it (CSV) and openpyxl
stores it as a formula (XLSX). Every text cell starting with =, +, -, @, a tab or a carriage return gets
a single quote in front (OWASP's advice)."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from forms.models import ConsentFormPage, ConsentRecord
from forms.spreadsheet_cells import FORMULA_TRIGGERS, neutralise, safe_cell, xlsx_cell
from tests.forms.helpers import CONTACT_ANSWERS, fill
from tests.forms.test_staff_views import speaks, user_in

HOSTILE_ADDRESSES = ["=1+2@example.kz", "+77011234567@example.kz", "-2+3@example.kz"]


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_text_starting_with_a_formula_trigger_is_quoted(trigger):
    assert neutralise(f"{trigger}1+2") == f"'{trigger}1+2"
    assert safe_cell(f"{trigger}cmd") == f"'{trigger}cmd"


@pytest.mark.parametrize("text", ["plain@example.kz", "1 given · 4 withdrawn", "", "a=b", "4, 5"])
def test_other_text_is_kept(text):
    assert safe_cell(text) == text


def test_numbers_and_dates_are_not_text():
    from datetime import UTC, datetime

    assert safe_cell(-3) == -3  # our own numbers: a negative one stays a number
    moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    assert safe_cell(moment) == moment
    assert xlsx_cell(moment) == datetime(2026, 1, 2, 3, 4)
    assert safe_cell(None) == ""


def test_openpyxl_would_store_the_address_as_a_formula():
    """Why XLSX needs this too: openpyxl takes any string starting with "=" for a formula."""
    workbook = Workbook()
    workbook.active.append(["=1+2@example.kz", safe_cell("=1+2@example.kz")])
    raw, safe = next(workbook.active.iter_rows())
    assert raw.data_type == "f"
    assert safe.data_type == "s"


@pytest.fixture
def hostile_consents(client, policy_pages, django_capture_on_commit_callbacks):
    """Consents given through the real contact form with addresses a spreadsheet would run."""
    for address in HOSTILE_ADDRESSES:
        data = fill(client, "/en/contact/", answers={**CONTACT_ANSWERS, "email": address})
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/en/contact/", data).status_code == 302
    assert sorted(ConsentRecord.objects.values_list("submission__email", flat=True)) == sorted(
        HOSTILE_ADDRESSES
    )
    client.logout()


@pytest.fixture
def officer(client, django_user_model):
    client.force_login(speaks(user_in(django_user_model, "Privacy officers", "officer"), "en"))


def test_the_csv_export_has_no_cell_a_spreadsheet_would_run(client, hostile_consents, officer):
    response = client.get("/admin/consents/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    emails = [row[rows[0].index("E-mail")] for row in rows[1:]]
    assert sorted(emails) == sorted(f"'{address}" for address in HOSTILE_ADDRESSES)


def test_the_xlsx_export_has_no_formula_cell(client, hostile_consents, officer):
    response = client.get("/admin/consents/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not [cell.value for cell in cells if isinstance(cell.value, str) and cell.value.startswith("=")]
    headings = [cell.value for cell in next(sheet.iter_rows())]
    emails = [row[headings.index("E-mail")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(emails) == sorted(f"'{address}" for address in HOSTILE_ADDRESSES)


def test_wagtails_own_submission_export_is_safe_too(client, hostile_consents, admin_user):
    """/admin/forms/submissions/<page>/ (Wagtail's listing of a form's answers, for superusers) exports
    the answers."""
    client.force_login(admin_user)
    page = ConsentFormPage.objects.get(slug="contact", locale__language_code="en")
    response = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    assert sorted(cell for cell in cells if "@example.kz" in cell) == sorted(
        f"'{a}" for a in HOSTILE_ADDRESSES
    )
