"""Undelivered e-mails are visible (issue #12): a failed attempt is a failed task in django-tasks' log
(its retry a new task), and the privacy officer's view of a record says what became of its receipt: sent,
retrying, failed after N attempts, not sent and why. A blocked submission gets no e-mail, even when it
was blocked after the POST but before the task ran."""

import smtplib

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forms.models import ConsentRecord, ConsentSubmission, DeliveryStatus, EmailDelivery, EmailKind
from forms.tasks import MAX_ATTEMPTS, DeliveryFailed, send_receipt
from tests.forms.helpers import fill
from tests.forms.test_staff_views import make_records, speaks, user_in
from tests.task_queue import run_ready_tasks

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ADDRESS = "aigerim@example.kz"  # the contact form's answer in tests.forms.helpers


@pytest.fixture
def database_queue():
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


@pytest.fixture
def smtp_refuses(monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, f"<{ADDRESS}>: no such mailbox".encode())})

    monkeypatch.setattr("django.core.mail.message.EmailMessage.send", refuse)


@pytest.fixture
def posted(client, policy_pages, database_queue):
    """A consent given through the contact form, its e-mails queued in the database (not yet run)."""
    assert client.post("/en/contact/", fill(client, "/en/contact/")).status_code == 302
    client.logout()
    return ConsentRecord.objects.get()


@pytest.fixture
def officer(client, django_user_model):
    client.force_login(speaks(user_in(django_user_model, "Privacy officers", "officer"), "en"))


def deliveries_shown(client, record):
    soup = BeautifulSoup(client.get(f"/admin/consents/inspect/{record.pk}/").content, "html.parser")
    deliveries = soup.select_one("dl.consent-deliveries")
    return dict(
        zip(
            [dt.get_text(strip=True) for dt in deliveries.select("dt")],
            [dd.get_text(" ", strip=True) for dd in deliveries.select("dd")],
            strict=True,
        )
    )


def receipt_results():
    return DBTaskResult.objects.filter(task_path="forms.tasks.send_receipt").order_by("enqueued_at")


def test_a_sent_receipt_says_sent(client, posted, officer):
    assert deliveries_shown(client, posted)["Receipt to the visitor"].startswith("no attempt recorded yet")
    run_ready_tasks()
    assert [message.to for message in mail.outbox if message.to == [ADDRESS]] == [[ADDRESS]]
    assert receipt_results().get().status == TaskResultStatus.SUCCESSFUL
    delivery = EmailDelivery.objects.get(record=posted, kind=EmailKind.RECEIPT)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 1)
    assert deliveries_shown(client, posted)["Receipt to the visitor"].startswith("sent on")


def test_a_failed_attempt_is_a_failed_task_and_the_retry_a_new_one(client, posted, officer, smtp_refuses):
    run_ready_tasks()
    (failed, retry) = receipt_results()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "forms.tasks.DeliveryFailed"
    assert "attempt 1 of 5 failed (SMTPRecipientsRefused)" in failed.traceback
    assert ADDRESS not in failed.traceback  # the server's refusal quoted the address: not kept
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["args"] == [posted.pk, 2]
    assert retry.run_after > timezone.now()
    delivery = EmailDelivery.objects.get(record=posted, kind=EmailKind.RECEIPT)
    assert (delivery.status, delivery.attempts, delivery.error) == (
        DeliveryStatus.RETRYING,
        1,
        "SMTPRecipientsRefused",
    )
    shown = deliveries_shown(client, posted)["Receipt to the visitor"]
    assert shown.startswith("attempt 1 of 5 failed (SMTPRecipientsRefused)") and "retrying on" in shown


def test_the_last_failed_attempt_says_failed_after_every_attempt(client, posted, officer, smtp_refuses):
    with pytest.raises(DeliveryFailed, match="no more attempts"):
        send_receipt.call(posted.pk, MAX_ATTEMPTS)
    assert (
        not receipt_results().filter(status=TaskResultStatus.READY, args_kwargs__args=[posted.pk, 6]).exists()
    )
    delivery = EmailDelivery.objects.get(record=posted, kind=EmailKind.RECEIPT)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)
    assert deliveries_shown(client, posted)["Receipt to the visitor"].startswith("failed after 5 attempts")


def test_a_submission_blocked_before_its_tasks_run_gets_no_email(client, posted, officer):
    ConsentSubmission.objects.filter(pk=posted.submission_id).update(blocked_at=timezone.now())
    run_ready_tasks()
    assert mail.outbox == []
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    statuses = EmailDelivery.objects.filter(record=posted).values_list("kind", "status", "reason")
    assert set(statuses) >= {(EmailKind.RECEIPT, DeliveryStatus.NOT_SENT, "blocked")}
    assert all(status == DeliveryStatus.NOT_SENT for _kind, status, _reason in statuses)
    shown = deliveries_shown(client, posted)
    assert shown["Receipt to the visitor"] == "not sent: the submission is blocked"


@pytest.mark.parametrize(
    ("form_data", "erased", "expected"),
    [
        ({"full_name": "No Address"}, False, "not sent: no e-mail address was given"),
        ({"full_name": "[erased]", "email": "[erased]"}, True, "not sent: the personal data was erased"),
    ],
)
def test_a_receipt_not_sent_says_why(client, officer, form_data, erased, expected):
    (record,) = make_records(1, form_data=form_data)
    if erased:
        ConsentSubmission.objects.filter(pk=record.submission_id).update(erased_at=timezone.now())
    assert send_receipt.call(record.pk).startswith("not sent")
    assert mail.outbox == []
    assert deliveries_shown(client, record)["Receipt to the visitor"] == expected


def test_a_task_run_again_after_it_sent_does_not_send_twice(posted):
    """The worker requeues a task whose connection died after the e-mail left (db_worker): the second
    run must see the delivery recorded and send nothing."""
    from forms.tasks import send_receipt

    run_ready_tasks()
    sent = [message for message in mail.outbox if message.to == [ADDRESS]]
    assert len(sent) == 1
    assert send_receipt.call(posted.pk) == "already sent"
    assert [message for message in mail.outbox if message.to == [ADDRESS]] == sent
