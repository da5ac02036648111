"""Data-subject requests (issue #11): /<lang>/privacy/requests/, the e-mailed confirmation link, and the
staff queue at /admin/privacy-requests/."""

import datetime
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.test import Client

from forms.models import PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType
from forms.privacy_requests import make_confirmation_token
from forms.withdrawal import make_withdrawal_token
from tests.forms.test_staff_views import ROLES, make_records, speaks

pytestmark = pytest.mark.usefixtures("db")

ALMATY = ZoneInfo("Asia/Almaty")
CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')


def form_url(language="en"):
    return f"/{language}/privacy/requests/"


def send(client, language="en", remote_addr="127.0.0.1", **data):
    fields = {"request_type": "information", "email": "person@example.kz", "receipt_id": "", "details": ""}
    fields.update(data)
    return client.post(form_url(language), fields, REMOTE_ADDR=remote_addr)


def private(response):
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control


def link_path(message):
    """The confirmation link of an e-mail, as a path and query for the test client."""
    url = re.search(r"https?://\S+/privacy/requests/confirm/\?token=\S+", message.body).group(0)
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.fixture
def sent(client, django_capture_on_commit_callbacks):
    """Send a request (e-mails run on commit) and return its confirmation link."""

    def send_one(language="en", **data):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = send(client, language, **data)
        assert response.status_code == 200
        assert len(mail.outbox) == 1
        return link_path(mail.outbox[0])

    return send_one


TYPES = [
    ("withdrawal", "en", {"receipt_id": "7c1e6c1a-2d0b-4f7e-9d36-3c2a1f0b9e11"}),
    ("information", "kk", {}),
    ("correction", "ru", {"details": "Фамилия написана с ошибкой: правильно Иванова."}),
    ("blocking", "en", {}),
    ("destruction", "ru", {}),
]


@pytest.mark.parametrize(("request_type", "language", "extra"), TYPES)
def test_each_type_of_request_is_made_only_once_its_e_mail_is_confirmed(
    client, sent, request_type, language, extra
):
    page = client.get(form_url(language))
    assert page.status_code == 200 and private(page)
    assert f'lang="{language}"' in page.content.decode()
    assert "<script>" not in page.content.decode()  # CSP: no inline script

    link = sent(language, request_type=request_type, email="Person@Example.kz", **extra)
    stored = PrivacyRequest.objects.get()
    assert stored.request_type == request_type
    assert stored.language == language
    assert stored.status == PrivacyRequestStatus.AWAITING_CONFIRMATION
    assert stored.confirmed_at is None and stored.due_at is None
    assert mail.outbox[0].to == ["Person@Example.kz"]
    assert str(stored.uuid) in mail.outbox[0].body
    assert link.startswith(f"/{language}/privacy/requests/confirm/?token=")
    if extra.get("receipt_id"):
        assert str(stored.receipt_id) == extra["receipt_id"]
    if extra.get("details"):
        assert stored.details == extra["details"]

    shown = client.get(link)  # a mail scanner opening the link changes nothing
    assert shown.status_code == 200 and private(shown)
    assert BeautifulSoup(shown.content, "html.parser").select("form button[type=submit]")
    stored.refresh_from_db()
    assert stored.status == PrivacyRequestStatus.AWAITING_CONFIRMATION

    token = dict(part.split("=", 1) for part in urlsplit(link).query.split("&"))["token"]
    confirmed = client.post(link, {"token": signing_unquote(token)})
    assert confirmed.status_code == 200 and private(confirmed)
    stored.refresh_from_db()
    assert stored.status == PrivacyRequestStatus.OPEN
    assert stored.confirmed_at is not None
    assert stored.due_at > stored.confirmed_at
    assert str(stored.uuid) in confirmed.content.decode()

    again = client.post(link, {"token": signing_unquote(token)})  # replayed
    assert again.status_code == 410 and private(again)
    assert client.get(link).status_code == 410
    before = (stored.status, stored.confirmed_at, stored.due_at)
    stored.refresh_from_db()
    assert (stored.status, stored.confirmed_at, stored.due_at) == before


def signing_unquote(token):
    from urllib.parse import unquote

    return unquote(token)


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(
    client, django_capture_on_commit_callbacks
):
    make_records(1, form_data={"full_name": "Known", "email": "known@example.kz"})
    PrivacyRequest.objects.create(request_type="information", language="en", email="known@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        known = send(client, email="known@example.kz")
        unknown = send(client, email="nobody@example.kz")
    assert known.status_code == unknown.status_code == 200
    assert CSRF_INPUT.sub("", known.content.decode()) == CSRF_INPUT.sub("", unknown.content.decode())
    assert private(known) and private(unknown)
    assert sorted(message.to[0] for message in mail.outbox) == ["known@example.kz", "nobody@example.kz"]


def test_a_link_expires_after_24_hours(client, sent):
    with time_machine.travel(datetime.datetime(2026, 5, 4, 10, 0, tzinfo=ALMATY), tick=False):
        link = sent()
    stored = PrivacyRequest.objects.get()
    token = signing_unquote(link.split("token=", 1)[1])
    with time_machine.travel(datetime.datetime(2026, 5, 5, 9, 59, tzinfo=ALMATY), tick=False):
        assert client.get(link).status_code == 200  # still valid just before
    with time_machine.travel(datetime.datetime(2026, 5, 5, 10, 1, tzinfo=ALMATY), tick=False):
        shown = client.get(link)
        confirmed = client.post(link, {"token": token})
    assert shown.status_code == confirmed.status_code == 410
    assert "expired" in confirmed.content.decode()
    assert private(confirmed)
    stored.refresh_from_db()
    assert stored.status == PrivacyRequestStatus.AWAITING_CONFIRMATION and stored.due_at is None


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: signing.dumps("00000000-0000-0000-0000-000000000000", salt="another"),
        lambda token: make_withdrawal_token(1, 1),  # another kind of token this site signs
        lambda token: "",
        lambda token: "not a token at all",
    ],
)
def test_a_tampered_token_is_refused_and_changes_nothing(client, forge):
    stored = PrivacyRequest.objects.create(request_type="blocking", language="en", email="a@example.kz")
    token = forge(make_confirmation_token(stored))
    shown = client.get("/en/privacy/requests/confirm/", {"token": token})
    posted = client.post("/en/privacy/requests/confirm/", {"token": token})
    assert shown.status_code == posted.status_code == 400
    assert "not valid" in posted.content.decode()
    stored.refresh_from_db()
    assert stored.status == PrivacyRequestStatus.AWAITING_CONFIRMATION


def test_the_honeypot_stores_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, website="http://spam.example")
    assert response.status_code == 400 and private(response)
    assert not PrivacyRequest.objects.exists()
    assert not mail.outbox


def test_the_ip_rate_limit_stores_nothing_over_it(client, settings, django_capture_on_commit_callbacks):
    settings.PRIVACY_REQUEST_IP_RATE = "2/m"
    with django_capture_on_commit_callbacks(execute=True):
        responses = [send(client, email=f"p{index}@example.kz") for index in range(3)]
    assert [response.status_code for response in responses] == [200, 200, 429]
    assert "Too many requests" in responses[2].content.decode()
    assert private(responses[2])
    assert PrivacyRequest.objects.count() == 2 and len(mail.outbox) == 2
    other_ip = send(client, email="p9@example.kz", remote_addr="10.1.2.3")
    assert other_ip.status_code == 200


def test_the_e_mail_rate_limit_counts_each_address_from_any_ip(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PRIVACY_REQUEST_EMAIL_RATE = "1/m"
    with django_capture_on_commit_callbacks(execute=True):
        first = send(client, email="same@example.kz", remote_addr="10.0.0.1")
        second = send(client, email="SAME@example.kz", remote_addr="10.0.0.2")
        other = send(client, email="other@example.kz", remote_addr="10.0.0.3")
    assert (first.status_code, second.status_code, other.status_code) == (200, 429, 200)
    assert list(PrivacyRequest.objects.values_list("email", flat=True).order_by("email")) == [
        "other@example.kz",
        "same@example.kz",
    ]
    assert len(mail.outbox) == 2


def test_a_correction_needs_details_and_an_invalid_form_stores_nothing(client):
    response = send(client, request_type="correction")
    assert response.status_code == 200
    assert "field--error" in response.content.decode()
    response = send(client, email="not an address", receipt_id="12345")
    assert response.content.decode().count('class="error"') == 2
    assert not PrivacyRequest.objects.exists()


def test_the_form_page_is_in_the_visitors_language_and_can_be_prefilled(client):
    html = client.get("/ru/privacy/requests/?type=destruction").content.decode()
    assert 'lang="ru"' in html
    checked = BeautifulSoup(html, "html.parser").select_one("input[name=request_type][checked]")
    assert checked["value"] == "destruction"


@pytest.mark.parametrize(
    ("request_type", "due"),
    [
        # Friday 20 March 2026; Nauryz: 21-23 March, days off moved to 24 and 25 March.
        ("information", datetime.datetime(2026, 3, 30, 18, 0, tzinfo=ALMATY)),  # 3 working days
        ("blocking", datetime.datetime(2026, 3, 26, 18, 0, tzinfo=ALMATY)),  # 1 working day
    ],
)
def test_the_due_date_counts_working_days_from_the_confirmation(client, settings, sent, request_type, due):
    confirmed_at = datetime.datetime(2026, 3, 20, 11, 0, tzinfo=ALMATY)
    with time_machine.travel(datetime.datetime(2026, 3, 20, 10, 0, tzinfo=ALMATY), tick=False):
        link = sent(request_type=request_type)
    with time_machine.travel(confirmed_at, tick=False):
        response = client.post(link, {"token": signing_unquote(link.split("token=", 1)[1])})
    assert response.status_code == 200
    stored = PrivacyRequest.objects.get()
    assert stored.confirmed_at == confirmed_at
    assert stored.due_at == due
    assert settings.PRIVACY_REQUEST_WORKING_DAYS[request_type] == (3 if request_type == "information" else 1)


def test_pages_use_djangos_csrf_check_even_from_the_same_origin():
    """forms.csrf accepts cookieless POSTs for consent forms and withdrawal links only."""
    client = Client(enforce_csrf_checks=True)
    stored = PrivacyRequest.objects.create(request_type="blocking", language="en", email="a@example.kz")
    token = make_confirmation_token(stored)
    headers = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}
    posted = client.post(
        form_url(), {"request_type": "information", "email": "x@example.kz"}, headers=headers
    )
    confirmed = client.post("/en/privacy/requests/confirm/", {"token": token}, headers=headers)
    assert posted.status_code == confirmed.status_code == 403
    assert PrivacyRequest.objects.count() == 1
    stored.refresh_from_db()
    assert stored.status == PrivacyRequestStatus.AWAITING_CONFIRMATION


def test_the_footer_links_to_the_requests_page(client):
    html = client.get("/ru/").content.decode()
    assert 'href="/ru/privacy/requests/"' in html


# Staff queue

ADMIN_URLS = {
    "listing": "/admin/privacy-requests/",
    "listing results": "/admin/privacy-requests/results/",
    "inspect": "/admin/privacy-requests/inspect/{pk}/",
}
ALLOWED = {"Privacy officers", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_only_privacy_officers_and_superusers_reach_the_queue(client, django_user_model, role):
    stored = PrivacyRequest.objects.create(request_type="information", language="kk", email="a@example.kz")
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    for name, url in ADMIN_URLS.items():
        response = client.get(url.format(pk=stored.pk))
        if role == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith("/admin/login/"), name
        elif role in ALLOWED:
            assert response.status_code == 200, name
            assert "a@example.kz" in response.content.decode(), name
        else:
            assert response.status_code == 403, name
            assert "a@example.kz" not in response.content.decode(), name


def test_the_queue_has_no_add_edit_or_delete_views(client, django_user_model):
    stored = PrivacyRequest.objects.create(request_type="information", language="kk", email="a@example.kz")
    client.force_login(ROLES["superuser"](django_user_model))
    for url in ("add/", f"edit/{stored.pk}/", f"delete/{stored.pk}/"):
        assert client.get(f"/admin/privacy-requests/{url}").status_code == 404


def queue_rows(client, query=""):
    soup = BeautifulSoup(client.get(f"/admin/privacy-requests/{query}").content.decode(), "html.parser")
    return soup.select("table.listing tbody tr")


def test_the_queue_marks_overdue_requests_and_filters_by_status_and_type(client, django_user_model):
    now = datetime.datetime(2026, 4, 10, 12, 0, tzinfo=ALMATY)
    make = PrivacyRequest.objects.create
    overdue = make(
        request_type="destruction",
        language="ru",
        email="late@example.kz",
        status=PrivacyRequestStatus.OPEN,
        confirmed_at=now - datetime.timedelta(days=5),
        due_at=now - datetime.timedelta(days=1),
    )
    make(
        request_type="information",
        language="en",
        email="intime@example.kz",
        status=PrivacyRequestStatus.OPEN,
        confirmed_at=now,
        due_at=now + datetime.timedelta(days=3),
    )
    make(request_type="information", language="kk", email="waiting@example.kz")
    make(
        request_type="blocking",
        language="kk",
        email="done@example.kz",
        status=PrivacyRequestStatus.DONE,
        due_at=now - datetime.timedelta(days=1),
    )
    client.force_login(speaks(ROLES["Privacy officers"](django_user_model), "en"))
    with time_machine.travel(now, tick=False):
        rows = queue_rows(client)
        assert len(rows) == 4
        marked = [row for row in rows if row.select(".privacy-request--overdue")]
        assert len(marked) == 1
        assert "late@example.kz" in marked[0].get_text() and "Overdue" in marked[0].get_text()
        assert overdue.is_overdue
        headings = [
            th.get_text(strip=True)
            for th in BeautifulSoup(client.get("/admin/privacy-requests/").content, "html.parser").select(
                "table.listing thead th"
            )
        ]
        for heading in ("Type", "Status", "Received", "Confirmed", "Due", "E-mail"):
            assert heading in headings
        assert len(queue_rows(client, "?status=open")) == 2
        assert len(queue_rows(client, "?request_type=information")) == 2
        assert len(queue_rows(client, "?status=open&request_type=information")) == 1
        assert len(queue_rows(client, f"?request_type={PrivacyRequestType.WITHDRAW_CONSENT}")) == 0


def test_the_link_of_a_request_expired_unconfirmed_says_it_expired(client):
    stored = PrivacyRequest.objects.create(
        request_type="blocking", language="en", email="a@example.kz", status=PrivacyRequestStatus.EXPIRED
    )
    token = make_confirmation_token(stored)  # still within its 24 hours
    shown = client.get("/en/privacy/requests/confirm/", {"token": token})
    posted = client.post("/en/privacy/requests/confirm/", {"token": token})
    assert shown.status_code == posted.status_code == 410
    assert "This confirmation link has expired" in posted.content.decode()
    stored.refresh_from_db()
    assert stored.status == PrivacyRequestStatus.EXPIRED and stored.confirmed_at is None


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_e_mail_to_the_visitor_links_the_requests_page(
    client, settings, sent, policy_pages, django_capture_on_commit_callbacks, language
):
    from tests.forms.helpers import fill

    requests_page = f"{settings.SITE_BASE_URL.rstrip('/')}/{language}/privacy/requests/"
    sent(language)
    assert requests_page in mail.outbox[0].body  # the confirmation
    mail.outbox.clear()
    data = fill(client, f"/{language}/contact/", email="visitor@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/{language}/contact/", data)
    receipt = next(message for message in mail.outbox if message.to == ["visitor@example.kz"])
    assert requests_page in receipt.body
