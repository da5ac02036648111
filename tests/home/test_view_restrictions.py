"""Private pages stay private although the lookup of view restrictions is skipped while there are none."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction


def restriction_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query for query in queries if "pageviewrestriction" in query["sql"]]


def test_pages_skip_the_lookup_while_the_site_has_no_restrictions(client, policy_pages):
    client.get("/en/contact/")
    response, queries = restriction_queries(client, "/en/contact/")
    assert response.status_code == 200
    assert queries == []


def test_a_new_restriction_applies_to_the_very_next_request(
    client, policy_pages, django_capture_on_commit_callbacks
):
    assert client.get("/en/feedback/").status_code == 200
    feedback = Page.objects.get(url_path__endswith="/feedback/", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=feedback, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    response = client.get("/en/feedback/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()  # Wagtail's password form, not the page
    assert "consent_token" not in response.content.decode()
    assert client.get("/en/contact/").status_code == 200  # other pages stay public

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "consent_token" in client.get("/en/feedback/").content.decode()


def test_a_restricted_ancestor_protects_its_descendants(client, policy_pages):
    client.get("/ru/privacy/versions/")
    privacy = policy_pages["ru"]
    PageViewRestriction.objects.create(page=privacy, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/ru/privacy/updates/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
