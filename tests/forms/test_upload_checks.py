"""A CV is accepted only when it reads as the PDF or DOCX it claims to be, within limits; anything else
is refused with a translated message beside the field, the rest of the form kept, nothing stored."""

import tracemalloc

import pytest
from bs4 import BeautifulSoup
from django import forms as django_forms
from django.utils import translation

from forms.models import ConsentRecord, ConsentSubmission
from forms.upload_checks import MAX_PDF_PAGES
from forms.uploads import validate_cv
from tests.forms.helpers import CAREERS_ANSWERS, fill
from tests.forms.upload_samples import (
    BILLION_LAUGHS,
    MACRO_MAIN,
    docx_bytes,
    docx_file,
    docx_of_many_entries,
    html_named_pdf,
    pdf_bytes,
    pdf_file,
    truncated_pdf,
    upload,
    write_docx_bomb,
)


@pytest.fixture(scope="session")
def docx_bomb_path(tmp_path_factory):
    return write_docx_bomb(tmp_path_factory.mktemp("uploads") / "bomb.docx")


def refusal_code(file):
    try:
        validate_cv(file)
    except django_forms.ValidationError as error:
        return error.code
    return None


@pytest.mark.parametrize(
    "make_file",
    [
        pdf_file,
        lambda: pdf_file(pages=MAX_PDF_PAGES),
        docx_file,
        lambda: docx_file(name="CV.DOCX"),
    ],
)
def test_real_pdfs_and_docx_files_are_accepted(make_file):
    assert refusal_code(make_file()) is None


@pytest.mark.parametrize(
    ("make_file", "code"),
    [
        (html_named_pdf, "file_damaged"),  # starts with %PDF-, is HTML
        (truncated_pdf, "file_damaged"),
        (lambda: pdf_file(encrypt=True), "file_encrypted"),
        (lambda: pdf_file(javascript=True), "file_active_content"),
        (lambda: pdf_file(pages=MAX_PDF_PAGES + 1), "file_too_complex"),
        (lambda: upload("cv.docx", pdf_bytes()), "file_content"),  # a renamed PDF
        (lambda: upload("cv.pdf", docx_bytes()), "file_content"),  # a renamed DOCX
        (lambda: upload("cv.docx", b"PK\x03\x04" + b"\0" * 200), "file_damaged"),  # a ZIP's first bytes only
        (lambda: upload("cv.docx", docx_bytes()[:-40]), "file_damaged"),  # no end of central directory
        (lambda: docx_file(leave_out={"word/document.xml"}), "file_damaged"),
        (lambda: docx_file(leave_out={"[Content_Types].xml"}), "file_damaged"),
        (lambda: docx_file(leave_out={"_rels/.rels"}), "file_damaged"),
        (lambda: docx_file(main="application/xml"), "file_content"),  # main part not a Word document
        (lambda: docx_file(main=MACRO_MAIN), "file_content"),  # a .docm renamed
        (lambda: docx_file(extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "file_active_content"),
        (lambda: docx_file(document="<html><body>CV</body></html>"), "file_damaged"),
        (lambda: docx_file(document="<w:document"), "file_damaged"),  # not well-formed
        (lambda: docx_file(document=BILLION_LAUGHS), "file_damaged"),  # entities refused, not expanded
        (docx_of_many_entries, "file_too_complex"),
    ],
)
def test_files_that_are_not_what_they_claim_or_too_much_are_refused(make_file, code):
    assert refusal_code(make_file()) == code


def test_a_docx_inflating_to_a_gibibyte_is_refused_without_inflating_it(docx_bomb_path):
    content = docx_bomb_path.read_bytes()
    assert len(content) < 2 * 1024 * 1024  # a small upload...
    tracemalloc.start()
    try:
        code = refusal_code(upload("cv.docx", content))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == "file_too_complex"
    assert peak < 16 * 1024 * 1024  # ...refused from its directory, never inflated


def test_a_docx_lying_about_its_sizes_is_refused_when_read():
    """Declared sizes say 100 bytes; the part inflates to more: zipfile stops at the declared size and
    the CRC does not match, so the file is damaged, not inflated."""
    content = bytearray(docx_bytes())
    marker = content.find(b"word/document.xml", content.find(b"PK\x01\x02"))  # its central directory entry
    header = content.rfind(b"PK\x01\x02", 0, marker)
    content[header + 24 : header + 28] = (100).to_bytes(4, "little")  # uncompressed size
    assert refusal_code(upload("cv.docx", bytes(content))) == "file_damaged"


def page_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (html_named_pdf, "could not be read"),
        (lambda: pdf_file(encrypt=True), "protected by a password"),
        (docx_of_many_entries, "too large or too complex"),
        (lambda: docx_file(main=MACRO_MAIN), "not a Word document"),
        (lambda: docx_file(extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "macros"),
    ],
)
def test_the_form_says_why_keeps_the_rest_and_stores_nothing(
    client, policy_pages, settings, tmp_path, make_file, message
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    data = fill(client, "/en/careers/", answers=CAREERS_ANSWERS)
    data["cv"] = make_file()
    with translation.override("en"):
        response = client.post("/en/careers/", data)
    assert response.status_code == 200
    page = page_of(response)
    alerts = " ".join(node.get_text(" ", strip=True) for node in page.select("[role=alert]"))
    assert message in alerts
    assert page.select_one("input[name=full_name]")["value"] == CAREERS_ANSWERS["full_name"]
    assert ConsentRecord.objects.count() == ConsentSubmission.objects.count() == 0
    assert list(tmp_path.iterdir()) == []


def test_the_refusal_is_translated(client, policy_pages):
    data = fill(client, "/ru/careers/", answers=CAREERS_ANSWERS)
    data["cv"] = html_named_pdf()
    response = client.post("/ru/careers/", data)
    with translation.override("ru"):
        expected = translation.gettext(
            "The file could not be read: it may be damaged. Upload a PDF or DOCX file that opens on your "
            "computer."
        )
    assert expected in page_of(response).get_text(" ")
    assert ConsentSubmission.objects.count() == 0
