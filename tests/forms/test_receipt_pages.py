"""A receipt is shown only under the form it was given on (in any of that form's languages): under
another form's address it is a 404 that shows nothing of it."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from forms.models import ConsentRecord
from tests.forms.helpers import CAREERS_ANSWERS, fill
from tests.forms.upload_samples import pdf_bytes


@pytest.fixture
def careers_receipt(client, policy_pages, settings, tmp_path, django_capture_on_commit_callbacks):
    """A consent given on /en/careers/ (with its CV): (its receipt path, the record)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    data = fill(client, "/en/careers/", answers=CAREERS_ANSWERS)
    data["cv"] = SimpleUploadedFile("cv.pdf", pdf_bytes(), content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/careers/", data)
    assert response.status_code == 302
    record = ConsentRecord.objects.get()
    assert response["Location"] == f"/en/careers/receipt/{record.receipt_id}/"
    return response["Location"], record


def what_a_receipt_reveals(record):
    """What only the receipt itself shows (its number is in the address the visitor typed anyway)."""
    return [record.snapshot.sha256, *(grant.purpose for grant in record.grants.all())]


def test_the_form_that_made_the_receipt_shows_it(client, careers_receipt):
    path, record = careers_receipt
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert BeautifulSoup(html, "html.parser").select_one("section.receipt code").get_text() == str(
        record.receipt_id
    )
    for text in what_a_receipt_reveals(record):
        assert text in html


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_translation_of_that_form_shows_it_too(client, careers_receipt, language):
    """The language switcher keeps the receipt's path, so the form in another language shows it."""
    _, record = careers_receipt
    response = client.get(f"/{language}/careers/receipt/{record.receipt_id}/")
    assert response.status_code == 200
    assert record.snapshot.sha256 in response.content.decode()


@pytest.mark.parametrize(
    "form_path",
    ["/en/contact/", "/en/feedback/", "/en/subscribe/", "/kk/contact/", "/ru/subscribe/"],
)
def test_another_forms_address_gives_404_and_reveals_nothing(client, careers_receipt, form_path):
    _, record = careers_receipt
    response = client.get(f"{form_path}receipt/{record.receipt_id}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert BeautifulSoup(html, "html.parser").select_one("section.receipt") is None
    for text in what_a_receipt_reveals(record):
        assert text not in html
    for value in CAREERS_ANSWERS.values():
        if value:
            assert value not in html
