"""Everything the site holds about one person, found by the e-mail address of their request (#11).

A privacy officer answers an information request with it (`forms.request_actions`), and the correction,
blocking and withdrawal actions act on the same submissions. A person's submissions are those whose
`email` is the request's address, compared without regard to case as `forms.erasure` does, and those
whose keyed hash (`forms.erasure.email_hmac`) is that address's: what remains of data erased earlier.
Their privacy requests are matched the same way.

Blocked submissions are included: they are the person's own data, and the person asked for them. The
answers are labelled, and countries named, in the language asked for (the request's, for the page sent
to the visitor; the admin's, on the staff's screen): one query per form, not per submission.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from forms.erasure import email_hmac
from forms.models import ConsentSubmission, PrivacyRequest
from forms.models.records import ConsentState
from forms.record_display import display_answer, field_definitions
from policy.version_words import local_datetime_text


def _iso(value):
    return value.isoformat() if value else None


@dataclass(frozen=True)
class EventItem:
    state: str
    state_label: str
    channel: str
    channel_label: str
    occurred_at: object


@dataclass(frozen=True)
class PurposeItem:
    """One purpose of a consent: what the form recorded, what it is now, and what happened since."""

    number: int
    purpose: str
    required: bool
    granted: bool
    state: str
    state_label: str
    events: list

    @property
    def is_given(self):
        return self.state == ConsentState.GIVEN


@dataclass(frozen=True)
class SubmissionItem:
    submission: ConsentSubmission
    answers: list  # forms.record_display.Answer
    purposes: list

    @property
    def record(self):
        return self.submission.consent

    @property
    def given_purposes(self):
        return [purpose for purpose in self.purposes if purpose.is_given]


@dataclass
class PersonalData:
    """The submissions (answers, consents, their states and events) and privacy requests of a person."""

    email: str
    language: str
    submissions: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    generated_at: object = field(default_factory=timezone.now)

    @property
    def open_submissions(self):
        """Submissions whose data is still held (not erased)."""
        return [item for item in self.submissions if item.submission.erased_at is None]

    def as_json(self):
        return {
            "email": self.email,
            "generated_at": _iso(self.generated_at),
            "submissions": [_submission_json(item) for item in self.submissions],
            "privacy_requests": [_request_json(row) for row in self.requests],
        }


def person_filter(email, field_name="email"):
    """Rows about the person with this address: the address itself (any case), or its keyed hash."""
    address = (email or "").strip()
    if not address:
        return Q(pk__in=[])
    return Q(**{f"{field_name}__iexact": address}) | Q(**{f"{field_name}_hmac": email_hmac(address)})


def person_submissions(email):
    """The person's submissions that carry consent evidence, oldest first, with their grants and events."""
    return (
        ConsentSubmission.objects.filter(person_filter(email), consent__isnull=False)
        .select_related("consent__version")
        .prefetch_related("consent__grants", "consent__events")
        .order_by("submit_time", "pk")
    )


def person_requests(email):
    return PrivacyRequest.objects.filter(person_filter(email)).order_by("received_at", "pk")


def _purposes(record):
    events_by_number = {}
    for event in record.events.all():
        events_by_number.setdefault(event.purpose_number, []).append(
            EventItem(
                event.state,
                event.get_state_display(),
                event.channel,
                event.get_channel_display(),
                event.occurred_at,
            )
        )
    return [
        PurposeItem(
            number=grant.purpose_number,
            purpose=grant.purpose,
            required=grant.required,
            granted=grant.granted,
            state=grant.current_state,
            state_label=grant.get_current_state_display(),
            events=events_by_number.get(grant.purpose_number, []),
        )
        for grant in record.grants.all()
    ]


def _answers(record, definitions, language):
    """The answers in the form's order, then any key the form no longer has (as the staff's record
    view shows them, `forms.record_display.submission_answers`)."""
    data = record.submission.form_data if isinstance(record.submission.form_data, dict) else {}
    keys = [key for key in definitions if key in data] + [key for key in data if key not in definitions]
    return [display_answer(record, key, data[key], definitions.get(key), language) for key in keys]


def collect(email, language):
    """`PersonalData` of the person with address `email`, labelled in `language`."""
    with translation.override(language):
        personal = PersonalData(email=email, language=language)
        definitions_by_page = {}
        for submission in person_submissions(email):
            record = submission.consent
            record.submission = submission  # the same object: no query back to it
            page_id = record.form_page_id or submission.page_id
            if page_id not in definitions_by_page:
                definitions_by_page[page_id] = field_definitions(record, language)
            personal.submissions.append(
                SubmissionItem(
                    submission=submission,
                    answers=_answers(record, definitions_by_page[page_id], language),
                    purposes=_purposes(record),
                )
            )
        personal.requests = list(person_requests(email))
    return personal


def _answer_json(answer):
    item = {"field": answer.key, "label": str(answer.label), "value": answer.value}
    if answer.kind == "file":
        item["file"] = answer.value
        item["download_url"] = answer.url
    return item


def _submission_json(item):
    submission, record = item.submission, item.record
    return {
        "form": record.form_title,
        "submitted_at": _iso(record.submitted_at),
        "receipt": str(record.receipt_id),
        "language": record.language,
        "blocked_at": _iso(submission.blocked_at),
        "erased_at": _iso(submission.erased_at),
        "answers": [_answer_json(answer) for answer in item.answers],
        "consent": {
            "policy_version": record.version.number,
            "policy_language": record.language,
            "statement": record.statement,
            "statement_sha256": record.statement_sha256,
            "purposes": [
                {
                    "number": purpose.number,
                    "purpose": purpose.purpose,
                    "required": purpose.required,
                    "consented": purpose.granted,
                    "current_state": purpose.state,
                    "events": [
                        {
                            "state": event.state,
                            "channel": event.channel,
                            "occurred_at": _iso(event.occurred_at),
                        }
                        for event in purpose.events
                    ],
                }
                for purpose in item.purposes
            ],
        },
    }


def _request_json(row):
    return {
        "number": str(row.uuid),
        "type": row.request_type,
        "status": row.status,
        "language": row.language,
        "receipt": str(row.receipt_id) if row.receipt_id else None,
        "details": row.details,
        "received_at": _iso(row.received_at),
        "confirmed_at": _iso(row.confirmed_at),
        "due_at": _iso(row.due_at),
        "closed_at": _iso(row.closed_at),
        "outcome": row.outcome,
    }


def readable_page(personal, privacy_request):
    """`personal` as a page of its own (HTML, no scripts or styles from elsewhere) in its language, to
    send to the visitor."""
    with translation.override(personal.language):
        return render_to_string(
            "forms/requests/person_data.html",
            {
                "personal": personal,
                "privacy_request": privacy_request,
                "generated_at": local_datetime_text(personal.generated_at),
            },
        )
