"""A visitor submits the contact form in each language; a privacy officer finds each consent."""

from django.contrib.auth.models import Group


def submit_contact_form(page, base_url, language, email):
    page.goto(f"{base_url}/{language}/contact/")
    page.fill("input[name=full_name]", "Айгерим Нурланқызы")
    page.fill("input[name=email]", email)
    page.fill("input[name=phone]", "+7 701 123 45 67")
    page.fill("input[name=company]", "edna")
    page.select_option("select[name=country]", "KZ")
    page.fill("textarea[name=message]", "Сәлеметсіз бе!")
    page.check("input[name=consent_4]")
    page.locator("form.consent-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/contact/receipt/*/")
    return page.locator(".receipt code").first.inner_text()


def logged_in_tab(browser, base_url, username, password):
    """(context, tab) of a staff member logged in to the admin; close the context when done."""
    staff = browser.new_context(locale="en-GB")
    admin = staff.new_page()
    admin.goto(f"{base_url}/admin/login/")
    admin.fill("input[name=username]", username)
    admin.fill("input[name=password]", password)
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url("**/admin/")
    return staff, admin


def test_contact_consents_in_three_languages_are_found_by_the_privacy_officer(
    browser, demo_server, django_user_model
):
    officer = django_user_model.objects.create_user("officer", password="officer-pass-1")
    officer.groups.add(Group.objects.get(name="Privacy officers"))

    visitor = browser.new_context()
    tab = visitor.new_page()
    receipts = {
        language: submit_contact_form(tab, demo_server.url, language, f"{language}@example.kz")
        for language in ("kk", "ru", "en")
    }
    visitor.close()

    staff, admin = logged_in_tab(browser, demo_server.url, "officer", "officer-pass-1")
    for language, receipt in receipts.items():
        admin.goto(f"{demo_server.url}/admin/consents/?q={language}%40example.kz")
        row = admin.locator("table.listing tbody tr", has_text=receipt)
        assert row.count() == 1
        cells = row.locator("td").all_inner_texts()
        assert "1" in cells  # version 1
        assert language in cells
    staff.close()
