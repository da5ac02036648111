"""`forms.data_subject`: everything held about a person, matched by their address (any case) or by the
keyed hash erased submissions keep, labelled in the language asked for, at a cost that does not grow
with the number of submissions."""

import json

import pytest
from django.utils import timezone

from forms.data_subject import collect, person_requests, person_submissions, readable_page
from forms.erasure import erase_person
from forms.models import ConsentSubmission, PrivacyRequest
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from tests.forms.test_staff_views import make_records

pytestmark = pytest.mark.usefixtures("db")

ADDRESS = "aida@example.kz"


def answers_of(email=ADDRESS, **extra):
    return {"full_name": "Аида Серікқызы", "email": email, "phone": "+77011234567", **extra}


def withdraw(record, number, channel=ConsentChannel.RECEIPT_LINK):
    grant = record.grants.get(purpose_number=number)
    return ConsentEvent.objects.create(
        record=record,
        purpose_key=grant.purpose_key,
        purpose_number=number,
        state="withdrawn",
        channel=channel,
    )


def test_a_person_is_matched_by_their_address_in_any_case_and_by_the_hash_left_after_erasure():
    kept = make_records(1, "kk", form_data=answers_of("Aida@Example.KZ"))
    erased = make_records(1, "ru", form_data=answers_of())
    make_records(1, "ru", form_data=answers_of("someone@example.kz"))
    erase_person(ADDRESS)  # erases both of hers, leaving the hash
    again = make_records(1, "en", form_data=answers_of())  # she came back later
    assert {row.pk for row in person_submissions("AIDA@example.kz ")} == {
        kept[0].submission_id,
        erased[0].submission_id,
        again[0].submission_id,
    }
    assert not person_submissions("").exists() and not person_submissions("   ").exists()
    personal = collect(ADDRESS, "en")
    states = [(item.submission.erased_at is not None) for item in personal.submissions]
    assert states == [True, True, False]
    assert personal.submissions[0].answers[0].value == "[erased]"
    assert [item.submission for item in personal.open_submissions] == [
        ConsentSubmission.objects.get(pk=again[0].submission_id)
    ]


def test_requests_are_matched_the_same_way():
    PrivacyRequest.objects.create(request_type="information", language="kk", email="AIDA@example.kz")
    PrivacyRequest.objects.create(request_type="blocking", language="kk", email="other@example.kz")
    assert [row.request_type for row in person_requests(ADDRESS)] == ["information"]


def test_the_json_holds_answers_files_consents_states_events_and_requests(settings):
    (record,) = make_records(1, "ru", slug="careers", form_data=answers_of(cv="cv/0123abcd.pdf"))
    withdraw(record, 4)
    ConsentSubmission.objects.filter(pk=record.submission_id).update(blocked_at=timezone.now())
    request = PrivacyRequest.objects.create(
        request_type="information", language="ru", email=ADDRESS, details="Что вы храните?"
    )
    data = collect(ADDRESS, "en").as_json()
    json.dumps(data)  # serialisable as it is
    (submission,) = data["submissions"]
    assert submission["receipt"] == str(record.receipt_id)
    assert submission["blocked_at"] is not None and submission["erased_at"] is None
    files = [answer for answer in submission["answers"] if "file" in answer]
    assert files == [
        {
            "field": "cv",
            "label": files[0]["label"],
            "value": "0123abcd.pdf",
            "file": "0123abcd.pdf",
            "download_url": f"/admin/consents/files/{record.submission_id}/cv/",
        }
    ]
    purposes = {purpose["number"]: purpose for purpose in submission["consent"]["purposes"]}
    assert purposes[4]["consented"] is True and purposes[4]["current_state"] == ConsentState.WITHDRAWN
    assert [event["state"] for event in purposes[4]["events"]] == ["withdrawn"]
    assert purposes[4]["events"][0]["channel"] == "receipt-link"
    assert purposes[2]["current_state"] == "refused" and purposes[2]["events"] == []
    assert submission["consent"]["policy_version"] == record.version.number
    assert submission["consent"]["statement_sha256"] == record.statement_sha256
    assert data["privacy_requests"] == [
        {
            "number": str(request.uuid),
            "type": "information",
            "status": "awaiting-confirmation",
            "language": "ru",
            "receipt": None,
            "details": "Что вы храните?",
            "received_at": request.received_at.isoformat(),
            "confirmed_at": None,
            "due_at": None,
            "closed_at": None,
            "outcome": "",
        }
    ]


@pytest.mark.parametrize(
    ("language", "label"), [("kk", "Тегі, аты, әкесінің аты"), ("en", "Surname, first name, patronymic")]
)
def test_answers_are_labelled_and_countries_named_in_the_language_asked_for(language, label):
    make_records(1, "ru", form_data=answers_of(country="DE"))
    (item,) = collect(ADDRESS, language).submissions
    answers = {answer.key: answer for answer in item.answers}
    assert answers["full_name"].label == label
    assert answers["country"].value == {"kk": "Германия", "en": "Germany"}[language]


def test_the_readable_page_is_in_the_requests_language_and_lists_erased_and_blocked_data():
    (blocked,) = make_records(1, "en", form_data=answers_of())
    ConsentSubmission.objects.filter(pk=blocked.submission_id).update(blocked_at=timezone.now())
    request = PrivacyRequest.objects.create(request_type="information", language="en", email=ADDRESS)
    html = readable_page(collect(ADDRESS, "en"), request)
    assert '<html lang="en">' in html
    assert "Blocked since" in html and "Аида Серікқызы" in html
    assert str(request.uuid) in html and "/en/privacy/requests/" in html


def test_the_cost_does_not_grow_with_the_number_of_submissions(django_assert_max_num_queries):
    make_records(2, "ru", form_data=answers_of())
    PrivacyRequest.objects.create(request_type="information", language="ru", email=ADDRESS)
    # submissions, grants, events, the form's fields (one query per form), requests
    with django_assert_max_num_queries(5):
        assert len(collect(ADDRESS, "ru").submissions) == 2
    records = make_records(20, "ru", form_data=answers_of())
    for record in records[:5]:
        withdraw(record, 4)
    with django_assert_max_num_queries(5):
        assert len(collect(ADDRESS, "ru").submissions) == 22
