"""What a submission leaves behind: the personal data, and the immutable evidence of consent.

The two are kept apart on purpose. `ConsentSubmission` holds what the visitor typed (personal data that
retention and erasure requests may later blank out). `ConsentRecord` and its `ConsentGrant` rows are the
evidence: which frozen policy text (snapshot = version + language) the visitor was shown, which purposes
they consented to, the exact statement and its hash, and when. Evidence is write-once (ORM, and SQL
triggers on PostgreSQL) and survives the deletion of the form page.

What happens to a consent afterwards (a withdrawal) is a `ConsentEvent` appended beside the record,
never a change to it: the current state of a purpose is its newest event, else "given" if its grant was
granted, else "refused".
"""

import uuid
from functools import cached_property

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

from policy.immutable import ImmutableModel


class ConsentSubmission(AbstractFormSubmission):
    """The data a visitor submitted through a consent form.

    Unlike Wagtail's FormSubmission, deleting the form page does not delete it (SET_NULL): it is what
    the consent evidence refers to.
    """

    # Not in Wagtail's reference index: a row (and a background task) per submission would grow it by
    # millions for no use; the consents of a page are listed in /admin/consents/.
    wagtail_reference_index_ignore = True

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("form"),
    )
    form_data = models.JSONField(_("submitted data"), encoder=DjangoJSONEncoder)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    # Set by a privacy officer's "block" (issue #11): the data stays but is left out of exports,
    # listings and e-mails until unblocked.
    blocked_at = models.DateTimeField(_("blocked at"), null=True, blank=True)
    # Set when the personal data was erased (an erasure request or the retention term): form_data and
    # email are replaced by a marker and uploaded files deleted; `email_hmac` lets a later request for
    # the same address be matched without keeping the address.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)
    email_hmac = models.CharField(_("keyed hash of the e-mail"), max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")


class ConsentRecord(ImmutableModel):
    """Evidence of one consent: the exact policy text and statement a visitor accepted, and when."""

    wagtail_reference_index_ignore = True

    receipt_id = models.UUIDField(_("receipt"), default=uuid.uuid4, unique=True, editable=False)
    submission = models.OneToOneField(
        ConsentSubmission, on_delete=models.PROTECT, related_name="consent", verbose_name=_("submission")
    )
    snapshot = models.ForeignKey(
        "policy.PolicySnapshot",
        on_delete=models.PROTECT,
        related_name="consents",
        verbose_name=_("policy text"),
    )
    version = models.ForeignKey(
        "policy.PolicyVersion",
        on_delete=models.PROTECT,
        related_name="consents",
        verbose_name=_("policy version"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The page may be deleted one day; the record keeps its id and title as they were.
    form_page = models.ForeignKey(
        "consent_forms.ConsentFormPage",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
        verbose_name=_("form"),
    )
    form_title = models.CharField(_("form title"), max_length=255)
    statement = models.TextField(_("consent statement"))
    statement_sha256 = models.CharField(_("statement SHA-256"), max_length=64)
    token_nonce = models.CharField(max_length=32, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["-submitted_at", "-id"], name="consent_recent"),
            models.Index(fields=["version", "-submitted_at"], name="consent_version_recent"),
            models.Index(fields=["form_page", "-submitted_at"], name="consent_form_recent"),
            models.Index(fields=["language", "-submitted_at"], name="consent_language_recent"),
        ]

    def __str__(self):
        return str(self.receipt_id)

    @cached_property
    def newest_events(self):
        """{purpose number: its newest ConsentEvent}, from the prefetched `events` if there are (one
        query otherwise)."""
        newest = {}
        for event in sorted(self.events.all(), key=lambda event: (event.occurred_at, event.pk)):
            newest[event.purpose_number] = event
        return newest


class ConsentState(models.TextChoices):
    """The states of a consent, in the words of the W3C Data Privacy Vocabulary (dpv:ConsentStatus)."""

    GIVEN = "given", _("given")
    REFUSED = "refused", _("refused")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EXPIRED = "expired", _("expired")
    INVALIDATED = "invalidated", _("invalidated")


class ConsentChannel(models.TextChoices):
    """How an event reached us."""

    RECEIPT_LINK = "receipt-link", _("receipt link")
    STAFF = "staff", _("staff")
    RETENTION = "retention", _("retention term")


class ConsentGrant(ImmutableModel):
    """One purpose offered on the form, and whether the visitor consented to it."""

    wagtail_reference_index_ignore = True

    record = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, related_name="grants")
    purpose_key = models.UUIDField(_("purpose"), db_index=True)
    purpose_number = models.PositiveSmallIntegerField(_("purpose number"))
    purpose = models.TextField(_("purpose of processing"))
    required = models.BooleanField(_("required"))
    granted = models.BooleanField(_("consented"))
    statement = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("consent to a purpose")
        ordering = ["record", "purpose_number"]
        indexes = [models.Index(fields=["purpose_key", "granted", "record"], name="consent_grant_purpose")]

    @property
    def newest_event(self):
        return self.record.newest_events.get(self.purpose_number)

    @property
    def current_state(self):
        """The newest event's state, else what the form recorded: given if ticked, refused if not."""
        event = self.newest_event
        if event is not None:
            return event.state
        return ConsentState.GIVEN if self.granted else ConsentState.REFUSED

    def get_current_state_display(self):
        return ConsentState(self.current_state).label

    @property
    def withdrawal_token(self):
        """The signed token of this purpose's one-click withdrawal link (`forms.withdrawal`)."""
        from forms.withdrawal import make_withdrawal_token

        return make_withdrawal_token(self.record_id, self.purpose_number)

    @property
    def withdrawal_url(self):
        """The withdrawal link on the site's canonical address, under the form (and language) the
        consent was given on; "" once that form is gone."""
        from forms.withdrawal import withdrawal_url

        return withdrawal_url(self.record, self.withdrawal_token)


class ConsentEvent(ImmutableModel):
    """Something that happened to the consent to one purpose of a record after it was given (a
    withdrawal): appended, never changed. It holds nothing personal: the record says whose it is."""

    wagtail_reference_index_ignore = True

    record = models.ForeignKey(
        ConsentRecord, on_delete=models.PROTECT, related_name="events", verbose_name=_("consent record")
    )
    purpose_key = models.UUIDField(_("purpose"))
    purpose_number = models.PositiveSmallIntegerField(_("purpose number"))
    state = models.CharField(_("state"), max_length=16, choices=ConsentState.choices)
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=16, choices=ConsentChannel.choices)
    # The data-subject request a privacy officer carried out (channel "staff"), if any.
    privacy_request = models.ForeignKey(
        "consent_forms.PrivacyRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consent_events",
        verbose_name=_("privacy request"),
    )

    class Meta:
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")
        ordering = ["record", "occurred_at", "id"]
        indexes = [
            models.Index(fields=["record", "purpose_number", "-occurred_at"], name="consent_event_newest"),
        ]

    def __str__(self):
        return f"{self.record_id} {self.purpose_number} {self.state} {self.occurred_at:%Y-%m-%d %H:%M}"


class ConsentExport(ImmutableModel):
    """Who exported which consent records, when (also written to Wagtail's audit log)."""

    wagtail_reference_index_ignore = True

    user = models.CharField(_("user"), max_length=150)
    exported_at = models.DateTimeField(_("exported at"), default=timezone.now)
    file_format = models.CharField(_("format"), max_length=8)
    filters = models.JSONField(_("filters"), default=dict)

    class Meta:
        verbose_name = _("consent export")

    def __str__(self):
        return f"{self.file_format} {self.exported_at:%Y-%m-%d %H:%M} {self.user}"
