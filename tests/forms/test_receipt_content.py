"""What a receipt says: one thank-you, the time with its zone, the text accepted, how to withdraw, print."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import formats, timezone, translation

from forms.models import ConsentRecord
from home.models import CompanyDetails
from policy.models import PolicySnapshot
from tests.forms.helpers import fill


@pytest.fixture
def receipt(client, policy_pages, django_capture_on_commit_callbacks):
    """Give consent on /<language>/contact/ and return (the receipt page's soup, the record)."""

    def give(language):
        data = fill(client, f"/{language}/contact/")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/{language}/contact/", data)
        assert response.status_code == 302
        record = ConsentRecord.objects.get(language=language)
        page = client.get(response["Location"])
        assert page.status_code == 200
        return BeautifulSoup(page.content.decode(), "html.parser"), record

    return give


def test_the_receipt_says_thank_you_once(receipt):
    soup, _record = receipt("en")
    text = soup.select_one("main").get_text(" ", strip=True)
    assert text.lower().count("thank you") == 1


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_time_is_given_with_its_zone(receipt, language):
    soup, record = receipt(language)
    shown = soup.select_one(".receipt time")
    local = timezone.localtime(record.submitted_at)
    with translation.override(language):
        moment = formats.date_format(local, "DATETIME_FORMAT")
    assert shown.get_text() == f"{moment} (Asia/Almaty, UTC+05:00)"
    assert shown["datetime"] == local.isoformat(timespec="seconds")  # HTML allows at most 3 fractional digits


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_links_to_the_version_accepted_and_to_withdrawal(receipt, policy_pages, language):
    """The canonical (absolute) address of the version, as the consent statement names it."""
    soup, record = receipt(language)
    accepted = soup.select_one(".receipt a[href*='/versions/']")["href"]
    assert accepted.startswith("http")
    assert accepted.endswith(f"{policy_pages[language].url}versions/{record.version.number}/")
    withdrawal = soup.select_one(".receipt-withdrawal a[href*='/versions/']")["href"]
    assert withdrawal == f"{accepted}#clause-3.2"


def test_how_to_withdraw_by_e_mail_or_post_from_the_company_details(receipt):
    soup, _record = receipt("en")
    company = CompanyDetails.objects.get().for_language("en")
    section = soup.select_one(".receipt-withdrawal")
    assert section.select_one(f"a[href='mailto:{company.email}']") is not None
    text = section.get_text(" ", strip=True)
    assert company.legal_name in text
    assert company.postal_address.splitlines()[0] in text


def test_a_print_button_shown_by_the_sites_own_script(receipt):
    soup, _record = receipt("kk")
    button = soup.select_one("button[data-print]")
    assert button is not None and button.has_attr("hidden")  # print-button.js shows it
    assert soup.select_one("script[src$='js/print-button.js']") is not None
    assert soup.select_one("script:not([src])") is None  # the CSP allows no inline script


def test_after_a_correction_the_link_names_the_edition_accepted(receipt, client):
    """A correction (edition 2) of the text makes the version's address show it: the receipt keeps
    pointing at the edition the visitor accepted."""
    soup, record = receipt("en")
    shown = record.snapshot
    PolicySnapshot.objects.create(
        version=shown.version,
        language=shown.language,
        sequence=shown.sequence + 1,
        page=shown.page,
        title=shown.title,
        text=shown.text + " ",
        html=shown.html,
        document=shown.document,
        sha256=PolicySnapshot.hash_text(shown.text + " "),
    )
    html = client.get(f"/en/contact/receipt/{record.receipt_id}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    accepted = soup.select_one(".receipt a[href*='/versions/']")["href"]
    assert accepted.endswith(f"/versions/{shown.version.number}/?edition={shown.sequence}")
    withdrawal = soup.select_one(".receipt-withdrawal a[href*='/versions/']")["href"]
    assert withdrawal == f"{accepted}#clause-3.2"
    address = urlsplit(accepted)
    version_page = client.get(f"{address.path}?{address.query}")
    assert version_page.status_code == 200
    assert 'id="clause-3.2"' in version_page.content.decode()


def test_the_kazakh_receipt_e_mail_dates_the_consent_in_kazakh(receipt):
    _soup, record = receipt("kk")
    with translation.override("kk"):
        moment = formats.date_format(timezone.localtime(record.submitted_at), "DATETIME_FORMAT")
    assert "жылғы" in moment
    receipts = [message for message in mail.outbox if record.submission.email in message.to]
    assert len(receipts) == 1
    assert moment in receipts[0].body
