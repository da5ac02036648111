"""The retention term, enforced: submissions past the term of every purpose they were given for are
erased (issue #11). Run daily by `manage.py enforce_retention` (cron) or the django-tasks task
`forms.retention_tasks.enforce_retention_daily`; `--dry-run` lists what would go and changes nothing.

Which rule? Each consent to a purpose (`ConsentGrant`) names the purpose by its key (the row's
translation key). Its rule is the one frozen with the policy text the visitor accepted (the snapshot's
document carries each purpose's `retention_rule` and `retention_days`, outside the canonical text):
a consent is kept by the rule it was given under, whatever the policy says later. Snapshots frozen
before purposes had rules carry none; for them the rule of the same purpose in the live policy is
used. A purpose with no rule anywhere is not guessed at: its submissions are kept and counted.

When is a purpose's term over?
- its consent is no longer given: withdrawn (or expired, or invalidated), whatever the rule: data
  kept on consent goes with the consent;
- "until withdrawal": only then;
- "N days after the vacancy is closed": once N whole days have passed after the day the form page's
  `vacancy_closed_on` names (in the site's time zone; the source-language page's date, which is
  synchronised to its translations); never while the vacancy is open, or if the form page is gone;
- "N days after the form was sent": N × 24 hours after the record's `submitted_at`.

A submission is past its term when every purpose consented to is (one with no purpose consented to
has nothing to be kept for). It is then erased as an erasure request would (`forms.erasure`), and
each purpose still "given" gets a `ConsentEvent` "expired" (channel "retention"), in one transaction
per submission. Submissions that are erased already are not looked at again, so a second run erases
nothing; submissions a privacy officer blocked are kept (a block is what a dispute over them asks for)
and counted.

The same run expires privacy requests left unconfirmed longer than the confirmation link lives
(`forms.privacy_requests.CONFIRMATION_MAX_AGE`): status "expired", and, as nothing was ever
confirmed, the address typed is replaced by its keyed hash and the details blanked.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from forms.erasure import email_hmac, erase_submission
from forms.models import ConsentFormPage, ConsentRecord, PrivacyRequest, PrivacyRequestStatus
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from forms.privacy_requests import CONFIRMATION_MAX_AGE
from policy.document import frozen_purposes
from policy.models import PolicySnapshot, ProcessingPurpose
from policy.retention_rules import RULES_WITH_DAYS, RetentionRule

EXPIRE_REQUEST_ACTION = "consent_forms.expire_request"
NO_LONGER_GIVEN = {ConsentState.WITHDRAWN, ConsentState.EXPIRED, ConsentState.INVALIDATED}


@dataclass(frozen=True)
class Rule:
    rule: str
    days: int | None

    @property
    def is_complete(self):
        return self.rule in RetentionRule.values and (self.rule not in RULES_WITH_DAYS or bool(self.days))


@dataclass(frozen=True)
class Purpose:
    """A purpose a visitor consented to, as the run counts it."""

    key: str
    label: str


@dataclass(frozen=True)
class Expired:
    """A submission past its term: what the dry run lists and the real run erases."""

    record_id: int
    receipt_id: str
    form_title: str
    submitted_at: datetime.datetime
    purposes: tuple  # of Purpose: those consented to


@dataclass
class RetentionReport:
    """What a run erased (or, dry, would erase); counts per purpose; what it kept and why."""

    dry_run: bool
    expired: list = field(default_factory=list)  # Expired
    erased_per_purpose: Counter = field(default_factory=Counter)  # Purpose -> submissions
    without_rule: Counter = field(default_factory=Counter)  # Purpose -> submissions kept for want of a rule
    blocked: int = 0  # submissions past their term but blocked
    files: int = 0
    requests_expired: int = 0

    def summary(self):
        """The counts as JSON-ready data, with nothing personal (the task's return value)."""
        return {
            "dry_run": self.dry_run,
            "submissions": len(self.expired),
            "files": self.files,
            "per_purpose": {p.label: n for p, n in sorted(self.erased_per_purpose.items(), key=_by_label)},
            "kept_without_rule": {p.label: n for p, n in sorted(self.without_rule.items(), key=_by_label)},
            "kept_blocked": self.blocked,
            "requests_expired": self.requests_expired,
        }


def _by_label(item):
    return item[0].label


# Rules


def rules_in_force():
    """{purpose key: Rule} of every purpose row of the live policy pages (rules are the same in
    every language; the source language's row is taken where rows disagree)."""
    rules = {}
    rows = (
        ProcessingPurpose.objects.filter(page__live=True)
        .values_list("translation_key", "retention_rule", "retention_days", "locale__language_code")
        .order_by("pk")
    )
    for key, rule, days, language in rows:
        if str(key) not in rules or language == settings.LANGUAGE_CODE:
            rules[str(key)] = Rule(rule, days)
    return rules


def purpose_labels():
    """{purpose key: "purpose (as the live policy in the source language words it)"}."""
    return {
        str(key): purpose
        for key, purpose in ProcessingPurpose.objects.filter(
            page__live=True, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("translation_key", "purpose")
    }


def frozen_rules(snapshot_ids):
    """{snapshot id: {purpose key: Rule}} of the rules frozen with those snapshots (none for
    snapshots frozen before purposes had rules)."""
    frozen = {}
    for snapshot_id, document in PolicySnapshot.objects.filter(pk__in=snapshot_ids).values_list(
        "pk", "document"
    ):
        frozen[snapshot_id] = {
            purpose["key"]: Rule(purpose["retention_rule"], purpose.get("retention_days"))
            for purpose in frozen_purposes(document)
            if purpose.get("retention_rule")
        }
    return frozen


def vacancy_closing_days():
    """{form page id: the day its vacancy was closed, or None}: the source-language page's date for
    every translation of it (the field is synchronised; a translation not yet synced may lag)."""
    pages = list(
        ConsentFormPage.objects.values_list(
            "pk", "translation_key", "locale__language_code", "vacancy_closed_on"
        )
    )
    source = {key: closed for _pk, key, language, closed in pages if language == settings.LANGUAGE_CODE}
    return {pk: source.get(key, closed) for pk, key, _language, closed in pages}


# Terms


def purpose_term_over(rule, state, submitted_at, closed_on, now):
    """Whether the term of one purpose consented to is over (None: its rule is unknown)."""
    if state in NO_LONGER_GIVEN:
        return True
    if rule is None or not rule.is_complete:
        return None
    if rule.rule == RetentionRule.UNTIL_WITHDRAWAL:
        return False
    if rule.rule == RetentionRule.FIXED_DAYS:
        return now >= submitted_at + datetime.timedelta(days=rule.days)
    # after the vacancy is closed: N whole days after that day, in the site's time zone
    return closed_on is not None and timezone.localdate(now) > closed_on + datetime.timedelta(days=rule.days)


def find_expired(now=None):
    """(Expired submissions, Counter of the purposes that alone keep a submission for want of a rule,
    number of submissions past their term but blocked)."""
    now = now or timezone.now()
    in_force = rules_in_force()
    labels = purpose_labels()
    closing = vacancy_closing_days()
    records = (
        ConsentRecord.objects.filter(submission__erased_at__isnull=True)
        .select_related("submission")
        .prefetch_related("grants", "events")
        .order_by("pk")
    )
    snapshot_ids = set(records.order_by().values_list("snapshot_id", flat=True).distinct())
    frozen = frozen_rules(snapshot_ids)
    expired, without_rule, blocked = [], Counter(), 0
    for record in records.iterator(chunk_size=500):
        grants = [grant for grant in record.grants.all() if grant.granted]
        purposes = tuple(
            Purpose(str(grant.purpose_key), labels.get(str(grant.purpose_key), grant.purpose))
            for grant in grants
        )
        over = [
            purpose_term_over(
                frozen.get(record.snapshot_id, {}).get(str(grant.purpose_key))
                or in_force.get(str(grant.purpose_key)),
                grant.current_state,
                record.submitted_at,
                closing.get(record.form_page_id),
                now,
            )
            for grant in grants
        ]
        if False in over:  # a purpose still holds it
            continue
        if None in over:  # kept only for want of a rule
            without_rule.update(purpose for purpose, done in zip(purposes, over, strict=True) if done is None)
            continue
        if record.submission.blocked_at is not None:
            blocked += 1
            continue
        expired.append(
            Expired(record.pk, str(record.receipt_id), record.form_title, record.submitted_at, purposes)
        )
    return expired, without_rule, blocked


# Enforcing


def _erase_expired(item, now):
    """Erase one expired submission and mark its purposes still given as expired, together."""
    with transaction.atomic():
        # The record's row is locked as a withdrawal locks it, so the two cannot cross.
        record = ConsentRecord.objects.select_for_update().select_related("submission").get(pk=item.record_id)
        if record.submission.erased_at is not None:
            return None
        erasure = erase_submission(record.submission, reason="retention")
        events = [
            ConsentEvent(
                record=record,
                purpose_key=grant.purpose_key,
                purpose_number=grant.purpose_number,
                state=ConsentState.EXPIRED,
                channel=ConsentChannel.RETENTION,
                occurred_at=now,
            )
            for grant in record.grants.all()
            if grant.current_state == ConsentState.GIVEN
        ]
        ConsentEvent.objects.bulk_create(events)
    return erasure


def expire_unconfirmed_requests(now=None, dry_run=False):
    """Expire the privacy requests awaiting confirmation longer than their link lives; how many."""
    now = now or timezone.now()
    stale = PrivacyRequest.objects.filter(
        status=PrivacyRequestStatus.AWAITING_CONFIRMATION, received_at__lte=now - CONFIRMATION_MAX_AGE
    )
    if dry_run:
        return stale.count()
    count = 0
    for pk in stale.values_list("pk", flat=True):
        with transaction.atomic():
            row = (
                PrivacyRequest.objects.select_for_update()
                .filter(pk=pk, status=PrivacyRequestStatus.AWAITING_CONFIRMATION)
                .first()
            )
            if row is None:  # confirmed meanwhile
                continue
            row.status = PrivacyRequestStatus.EXPIRED
            row.closed_at = now
            row.email_hmac = email_hmac(row.email) if row.email else row.email_hmac
            row.email = ""
            row.details = ""
            row.save(update_fields=["status", "closed_at", "email_hmac", "email", "details"])
            log(instance=row, action=EXPIRE_REQUEST_ACTION, data={"reason": "retention"})
            count += 1
    return count


def enforce_retention(now=None, dry_run=False):
    """Erase every submission past its term and expire stale unconfirmed requests (see the module);
    with `dry_run`, only say what would be done. Returns a `RetentionReport`."""
    now = now or timezone.now()
    expired, without_rule, blocked = find_expired(now)
    report = RetentionReport(dry_run=dry_run, without_rule=without_rule, blocked=blocked)
    for item in expired:
        if not dry_run:
            erasure = _erase_expired(item, now)
            if erasure is None:
                continue
            report.files += erasure.files
        report.expired.append(item)
        report.erased_per_purpose.update(item.purposes)
    report.requests_expired = expire_unconfirmed_requests(now, dry_run=dry_run)
    return report
