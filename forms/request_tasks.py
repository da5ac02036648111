"""The e-mail that asks a visitor to confirm a privacy request, through django-tasks as `forms.tasks`.

The link is signed when the e-mail is sent (`forms.privacy_requests.confirmation_url`), so a retried
send still gives the visitor 24 hours from the moment it reaches them, and no token is ever stored in
the task queue.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from forms.tasks import MAX_ATTEMPTS

logger = logging.getLogger(__name__)


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
    try:
        EmailMessage(subject=subject, body=body, to=[privacy_request.email]).send()
    except OSError as error:  # smtplib errors are OSErrors
        if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        delay = timedelta(minutes=2**attempt)
        logger.warning(
            "Confirmation of privacy request %s failed (%s); retrying in %s", request_id, error, delay
        )
        send_request_confirmation.using(run_after=timezone.now() + delay).enqueue(request_id, attempt + 1)
        return "retrying"
    return "sent"
