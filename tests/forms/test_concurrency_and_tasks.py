"""Submissions racing a publication, and e-mails that fail."""

import smtplib
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import override_settings
from django_tasks import default_task_backend

from forms.models import ConsentRecord
from forms.tasks import DeliveryFailed, notify_staff
from policy.models import PolicyVersion, PrivacyPolicyPage
from tests.forms.helpers import fill
from tests.policy.helpers import change_first_purpose, publish


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections (PostgreSQL)")
def test_submissions_during_a_material_publication_are_bound_or_reprompted_never_lost(demo_db):
    """Eight visitors opened the form under version 1; while they submit, version 2 (material) is
    published. Each submission is either stored with the version its form showed, or re-prompted with
    version 2's text: nothing is lost or linked to a version the visitor did not see."""
    forms = [fill(Client(), "/en/contact/", email=f"v{i}@example.kz") for i in range(8)]
    barrier = threading.Barrier(9)
    outcomes, errors = [], []

    def visitor(data):
        try:
            barrier.wait(timeout=20)
            response = Client().post("/en/contact/", data)
            outcomes.append((data["email"], response.status_code, response.content.decode()))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    def editor():
        try:
            page = change_first_purpose(PrivacyPolicyPage.objects.get(locale__language_code="kk"), "Жарыс")
            barrier.wait(timeout=20)
            publish(page, summary="Елеулі жарыс", material=True)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    with override_settings(CONSENT_FORM_RATE="1000/m"):
        threads = [threading.Thread(target=visitor, args=(data,)) for data in forms]
        threads.append(threading.Thread(target=editor))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert PolicyVersion.objects.filter(number=2).exists()
    stored = {
        record.submission.email: record
        for record in ConsentRecord.objects.select_related("submission", "version")
    }
    for email, status, html in outcomes:
        if status == 302:
            assert stored[email].version.number == 1  # the version their form showed
            assert stored[email].snapshot.language == "en"
        else:
            assert status == 200 and email not in stored
            assert "/en/privacy/versions/" in html  # asked to accept the current text
    assert len(outcomes) == 8
    assert len(stored) + sum(1 for _, status, _ in outcomes if status == 200) == 8


def test_failed_staff_email_is_retried_later_and_the_record_stays(
    client, policy_pages, django_capture_on_commit_callbacks, monkeypatch
):
    data = fill(client, "/en/contact/")
    with django_capture_on_commit_callbacks(execute=False):  # its e-mails not sent yet
        client.post("/en/contact/", data)
    record = ConsentRecord.objects.get()

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.message.EmailMessage.send", refuse)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        with pytest.raises(DeliveryFailed, match="attempt 1 of 5 failed"):  # this attempt is a failure
            notify_staff.call(record.pk)
        (queued,) = default_task_backend.results
        assert queued.args == [record.pk, 2]
        assert queued.task.run_after is not None
    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_staff_email_gives_up_loudly_without_a_deferring_backend(
    client, policy_pages, django_capture_on_commit_callbacks, monkeypatch
):
    data = fill(client, "/en/contact/")
    with django_capture_on_commit_callbacks(execute=False):  # its e-mails not sent yet
        client.post("/en/contact/", data)
    monkeypatch.setattr(
        "django.core.mail.message.EmailMessage.send", lambda *a, **k: (_ for _ in ()).throw(OSError("down"))
    )
    with pytest.raises(DeliveryFailed, match="no more attempts"):
        notify_staff.call(ConsentRecord.objects.get().pk)
