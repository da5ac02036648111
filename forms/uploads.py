"""CV uploads: checked for type, size and content, stored where the web server never serves them.

A CV must be named .pdf or .docx, weigh at most 5 MB, start as its kind of file does, and then be read
as one within limits (`forms.upload_checks`). A refused file is never stored: the form comes back with
the reason beside the field and everything else the visitor typed.

Files go to PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT and STATIC_ROOT); staff download them through an
admin view that checks their permission.
"""

import uuid

from django import forms as django_forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

from forms.upload_checks import check_docx, check_pdf

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_EXTENSIONS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def private_storage():
    """Storage for files only staff may download (PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT)."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"  # a DOCX is a ZIP package


def validate_cv(upload):
    """Raise ValidationError unless `upload` is a PDF or DOCX of at most 5 MB that reads as one."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise django_forms.ValidationError(_("Upload a PDF or DOCX file."), code="file_type")
    if upload.size > MAX_UPLOAD_BYTES:
        raise django_forms.ValidationError(_("The file is larger than 5 MB."), code="file_size")
    signature = PDF_SIGNATURE if extension == "pdf" else ZIP_SIGNATURE
    upload.seek(0)
    head = upload.read(len(signature))
    upload.seek(0)
    if head != signature:
        raise django_forms.ValidationError(
            _("The file's content does not match its extension: upload a real PDF or DOCX file."),
            code="file_content",
        )
    (check_pdf if extension == "pdf" else check_docx)(upload)


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
