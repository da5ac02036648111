"""Erasing a person (`forms.erasure`): the personal data goes everywhere, the consent evidence stays.

After `erase_person` the address is in no text column of any table (every model's char, text and JSON
columns are searched, Wagtail's audit log and the django-tasks tables included), the uploaded CV is
gone from storage, the consent evidence is exactly what it was, and the keyed hash left behind matches
a later request for the same address. An erasure interrupted half-way changes nothing.
"""

import smtplib

import pytest
from django.apps import apps
from django.db import models
from django.forms.models import model_to_dict
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from forms import erasure
from forms.erasure import ERASE_ACTION, ERASED, Erasure, email_hmac, erase_person, erase_submission
from forms.erasure_checks import DEVELOPMENT_KEY, check_erasure_key
from forms.models import ConsentRecord, ConsentSubmission, PrivacyRequest
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from forms.record_display import submission_answers
from tests.forms.helpers import CAREERS_ANSWERS, CONTACT_ANSWERS
from tests.task_queue import run_ready_tasks


def evidence(record):
    """Every stored value of the record, its grants, events and snapshot."""
    record = ConsentRecord.objects.select_related("snapshot").get(pk=record.pk)
    return (
        model_to_dict(record),
        [model_to_dict(grant) for grant in record.grants.order_by("pk")],
        [model_to_dict(event) for event in record.events.order_by("pk")],
        model_to_dict(record.snapshot),
    )


TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_containing(text):
    """[(model label, column, pk)] of every row whose char, text or JSON column contains `text`
    (case-insensitively), in every table Django knows, Wagtail's and django-tasks' included."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, TEXT_FIELDS):
                for pk in model._base_manager.filter(**{f"{field.name}__icontains": text}).values_list(
                    "pk", flat=True
                ):
                    found.append((model._meta.label, field.name, pk))
    return found


def test_the_search_of_every_column_finds_what_it_looks_for(submit):
    submit()
    tables = {label for label, _column, _pk in rows_containing(CONTACT_ANSWERS["email"])}
    assert tables == {"consent_forms.ConsentSubmission"}  # both its form_data and its email
    assert {column for _label, column, _pk in rows_containing(CONTACT_ANSWERS["email"])} == {
        "form_data",
        "email",
    }


def test_erasing_a_person_leaves_the_address_nowhere_and_the_evidence_untouched(
    submit, private_media, client, admin_user, django_capture_on_commit_callbacks
):
    address = CAREERS_ANSWERS["email"]
    careers = submit("careers", "en", cv=True)
    contact = submit("contact", "ru", answers={**CONTACT_ANSWERS, "email": address.upper()})
    stored_cv = private_media / careers.submission.form_data["cv"]
    assert stored_cv.exists()
    ConsentEvent.objects.create(
        record=contact,
        purpose_key=contact.grants.first().purpose_key,
        purpose_number=1,
        state=ConsentState.WITHDRAWN,
        channel=ConsentChannel.RECEIPT_LINK,
    )
    request = PrivacyRequest.objects.create(
        request_type="destruction", language="en", email=address, details=f"Delete {address}, please."
    )
    # a privacy officer once exported the records found by searching the address: the audit log has it
    ModelLogEntry.objects.log_action(contact, "consent_forms.view_record", data={"q": address})
    other = submit(
        "contact",
        "en",
        answers={
            **CONTACT_ANSWERS,
            "email": "someone@example.kz",
            "message": f"My colleague {address} asked me to write.",
        },
    )
    before = [evidence(record) for record in (careers, contact)]
    assert rows_containing(address)

    with django_capture_on_commit_callbacks(execute=True):
        result = erase_person(address, user=admin_user, privacy_request=request)

    assert result == Erasure(submissions=2, files=1, requests=1, mentions=2)
    assert rows_containing(address) == []
    assert not stored_cv.exists()
    assert [evidence(record) for record in (careers, contact)] == before
    for record in (careers, contact):
        submission = ConsentSubmission.objects.get(pk=record.submission_id)
        assert submission.email == ""
        assert submission.erased_at is not None
        assert submission.email_hmac == email_hmac(address)
        assert set(submission.form_data) == set(record.submission.form_data)  # the keys stay
        assert set(submission.form_data.values()) <= {ERASED, ""}
    # someone else's submission keeps its answers; only the address in it is gone
    other_data = ConsentSubmission.objects.get(pk=other.submission_id).form_data
    assert other_data["email"] == "someone@example.kz"
    assert other_data["message"] == f"My colleague {ERASED} asked me to write."
    assert (request.email, request.details) == ("", "")  # the caller's copy too: saving it writes no address
    request.refresh_from_db()
    assert (request.email, request.details, request.email_hmac) == ("", "", email_hmac(address))
    # the audit log names the records and the request, never the address
    entries = ModelLogEntry.objects.filter(action=ERASE_ACTION)
    assert {(entry.content_type.model, entry.object_id) for entry in entries} == {
        ("consentrecord", str(careers.pk)),
        ("consentrecord", str(contact.pk)),
        ("privacyrequest", str(request.pk)),
    }
    assert all(entry.user_id == admin_user.pk for entry in entries)
    assert all(entry.data == {"reason": "request", "privacy_request": str(request.uuid)} for entry in entries)


def test_queued_and_failed_e_mails_keep_no_trace_of_an_erased_address(submit, monkeypatch):
    """With production's queue (django-tasks' database backend) and an SMTP server that refuses the
    address, quoting it: after the erasure, no task row nor delivery status names it."""
    address = CONTACT_ANSWERS["email"]

    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({address: (550, f"<{address}>: no such mailbox".encode())})

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        submit("contact", "en")
        monkeypatch.setattr("django.core.mail.message.EmailMessage.send", refuse)
        run_ready_tasks()
    assert DBTaskResult.objects.exists()
    erase_person(address)
    assert rows_containing(address) == []


def test_a_later_request_of_the_same_address_is_matched_by_its_keyed_hash(submit):
    record = submit()
    erase_person(CONTACT_ANSWERS["email"])
    later = f"  {CONTACT_ANSWERS['email'].upper()} "
    assert ConsentSubmission.objects.filter(email_hmac=email_hmac(later)).get().pk == record.submission_id
    assert email_hmac("someone.else@example.kz") != email_hmac(later)
    assert len(email_hmac(later)) == 64


def test_the_keyed_hash_depends_on_the_key(settings):
    first = email_hmac("a@example.kz")
    settings.ERASURE_HMAC_KEY = "another-key-for-this-test-only-0123456789"
    assert email_hmac("a@example.kz") != first


def test_erasing_twice_changes_nothing_more(submit, django_capture_on_commit_callbacks):
    record = submit()
    erase_person(CONTACT_ANSWERS["email"])
    erased = model_to_dict(ConsentSubmission.objects.get(pk=record.submission_id))
    assert erase_person(CONTACT_ANSWERS["email"]) == Erasure()
    assert model_to_dict(ConsentSubmission.objects.get(pk=record.submission_id)) == erased
    assert erase_submission(record.submission) == Erasure()


def test_an_unknown_address_changes_nothing(submit):
    record = submit()
    before = model_to_dict(ConsentSubmission.objects.get(pk=record.submission_id))
    assert erase_person("nobody@example.kz") == Erasure()
    assert model_to_dict(ConsentSubmission.objects.get(pk=record.submission_id)) == before
    with pytest.raises(ValueError):
        erase_person("  ")


def test_an_erasure_interrupted_half_way_leaves_the_old_state_and_the_files(
    submit, private_media, monkeypatch, django_capture_on_commit_callbacks
):
    address = CAREERS_ANSWERS["email"]
    first = submit("careers", "en", cv=True)
    second = submit("contact", "en", answers={**CONTACT_ANSWERS, "email": address})
    PrivacyRequest.objects.create(request_type="destruction", language="en", email=address)
    stored_cv = private_media / first.submission.form_data["cv"]
    before = [model_to_dict(ConsentSubmission.objects.get(pk=r.submission_id)) for r in (first, second)]
    erased_rows = []
    original = erasure._erase_row

    def crash_on_the_second(submission, digest, now):
        if erased_rows:
            raise RuntimeError("the power went out")
        erased_rows.append(submission.pk)
        return original(submission, digest, now)

    monkeypatch.setattr(erasure, "_erase_row", crash_on_the_second)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        erase_person(address)
    assert erased_rows  # the first submission was erased before the crash ...
    after = [model_to_dict(ConsentSubmission.objects.get(pk=r.submission_id)) for r in (first, second)]
    assert after == before  # ... and rolled back with the rest
    assert PrivacyRequest.objects.get().email == address
    assert stored_cv.exists()
    assert not ModelLogEntry.objects.filter(action=ERASE_ACTION).exists()


def test_erasing_one_submission_for_the_retention_term(
    submit, private_media, django_capture_on_commit_callbacks
):
    address = CAREERS_ANSWERS["email"]
    careers = submit("careers", "en", cv=True)
    contact = submit("contact", "en", answers={**CONTACT_ANSWERS, "email": address})
    stored_cv = private_media / careers.submission.form_data["cv"]
    with django_capture_on_commit_callbacks(execute=True):
        assert erase_submission(careers.submission) == Erasure(submissions=1, files=1)
    assert not stored_cv.exists()
    assert ConsentSubmission.objects.get(pk=careers.submission_id).email_hmac == email_hmac(address)
    assert ConsentSubmission.objects.get(pk=contact.submission_id).email == address  # the other stays
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION)
    assert entry.object_id == str(careers.pk)
    assert entry.data == {"reason": "retention", "privacy_request": None}


def test_erased_submissions_still_display(submit, client, admin_user):
    record = submit()
    erase_person(CONTACT_ANSWERS["email"])
    record = ConsentRecord.objects.select_related("submission").get(pk=record.pk)
    answers = submission_answers(record, "en")
    assert answers and all(answer.value in (ERASED, "") for answer in answers)
    assert client.get(f"/en/contact/receipt/{record.receipt_id}/").status_code == 200
    client.force_login(admin_user)
    assert client.get(f"/admin/consents/inspect/{record.pk}/").status_code == 200
    listing = client.get("/admin/consents/")
    assert listing.status_code == 200
    assert CONTACT_ANSWERS["full_name"] not in listing.content.decode()
    export = client.get("/admin/consents/?export=csv")
    assert export.status_code == 200
    assert CONTACT_ANSWERS["email"] not in b"".join(export.streaming_content).decode()
    # Wagtail's own listing of the form's submissions
    submissions = client.get(f"/admin/forms/submissions/{record.form_page_id}/")
    assert submissions.status_code == 200
    assert ERASED in submissions.content.decode()


def test_the_audit_log_action_is_registered_and_labelled():
    from wagtail.log_actions import registry

    assert registry.action_exists(ERASE_ACTION)
    assert registry.get_action_label(ERASE_ACTION)


@pytest.mark.parametrize(
    ("key", "refused"),
    [
        ("", True),
        (DEVELOPMENT_KEY, True),
        ("short-key", True),
        ("a-long-random-production-key-0123456789abcdef", False),
    ],
)
def test_check_deploy_refuses_a_missing_or_development_key(key, refused):
    with override_settings(ERASURE_HMAC_KEY=key):
        messages = check_erasure_key()
    assert [message.id for message in messages] == (["edna.E011"] if refused else [])
