import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy.models import ProcessingPurpose

COUNTRIES = {
    "kk": ["Америка Құрама Штаттары", "Ресей Федерациясы", "Ұлыбритания", "Ирландия", "Германия"],
    "ru": ["Соединённые Штаты Америки", "Российская Федерация", "Великобритания", "Ирландия", "Германия"],
    "en": ["United States of America", "Russian Federation", "United Kingdom", "Ireland", "Germany"],
}


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_policy_page_renders_all_ten_purposes_in_a_table(client, policy_pages, language):
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    soup = _soup(response)
    table = soup.select_one("table.purposes")
    assert table is not None
    rows = table.select("tbody tr[id^=purpose-]")
    assert [row["id"] for row in rows] == [f"purpose-{n}" for n in range(1, 11)]
    expected = [row.purpose for row in policy_pages[language].purposes.all()]
    assert [row.select_one("th[scope=row]").get_text(strip=True) for row in rows] == expected
    # Each row lists its personal data as items, not as one blob of text.
    assert len(rows[0].select("ol li")) == 6
    assert soup.html["lang"] == language


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_policy_page_lists_the_transfer_countries(client, policy_pages, language):
    names = [country.name for country in policy_pages[language].transfer_countries.all()]
    assert len(names) == 5
    soup = _soup(client.get(f"/{language}/privacy/"))
    items = [li.get_text(strip=True) for li in soup.select("#clause-3\\.5 li")]
    assert items == names
    assert [c.iso_code for c in policy_pages[language].transfer_countries.all()] == [
        "US",
        "RU",
        "GB",
        "IE",
        "DE",
    ]


def test_policy_shows_controller_details_from_site_settings(client, policy_pages):
    html = client.get("/ru/privacy/").content.decode()
    assert "ул. Егизбаева" in html
    assert "info@edna.kz" in html
    assert "Егізбаев" not in html


def test_policy_page_numbers_clauses_from_the_order_of_rows(client, policy_pages):
    soup = _soup(client.get("/kk/privacy/"))
    numbers = [node.get_text(strip=True) for node in soup.select(".policy__clause .policy__number")]
    assert numbers[:5] == ["2.1.", "2.2.", "2.3.", "2.4.", "2.5."]
    assert "3.5." in numbers


def test_policy_shows_last_published_date_instead_of_a_hand_typed_one(client, policy_pages):
    html = client.get("/kk/privacy/").content.decode()
    assert "«___»" not in html
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d', html)


def test_policy_query_count_does_not_grow_with_purpose_rows(
    client, policy_pages, django_capture_on_commit_callbacks
):
    page = policy_pages["en"]

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/privacy/").status_code == 200
        return len(queries)

    client.get("/en/privacy/")  # warm the site-root cache
    baseline = count_queries()
    template = page.purposes.first()
    for index in range(40):
        ProcessingPurpose.objects.create(
            page=page,
            locale=page.locale,
            sort_order=100 + index,
            subject_category=template.subject_category,
            purpose=f"Extra purpose {index}",
            personal_data="e-mail",
            processing_methods=template.processing_methods,
            retention_term=template.retention_term,
            withdrawal_method=template.withdrawal_method,
        )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    client.get("/en/privacy/")
    assert count_queries() == baseline
    assert baseline <= 17  # measured: 15


def test_time_elements_carry_valid_html_datetimes_without_fractions(client, policy_pages):
    for url in ("/kk/privacy/", "/ru/privacy/versions/", "/en/privacy/versions/1/"):
        values = re.findall(r'<time datetime="([^"]+)"', client.get(url).content.decode())
        assert values, url
        for value in values:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:?\d\d", value), value
