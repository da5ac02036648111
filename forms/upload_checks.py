"""What an uploaded CV really is: a PDF that a PDF library reads, or a DOCX that is a well-formed Word
document, each within limits, so that no privacy officer is handed a file that is something else.

A file's name and first bytes say nothing: an HTML page can start with `%PDF-`, and a 1 MB ZIP can
inflate to gigabytes or hold tens of thousands of entries. So:

- **PDF**: parsed with pypdf (which bounds what its own decompression may produce); it must open, have
  1 to MAX_PDF_PAGES pages, and be neither encrypted (officers could not open a password-protected
  file, and nobody could check it) nor carry JavaScript or embedded files (a CV needs neither).
- **DOCX**: read with the standard library's zipfile, looking only at the central directory before
  anything is inflated: at most MAX_DOCX_ENTRIES entries, at most MAX_DOCX_UNCOMPRESSED_BYTES in all,
  no entry compressed more than MAX_COMPRESSION_RATIO times (a bomb), no encrypted entry, no macros
  (`vbaProject.bin`). zipfile never inflates an entry beyond the size it declares, so the limits hold
  even when the declared sizes lie. Then the parts a Word document must have, parsed with defusedxml
  (no DTD, no entities): `[Content_Types].xml`, the package relationships `_rels/.rels` naming the
  main document part, that part declared with the Word document content type (not the macro-enabled
  one) and holding a `w:document` element.

Each check raises a ValidationError whose message says what to do in the visitor's language.
"""

import posixpath
import zipfile

import pypdf
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

MAX_PDF_PAGES = 100
MAX_DOCX_ENTRIES = 1000
MAX_DOCX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100  # XML of a real document deflates 5-20 times
RATIO_CHECKED_FROM_BYTES = 1024 * 1024  # tiny entries may deflate a lot and harm nobody

CONTENT_TYPES_PART = "[Content_Types].xml"
PACKAGE_RELATIONSHIPS_PART = "_rels/.rels"
OFFICE_DOCUMENT_RELATIONSHIPS = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",  # Strict OOXML
}
WORD_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_DOCUMENT_ELEMENTS = {
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}document",
    "{http://purl.oclc.org/ooxml/wordprocessingml/main}document",  # Strict OOXML
}
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

DAMAGED = _(
    "The file could not be read: it may be damaged. Upload a PDF or DOCX file that opens on your computer."
)


def _refuse(message, code, **params):
    raise django_forms.ValidationError(message, code=code, params=params or None)


# PDF


def check_pdf(upload):
    """Raise ValidationError unless `upload` is a readable, unencrypted PDF of 1 to MAX_PDF_PAGES pages
    with no JavaScript or embedded files."""
    upload.seek(0)
    try:
        reader = pypdf.PdfReader(upload, strict=False)
        if reader.is_encrypted:
            _refuse(
                _("The PDF is protected by a password or encryption: save it again without protection."),
                "file_encrypted",
            )
        pages = len(reader.pages)
        active = _pdf_has_active_content(reader)
    except django_forms.ValidationError:
        raise
    except Exception:  # noqa: BLE001 - whatever a parser of hostile bytes raises means "not a readable PDF"
        _refuse(DAMAGED, "file_damaged")
    finally:
        upload.seek(0)
    if not 0 < pages <= MAX_PDF_PAGES:
        _refuse(
            _("The PDF has %(pages)s pages: upload a CV of at most %(limit)s pages."),
            "file_too_complex",
            pages=pages,
            limit=MAX_PDF_PAGES,
        )
    if active:
        _refuse(
            _("The file contains scripts, macros or other files: upload a CV without them."),
            "file_active_content",
        )


ACTIVE_ACTIONS = {"/JavaScript", "/Launch"}


def _pdf_has_active_content(reader):
    """Whether the document catalog names JavaScript or embedded files, runs a script or launches a
    program on opening, or has document-level actions."""
    catalog = reader.trailer["/Root"].get_object()
    names = catalog.get("/Names")
    names = names.get_object() if names is not None else {}
    if "/JavaScript" in names or "/EmbeddedFiles" in names or "/AA" in catalog:
        return True
    opening = catalog.get("/OpenAction")
    opening = opening.get_object() if opening is not None else None
    return isinstance(opening, dict) and opening.get("/S") in ACTIVE_ACTIONS


# DOCX


def check_docx(upload):
    """Raise ValidationError unless `upload` is a Word document (see the module's docstring)."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            _check_entries(archive.infolist())
            _check_word_parts(archive)
    except django_forms.ValidationError:
        raise
    except Exception:  # noqa: BLE001 - not a ZIP, or a damaged one (bad headers, CRC or size), or an
        # unknown compression method: whatever zipfile raises on hostile bytes means "not a readable DOCX"
        _refuse(DAMAGED, "file_damaged")
    finally:
        upload.seek(0)


def _check_entries(entries):
    too_complex = _(
        "The DOCX is too large or too complex once unpacked: upload a simpler document, or a PDF."
    )
    if len(entries) > MAX_DOCX_ENTRIES:
        _refuse(too_complex, "file_too_complex")
    if sum(entry.file_size for entry in entries) > MAX_DOCX_UNCOMPRESSED_BYTES:
        _refuse(too_complex, "file_too_complex")
    for entry in entries:
        if entry.file_size > RATIO_CHECKED_FROM_BYTES and entry.file_size > MAX_COMPRESSION_RATIO * max(
            entry.compress_size, 1
        ):
            _refuse(too_complex, "file_too_complex")
        if entry.flag_bits & 0x1:
            _refuse(
                _("The document is protected by a password or encryption: save it again without protection."),
                "file_encrypted",
            )
        if posixpath.basename(entry.filename).lower() == "vbaproject.bin":
            _refuse(
                _("The file contains scripts, macros or other files: upload a CV without them."),
                "file_active_content",
            )


def _xml(archive, name):
    """The parsed part, or a "damaged" refusal when it is missing or not plain well-formed XML."""
    try:
        return fromstring(archive.read(name), forbid_dtd=True)
    except (ParseError, DefusedXmlException):
        _refuse(DAMAGED, "file_damaged")


def _check_word_parts(archive):
    names = set(archive.namelist())
    if CONTENT_TYPES_PART not in names or PACKAGE_RELATIONSHIPS_PART not in names:
        _refuse(DAMAGED, "file_damaged")
    main_part = _main_document_part(_xml(archive, PACKAGE_RELATIONSHIPS_PART))
    if main_part is None or main_part not in names:
        _refuse(DAMAGED, "file_damaged")
    if _content_type(_xml(archive, CONTENT_TYPES_PART), main_part) != WORD_DOCUMENT_TYPE:
        _refuse(
            _("The file is not a Word document (DOCX): upload a PDF or a DOCX file without macros."),
            "file_content",
        )
    if _xml(archive, main_part).tag not in WORD_DOCUMENT_ELEMENTS:
        _refuse(DAMAGED, "file_damaged")


def _main_document_part(relationships):
    """The ZIP name of the part the package's officeDocument relationship points to, or None."""
    for relationship in relationships.iter(f"{RELATIONSHIPS_NS}Relationship"):
        if (
            relationship.get("Type") in OFFICE_DOCUMENT_RELATIONSHIPS
            and relationship.get("TargetMode") != "External"
        ):
            target = relationship.get("Target") or ""
            return posixpath.normpath(target.lstrip("/")) if target else None
    return None


def _content_type(types, part_name):
    """The content type `[Content_Types].xml` gives the part: its Override, else its extension's Default."""
    wanted = "/" + part_name
    for override in types.iter(f"{CONTENT_TYPES_NS}Override"):
        if (override.get("PartName") or "").lower() == wanted.lower():
            return override.get("ContentType")
    extension = posixpath.splitext(part_name)[1].lstrip(".").lower()
    for default in types.iter(f"{CONTENT_TYPES_NS}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType")
    return None
