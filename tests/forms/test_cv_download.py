"""Downloading a CV a visitor uploaded (/admin/consents/files/<submission>/<field>/): only Privacy officers
(and superusers) get the file, each download is written to Wagtail's audit log, everyone else is turned
away without the file, and an unknown submission or field is 404."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms.models import ConsentSubmission
from tests.forms.helpers import CAREERS_ANSWERS, fill
from tests.forms.upload_samples import pdf_bytes

CV_BYTES = pdf_bytes()  # a real PDF: uploads are read as what they claim to be
DOWNLOAD_ACTION = "consent_forms.download_file"


@pytest.fixture
def cv_submission(client, policy_pages, settings, tmp_path, django_capture_on_commit_callbacks):
    """A careers submission whose CV is stored in a private folder of this test."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    data = fill(client, "/en/careers/", answers=CAREERS_ANSWERS)
    data["cv"] = SimpleUploadedFile("my-cv.pdf", CV_BYTES, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/careers/", data).status_code == 302
    client.logout()
    submission = ConsentSubmission.objects.get()
    assert (tmp_path / submission.form_data["cv"]).read_bytes() == CV_BYTES
    return submission


def download_url(submission_id, field_name="cv"):
    return reverse("consent_file", args=[submission_id, field_name])


def make_user(django_user_model, role):
    """A user in `role`: a group's name, "staff" (is_staff, no group), "superuser" or "anonymous"."""
    if role == "anonymous":
        return None
    if role == "superuser":
        return django_user_model.objects.create_superuser("root", "root@example.kz", "x")
    user = django_user_model.objects.create_user(role.lower().replace(" ", "-"), password="x")
    if role == "staff":
        user.is_staff = True
        user.save()
    else:
        user.groups.add(Group.objects.get(name=role))
    return user


def body(response):
    """The response's bytes, with the file it streams closed (not `response.close()`: that sends
    request_finished, which closes the test's database connection on PostgreSQL)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    file = getattr(response, "file_to_stream", None)
    if file is not None:
        file.close()
    return content


def test_the_download_url_is_the_one_registered_under_the_admin(db):
    assert download_url(7) == "/admin/consents/files/7/cv/"


@pytest.mark.parametrize("role", ["Privacy officers", "superuser"])
def test_privacy_officers_download_the_uploaded_bytes_and_the_download_is_logged(
    client, django_user_model, cv_submission, role
):
    user = make_user(django_user_model, role)
    client.force_login(user)
    response = client.get(download_url(cv_submission.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert cv_submission.form_data["cv"].rsplit("/", 1)[-1] in response["Content-Disposition"]
    assert body(response) == CV_BYTES
    (entry,) = ModelLogEntry.objects.filter(action=DOWNLOAD_ACTION)
    assert entry.user_id == user.pk
    assert entry.object_id == str(cv_submission.consent.pk)
    assert entry.data == {"field": "cv"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", "login"),
        ("staff", "login"),  # no access to the Wagtail admin at all
        ("Legal editors", 403),
        ("Editors", 403),
        ("Moderators", 403),
    ],
)
def test_other_roles_do_not_get_the_file_and_nothing_is_logged(
    client, django_user_model, cv_submission, role, expected
):
    user = make_user(django_user_model, role)
    if user is not None:
        client.force_login(user)
    response = client.get(download_url(cv_submission.pk))
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code == expected
    assert CV_BYTES not in body(response)
    assert not ModelLogEntry.objects.filter(action=DOWNLOAD_ACTION).exists()


@pytest.mark.parametrize(
    "make_url",
    [
        pytest.param(lambda submission: download_url(submission.pk + 1000), id="unknown submission"),
        pytest.param(lambda submission: download_url(submission.pk, "photo"), id="unknown field"),
        pytest.param(lambda submission: download_url(submission.pk, "email"), id="field that is no file"),
    ],
)
def test_an_unknown_submission_or_field_is_404_for_a_privacy_officer(
    client, django_user_model, cv_submission, make_url
):
    client.force_login(make_user(django_user_model, "Privacy officers"))
    response = client.get(make_url(cv_submission))
    assert response.status_code == 404
    assert CV_BYTES not in body(response)
    assert not ModelLogEntry.objects.filter(action=DOWNLOAD_ACTION).exists()


def test_a_file_gone_from_storage_is_404_and_not_logged(client, django_user_model, cv_submission, tmp_path):
    (tmp_path / cv_submission.form_data["cv"]).unlink()
    client.force_login(make_user(django_user_model, "Privacy officers"))
    assert client.get(download_url(cv_submission.pk)).status_code == 404
    assert not ModelLogEntry.objects.filter(action=DOWNLOAD_ACTION).exists()
