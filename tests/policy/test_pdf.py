"""The PDF of every snapshot: its language's text with the full hash, the same bytes every time, kept."""

import io
import subprocess
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy import pdf
from policy.models import PolicySnapshot

pytestmark = pytest.mark.skipif(not pdf.available(), reason="WeasyPrint cannot be loaded here")


def text_of(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("kk", ["Дербес", "өңдеу", "Нұсқа"]),
        ("ru", ["Политика", "обработки", "персональных"]),
        ("en", ["Policy", "personal data", "Version"]),
    ],
)
def test_pdf_of_version_one_has_its_language_text_and_full_hash(client, policy_pages, language, words):
    snapshot = PolicySnapshot.objects.get(language=language)
    response = client.get(f"/{language}/privacy/versions/1.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    text = text_of(content)
    assert snapshot.sha256 in text.replace("\n", "")
    assert snapshot.title in text
    for word in words:
        assert word in text
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    assert response["ETag"].startswith('"pdf-')
    assert f"edna-privacy-v1-{language}.pdf" in response["Content-Disposition"]


def test_kazakh_letters_are_drawn_with_the_embedded_project_font(policy_pages):
    snapshot = PolicySnapshot.objects.get(language="kk")
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(snapshot)))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert fonts and all("Policy-Sans" in name for name in fonts)  # the @font-face of policy/pdf_fonts
    text = text_of(pdf.render(snapshot))
    assert set("әғқңөұүі") <= set(text)


def test_two_builds_are_byte_identical(policy_pages):
    snapshot = PolicySnapshot.objects.get(language="kk")
    first, second = pdf.render(snapshot), pdf.render(snapshot)
    assert first == second
    assert b"/CreationDate" not in first and b"/ModDate" not in first


def test_a_build_in_another_process_gives_the_same_bytes(policy_pages, tmp_path):
    """Nothing of the process (font cache, random ids, the clock) enters the file."""
    snapshot = PolicySnapshot.objects.select_related("version").get(language="ru")
    html = pdf.document_html(snapshot)
    (tmp_path / "doc.html").write_text(html, encoding="utf-8")
    script = (
        "import sys, pathlib\n"
        "from weasyprint import HTML\n"
        "html = pathlib.Path(sys.argv[1]).read_text(encoding='utf-8')\n"
        "out = HTML(string=html, base_url=sys.argv[2]).write_pdf(pdf_identifier=sys.argv[3].encode(),"
        " uncompressed_pdf=False, custom_metadata=False)\n"
        "pathlib.Path(sys.argv[4]).write_bytes(out)\n"
    )
    target = tmp_path / "other.pdf"
    subprocess.run(  # noqa: S603 - our own interpreter and script
        [
            str(Path(__import__("sys").executable)),
            "-c",
            script,
            str(tmp_path / "doc.html"),
            pdf.FONTS_DIR.as_uri() + "/",
            snapshot.sha256[:32],
            str(target),
        ],
        check=True,
        timeout=120,
    )
    assert target.read_bytes() == pdf.render(snapshot)


def test_the_pdf_is_made_once_and_kept(client, policy_pages, monkeypatch):
    snapshot = PolicySnapshot.objects.get(language="en")
    first = b"".join(client.get("/en/privacy/versions/1.pdf").streaming_content)
    assert default_storage.exists(pdf.storage_name(snapshot))
    monkeypatch.setattr(pdf, "render", lambda snapshot: pytest.fail("rendered again"))
    with CaptureQueriesContext(connection) as second_queries:
        second = b"".join(client.get("/en/privacy/versions/1.pdf").streaming_content)
    with CaptureQueriesContext(connection) as third_queries:
        third = b"".join(client.get("/en/privacy/versions/1.pdf?edition=1").streaming_content)
    assert first == second == third
    assert (
        len(second_queries) == len(third_queries) <= 3
    )  # the policy page (when not cached), version, snapshot


def test_a_matching_etag_gets_304(client, policy_pages):
    etag = client.get("/kk/privacy/versions/1.pdf")["ETag"]
    response = client.get("/kk/privacy/versions/1.pdf", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


@pytest.mark.parametrize(
    "url",
    [
        "/kk/privacy/versions/7.pdf",
        "/kk/privacy/versions/1.pdf?edition=2",
        "/kk/nope/versions/1.pdf",
        "/en/privacy/versions/0.pdf",
    ],
)
def test_unknown_versions_and_editions_are_404(client, policy_pages, url):
    assert client.get(url).status_code == 404


def test_an_edition_by_number(client, policy_pages):
    assert client.get("/ru/privacy/versions/1.pdf?edition=1").status_code == 200


def test_version_and_policy_pages_link_the_pdf(client, policy_pages):
    for url in ("/en/privacy/", "/en/privacy/versions/1/"):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert page.select_one('a[href="/en/privacy/versions/1.pdf"]') is not None, url


def test_without_weasyprint_the_link_is_hidden_and_the_address_is_404(client, policy_pages, monkeypatch):
    monkeypatch.setattr(pdf, "available", lambda: False)
    assert client.get("/en/privacy/versions/1.pdf").status_code == 404
    page = BeautifulSoup(client.get("/en/privacy/versions/1/").content, "html.parser")
    assert page.select_one('a[href$=".pdf"]') is None
