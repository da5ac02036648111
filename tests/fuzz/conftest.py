"""Hypothesis settings and the site the fuzzed requests are sent to.

Every fuzz test sends requests through Django's test client and asserts that none gets a 500 (a view
that raises fails the test with its traceback). The budget is fixed: each test draws a set number of
examples (`examples()`, scaled by FUZZ_SCALE, e.g. FUZZ_SCALE=10 for a long local run), with no
per-example deadline, so `tests/fuzz` takes well under 90 s on SQLite. In CI (the CI variable set) the
examples are derandomized: the same requests on every run, so a failure is reproducible and a green
run stays green; locally each run explores new ones, and a failure prints the example to replay.
"""

import os
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, settings

from forms.models import ConsentRecord, PrivacyRequest, PrivacyRequestType
from forms.privacy_requests import make_confirmation_token
from forms.withdrawal import make_withdrawal_token
from tests.forms.helpers import fill
from tests.policy.helpers import make_versions

COMMON = {
    "deadline": None,  # a request's time depends on the machine; the budget is the number of examples
    "database": None,  # no .hypothesis/ directory in the checkout
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    "print_blob": True,
}
settings.register_profile("fuzz", **COMMON)
settings.register_profile("fuzz-ci", derandomize=True, **COMMON)
settings.load_profile("fuzz-ci" if os.environ.get("CI") else "fuzz")


def examples(count):
    """`count` examples, times FUZZ_SCALE."""
    return max(1, round(count * float(os.environ.get("FUZZ_SCALE", "1"))))


@dataclass(frozen=True)
class FuzzSite:
    """What the fuzzed requests aim at: real addresses and tokens, so they reach the code behind them."""

    consent_record: ConsentRecord
    receipt_path: str
    withdrawal_path: str
    confirmation_token: str


@pytest.fixture
def fuzz_site(client, policy_pages, settings):
    """The demo site with a second version (so compare/1/2/ exists), a consent given on /en/contact/
    and a privacy request awaiting confirmation; rate limits out of the way, so that the fuzzed
    requests reach the checks behind them (the limits have tests of their own)."""
    settings.CONSENT_FORM_RATE = "100000/m"
    settings.PRIVACY_REQUEST_IP_RATE = "100000/m"
    settings.PRIVACY_REQUEST_EMAIL_RATE = "100000/m"
    make_versions(policy_pages["kk"], 1)
    response = client.post("/en/contact/", fill(client, "/en/contact/"))
    assert response.status_code == 302
    record = ConsentRecord.objects.get()
    purpose = next(grant.purpose_number for grant in record.grants.all() if grant.granted)
    privacy_request = PrivacyRequest.objects.create(
        request_type=PrivacyRequestType.choices[0][0], language="en", email="fuzz@example.kz"
    )
    return FuzzSite(
        consent_record=record,
        receipt_path=response["Location"],
        withdrawal_path=f"/en/contact/withdraw/{make_withdrawal_token(record.pk, purpose)}/",
        confirmation_token=make_confirmation_token(privacy_request),
    )
