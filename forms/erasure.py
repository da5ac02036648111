"""Erasing a person's personal data while keeping the evidence of what they consented to (issue #11).

`erase_person(email)` is what a privacy officer's "erase" action runs for a data-subject request;
`erase_submission(submission)` is what the retention term runs (`forms.retention`). Both leave, of each
submission, only the consent evidence (`ConsentRecord`, its grants and events, the policy snapshot, the
statement, its hash and the times) and a keyed hash of the e-mail address:

- the submission's answers keep their keys, every non-empty value becomes `ERASED` ("[erased]", a plain
  string in no language, so the receipt page, the staff's inspect view, listings and exports show it
  like any answer); its `email` is blanked, `email_hmac` and `erased_at` set;
- the files the visitor uploaded are deleted from the private storage once the transaction commits;
- the person's privacy requests lose their address and details and keep the keyed hash;
- submissions of other people that merely mention the address (typed into a message, say) keep their
  answers, but the address itself is replaced by the marker wherever it appears in them; so are
  mentions in operational records (`MENTION_COLUMNS`: Wagtail's audit log, django-tasks' results, the
  e-mail delivery status).

Whose submissions are they? Those whose `email` column is the address, compared without regard to case
(`email` is the first e-mail field the visitor filled in, `forms.consent_flow`). An address typed only
into another field does not make the submission theirs: it is redacted as a mention.

One transaction per person: an interrupted run leaves the old state or the new one, never half of it
(files are deleted only after the commit, so a rolled-back erasure still has them). Each erased
consent record and each blanked request gets an entry "consent_forms.erase" in Wagtail's audit log
with the staff user, the reason and the request number, never the address.

The keyed hash is HMAC-SHA256 of the address stripped and case-folded, under
`settings.ERASURE_HMAC_KEY` (from the environment in production; `forms.erasure_checks` refuses the
development key there). The key must never change once hashes are stored: a new key matches nothing
erased before.
"""

import hashlib
import hmac
import logging
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from forms.models import ConsentRecord, ConsentSubmission, PrivacyRequest
from forms.uploads import delete_upload

logger = logging.getLogger(__name__)

ERASED = "[erased]"
ERASE_ACTION = "consent_forms.erase"
UPLOAD_PREFIX = "cv/"  # the name `forms.uploads.store_upload` gives every stored upload
# Operational records that may quote an address in passing: Wagtail's audit log (an export's search
# terms), django-tasks' results (an SMTP error naming the recipient, in a traceback), the e-mail delivery
# status of a record (the same error, shortened). Mentions there are redacted; the rows stay.
MENTION_COLUMNS = [
    ("wagtailcore.ModelLogEntry", "data"),
    ("wagtailcore.PageLogEntry", "data"),
    ("django_tasks_db.DBTaskResult", "args_kwargs"),
    ("django_tasks_db.DBTaskResult", "return_value"),
    ("django_tasks_db.DBTaskResult", "traceback"),
    ("consent_forms.EmailDelivery", "error"),
]


@dataclass(frozen=True)
class Erasure:
    """What one erasure changed (counts only: nothing personal)."""

    submissions: int = 0
    files: int = 0
    requests: int = 0
    mentions: int = 0

    def __add__(self, other):
        return Erasure(
            self.submissions + other.submissions,
            self.files + other.files,
            self.requests + other.requests,
            self.mentions + other.mentions,
        )


def normalise_email(address):
    return (address or "").strip().casefold()


def email_hmac(address):
    """The keyed hash (64 hex digits) that stands for `address` once it is erased."""
    key = settings.ERASURE_HMAC_KEY
    return hmac.new(key.encode("utf-8"), normalise_email(address).encode("utf-8"), hashlib.sha256).hexdigest()


def _is_upload(value):
    return isinstance(value, str) and value.startswith(UPLOAD_PREFIX)


def _is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def erased_form_data(form_data):
    """`form_data` with its keys and every non-empty value replaced by the marker; and the names of
    the uploaded files it referred to."""
    data = form_data if isinstance(form_data, dict) else {}
    files = [value for value in data.values() if _is_upload(value)]
    return {key: value if _is_empty(value) else ERASED for key, value in data.items()}, files


def _erase_row(submission, digest, now):
    """Erase one submission row (inside the caller's transaction); the uploads to delete after it."""
    form_data, files = erased_form_data(submission.form_data)
    submission.form_data = form_data
    submission.email = ""
    submission.email_hmac = digest
    submission.erased_at = now
    submission.save(update_fields=["form_data", "email", "email_hmac", "erased_at"])
    return files


def _log_data(reason, privacy_request):
    return {"reason": reason, "privacy_request": str(privacy_request.uuid) if privacy_request else None}


def _log_records(submission_ids, user, reason, privacy_request):
    for record in ConsentRecord.objects.filter(submission_id__in=submission_ids).order_by("pk"):
        log(instance=record, action=ERASE_ACTION, user=user, data=_log_data(reason, privacy_request))


def _delete_files_after_commit(files):
    def delete():
        for name in files:
            try:
                delete_upload(name)
            except OSError:
                logger.exception("Could not delete an erased upload (%s)", name)

    if files:
        transaction.on_commit(delete)


def _redact(value, pattern):
    """`value` (JSON-like) with every match of `pattern` in its strings replaced by the marker, and
    whether anything was replaced."""
    if isinstance(value, str):
        redacted = pattern.sub(ERASED, value)
        return redacted, redacted != value
    if isinstance(value, list):
        pairs = [_redact(item, pattern) for item in value]
        return [item for item, _changed in pairs], any(changed for _item, changed in pairs)
    if isinstance(value, dict):
        pairs = {key: _redact(item, pattern) for key, item in value.items()}
        return (
            {key: item for key, (item, _changed) in pairs.items()},
            any(changed for _item, changed in pairs.values()),
        )
    return value, False


def _redact_mentions(address, exclude_submission_ids):
    """Replace `address` in other submissions' answers, other requests' details and audit log data."""
    pattern = re.compile(re.escape(address.strip()), re.IGNORECASE)
    mentions = 0
    others = (
        ConsentSubmission.objects.select_for_update()
        .filter(form_data__icontains=address.strip())
        .exclude(pk__in=exclude_submission_ids)
    )
    for submission in others:
        form_data, changed = _redact(submission.form_data, pattern)
        if changed:
            submission.form_data = form_data
            submission.save(update_fields=["form_data"])
            mentions += 1
    for privacy_request in PrivacyRequest.objects.select_for_update().filter(
        details__icontains=address.strip()
    ):
        privacy_request.details = pattern.sub(ERASED, privacy_request.details)
        privacy_request.save(update_fields=["details"])
        mentions += 1
    for label, column in MENTION_COLUMNS:
        try:
            model = apps.get_model(label)
        except LookupError:  # an app not installed here
            continue
        field = model._meta.get_field(column)
        rows = model._base_manager.filter(**{f"{column}__icontains": address.strip()})
        for pk, value in rows.values_list("pk", column):
            value, changed = _redact(value, pattern)
            if changed:
                if isinstance(field, models.CharField) and field.max_length:
                    value = value[: field.max_length]
                model._base_manager.filter(pk=pk).update(**{column: value})
                mentions += 1
    return mentions


def erase_person(email, *, user=None, privacy_request=None, reason="request"):
    """Erase everything held about the person with the address `email` (see the module), in one
    transaction; returns an `Erasure` with the counts. `privacy_request`: the request being carried
    out, named in the audit log. Running it again changes nothing more."""
    address = (email or "").strip()
    if not address:
        raise ValueError("An e-mail address is needed to erase a person's data.")
    digest = email_hmac(address)
    now = timezone.now()
    with transaction.atomic():
        submissions = list(
            ConsentSubmission.objects.select_for_update()
            .filter(email__iexact=address, erased_at__isnull=True)
            .order_by("pk")
        )
        files = []
        for submission in submissions:
            files.extend(_erase_row(submission, digest, now))
        requests = list(
            PrivacyRequest.objects.select_for_update().filter(email__iexact=address).order_by("pk")
        )
        for row in requests:
            row.email, row.email_hmac, row.details = "", digest, ""
            row.save(update_fields=["email", "email_hmac", "details"])
        all_ids = ConsentSubmission.objects.filter(email_hmac=digest).values_list("pk", flat=True)
        mentions = _redact_mentions(address, list(all_ids))
        _log_records([submission.pk for submission in submissions], user, reason, privacy_request)
        for row in requests:
            log(instance=row, action=ERASE_ACTION, user=user, data=_log_data(reason, privacy_request))
        _delete_files_after_commit(files)
    if privacy_request is not None and any(row.pk == privacy_request.pk for row in requests):
        # the caller's copy must not write the address back when it is saved next
        privacy_request.email, privacy_request.email_hmac, privacy_request.details = "", digest, ""
    return Erasure(submissions=len(submissions), files=len(files), requests=len(requests), mentions=mentions)


def erase_submission(submission, *, user=None, privacy_request=None, reason="retention"):
    """Erase one submission's personal data (the retention term's erasure), in its own transaction;
    returns an `Erasure` (all zeros when it was erased already)."""
    with transaction.atomic():
        row = (
            ConsentSubmission.objects.select_for_update()
            .filter(pk=submission.pk, erased_at__isnull=True)
            .first()
        )
        if row is None:
            return Erasure()
        digest = email_hmac(row.email) if row.email else ""
        files = _erase_row(row, digest, timezone.now())
        _log_records([row.pk], user, reason, privacy_request)
        _delete_files_after_commit(files)
    submission.refresh_from_db()
    return Erasure(submissions=1, files=len(files))
