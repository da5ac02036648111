"""Sending consent forms in erasure and retention tests: the answers, an optional CV, the record back."""

import io

import pypdf
from django.core.files.uploadedfile import SimpleUploadedFile

from forms.models import ConsentRecord
from tests.forms.helpers import CAREERS_ANSWERS, CONTACT_ANSWERS, fill


def pdf_bytes():
    """A real one-page PDF, as the upload checks want."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def submitter(client, capture_on_commit):
    """send(form, language, answers=None, cv=False) -> the consent record, the form sent as a browser
    would (`capture_on_commit`: pytest-django's django_capture_on_commit_callbacks)."""

    def send(form="contact", language="en", answers=None, cv=False):
        answers = dict(answers or (CAREERS_ANSWERS if form == "careers" else CONTACT_ANSWERS))
        data = fill(client, f"/{language}/{form}/", answers=answers)
        if cv:
            data["cv"] = SimpleUploadedFile("my-cv.pdf", pdf_bytes(), content_type="application/pdf")
        with capture_on_commit(execute=True):
            response = client.post(f"/{language}/{form}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return ConsentRecord.objects.select_related("submission").order_by("-pk").first()

    return send
