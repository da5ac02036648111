"""The receipt on a small phone: nothing scrolls sideways, and it can be printed."""

import pytest

from tests.browser.test_consent_forms import submit_contact_form

SMALL_PHONE = {"width": 320, "height": 700}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_receipt_fits_a_320_pixel_screen_and_offers_to_print(browser, demo_server, language):
    context = browser.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    submit_contact_form(page, demo_server.url, language, f"narrow-{language}@example.kz")

    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], widths
    sha256 = page.locator(".receipt code").nth(1)
    assert sha256.bounding_box()["width"] <= SMALL_PHONE["width"]

    print_button = page.locator("button[data-print]")
    assert print_button.count() == 1
    assert print_button.is_visible()  # shown by cms/static/js/print-button.js (no inline script)
    withdrawal = page.locator(".receipt-withdrawal a[href*='#clause-']")
    assert withdrawal.get_attribute("href").endswith("/versions/1/#clause-3.2")
    context.close()
