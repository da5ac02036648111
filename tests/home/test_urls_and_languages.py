import pytest
from bs4 import BeautifulSoup


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("kk", "/kk/"),
        ("de-DE,fr;q=0.5", "/kk/"),
        ("", "/kk/"),
    ],
)
def test_root_redirects_to_best_accept_language_match(client, db, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_home_page_links_to_the_policy_in_the_visitors_language(client, policy_pages, language):
    soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    policy_url = f"/{language}/privacy/"
    assert soup.select_one(f"main a[href='{policy_url}']") is not None
    assert soup.select_one(f"footer a[href='{policy_url}']") is not None


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_switcher_and_hreflang_link_the_three_translations(client, policy_pages, language):
    soup = BeautifulSoup(client.get(f"/{language}/privacy/").content, "html.parser")
    switcher = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    others = {"kk", "ru", "en"} - {language}
    assert switcher == {code: f"/{code}/privacy/" for code in others}
    assert soup.select_one(".language-switcher [aria-current]").get_text(strip=True)
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}
    assert alternates["kk"].endswith("/kk/privacy/")
    assert alternates["ru"].endswith("/ru/privacy/")
    assert alternates["en"].endswith("/en/privacy/")
    assert alternates["x-default"].endswith("/kk/privacy/")


@pytest.mark.parametrize(
    "path",
    [
        "/de/privacy/",
        "/xx/",
        "/kk/no-such-page/",
        "/ru/privacy/no/such/route/",
        "/en/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/",
        "/kk/" + "a" * 3000 + "/",
        "/kk/" + "сегмент/" * 200,
        "/kk/%00/",
        "/kk/privacy/..%2F..%2Fetc/passwd",
        "/en/privacy/%F0%9F%98%80/",
    ],
)
def test_odd_urls_give_404_never_500(client, policy_pages, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/kk/nope/", "Бет табылмады"), ("/ru/nope/", "Страница не найдена"), ("/en/nope/", "Page not found")],
)
def test_404_page_is_translated(client, policy_pages, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == heading


def test_unprefixed_page_path_redirects_into_the_visitors_language(client, policy_pages):
    response = client.get("/privacy/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/privacy/"
