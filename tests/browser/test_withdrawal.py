"""A visitor withdraws one consent from the receipt page in one click (and a confirmation); the privacy
officer sees that purpose withdrawn in /admin/consents/."""

from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.browser.test_consent_forms import logged_in_tab, submit_contact_form


def english_speaking_officer(django_user_model):
    """A Privacy officer whose admin speaks English (the assertions read English)."""
    officer = django_user_model.objects.create_user("officer", password="officer-pass-1")
    officer.groups.add(Group.objects.get(name="Privacy officers"))
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    return officer


def test_one_click_withdrawal_from_the_receipt_shows_in_the_officers_listing(
    browser, demo_server, django_user_model
):
    english_speaking_officer(django_user_model)

    visitor = browser.new_context(locale="en-GB")
    tab = visitor.new_page()
    tab.set_default_timeout(15_000)
    receipt = submit_contact_form(tab, demo_server.url, "en", "withdraw@example.kz")
    purpose = tab.locator(".receipt ul.grants li", has=tab.locator("a.grant__withdraw")).first
    number = purpose.inner_text().split(":", 1)[1].strip().split(".", 1)[0]  # "✔ Consent given: 4. …"
    purpose.locator("a.grant__withdraw").click()
    tab.wait_for_url("**/en/contact/withdraw/*/")
    assert tab.locator("h1").inner_text() == "Withdraw your consent"
    tab.locator("form.withdrawal-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Consent withdrawn"
    assert receipt in tab.locator(".withdrawal-receipt").inner_text()
    tab.go_back()  # the confirmation page again, then its button once more: already withdrawn
    tab.reload()
    assert "already withdrawn" in tab.locator("h1").inner_text()
    visitor.close()

    staff, admin = logged_in_tab(browser, demo_server.url, "officer", "officer-pass-1")
    admin.goto(f"{demo_server.url}/admin/consents/?q=withdraw%40example.kz")
    row = admin.locator("table.listing tbody tr", has_text=receipt)
    assert row.count() == 1
    assert f"{number} withdrawn" in row.inner_text()
    admin.goto(f"{demo_server.url}/admin/consents/?state=withdrawn")
    assert admin.locator("table.listing tbody tr", has_text=receipt).count() == 1
    staff.close()
