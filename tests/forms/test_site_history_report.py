"""Wagtail's site history report (/admin/reports/site-history/) once consent records were opened or
exported and privacy requests were acted on: their audit log entries link to the inspect view (for those
allowed to see it), never to an edit view that does not exist (that was a NoReverseMatch, a 500)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.log_actions import log

from forms.models import PrivacyRequest
from tests.forms.test_staff_views import ROLES, make_records, user_in

REPORT = "/admin/reports/site-history/"


@pytest.fixture
def logged_objects(client, django_user_model):
    """A consent record opened and exported by an officer (through the views, so their own log entries
    are written), and a privacy request with an entry in the audit log."""
    officer = user_in(django_user_model, "Privacy officers", "logging-officer")
    (record,) = make_records(1)
    request = PrivacyRequest.objects.create(request_type="information", language="en", email="a@example.kz")
    client.force_login(officer)
    assert client.get(f"/admin/consents/inspect/{record.pk}/").status_code == 200
    response = client.get("/admin/consents/?export=csv")
    b"".join(response.streaming_content)
    log(instance=request, action="wagtail.edit", user=officer)
    client.logout()
    return record, request


def report_links(client):
    response = client.get(REPORT)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {link["href"] for link in soup.select("table.listing a[href]")}


@pytest.mark.parametrize("role", ["Privacy officers", "superuser"])
def test_the_report_links_consent_records_and_requests_to_their_inspect_views(
    client, django_user_model, logged_objects, role
):
    record, request = logged_objects
    client.force_login(ROLES[role](django_user_model))
    links = report_links(client)
    assert f"/admin/consents/inspect/{record.pk}/" in links
    assert f"/admin/privacy-requests/inspect/{request.pk}/" in links
    assert not any("/edit/" in link for link in links if "consents" in link or "privacy-requests" in link)


@pytest.mark.parametrize("role", ["anonymous", "Editors", "Moderators", "Legal editors"])
def test_others_get_the_report_without_links_to_the_evidence(client, django_user_model, logged_objects, role):
    record, request = logged_objects
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (200, 302, 403)  # whatever Wagtail allows them: never a 500
    if response.status_code == 200:
        html = response.content.decode()
        assert f"/admin/consents/inspect/{record.pk}/" not in html
        assert f"/admin/privacy-requests/inspect/{request.pk}/" not in html
