"""Two app servers (two gunicorn processes on two ports) sharing PostgreSQL and Redis: what an editor
publishes through one is served by the other at once, though the other had the page in its full-page
cache (the cache is forgotten across processes through Redis)."""

import uuid

from bench.servers import AppServer
from tests.reliability.conftest import SUPERUSER
from tests.reliability.site import Browser


def log_in(browser):
    page = browser.get("/admin/login/")
    data = dict(browser.form_fields(page.text, "form"))
    data.update(SUPERUSER)
    response = browser.post("/admin/login/", data)
    assert response.status_code == 302, response.text[:500]


def publish_home_intro(browser, page_id, intro):
    """Edit the Kazakh home page's introduction in the admin and press Publish."""
    path = f"/admin/pages/{page_id}/edit/"
    editor = browser.get(path)
    assert editor.status_code == 200
    data = [(name, value) for name, value in browser.form_fields(editor.text, "form#page-edit-form")]
    data = [(name, intro if name == "intro" else value) for name, value in data]
    response = browser.post(path, [*data, ("action-publish", "action-publish")])
    assert response.status_code == 302, response.text[:2000]


def test_a_publish_through_one_app_server_is_served_by_the_other_at_once(site_database, site_env):
    (home_id,) = site_database.rows(
        "SELECT p.id FROM wagtailcore_page p JOIN home_homepage h ON h.page_ptr_id = p.id "
        "JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE l.language_code = 'kk'"
    )[0]
    with AppServer(site_env, workers=2) as first, AppServer(site_env, workers=2) as second:
        visitor = Browser(second.base)
        for _ in range(3):  # B has the page in its cache (each worker has asked for it)
            before = visitor.get("/kk/")
            assert before.status_code == 200
        assert before.headers.get("X-Page-Cache") == "hit"

        editor = Browser(first.base)
        log_in(editor)
        marker = f"Reliability {uuid.uuid4().hex[:8]}"
        assert marker not in before.text
        publish_home_intro(editor, home_id, marker)

        for base in (second.base, first.base, second.base):
            response = Browser(base).get("/kk/")
            assert response.status_code == 200
            assert marker in response.text
        print(f"\npublished through {first.base}, served at once by {second.base}")
