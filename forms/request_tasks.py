"""E-mails to visitors about their rights, through django-tasks as `forms.tasks`: the link that confirms a
privacy request, the answer when a privacy officer closes it, and the receipt of a one-click withdrawal.

Each is written in the language of the request (or of the consent), and each links the requests page
(`/<lang>/privacy/requests/`) where the visitor can ask for more. The confirmation link is signed when
the e-mail is sent (`forms.privacy_requests.confirmation_url`), so a retried send still gives the
visitor 24 hours from the moment it reaches them, and no token is ever stored in the task queue; the
tasks take only a row's id, never an address.

The answer to an information request carries the readable page of everything held about the person
(`forms.data_subject`) as an attachment. The answer to a destruction request is written before the
erasure and sent from memory once it is committed (`forms.request_actions`): after it, the address is
nowhere in the database, the task queue included.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from forms.tasks import MAX_ATTEMPTS, not_sending

logger = logging.getLogger(__name__)

PERSONAL_DATA_FILENAME = "personal-data.html"


def _send_or_retry(message, task_function, object_id, attempt):
    """Send `message`; on an SMTP failure queue the task again later (growing delay) where the backend
    can defer work, else raise. Returns what the task reports."""
    try:
        message.send()
    except OSError as error:  # smtplib errors are OSErrors
        if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        delay = timedelta(minutes=2**attempt)
        logger.warning("%s for %s failed (%s); retrying in %s", task_function.name, object_id, error, delay)
        task_function.using(run_after=timezone.now() + delay).enqueue(object_id, attempt + 1)
        return "retrying"
    return "sent"


@task()
def send_request_confirmation(request_id, attempt=1):
    from forms.models import PrivacyRequest, PrivacyRequestStatus
    from forms.privacy_requests import CONFIRMATION_HOURS, confirmation_url

    privacy_request = PrivacyRequest.objects.filter(pk=request_id).first()
    if privacy_request is None or privacy_request.status != PrivacyRequestStatus.AWAITING_CONFIRMATION:
        return "nothing to confirm"
    with translation.override(privacy_request.language):
        context = {
            "privacy_request": privacy_request,
            "confirmation_url": confirmation_url(privacy_request),
            "hours": CONFIRMATION_HOURS,
        }
        subject = render_to_string("forms/emails/request_confirmation_subject.txt", context).strip()
        body = render_to_string("forms/emails/request_confirmation.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[privacy_request.email])
    return _send_or_retry(message, send_request_confirmation, request_id, attempt)


def _withdrawn_purposes(privacy_request):
    """(receipt number, purpose number, purpose) of each consent withdrawn for the request."""
    from forms.models import ConsentGrant
    from forms.models.records import ConsentEvent

    events = list(
        ConsentEvent.objects.filter(privacy_request=privacy_request)
        .select_related("record")
        .order_by("record_id", "purpose_number")
    )
    grants = {
        (grant.record_id, grant.purpose_number): grant.purpose
        for grant in ConsentGrant.objects.filter(record_id__in={event.record_id for event in events})
    }
    return [
        (
            event.record.receipt_id,
            event.purpose_number,
            grants.get((event.record_id, event.purpose_number), ""),
        )
        for event in events
    ]


def outcome_message(privacy_request, personal_data_page=None):
    """The e-mail telling the visitor what was done about their (closed) request, or why it was refused,
    in the request's language; `personal_data_page` (HTML) is attached when given."""
    from forms.models import PrivacyRequestStatus, PrivacyRequestType
    from policy.version_words import local_datetime_text

    with translation.override(privacy_request.language):
        context = {
            "privacy_request": privacy_request,
            "refused": privacy_request.status == PrivacyRequestStatus.REFUSED,
            "types": PrivacyRequestType,
            "closed_at": local_datetime_text(privacy_request.closed_at or timezone.now()),
            "withdrawn": (
                _withdrawn_purposes(privacy_request)
                if privacy_request.request_type == PrivacyRequestType.WITHDRAW_CONSENT
                else []
            ),
            "attached": personal_data_page is not None,
            "attachment_name": PERSONAL_DATA_FILENAME,
        }
        subject = render_to_string("forms/emails/request_outcome_subject.txt", context).strip()
        body = render_to_string("forms/emails/request_outcome.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[privacy_request.email])
    if personal_data_page is not None:
        message.attach(PERSONAL_DATA_FILENAME, personal_data_page, "text/html")
    return message


@task()
def send_request_outcome(request_id, attempt=1):
    """Tell the visitor their request was carried out or refused (an information request's answer
    carries everything held about them)."""
    from forms.data_subject import collect, readable_page
    from forms.models import PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType

    privacy_request = PrivacyRequest.objects.filter(pk=request_id).first()
    if privacy_request is None or privacy_request.status not in (
        PrivacyRequestStatus.DONE,
        PrivacyRequestStatus.REFUSED,
    ):
        return "not closed"
    if not privacy_request.email:
        return "no address"
    page = None
    if (
        privacy_request.status == PrivacyRequestStatus.DONE
        and privacy_request.request_type == PrivacyRequestType.INFORMATION
    ):
        page = readable_page(collect(privacy_request.email, privacy_request.language), privacy_request)
    return _send_or_retry(outcome_message(privacy_request, page), send_request_outcome, request_id, attempt)


@task()
def send_withdrawal_receipt(event_id, attempt=1):
    """The receipt of a withdrawal made with a one-click link: the consent's receipt number, the purpose,
    the time and the policy version that had been accepted. Not sent where the submission has no
    address, or is blocked or erased."""
    from forms.models.records import ConsentEvent
    from policy.version_words import local_datetime_text

    event = (
        ConsentEvent.objects.select_related("record__submission", "record__version")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return "no event"
    record, submission = event.record, event.record.submission
    reason = not_sending(record) or ("" if submission.email else "no address")
    if reason:
        return f"not sent: {reason}"
    grant = record.grants.filter(purpose_number=event.purpose_number).first()
    with translation.override(record.language):
        context = {
            "record": record,
            "event": event,
            "purpose": grant.purpose if grant else "",
            "withdrawn_at": local_datetime_text(event.occurred_at),
        }
        subject = render_to_string("forms/emails/withdrawal_receipt_subject.txt", context).strip()
        body = render_to_string("forms/emails/withdrawal_receipt.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[submission.email])
    return _send_or_retry(message, send_withdrawal_receipt, event_id, attempt)
