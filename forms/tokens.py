"""The signed token a consent form carries: which policy text and statement the visitor was shown.

It is signed with the site's SECRET_KEY (django.core.signing), so it cannot be forged, and expires after
CONSENT_TOKEN_MAX_AGE seconds. Its nonce makes each rendered form submittable once.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "edna.consent-form"


class InvalidConsentToken(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "missing", "forged", "expired"


@dataclass(frozen=True)
class ConsentToken:
    snapshot_id: int
    statement_sha256: str
    page_id: int
    nonce: str


def make_token(snapshot, statement_sha256, page):
    payload = {"s": snapshot.pk, "h": statement_sha256, "p": page.pk, "n": secrets.token_hex(16)}
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(value, page):
    if not value:
        raise InvalidConsentToken("missing")
    try:
        payload = signing.loads(value, salt=SALT, max_age=settings.CONSENT_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise InvalidConsentToken("expired") from None
    except signing.BadSignature:
        raise InvalidConsentToken("forged") from None
    try:
        token = ConsentToken(int(payload["s"]), str(payload["h"]), int(payload["p"]), str(payload["n"]))
    except (KeyError, TypeError, ValueError):
        raise InvalidConsentToken("forged") from None
    if token.page_id != page.pk:
        raise InvalidConsentToken("forged")
    return token
