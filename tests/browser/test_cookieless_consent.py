"""A visitor whose browser keeps no cookies can still give consent (forms/csrf.py): Chromium says the
POST comes from this site's own origin, which the CSRF check accepts in place of the cookie."""

from forms.models import ConsentRecord


def test_a_consent_form_sent_without_cookies_is_received(browser, demo_server):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{demo_server.url}/ru/contact/")
    context.clear_cookies()  # as if the browser refused the CSRF cookie the page set
    page.fill("input[name=full_name]", "Айгерим Нурланқызы")
    page.fill("input[name=email]", "no-cookies@example.kz")
    page.fill("input[name=phone]", "+7 701 123 45 67")
    page.fill("input[name=company]", "edna")
    page.select_option("select[name=country]", "KZ")
    page.fill("textarea[name=message]", "Сәлеметсіз бе!")
    for box in page.locator("input[type=checkbox][required]").all():
        box.check()
    page.locator("form.consent-form button[type=submit]").click()
    page.wait_for_url("**/ru/contact/receipt/*/")
    assert ConsentRecord.objects.filter(submission__email="no-cookies@example.kz").count() == 1
    context.close()
