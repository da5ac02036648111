"""E-mails sent after a consent is saved, through django-tasks so a failing SMTP server loses nothing.

The submission and its evidence are committed before these run. A failed send is retried later (with a
growing delay) when the task backend can defer work (the production database worker); the immediate
backend of development records the failure instead.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

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


def _retry(task_function, record_id, attempt, error):
    if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
        raise error
    delay = timedelta(minutes=2**attempt)
    logger.warning("E-mail for consent record %s failed (%s); retrying in %s", record_id, error, delay)
    task_function.using(run_after=timezone.now() + delay).enqueue(record_id, attempt + 1)


@task()
def notify_staff(record_id, attempt=1):
    """Tell the form's recipients a new submission arrived (what was sent and which consents)."""
    from forms.models import ConsentRecord

    record = ConsentRecord.objects.select_related("submission", "version").get(pk=record_id)
    page = record.form_page
    recipients = [
        address.strip() for address in (page.to_address if page else "").split(",") if address.strip()
    ]
    if not recipients:
        return "no recipients"
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
    try:
        message.send()
    except OSError as error:  # smtplib errors are OSErrors
        _retry(notify_staff, record_id, attempt, error)
        return "retrying"
    return "sent"


@task()
def send_receipt(record_id, attempt=1):
    """Send the visitor their receipt: the same facts as the receipt page, no personal data, and a link to
    that page on the site's canonical address (`core.site_url`)."""
    from forms.models import ConsentFormPage, ConsentRecord

    record = ConsentRecord.objects.select_related("submission", "version").get(pk=record_id)
    if not record.submission.email:
        return "no address"
    form_page = ConsentFormPage.objects.filter(pk=record.form_page_id).first()  # the form may be gone
    receipt_url = page_canonical_url(form_page, f"receipt/{record.receipt_id}/") if form_page else ""
    with translation.override(record.language):
        subject = render_to_string("forms/emails/receipt_subject.txt", {"record": record}).strip()
        body = render_to_string(
            "forms/emails/receipt.txt",
            {"record": record, "grants": record.grants.all(), "receipt_url": receipt_url},
        )
    try:
        EmailMessage(subject=subject, body=body, to=[record.submission.email]).send()
    except OSError as error:
        _retry(send_receipt, record_id, attempt, error)
        return "retrying"
    return "sent"
