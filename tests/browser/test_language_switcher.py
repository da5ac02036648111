def test_visitor_switches_the_policy_between_kazakh_russian_and_english(page, demo_server):
    page.goto(f"{demo_server.url}/kk/privacy/")
    assert page.locator("h1").inner_text() == "Дербес мәліметтерді өңдеу саясаты"
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator("table.purposes tbody tr[id^=purpose-]").count() == 10

    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/privacy/")
    russian_title = page.locator("h1").inner_text()
    assert russian_title != "Дербес мәліметтерді өңдеу саясаты"
    assert "Политика" in russian_title
    assert page.locator("html").get_attribute("lang") == "ru"

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/privacy/")
    assert "Policy" in page.locator("h1").inner_text()
    assert page.locator("table.purposes").is_visible()

    page.get_by_role("link", name="Қазақша").click()
    page.wait_for_url("**/kk/privacy/")


def test_purposes_table_stays_readable_on_a_phone(page, demo_server):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{demo_server.url}/en/privacy/")
    first_row = page.locator("#purpose-1")
    box = first_row.bounding_box()
    assert box is not None and box["width"] <= 375
    # Cells carry their column name on a phone, where the header row is hidden.
    label = first_row.locator("td").nth(1).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "personal data" in label.lower()
