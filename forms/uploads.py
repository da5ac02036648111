"""CV uploads: checked for type, size and content, stored where the web server never serves them.

Files go to PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT and STATIC_ROOT); staff download them through an
admin view that checks their permission.
"""

import io
import uuid
import zipfile

from django import forms as django_forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_EXTENSIONS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def private_storage():
    """Storage for files only staff may download (PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT)."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def _looks_like_pdf(head):
    return head.startswith(b"%PDF-")


def _looks_like_docx(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)


def validate_cv(upload):
    """Raise ValidationError unless `upload` is a PDF or DOCX of at most 5 MB whose bytes match."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise django_forms.ValidationError(_("Upload a PDF or DOCX file."), code="file_type")
    if upload.size > MAX_UPLOAD_BYTES:
        raise django_forms.ValidationError(_("The file is larger than 5 MB."), code="file_size")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    matches = _looks_like_pdf(head) if extension == "pdf" else _looks_like_docx(upload)
    if not matches:
        raise django_forms.ValidationError(
            _("The file's content does not match its extension: upload a real PDF or DOCX file."),
            code="file_content",
        )


class CVField(django_forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            validate_cv(upload)
        return upload


def store_upload(upload):
    """Save an uploaded file privately; returns its storage name (what the submission keeps)."""
    extension = upload.name.rsplit(".", 1)[-1].lower()
    return private_storage().save(f"cv/{uuid.uuid4().hex}.{extension}", upload)


def delete_upload(name):
    """Remove a privately stored upload that no submission keeps."""
    private_storage().delete(name)
