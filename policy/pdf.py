"""The PDF of a frozen snapshot: made once, kept beside it, and the same bytes every time.

A snapshot never changes (the version invariant), so neither does its PDF: it is rendered with
WeasyPrint the first time someone asks for it, kept in the default storage under a name made of the
snapshot's id, its SHA-256 and the layout's number (`PDF_LAYOUT`), and every later request gets those
stored bytes. The snapshot itself is never touched.

The bytes depend on the snapshot alone, never on the clock or the machine:
- the labels (version, language, effective date, SHA-256) are in the snapshot's own language, so the
  Kazakh text asked for at /en/ (a fallback) is the same file as at /kk/;
- the fonts are the project's own (policy/pdf_fonts/: DejaVu Sans, which has every Kazakh letter),
  embedded in the file, never the machine's;
- no creation or modification date is written, and the PDF's identifier is taken from the hash.

WeasyPrint needs Pango from the system. Where it cannot be loaded, `available()` says so: the version
pages hide the link and the PDF address answers the site's 404 page, never a 500.
"""

import functools
import logging
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import get_language_info

logger = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parent / "pdf_fonts"
# Raise when the PDF's template or style changes on purpose: snapshots then get new files (old ones stay).
PDF_LAYOUT = 1
STORAGE_FOLDER = "policy-pdfs"


@functools.cache
def available():
    """Whether WeasyPrint (and the Pango it loads) can be used on this machine."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        logger.warning("Policy PDFs are off: WeasyPrint cannot be loaded (%s)", error)
        return False
    return True


def storage_name(snapshot):
    return f"{STORAGE_FOLDER}/snapshot-{snapshot.id}-{snapshot.sha256}-layout{PDF_LAYOUT}.pdf"


def filename(snapshot):
    """The name a download is saved under, e.g. edna-privacy-v1-kk.pdf (edition added when > 1)."""
    edition = f"-edition{snapshot.sequence}" if snapshot.sequence > 1 else ""
    return f"edna-privacy-v{snapshot.version.number}-{snapshot.language}{edition}.pdf"


def pdf_bytes(snapshot):
    """The snapshot's PDF: the kept file, or a new one rendered and kept."""
    name = storage_name(snapshot)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as kept:
            return kept.read()
    content = render(snapshot)
    if not default_storage.exists(name):  # another request may have kept it meanwhile
        default_storage.save(name, ContentFile(content))
    return content


def _fonts_only_fetcher():
    """A URL fetcher that reads nothing but the project's fonts (no file or network access otherwise)."""
    allowed = FONTS_DIR.as_uri() + "/"

    def check(url):
        if not url.startswith(allowed) or ".." in url:
            raise ValueError(f"Not fetched for a policy PDF: {url}")

    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before the URLFetcher class: a function
        from weasyprint import default_url_fetcher

        def fetch(url, *args, **kwargs):
            check(url)
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            check(url)
            return super().fetch(url, headers)

    return FontsOnly()


def document_html(snapshot):
    """The HTML WeasyPrint lays out: the facts that identify the text, then the frozen HTML."""
    version = snapshot.version
    with translation.override(snapshot.language):
        effective = timezone.localtime(version.effective_from, timezone.get_fixed_timezone(0))
        return render_to_string(
            "policy/pdf/snapshot.html",
            {
                "snapshot": snapshot,
                "version": version,
                "language_code": snapshot.language,
                "language_name": get_language_info(snapshot.language)["name_local"],
                "effective_from": date_format(effective, "DATETIME_FORMAT") + " UTC",
                "fonts_url": FONTS_DIR.as_uri() + "/",
            },
        )


def render(snapshot):
    """New PDF bytes of `snapshot` (the same bytes for the same snapshot, on any machine)."""
    from weasyprint import HTML

    html = HTML(
        string=document_html(snapshot), base_url=FONTS_DIR.as_uri() + "/", url_fetcher=_fonts_only_fetcher()
    )
    return html.write_pdf(
        pdf_identifier=snapshot.sha256[:32].encode("ascii"),
        uncompressed_pdf=False,
        custom_metadata=False,
    )
