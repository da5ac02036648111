"""On a phone, the consent statements of /ru/contact/ are readable and the submit button within reach.

What every consent of the form shares (operator, data, period, transfers, publication, withdrawal, the
version link) is shown once above the checkboxes; each checkbox says what is particular to its purpose,
and the details (processing methods, the policy's clauses in full) are folded away.
"""

PHONE = {"width": 390, "height": 844}
SUBMIT_WITHIN = 2500  # px from the top of the page
LABEL_MAX = 350  # characters of a checkbox label's visible text


def test_contact_form_on_a_phone_shows_short_statements_and_the_button_within_reach(browser, demo_server):
    context = browser.new_context(viewport=PHONE, locale="ru-RU")
    tab = context.new_page()
    tab.goto(f"{demo_server.url}/ru/contact/")

    assert tab.locator("details").evaluate_all("all => all.every(details => !details.open)")
    submit_top = tab.locator("form.consent-form button[type=submit]").evaluate(
        "button => button.getBoundingClientRect().top + window.scrollY"
    )
    assert submit_top <= SUBMIT_WITHIN, submit_top

    labels = tab.locator(".consent > label").all_inner_texts()
    assert len(labels) == 3
    for label in labels:
        assert len(label.strip()) <= LABEL_MAX, (len(label), label)

    assert tab.locator(".consent-terms").count() == 1
    consents_text = tab.locator("fieldset.consents").inner_text()
    assert consents_text.count("Германия") == 1  # the countries, once (the folded clause 3.5 is not shown)
    assert consents_text.count("наименование компании") == 1  # the data this form collects, once
    assert tab.locator('.consent-terms a[href$="/ru/privacy/versions/1/"]').count() == 1  # a real link
    context.close()
