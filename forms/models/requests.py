"""Data-subject requests made online (issue #11): withdraw consent, information, correction, blocking,
destruction of personal data.

A visitor fills in `/<lang>/privacy/requests/` (`forms.privacy_requests`); the request is stored as
awaiting confirmation and nothing else happens until the visitor opens the signed link e-mailed to the
address they gave and presses the button. Confirmation opens it and sets its due date: the number of
working days the law gives for that type (`settings.PRIVACY_REQUEST_WORKING_DAYS`), counted from the
confirmation (`forms.working_days`). Privacy officers see the queue at /admin/privacy-requests/.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PrivacyRequestType(models.TextChoices):
    WITHDRAW_CONSENT = "withdrawal", _("Withdraw consent")
    INFORMATION = "information", _("Information about my personal data")
    CORRECTION = "correction", _("Correction of my personal data")
    BLOCKING = "blocking", _("Blocking of my personal data")
    DESTRUCTION = "destruction", _("Destruction of my personal data")


class PrivacyRequestStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting-confirmation", _("awaiting confirmation")
    OPEN = "open", _("open")
    DONE = "done", _("done")
    REFUSED = "refused", _("refused")
    EXPIRED = "expired", _("expired")


class PrivacyRequest(models.Model):
    """One data-subject request. The e-mail address is personal data: only Privacy officers see it."""

    uuid = models.UUIDField(_("request number"), default=uuid.uuid4, unique=True, editable=False)
    request_type = models.CharField(_("type"), max_length=32, choices=PrivacyRequestType.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # Blank once the person's data was erased; `email_hmac` still matches a later request.
    email = models.EmailField(_("e-mail"), blank=True)
    email_hmac = models.CharField(_("keyed hash of the e-mail"), max_length=64, blank=True, db_index=True)
    receipt_id = models.UUIDField(_("receipt number"), null=True, blank=True)
    details = models.TextField(_("details"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=PrivacyRequestStatus.choices,
        default=PrivacyRequestStatus.AWAITING_CONFIRMATION,
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # What the privacy officer told the visitor: the legal ground of a refusal (Art. 8(2) of Law 94-V),
    # or a note on what was done.
    outcome = models.TextField(_("reason or outcome"), blank=True)

    # Not in Wagtail's reference index: nothing refers to a request.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["status", "due_at"], name="privacy_request_queue")]

    def __str__(self):
        return f"{self.get_request_type_display()} {self.uuid}"

    @property
    def is_overdue(self):
        return (
            self.status == PrivacyRequestStatus.OPEN
            and self.due_at is not None
            and self.due_at < timezone.now()
        )
