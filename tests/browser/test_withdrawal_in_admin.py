"""Withdrawal seen from both sides in a real browser: a visitor withdraws one consent with the receipt
page's one-click link and asks, through the requests page, to withdraw the rest; the privacy officer
sees the first withdrawal on the consent record, finds the request on the dashboard and in the queue,
carries it out with the inspect page's form, and the record then shows every consent withdrawn."""

import re
from urllib.parse import urlsplit

from django.core import mail

from forms.models import ConsentRecord, PrivacyRequest
from tests.browser.test_consent_forms import logged_in_tab
from tests.browser.test_withdrawal import english_speaking_officer


def refuse_cookies(tab):
    """The cookie banner asks on a visitor's first page; this one refuses, and the banner goes away."""
    button = tab.locator("#cookie-banner [data-layer=first] [data-action=reject]")
    if button.is_visible():
        button.click()
        button.wait_for(state="hidden")


def give_every_consent(tab, base_url, email):
    """Fill in /en/contact/ ticking every purpose; the receipt number."""
    tab.goto(f"{base_url}/en/contact/")
    refuse_cookies(tab)
    tab.fill("input[name=full_name]", "Dana Visitor")
    tab.fill("input[name=email]", email)
    tab.fill("input[name=phone]", "+7 701 123 45 67")
    tab.fill("input[name=company]", "edna")
    tab.select_option("select[name=country]", "KZ")
    tab.fill("textarea[name=message]", "Hello")
    for box in tab.locator("input[type=checkbox][name^=consent_]").all():
        box.check()
    tab.locator("form.consent-form button[type=submit]").click()
    tab.wait_for_url("**/en/contact/receipt/*/")
    return tab.locator(".receipt code").first.inner_text()


def on_live_server(base_url, link):
    """A link from an e-mail (on the canonical address) opened on the test server."""
    parts = urlsplit(link)
    return f"{base_url}{parts.path}?{parts.query}"


def states_on_record_page(admin):
    return [state.inner_text() for state in admin.locator(".consent-grant-state").all()]


def test_a_withdrawal_by_link_and_one_by_request_both_show_in_the_admin(
    browser, demo_server, django_user_model
):
    english_speaking_officer(django_user_model)

    visitor = browser.new_context(locale="en-GB")
    tab = visitor.new_page()
    tab.set_default_timeout(15_000)
    receipt = give_every_consent(tab, demo_server.url, "dana@example.kz")
    record = ConsentRecord.objects.get(receipt_id=receipt)
    granted = record.grants.filter(granted=True).count()
    assert granted >= 2

    # One click from the receipt, one button: the first purpose is withdrawn, and a receipt e-mailed.
    tab.locator(".receipt a.grant__withdraw").first.click()
    tab.wait_for_url("**/en/contact/withdraw/*/")
    tab.locator("form.withdrawal-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Consent withdrawn"
    assert any(receipt in message.subject for message in mail.outbox)

    # The rest by a request, confirmed with the e-mailed link.
    mail.outbox.clear()
    tab.goto(f"{demo_server.url}/en/privacy/requests/")
    tab.check("input[name=request_type][value=withdrawal]")
    tab.fill("input[name=email]", "dana@example.kz")
    tab.fill("input[name=receipt_id]", receipt)
    tab.locator("form.privacy-request-form button[type=submit]").click()
    tab.wait_for_load_state()
    (confirmation,) = mail.outbox
    link = re.search(r"https?://\S+/privacy/requests/confirm/\?token=\S+", confirmation.body).group(0)
    tab.goto(on_live_server(demo_server.url, link))
    tab.locator(".privacy-request-confirm form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Request confirmed"
    visitor.close()
    privacy_request = PrivacyRequest.objects.get()

    staff, admin = logged_in_tab(browser, demo_server.url, "officer", "officer-pass-1")
    admin.set_default_timeout(15_000)
    admin.goto(f"{demo_server.url}/admin/consents/inspect/{record.pk}/")
    assert states_on_record_page(admin).count("withdrawn") == 1

    admin.goto(f"{demo_server.url}/admin/")
    assert "All open requests" in admin.locator("section.privacy-requests-due").inner_text()
    admin.goto(f"{demo_server.url}/admin/privacy-requests/?status=open")
    admin.locator("table.listing tbody tr a", has_text="Withdraw consent").click()
    admin.wait_for_url(f"**/admin/privacy-requests/inspect/{privacy_request.pk}/")
    form = admin.locator("form.privacy-request-action--withdraw")
    assert form.locator("input[name=consent]:checked").count() == granted - 1
    form.locator("button[type=submit]").click()
    admin.wait_for_url(f"**/admin/privacy-requests/inspect/{privacy_request.pk}/")
    assert "The request is done" in admin.locator(".messages").inner_text()
    assert "Withdrew consents for the person" in admin.locator(".privacy-request-history").inner_text()

    admin.goto(f"{demo_server.url}/admin/consents/inspect/{record.pk}/")
    assert states_on_record_page(admin).count("withdrawn") == granted
    events = admin.locator(".consent-events li").all_inner_texts()
    assert sum("(receipt link)" in event for event in events) == 1
    assert sum("(staff)" in event for event in events) == granted - 1
    staff.close()

    (answer,) = [
        message for message in mail.outbox if message.subject == "Your privacy request was carried out"
    ]
    assert answer.to == ["dana@example.kz"]
    assert "Your consent has been withdrawn for:" in answer.body
