"""E-mails sent after a consent is saved, through django-tasks so a failing SMTP server loses nothing.

The submission and its evidence are committed before these run. A failed send is retried later (with a
growing delay) when the task backend can defer work (the production database worker); the immediate
backend of development records the failure instead. Either way the attempt that failed raises
(`DeliveryFailed`), so django-tasks' result of it says FAILED, and `EmailDelivery` keeps the latest word
on each e-mail for the privacy officer's view of the record (sent, retrying, failed after N attempts,
not sent and why).

Blocked submissions get no e-mail (checked when the task runs: blocked after the POST but before the
task is still not sent), nor erased ones; unblocking does not send what was skipped.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from core.site_url import page_canonical_url

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def queue_is_in_database(task_function):
    """Whether the task is queued as a row of the site's own database (django-tasks' DatabaseBackend)."""
    return type(task_function.get_backend()).__module__.startswith("django_tasks_db.")


def enqueue_with_record(task_function, record_id):
    """Queue an e-mail about a consent record that is being saved (call it inside that transaction).

    A queue kept in the database (production) takes the task in the record's own transaction: record and
    e-mail are committed together or not at all, with one commit for both. Any other backend (immediate
    in development and tests) gets the task once the record is committed; the consent is stored by then,
    so a queue that cannot take it is logged for the operators rather than turned into an error page.
    """
    if queue_is_in_database(task_function):
        task_function.enqueue(record_id)
        return

    def enqueue():
        try:
            task_function.enqueue(record_id)
        except Exception:
            logger.exception("Could not queue %s for consent record %s", task_function.name, record_id)

    transaction.on_commit(enqueue)


class DeliveryFailed(Exception):
    """An e-mail attempt failed: raised after the next attempt is queued (or not, after the last), so
    django-tasks' result of this attempt says FAILED. Its message names the record and the error's class
    only (an SMTP refusal quotes the visitor's address)."""


def error_name(error):
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def note_delivery(record, kind, status, **fields):
    """Write the latest word on this e-mail (`forms.models.EmailDelivery`)."""
    from forms.models import EmailDelivery

    EmailDelivery.objects.update_or_create(
        record=record,
        kind=kind,
        defaults={"status": status, "reason": "", "next_attempt_at": None, "error": "", **fields},
    )


def already_sent(record, kind):
    """Whether this e-mail went out already: the task worker runs a task again when its database
    connection died mid-way (`core/management/commands/db_worker.py`), and must not send it twice."""
    from forms.models import DeliveryStatus, EmailDelivery

    return EmailDelivery.objects.filter(record=record, kind=kind, status=DeliveryStatus.SENT).exists()


def not_sending(record):
    """Why no e-mail may go out about this record now (its submission blocked or erased), else None."""
    from forms.models import NotSentReason

    if record.submission.blocked_at:
        return NotSentReason.BLOCKED
    if record.submission.erased_at:
        return NotSentReason.ERASED
    return None


def send_with_retries(task_function, kind, record, attempt, message):
    """Send `message`; on failure queue the next attempt (with a growing delay, when the backend can
    defer work and attempts are left), record the delivery's state and raise DeliveryFailed."""
    from forms.models import DeliveryStatus

    attempted_at = timezone.now()
    try:
        message.send()
    except OSError as error:  # smtplib errors are OSErrors
        name = error_name(error)
        if attempt < MAX_ATTEMPTS and task_function.get_backend().supports_defer:
            next_at = timezone.now() + timedelta(minutes=2**attempt)
            task_function.using(run_after=next_at).enqueue(record.pk, attempt + 1)
            note_delivery(
                record,
                kind,
                DeliveryStatus.RETRYING,
                attempts=attempt,
                last_attempt_at=attempted_at,
                next_attempt_at=next_at,
                error=name,
            )
            logger.warning(
                "%s e-mail for consent record %s failed (%s); retrying at %s", kind, record.pk, name, next_at
            )
            outcome = f"retrying at {next_at.isoformat()}"
        else:
            note_delivery(
                record,
                kind,
                DeliveryStatus.FAILED,
                attempts=attempt,
                last_attempt_at=attempted_at,
                error=name,
            )
            outcome = "no more attempts"
        failure = f"attempt {attempt} of {MAX_ATTEMPTS} failed ({name}); {outcome}"
        raise DeliveryFailed(f"{kind} e-mail for consent record {record.pk}: {failure}") from None
    note_delivery(record, kind, DeliveryStatus.SENT, attempts=attempt, last_attempt_at=attempted_at)
    return "sent"


@task()
def notify_staff(record_id, attempt=1):
    """Tell the form's recipients a new submission arrived (what was sent and which consents); nothing
    while the submission is blocked or once it is erased."""
    from forms.models import DeliveryStatus, EmailKind, NotSentReason

    record = get_record(record_id)
    if already_sent(record, EmailKind.STAFF_NOTIFICATION):
        return "already sent"
    reason = not_sending(record)
    page = record.form_page
    recipients = [
        address.strip() for address in (page.to_address if page else "").split(",") if address.strip()
    ]
    if reason is None and not recipients:
        reason = NotSentReason.NO_RECIPIENTS
    if reason:
        note_delivery(record, EmailKind.STAFF_NOTIFICATION, DeliveryStatus.NOT_SENT, reason=reason)
        return f"not sent: {reason}"
    with translation.override(record.language):
        body = render_to_string(
            "forms/emails/staff_notification.txt",
            {
                "record": record,
                "data": record.submission.form_data,
                "grants": record.grants.all(),
                "page": page,
            },
        )
    message = EmailMessage(
        subject=page.subject or record.form_title,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    return send_with_retries(notify_staff, EmailKind.STAFF_NOTIFICATION, record, attempt, message)


@task()
def send_receipt(record_id, attempt=1):
    """Send the visitor their receipt: the same facts as the receipt page, no personal data, and a link to
    that page on the site's canonical address (`core.site_url`); nothing while the submission is blocked
    or once it is erased."""
    from forms.models import ConsentFormPage, DeliveryStatus, EmailKind, NotSentReason

    record = get_record(record_id)
    if already_sent(record, EmailKind.RECEIPT):
        return "already sent"
    reason = not_sending(record)
    if reason is None and not record.submission.email:
        reason = NotSentReason.NO_ADDRESS
    if reason:
        note_delivery(record, EmailKind.RECEIPT, DeliveryStatus.NOT_SENT, reason=reason)
        return f"not sent: {reason}"
    form_page = ConsentFormPage.objects.filter(pk=record.form_page_id).first()  # the form may be gone
    receipt_url = page_canonical_url(form_page, f"receipt/{record.receipt_id}/") if form_page else ""
    with translation.override(record.language):
        subject = render_to_string("forms/emails/receipt_subject.txt", {"record": record}).strip()
        body = render_to_string(
            "forms/emails/receipt.txt",
            {"record": record, "grants": record.grants.all(), "receipt_url": receipt_url},
        )
    message = EmailMessage(subject=subject, body=body, to=[record.submission.email])
    return send_with_retries(send_receipt, EmailKind.RECEIPT, record, attempt, message)


def get_record(record_id):
    from forms.models import ConsentRecord

    return ConsentRecord.objects.select_related("submission", "version").get(pk=record_id)
