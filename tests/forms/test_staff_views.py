"""/admin/consents/: who may see consent evidence, what they see, and what is logged."""

import csv
import hashlib
import io
import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, ngettext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from forms.admin_views import ConsentRecordPaginator
from forms.models import ConsentExport, ConsentFormPage, ConsentGrant, ConsentRecord, ConsentSubmission
from policy.models import PolicySnapshot
from tests.forms.helpers import fill

STATEMENT = "[required] 4. I consent to purpose four.\n[optional] 2. I consent to purpose two.\n"


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


def make_records(count, language="ru", slug="contact", form_data=None, purpose_keys=None):
    """`count` consent records made straight in the database (quicker than posting the form, and not
    rate-limited), bound to the demo policy text and form page of `language`: purpose 4 required and
    given, purpose 2 optional and refused (with the keys of `purpose_keys` {number: key}, else random)."""
    purpose_keys = purpose_keys or {}
    page = ConsentFormPage.objects.get(slug=slug, locale__language_code=language)
    snapshot = PolicySnapshot.objects.select_related("version").filter(language=language).latest("pk")
    records = []
    for index in range(count):
        data = form_data or {"full_name": f"Person {index}", "email": f"person{index}@example.kz"}
        submission = ConsentSubmission.objects.create(page=page, form_data=data, email=data.get("email", ""))
        record = ConsentRecord.objects.create(
            submission=submission,
            snapshot=snapshot,
            version=snapshot.version,
            language=language,
            form_page=page,
            form_title=page.title,
            statement=STATEMENT,
            statement_sha256=hashlib.sha256(STATEMENT.encode()).hexdigest(),
            token_nonce=uuid.uuid4().hex,
        )
        ConsentGrant.objects.bulk_create(
            ConsentGrant(
                record=record,
                purpose_key=purpose_keys.get(number) or uuid.uuid4(),
                purpose_number=number,
                purpose=f"Purpose {number}",
                required=required,
                granted=required,
                statement=f"I consent to purpose {number}.",
            )
            for number, required in ((4, True), (2, False))
        )
        records.append(record)
    return records


def speaks(user, language):
    """Set the admin language of `user` (their Wagtail profile preference)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def officer(django_user_model):
    return user_in(django_user_model, "Privacy officers", "officer")


def staff_with_admin_access(django_user_model):
    user = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


ROLES = {
    "anonymous": lambda users: None,
    "Legal editors": lambda users: user_in(users, "Legal editors", "legal"),
    "Privacy officers": lambda users: user_in(users, "Privacy officers", "privacy"),
    "Editors": lambda users: user_in(users, "Editors", "editor"),
    "Moderators": lambda users: user_in(users, "Moderators", "moderator"),
    "staff with admin access": staff_with_admin_access,
    "superuser": lambda users: users.objects.create_superuser("root", "root@example.kz", "x"),
}
ALLOWED = {"Privacy officers", "superuser"}
STAFF_URLS = {
    "listing": "/admin/consents/",
    "listing results": "/admin/consents/results/",
    "inspect": "/admin/consents/inspect/{record}/",
    "CSV export": "/admin/consents/?export=csv",
    "XLSX export": "/admin/consents/?export=xlsx",
    "file download": "/admin/consents/files/{submission}/cv/",
}


@pytest.mark.parametrize("role", ROLES)
def test_only_privacy_officers_and_superusers_reach_consent_evidence(
    client, django_user_model, settings, tmp_path, role
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    (tmp_path / "cv").mkdir()
    (tmp_path / "cv" / "cv.pdf").write_bytes(b"%PDF-1.4 test")
    record = make_records(1, slug="careers", form_data={"full_name": "Test", "cv": "cv/cv.pdf"})[0]
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    for name, url in STAFF_URLS.items():
        url = url.format(record=record.pk, submission=record.submission_id)
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith("/admin/login/"), name
        elif role in ALLOWED:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name
        if response.streaming:
            b"".join(response.streaming_content)  # let the file handle close


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


def listing_rows(client, url="/admin/consents/"):
    return BeautifulSoup(client.get(url).content, "html.parser").select("table.listing tbody tr")


def test_each_row_links_to_its_record(client, officer, consents):
    client.force_login(officer)
    rows = listing_rows(client)
    links = [row.select_one("td a[href]")["href"] for row in rows]
    assert links == [f"/admin/consents/inspect/{record.pk}/" for record in consents.reverse()]
    assert client.get(links[0]).status_code == 200


def test_rows_show_the_name_and_email_given(client, officer, consents):
    client.force_login(speaks(officer, "en"))
    soup = BeautifulSoup(client.get("/admin/consents/?language=ru").content, "html.parser")
    headings = [th.get_text(strip=True) for th in soup.select("table.listing thead th")]
    cells = [td.get_text(strip=True) for td in soup.select("table.listing tbody tr td")]
    row = dict(zip(headings, cells, strict=True))
    assert row["Name"] == "Айгерим Нурланқызы"
    assert row["E-mail"] == "ru@example.kz"


def test_listing_runs_the_same_queries_for_5_and_25_records(client, officer, django_assert_max_num_queries):
    make_records(5)
    client.force_login(officer)
    client.get("/admin/consents/")  # warm up: content types, the session's first reads
    with CaptureQueriesContext(connection) as five:
        assert len(listing_rows(client)) == 5
    make_records(20)
    with django_assert_max_num_queries(len(five)) as twenty_five:
        assert len(listing_rows(client)) == 25
    assert len(twenty_five) == len(five)


def count_label(records, per_page):
    return ConsentRecordPaginator(records, per_page).page(1).paginator.items_count_label


def test_count_label_uses_the_plural_forms_of_the_language(db):
    make_records(3)
    records = ConsentRecord.objects.all()
    for language in ("ru", "en"):
        with translation.override(language):
            for per_page, expected in (
                (5, ngettext("%(count)s consent record", "%(count)s consent records", 3) % {"count": 3}),
                (
                    2,
                    ngettext("more than %(count)s consent record", "more than %(count)s consent records", 2)
                    % {"count": 2},
                ),
            ):
                assert (
                    ConsentRecordPaginator(records, per_page).page(1).paginator.items_count_label == expected
                )
    with translation.override("en"):
        assert (
            ConsentRecordPaginator(records[:1], 5).page(1).paginator.items_count_label == "1 consent record"
        )
        assert ConsentRecordPaginator(records, 5).page(1).paginator.items_count_label == "3 consent records"
        assert ConsentRecordPaginator(records, 2).page(1).paginator.items_count_label == (
            "more than 2 consent records"
        )


def test_filtered_listing_does_not_claim_an_exact_number_of_matches_past_one_page(client, officer):
    make_records(26)
    client.force_login(speaks(officer, "en"))
    soup = BeautifulSoup(client.get("/admin/consents/?language=ru").content, "html.parser")
    assert soup.select_one("h2[role=alert]").get_text(" ", strip=True) == "There are more than 25 matches"
    assert soup.select_one(".pagination__end").get_text(strip=True) == "More than 25 consent records"
    soup = BeautifulSoup(client.get("/admin/consents/?language=ru&p=2").content, "html.parser")
    assert soup.select_one("h2[role=alert]").get_text(" ", strip=True) == "There are 26 matches"
    assert soup.select_one(".pagination__end").get_text(strip=True) == "26 consent records"


def test_empty_listing_says_so_in_whole_sentences(client, officer):
    client.force_login(speaks(officer, "en"))
    soup = BeautifulSoup(client.get("/admin/consents/").content, "html.parser")
    assert "There are no consent records yet." in soup.get_text()
    make_records(1, language="en")
    soup = BeautifulSoup(client.get("/admin/consents/?language=ru").content, "html.parser")
    assert "No consent records match your query." in soup.get_text()


def answers_of(html):
    dl = BeautifulSoup(html, "html.parser").select_one("dl.consent-answers")
    terms = [dt.get_text(strip=True) for dt in dl.select("dt")]
    return dict(zip(terms, [dd for dd in dl.select("dd")], strict=True))


@pytest.mark.parametrize(
    ("language", "labels", "country"),
    [
        ("ru", ["Фамилия, имя, отчество", "Номер телефона", "Страна, в которой вы находитесь"], "Казахстан"),
        ("en", ["Surname, first name, patronymic", "Telephone number", "Country you are in"], "Kazakhstan"),
    ],
)
def test_record_shows_answers_under_the_form_labels_in_the_admin_language(
    client, officer, consents, language, labels, country
):
    record = consents.get(language="kk")  # sent in Kazakh, read in the staff member's language
    client.force_login(speaks(officer, language))
    html = client.get(f"/admin/consents/inspect/{record.pk}/").content.decode()
    answers = answers_of(html)
    name, phone, country_label = labels
    assert answers[name].get_text(strip=True) == "Айгерим Нурланқызы"
    assert answers[phone].get_text(strip=True) == "+77011234567"  # as stored
    assert answers[country_label].get_text(strip=True) == country
    assert not {"full_name", "phone", "country", "email"} & set(answers)
    text = BeautifulSoup(html, "html.parser").select_one(".consent-evidence").get_text(" ")
    assert "KZ" not in text.split()
    with translation.override(language):
        required, optional = gettext("required"), gettext("optional")
    statement = BeautifulSoup(html, "html.parser").select("ol.consent-statement li")
    assert statement[0].strong is None  # the terms the form's purposes share, shown once, then each purpose
    assert [item.strong.get_text(strip=True) for item in statement[1:]] == [
        f"{required.capitalize()}:",
        f"{optional.capitalize()}:",
        f"{optional.capitalize()}:",
    ]
    assert "[required]" not in "".join(item.get_text() for item in statement)


def test_record_keeps_the_exact_stored_statement_and_checks_its_hash(client, officer, consents):
    record = consents.get(language="ru")
    client.force_login(speaks(officer, "en"))
    soup = BeautifulSoup(client.get(f"/admin/consents/inspect/{record.pk}/").content, "html.parser")
    assert soup.select_one("details.consent-statement-exact pre").get_text() == record.statement
    assert "matches the stored text" in soup.get_text()


def test_record_links_the_uploaded_cv_and_falls_back_to_keys_of_removed_fields(client, officer):
    record = make_records(
        1,
        slug="careers",
        form_data={"full_name": "Test", "cv": "cv/abc.pdf", "country": "DE", "old_field": "kept"},
    )[0]
    client.force_login(speaks(officer, "en"))
    answers = answers_of(client.get(f"/admin/consents/inspect/{record.pk}/").content.decode())
    cv = answers["CV (PDF or DOCX, up to 5 MB)"]
    assert cv.a["href"] == f"/admin/consents/files/{record.submission_id}/cv/"
    assert answers["Country you are in"].get_text(strip=True) == "Germany"
    assert answers["old_field"].get_text(strip=True) == "kept"  # no longer on the form: its key
    assert list(answers)[3:] == [
        "Surname, first name, patronymic",
        "Country you are in",
        "CV (PDF or DOCX, up to 5 MB)",
        "old_field",
    ]


def test_an_export_searching_for_an_address_keeps_only_its_keyed_hash(client, officer, consents):
    """The export log cannot be changed, so an erasure could never remove an address kept there."""
    from forms.erasure import email_hmac

    client.force_login(officer)
    response = client.get("/admin/consents/?export=csv&q=en@example.kz")
    b"".join(response.streaming_content)
    export = ConsentExport.objects.get()
    assert export.filters == {"q": f"hmac:{email_hmac('en@example.kz')}"}
    assert "example.kz" not in str(ModelLogEntry.objects.get(action="consent_forms.export").data)
