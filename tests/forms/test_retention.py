"""The retention run (`forms.retention`, `manage.py enforce_retention`): a submission is erased when the
term of every purpose it was consented to is over, by the rule frozen with the policy text it was given
under (or, for texts frozen before rules, the live policy's); each purpose still given becomes
"expired"; a dry run lists exactly what the real run erases; a second run erases nothing; privacy
requests left unconfirmed for 24 hours expire."""

import datetime
import io

import time_machine
from django.core.management import call_command
from django.utils import timezone, translation

from forms.erasure import ERASED, email_hmac
from forms.models import ConsentFormPage, ConsentRecord, ConsentSubmission, PrivacyRequest
from forms.models.records import ConsentChannel, ConsentEvent, ConsentGrant, ConsentState
from forms.retention import Rule, enforce_retention, find_expired, purpose_term_over
from forms.retention_tasks import enforce_retention_daily
from policy.models import PolicySnapshot, ProcessingPurpose
from policy.retention_rules import RetentionRule
from tests.forms.helpers import CAREERS_ANSWERS, CONTACT_ANSWERS
from tests.policy.helpers import fresh, publish

DAY = datetime.timedelta(days=1)


def later(days, hours=0):
    """Travel `days` (and hours) ahead of now, clock stopped."""
    return time_machine.travel(timezone.now() + datetime.timedelta(days=days, hours=hours), tick=False)


def withdraw(record, *numbers):
    for grant in record.grants.filter(granted=True):
        if not numbers or grant.purpose_number in numbers:
            ConsentEvent.objects.create(
                record=record,
                purpose_key=grant.purpose_key,
                purpose_number=grant.purpose_number,
                state=ConsentState.WITHDRAWN,
                channel=ConsentChannel.RECEIPT_LINK,
            )


def is_erased(record):
    return ConsentSubmission.objects.get(pk=record.submission_id).erased_at is not None


def run(*args):
    out = io.StringIO()
    with translation.override("en"):
        call_command("enforce_retention", *args, stdout=out)
    return out.getvalue()


def close_vacancy(day):
    ConsentFormPage.objects.filter(slug="careers").update(vacancy_closed_on=day)


# until withdrawal


def test_a_consent_until_withdrawal_is_kept_until_every_purpose_is_withdrawn(submit, client):
    record = submit("contact", "en")  # purposes 4, 2 and 7, all kept until withdrawn
    with later(3650):
        assert enforce_retention().expired == []
    withdraw(record, 4, 2)
    assert enforce_retention().expired == []
    # the last one through the one-click link on the receipt, as a visitor would
    grant = record.grants.get(purpose_number=7)
    assert client.post(f"/en/contact/withdraw/{grant.withdrawal_token}/").status_code == 200
    report = enforce_retention()
    assert [item.record_id for item in report.expired] == [record.pk]
    assert is_erased(record)
    # all three were withdrawn: no "expired" event is added to them
    assert set(ConsentEvent.objects.filter(record=record).values_list("state", flat=True)) == {"withdrawn"}


def test_purposes_still_given_expire_with_the_submission(submit):
    record = submit("contact", "en", answers={**CONTACT_ANSWERS})
    withdraw(record, 4)  # the required purpose; 2 and 7 still given, kept until withdrawn
    assert enforce_retention().expired == []
    withdraw(record, 2, 7)
    enforce_retention()
    states = {
        grant.purpose_number: grant.current_state
        for grant in ConsentRecord.objects.get(pk=record.pk).grants.prefetch_related("record__events")
    }
    assert states == {4: "withdrawn", 2: "withdrawn", 7: "withdrawn"}


# N days after the vacancy is closed (careers: 30 days in the demo policy)


def test_an_application_goes_30_days_after_the_vacancy_is_closed(
    submit, private_media, django_capture_on_commit_callbacks
):
    record = submit("careers", "en", cv=True)
    stored_cv = private_media / record.submission.form_data["cv"]
    with later(400):
        assert enforce_retention().expired == []  # the vacancy is still open
    closed_on = timezone.localdate() + 10 * DAY
    close_vacancy(closed_on)
    with later(40):  # the 30th day after closing
        assert enforce_retention().expired == []
    with later(41), django_capture_on_commit_callbacks(execute=True):  # the day after
        report = enforce_retention()
    assert [item.record_id for item in report.expired] == [record.pk]
    assert report.files == 1
    assert not stored_cv.exists()
    submission = ConsentSubmission.objects.get(pk=record.submission_id)
    assert submission.email == "" and submission.email_hmac == email_hmac(CAREERS_ANSWERS["email"])
    assert set(submission.form_data.values()) <= {ERASED, ""}
    event = ConsentEvent.objects.get(record=record)
    assert (event.purpose_number, event.state, event.channel) == (1, "expired", "retention")


def test_the_source_language_page_says_when_the_vacancy_closed(submit):
    record = submit("careers", "ru", cv=True)
    ConsentFormPage.objects.filter(slug="careers", locale__language_code="kk").update(
        vacancy_closed_on=timezone.localdate() - 60 * DAY
    )
    assert [item.record_id for item in enforce_retention(dry_run=True).expired] == [record.pk]


# N days after the form was sent


def keep_feedback_a_year(policy_pages, django_capture_on_commit_callbacks):
    """Publish version 2 (Kazakh): purpose 5, the feedback form's, is kept 365 days after sending."""
    kk = fresh(policy_pages["kk"])
    rows = list(kk.purposes.all())
    rows[4].retention_rule = RetentionRule.FIXED_DAYS
    rows[4].retention_days = 365
    rows[4].retention_term = "Жіберілген күннен бастап 365 күн"
    with django_capture_on_commit_callbacks(execute=True):
        publish(kk, summary="Пікірлер бір жыл сақталады", purposes=rows)


def test_a_fixed_term_counts_from_the_time_the_form_was_sent(
    submit, policy_pages, django_capture_on_commit_callbacks
):
    under_v1 = submit("feedback", "en")
    keep_feedback_a_year(policy_pages, django_capture_on_commit_callbacks)
    under_v2 = submit("feedback", "kk")
    assert (under_v2.version.number, under_v1.version.number) == (2, 1)
    with later(364, hours=23):
        assert enforce_retention().expired == []
    with later(365, hours=1):
        report = enforce_retention()
    # the consent given before keeps the rule of the text it was given under: until withdrawal
    assert [item.record_id for item in report.expired] == [under_v2.pk]
    assert not is_erased(under_v1)


def test_texts_frozen_before_rules_existed_use_the_live_policy_rule(submit):
    record = submit("feedback", "en")
    legacy = _copy_record(record, _legacy_copy(record.snapshot))
    key = legacy.grants.get().purpose_key
    ProcessingPurpose.objects.filter(translation_key=key).update(retention_rule="", retention_days=None)
    with later(20):
        report = enforce_retention()
    assert report.expired == []  # no rule anywhere: kept, and said so
    assert list(report.without_rule.values()) == [1]
    assert "Kept because a purpose has no retention rule" in run("--dry-run")
    ProcessingPurpose.objects.filter(translation_key=key).update(
        retention_rule=RetentionRule.FIXED_DAYS, retention_days=10
    )
    with later(9):
        assert enforce_retention().expired == []
    with later(11):
        report = enforce_retention()
    assert [item.record_id for item in report.expired] == [legacy.pk]  # not `record`: frozen until withdrawal
    assert not is_erased(record)


def test_a_missing_rule_is_reported_only_when_it_alone_keeps_the_submission(submit):
    record = submit("contact", "en")  # purposes 4, 2 and 7
    legacy = _copy_record(record, _legacy_copy(record.snapshot))
    key = legacy.grants.get(purpose_number=2).purpose_key
    ProcessingPurpose.objects.filter(translation_key=key).update(retention_rule="", retention_days=None)
    report = enforce_retention(dry_run=True)
    assert (report.expired, report.without_rule) == ([], {})  # 4 and 7 are still given anyway
    withdraw(legacy, 4, 7)
    report = enforce_retention(dry_run=True)
    assert report.expired == [] and list(report.without_rule.values()) == [1]
    ProcessingPurpose.objects.filter(translation_key=key).update(
        retention_rule=RetentionRule.FIXED_DAYS, retention_days=1
    )
    with later(2):
        report = enforce_retention()
    assert [item.record_id for item in report.expired] == [legacy.pk]
    assert list(
        ConsentEvent.objects.filter(record=legacy, state="expired").values_list("purpose_number")
    ) == [(2,)]


def _legacy_copy(snapshot):
    """A new edition of `snapshot` as it would have been frozen before purposes had rules."""
    return PolicySnapshot.objects.create(
        version=snapshot.version,
        language=snapshot.language,
        sequence=snapshot.sequence + 1,
        page=snapshot.page,
        title=snapshot.title,
        text=snapshot.text,
        html=snapshot.html,
        document=_without_rules(snapshot.document),
        sha256=snapshot.sha256,
    )


def _without_rules(document):
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("retention_rule", "retention_days")}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(document)


def _copy_record(record, snapshot):
    """A consent like `record` (same form, answers and grants) given under `snapshot`."""
    submission = ConsentSubmission.objects.create(
        page_id=record.submission.page_id, form_data=record.submission.form_data, email="old@example.kz"
    )
    copy = ConsentRecord.objects.create(
        submission=submission,
        snapshot=snapshot,
        version=snapshot.version,
        language=snapshot.language,
        form_page_id=record.form_page_id,
        form_title=record.form_title,
        statement=record.statement,
        statement_sha256=record.statement_sha256,
        token_nonce="legacy-" + record.token_nonce[:20],
    )
    for grant in record.grants.all():
        ConsentGrant.objects.create(
            record=copy,
            purpose_key=grant.purpose_key,
            purpose_number=grant.purpose_number,
            purpose=grant.purpose,
            required=grant.required,
            granted=grant.granted,
            statement=grant.statement,
        )
    return copy


def test_the_term_of_one_purpose():
    now = timezone.now()
    sent = now - 10 * DAY
    fixed = Rule(RetentionRule.FIXED_DAYS, 10)
    assert purpose_term_over(fixed, "given", sent, None, now) is True
    assert purpose_term_over(fixed, "given", sent + datetime.timedelta(seconds=1), None, now) is False
    vacancy = Rule(RetentionRule.AFTER_VACANCY_CLOSED, 5)
    today = timezone.localdate(now)
    assert purpose_term_over(vacancy, "given", sent, None, now) is False
    assert purpose_term_over(vacancy, "given", sent, today - 5 * DAY, now) is False
    assert purpose_term_over(vacancy, "given", sent, today - 6 * DAY, now) is True
    until = Rule(RetentionRule.UNTIL_WITHDRAWAL, None)
    assert purpose_term_over(until, "given", sent, None, now) is False
    for state in ("withdrawn", "expired", "invalidated"):
        assert purpose_term_over(until, state, sent, None, now) is True
        assert purpose_term_over(None, state, sent, None, now) is True
    assert purpose_term_over(None, "given", sent, None, now) is None
    assert purpose_term_over(Rule(RetentionRule.FIXED_DAYS, None), "given", sent, None, now) is None


# The run


def test_the_dry_run_lists_exactly_what_the_real_run_erases_and_changes_nothing(
    submit, private_media, django_capture_on_commit_callbacks
):
    careers = submit("careers", "en", cv=True)
    gone = submit("contact", "en", answers={**CONTACT_ANSWERS, "email": "gone@example.kz"})
    kept = submit("contact", "ru")
    withdraw(gone)
    withdraw(kept, 4)
    close_vacancy(timezone.localdate() - 31 * DAY)
    stored_cv = private_media / careers.submission.form_data["cv"]
    before = list(ConsentSubmission.objects.order_by("pk").values())

    dry = run("--dry-run")
    assert list(ConsentSubmission.objects.order_by("pk").values()) == before
    assert not ConsentEvent.objects.filter(state="expired").exists()
    assert stored_cv.exists()
    listed = {str(record.receipt_id) for record in (careers, gone, kept) if str(record.receipt_id) in dry}
    assert listed == {str(careers.receipt_id), str(gone.receipt_id)}
    assert "Submissions past their retention term that would be erased: 2" in dry

    with django_capture_on_commit_callbacks(execute=True):
        real = run()
    erased = {
        str(record.receipt_id) for record in ConsentRecord.objects.filter(submission__erased_at__isnull=False)
    }
    assert erased == listed
    assert "Submissions past their retention term erased: 2; files deleted: 1." in real
    assert not stored_cv.exists()
    purpose_lines = real.split("Submissions per purpose:")[1]
    assert "Recruitment for vacancies" not in purpose_lines  # labels are the source language's
    assert "Бос лауазымдарға орналасу" in purpose_lines

    again = run()
    assert "term erased: 0;" in again
    assert ConsentEvent.objects.filter(state="expired").count() == 1  # careers' purpose, once


def test_a_blocked_submission_is_kept_past_its_term(submit):
    record = submit("contact", "en")
    withdraw(record)
    ConsentSubmission.objects.filter(pk=record.submission_id).update(blocked_at=timezone.now())
    report = enforce_retention()
    assert (report.expired, report.blocked) == ([], 1)
    assert not is_erased(record)


def test_requests_left_unconfirmed_for_24_hours_expire(db):
    stale = PrivacyRequest.objects.create(
        request_type="information", language="en", email="stale@example.kz", details="stale"
    )
    with later(0, hours=1):
        recent = PrivacyRequest.objects.create(
            request_type="information", language="en", email="new@example.kz"
        )
    confirmed = PrivacyRequest.objects.create(
        request_type="information", language="en", email="open@example.kz", status="open"
    )
    with later(0, hours=24):
        assert "hours that would expire: 1." in run("--dry-run")
        assert PrivacyRequest.objects.get(pk=stale.pk).status == "awaiting-confirmation"
        assert "hours expired: 1." in run()
    stale.refresh_from_db()
    assert (stale.status, stale.email, stale.details) == ("expired", "", "")
    assert stale.email_hmac == email_hmac("stale@example.kz") and stale.closed_at is not None
    assert PrivacyRequest.objects.get(pk=recent.pk).status == "awaiting-confirmation"
    assert PrivacyRequest.objects.get(pk=confirmed.pk).status == "open"
    with later(0, hours=25):
        assert "hours expired: 1." in run()  # the recent one, 24 hours old now; never twice
        assert "hours expired: 0." in run()


def test_the_daily_task_runs_the_same_and_returns_counts_only(submit):
    record = submit("contact", "en")
    withdraw(record)
    result = enforce_retention_daily.enqueue()
    summary = result.return_value
    assert summary["submissions"] == 1 and summary["dry_run"] is False
    assert CONTACT_ANSWERS["email"] not in str(summary)
    assert is_erased(record)


def test_enqueue_puts_the_run_in_the_queue(submit):
    record = submit("contact", "en")
    withdraw(record)
    assert "Queued the retention run" in run("--enqueue")
    assert is_erased(record)  # the immediate backend of the tests runs it at once


def test_finding_what_expired_costs_the_same_few_queries_however_many_records(
    submit, django_assert_max_num_queries
):
    for index in range(4):
        withdraw(submit("contact", "en", answers={**CONTACT_ANSWERS, "email": f"p{index}@example.kz"}))
    with django_assert_max_num_queries(8):
        expired, _without_rule, _blocked = find_expired()
    assert len(expired) == 4
