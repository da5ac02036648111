"""After an invalid submit the keyboard focus is on the error summary, whose links reach the fields."""

from playwright.sync_api import expect


def test_an_invalid_submit_moves_focus_to_the_error_summary(page, demo_server):
    page.goto(f"{demo_server.url}/en/contact/")
    page.fill("input[name=email]", "aigerim@example.kz")
    page.locator("form.consent-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_full_name")).to_be_in_viewport()
