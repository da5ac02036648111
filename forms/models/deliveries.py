"""Whether the e-mails about a consent record reached the mail server (issue #12: undelivered receipts
must be visible).

The e-mail tasks (`forms.tasks`) write one row per record and kind of e-mail, updated at every attempt:
sent, failed and retrying (with the time of the next attempt), failed for good after the last attempt,
or not sent and why (no address, no recipients, the submission blocked or erased). The privacy officer's
view of a record reads it. The task log of django-tasks shows every failed attempt as failed too, but
it is not where this is read from: development runs tasks at once and keeps no log, the production log
is pruned, and finding a record's tasks there means searching their JSON arguments.

Nothing personal is kept: the error is the exception's class and SMTP code, never its message (a
server's refusal quotes the address).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailKind(models.TextChoices):
    RECEIPT = "receipt", _("receipt to the visitor")
    STAFF_NOTIFICATION = "staff", _("notification to the form's recipients")


class DeliveryStatus(models.TextChoices):
    SENT = "sent", _("sent")
    RETRYING = "retrying", _("failed, retrying")
    FAILED = "failed", _("failed")
    NOT_SENT = "not-sent", _("not sent")


class NotSentReason(models.TextChoices):
    NO_ADDRESS = "no-address", _("no e-mail address was given")
    NO_RECIPIENTS = "no-recipients", _("the form has no recipients")
    BLOCKED = "blocked", _("the submission is blocked")
    ERASED = "erased", _("the personal data was erased")


class EmailDelivery(models.Model):
    """The latest word on one e-mail about a consent record."""

    wagtail_reference_index_ignore = True

    record = models.ForeignKey(
        "consent_forms.ConsentRecord",
        on_delete=models.PROTECT,
        related_name="email_deliveries",
        verbose_name=_("consent record"),
    )
    kind = models.CharField(_("e-mail"), max_length=16, choices=EmailKind.choices)
    status = models.CharField(_("status"), max_length=16, choices=DeliveryStatus.choices)
    reason = models.CharField(_("why not sent"), max_length=16, choices=NotSentReason.choices, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        constraints = [models.UniqueConstraint(fields=["record", "kind"], name="email_delivery_per_kind")]

    def __str__(self):
        return f"{self.record_id} {self.kind} {self.status}"
