"""The public site runs under a strict Content-Security-Policy: no inline script, style or handler."""

import pytest
from bs4 import BeautifulSoup

PUBLIC_PAGES = [
    "/kk/",
    "/ru/privacy/",
    "/en/privacy/versions/",
    "/en/privacy/versions/1/",
    "/kk/privacy/compare/1/1/",
    "/kk/privacy/updates/",
    "/en/contact/",
    "/ru/careers/",
    "/en/no-such-page/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_send_the_policy_and_need_nothing_inline(client, policy_pages, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    html = BeautifulSoup(response.content, "html.parser")
    assert [script for script in html.find_all("script") if not script.get("src")] == []
    assert html.find_all("style") == []
    inline = [
        (element.name, attribute)
        for element in html.find_all(True)
        for attribute in element.attrs
        if attribute.startswith("on") or attribute == "style"
    ]
    assert inline == []


def test_the_print_button_is_wired_by_a_script_file(client, policy_pages):
    html = BeautifulSoup(client.get("/en/privacy/versions/1/").content, "html.parser")
    assert html.select_one("button[data-print]").has_attr("hidden")  # until the script shows it
    assert any("print-button" in script["src"] for script in html.select("script[src]"))


def test_the_admin_keeps_wagtails_inline_scripts(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
