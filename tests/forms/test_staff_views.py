"""/admin/consents/: who may see consent evidence, what they see, and what is logged."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from forms.models import ConsentExport, ConsentRecord
from tests.forms.helpers import fill


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def consents(client, policy_pages, on_commit):
    """One contact-form consent per language, and one feedback consent in English."""
    for language in ("kk", "ru", "en"):
        data = fill(client, f"/{language}/contact/", consents="required", email=f"{language}@example.kz")
        with on_commit():
            client.post(f"/{language}/contact/", data)
    data = fill(client, "/en/feedback/", answers={"full_name": "", "email": "fb@example.kz", "message": "Hi"})
    with on_commit():
        client.post("/en/feedback/", data)
    client.logout()
    return ConsentRecord.objects.order_by("submitted_at")


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def officer(django_user_model):
    return user_in(django_user_model, "Privacy officers", "officer")


@pytest.mark.parametrize("group_name", ["Moderators", "Editors", "Legal editors"])
def test_other_staff_get_403(client, django_user_model, consents, group_name):
    client.force_login(user_in(django_user_model, group_name, "staff"))
    record = consents.first()
    for url in ("/admin/consents/", "/admin/consents/?export=csv", f"/admin/consents/inspect/{record.pk}/"):
        assert client.get(url).status_code == 403, url


def test_privacy_officer_lists_records_with_version_language_and_purposes(client, officer, consents):
    client.force_login(officer)
    response = client.get("/admin/consents/")
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    assert len(rows) == 4
    assert any(str(record.receipt_id) in response.content.decode() for record in consents)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("language=ru", 1), ("purpose={purpose}", 3), ("q=ru%40example.kz", 1), ("version={version}", 4)],
)
def test_filters_and_search(client, officer, consents, query, expected):
    record = consents.first()
    purpose = record.grants.get(purpose_number=4).purpose_key
    client.force_login(officer)
    url = "/admin/consents/?" + query.format(purpose=purpose, version=record.version_id)
    rows = BeautifulSoup(client.get(url).content, "html.parser").select("table.listing tbody tr")
    assert len(rows) == expected


def test_filter_by_form_covers_its_translations(client, officer, consents):
    from forms.models import ConsentFormPage

    contact = ConsentFormPage.objects.get(slug="contact", locale__language_code="kk")
    client.force_login(officer)
    response = client.get(f"/admin/consents/?form={contact.translation_key}")
    assert len(BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")) == 3


def test_listing_never_counts_the_whole_table(client, officer, consents):
    client.force_login(officer)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/consents/?language=en").status_code == 200
    assert not [
        query["sql"]
        for query in queries
        if "COUNT(" in query["sql"].upper() and "consentrecord" in query["sql"]
    ]


def test_csv_export_streams_every_filtered_row_and_is_logged(client, officer, consents):
    client.force_login(officer)
    response = client.get("/admin/consents/?export=csv&language=en")
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    with translation.override("ru"):  # the admin's default language
        assert rows[0][0] == gettext("Receipt")
    assert sorted(row[-1] for row in rows[1:]) == ["en@example.kz", "fb@example.kz"]
    export = ConsentExport.objects.get()
    assert export.user == "officer" and export.filters == {"language": "en"}
    assert ModelLogEntry.objects.filter(action="consent_forms.export", user=officer).exists()


def test_xlsx_export(client, officer, consents):
    client.force_login(officer)
    response = client.get("/admin/consents/?export=xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.max_row == 5
    assert ModelLogEntry.objects.filter(action="consent_forms.export").count() == 1


def test_detail_shows_submission_beside_the_frozen_text_and_is_logged(client, officer, consents):
    record = consents.get(language="ru")
    client.force_login(officer)
    html = client.get(f"/admin/consents/inspect/{record.pk}/").content.decode()
    assert "ru@example.kz" in html
    assert record.snapshot.sha256 in html
    assert record.statement_sha256 in html
    assert "ТОО «ЭДНА КАЗАХСТАН»" in html  # the frozen Russian policy text
    assert ModelLogEntry.objects.filter(
        action="consent_forms.view_record", object_id=str(record.pk), user=officer
    ).exists()


def test_records_cannot_be_added_edited_or_deleted_in_the_admin(client, admin_user, consents):
    client.force_login(admin_user)
    record = consents.first()
    for url in (
        "/admin/consents/new/",
        f"/admin/consents/edit/{record.pk}/",
        f"/admin/consents/delete/{record.pk}/",
    ):
        assert client.get(url).status_code == 404


def test_wagtail_form_submissions_are_hidden_from_editors(client, django_user_model, officer, consents):
    editor = user_in(django_user_model, "Editors", "editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert b"contact" not in client.get("/admin/forms/").content.lower()
    client.force_login(officer)


def test_versions_panel_counts_consents(client, admin_user, consents):
    client.force_login(admin_user)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(".policy-versions-panel")
    assert panel.select_one("tr[data-version='1'] .consent-count").get_text(strip=True) == "4"
