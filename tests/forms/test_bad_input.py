"""Bad input gets a clear, translated error, keeps what the visitor typed, and stores nothing."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from forms.models import ConsentRecord, ConsentSubmission
from tests.forms.helpers import CAREERS_ANSWERS, CONTACT_ANSWERS, fill
from tests.forms.upload_samples import docx_file as docx_upload
from tests.forms.upload_samples import pdf_bytes


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page_of(response):
    return BeautifulSoup(response.content, "html.parser")


def errors(response):
    return " ".join(node.get_text(" ", strip=True) for node in page_of(response).select("[role=alert]"))


def assert_nothing_stored():
    assert ConsentRecord.objects.count() == 0
    assert ConsentSubmission.objects.count() == 0


def test_missing_required_consent_is_refused_in_the_visitors_language(client, policy_pages):
    data = fill(client, "/ru/contact/", consents=["consent_2"])
    response = client.post("/ru/contact/", data)
    assert response.status_code == 200
    assert "согласи" in errors(response).lower()
    assert page_of(response).select_one("input[name=company]")["value"] == CONTACT_ANSWERS["company"]
    assert_nothing_stored()


@pytest.mark.parametrize(
    ("token", "language", "expected"),
    [
        ("", "en", "incomplete"),
        ("forged.token:abc", "en", "could not be verified"),
        ("eyJzIjo5OTl9:1xWBBB:tamperedsignature", "en", "could not be verified"),
    ],
)
def test_missing_or_forged_token_is_refused(client, policy_pages, token, language, expected):
    data = fill(client, f"/{language}/contact/", consent_token=token)
    response = client.post(f"/{language}/contact/", data)
    assert response.status_code == 200
    assert expected in errors(response)
    assert page_of(response).select_one("input[name=consent_token]")["value"]  # a fresh token to resend with
    assert_nothing_stored()


def test_token_of_another_form_is_refused(client, policy_pages):
    other = fill(client, "/en/feedback/")
    data = fill(client, "/en/contact/", consent_token=other["consent_token"])
    response = client.post("/en/contact/", data)
    assert "could not be verified" in errors(response)
    assert_nothing_stored()


def test_expired_token_is_refused(client, policy_pages, settings):
    data = fill(client, "/kk/contact/")
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.CONSENT_TOKEN_MAX_AGE + 60)):
        response = client.post("/kk/contact/", data)
    assert response.status_code == 200
    assert errors(response)
    assert_nothing_stored()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-email"),
        ("phone", "12"),
        ("phone", "телефон"),
        ("full_name", "x" * 256),
        ("message", "x" * 5001),
        ("country", "XX"),
    ],
)
def test_invalid_fields_are_refused_with_an_error_beside_them(client, policy_pages, field, value):
    data = fill(client, "/en/contact/", **{field: value})
    response = client.post("/en/contact/", data)
    assert response.status_code == 200
    field_block = page_of(response).select_one(f"#id_{field}").find_parent(class_="field")
    assert field_block.select_one(".error") is not None
    assert_nothing_stored()


def test_phone_numbers_are_stored_in_international_format(client, policy_pages, on_commit):
    data = fill(client, "/en/contact/", phone="8 701 123 45 67")
    with on_commit():
        assert client.post("/en/contact/", data).status_code == 302
    assert ConsentSubmission.objects.get().form_data["phone"] == "+77011234567"


def test_script_tags_are_stored_as_text_and_shown_escaped(client, admin_user, policy_pages, on_commit):
    script = "<script>alert('x')</script>"
    data = fill(client, "/en/contact/", message=script)
    with on_commit():
        client.post("/en/contact/", data)
    assert ConsentSubmission.objects.get().form_data["message"] == script
    data = fill(client, "/en/contact/", email="bad", message=script)
    html = client.post("/en/contact/", data).content.decode()
    assert script not in html
    assert "&lt;script&gt;" in html


def test_honeypot_blocks_and_stores_nothing(client, policy_pages):
    data = fill(client, "/kk/contact/", website="http://spam.example")
    response = client.post("/kk/contact/", data)
    assert response.status_code == 400
    assert errors(response)
    assert_nothing_stored()


@pytest.mark.usefixtures("stopped_clock")  # one rate-limit window for the whole test
def test_rate_limit_per_ip_per_form(client, policy_pages, settings, on_commit):
    settings.CONSENT_FORM_RATE = "2/m"
    for _ in range(2):
        data = fill(
            client, "/en/feedback/", answers={"full_name": "", "email": "a@example.kz", "message": "Hi"}
        )
        with on_commit():
            assert client.post("/en/feedback/", data).status_code == 302
    data = fill(client, "/en/feedback/", answers={"full_name": "", "email": "a@example.kz", "message": "Hi"})
    response = client.post("/en/feedback/", data)
    assert response.status_code == 429
    assert "try again" in errors(response)
    assert ConsentRecord.objects.count() == 2
    # Another form has its own allowance.
    data = fill(client, "/en/contact/")
    with on_commit():
        assert client.post("/en/contact/", data).status_code == 302


def pdf_file(name="cv.pdf", size=None):
    """A real PDF (tests/forms/test_upload_checks.py says what else is refused), padded to `size`."""
    content = pdf_bytes()
    content += b"\n" * ((size or 0) - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_file(name="cv.docx"):
    return docx_upload(name)


def post_cv(client, upload):
    data = fill(client, "/en/careers/", answers=CAREERS_ANSWERS)
    data["cv"] = upload
    return client.post("/en/careers/", data)


@pytest.mark.parametrize("make_upload", [pdf_file, docx_file])
def test_cv_pdf_or_docx_is_stored_privately(client, policy_pages, on_commit, settings, tmp_path, make_upload):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    with on_commit():
        response = post_cv(client, make_upload())
    assert response.status_code == 302
    stored = ConsentSubmission.objects.get().form_data["cv"]
    assert (tmp_path / stored).exists()
    assert not str(tmp_path).startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("cv.exe", b"MZ\x90\x00"), "PDF or DOCX"),
        (pdf_file(size=5 * 1024 * 1024 + 1), "5 MB"),
        (SimpleUploadedFile("cv.pdf", b"PK\x03\x04 not a pdf"), "does not match"),
        (SimpleUploadedFile("cv.docx", b"%PDF-1.4 actually a pdf"), "does not match"),
    ],
)
def test_bad_cv_is_refused(client, policy_pages, upload, message):
    response = post_cv(client, upload)
    assert response.status_code == 200
    assert message in errors(response)
    assert_nothing_stored()
