"""Files to upload as a CV, real and hostile, built in the test (no binary fixtures in the repository).

Valid ones are made with the same kind of tools that make real ones: a PDF with pypdf, a DOCX as the
ZIP package Word writes (content types, package relationships, the main document part).
"""

import functools
import io
import zipfile

import pypdf
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf.actions import JavaScript

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{main}"/>
</Types>"""

PACKAGE_RELATIONSHIPS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""

DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Асқар Серікұлы, CV</w:t></w:r></w:p></w:body>
</w:document>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>"""


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# PDF


def pdf_bytes(pages=1, encrypt=False, javascript=False):
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if javascript:
        writer.add_open_action(JavaScript("app.alert(1);"))
    if encrypt:
        writer.encrypt(user_password="secret", algorithm="RC4-128")  # RC4: no crypto library needed
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_file(name="cv.pdf", **options):
    return upload(name, pdf_bytes(**options), "application/pdf")


def truncated_pdf():
    content = pdf_bytes(pages=3)
    return upload("cv.pdf", content[: len(content) // 2], "application/pdf")


def html_named_pdf():
    """An HTML page that starts with the PDF signature, as the issue's tester uploaded."""
    return upload("cv.pdf", b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>")


# DOCX


def docx_bytes(main=WORD_MAIN, document=DOCUMENT, extra=(), leave_out=()):
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main),
        "_rels/.rels": PACKAGE_RELATIONSHIPS,
        "word/document.xml": document,
        **dict(extra),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if name not in leave_out:
                archive.writestr(name, content)
    return buffer.getvalue()


def docx_file(name="cv.docx", **options):
    return upload(name, docx_bytes(**options), DOCX_TYPE)


def write_docx_bomb(path, inflated_bytes=1024**3):
    """A DOCX whose main part inflates to `inflated_bytes` of zeros (about 1 MB for 1 GiB), written
    in 1 MiB chunks so the test never holds the inflated part in memory."""
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=WORD_MAIN))
        archive.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(inflated_bytes // len(chunk)):
                part.write(chunk)
    return path


def docx_of_many_entries(count=40_000):
    """A real DOCX with `count` - 3 empty extra entries (about 3.5 MB for 40,000)."""
    return upload("cv.docx", _many_entries(count), DOCX_TYPE)


@functools.cache
def _many_entries(count):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=WORD_MAIN))
        archive.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        archive.writestr("word/document.xml", DOCUMENT)
        for index in range(count - 3):
            archive.writestr(f"customXml/{index}", b"")
    return buffer.getvalue()
