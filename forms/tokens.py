"""The signed token a consent form carries: which policy text and statement the visitor was shown.

It is signed with the site's SECRET_KEY (django.core.signing), so it cannot be forged, and expires after
CONSENT_TOKEN_MAX_AGE seconds. Its nonce makes each rendered form submittable once.

A payload is still checked field by field as if it could be anything: ids in the database's integer
range, the statement's hash as 64 hex digits and the nonce as 32 (what `make_token` writes and what the
record's columns hold). A payload of any other shape - a token signed with a leaked or rotated key, or
by an older release - is "forged", never a database error (PostgreSQL refuses NUL in text and integers
beyond its range).
"""

import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "edna.consent-form"
MAX_ID = 2**31 - 1  # PostgreSQL's integer (Django's AutoField)
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
NONCE_HEX = re.compile(r"[0-9a-f]{32}")


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
    token = _token_from(payload)
    if token is None or token.page_id != page.pk:
        raise InvalidConsentToken("forged")
    return token


def _token_from(payload):
    """The ConsentToken a payload describes, or None unless every field has the shape make_token gives."""
    if not isinstance(payload, dict):
        return None
    snapshot_id, statement_sha256 = payload.get("s"), payload.get("h")
    page_id, nonce = payload.get("p"), payload.get("n")
    if not all(_is_id(value) for value in (snapshot_id, page_id)):
        return None
    if not all(isinstance(value, str) for value in (statement_sha256, nonce)):
        return None
    if not (SHA256_HEX.fullmatch(statement_sha256) and NONCE_HEX.fullmatch(nonce)):
        return None
    return ConsentToken(snapshot_id, statement_sha256, page_id, nonce)


def _is_id(value):
    return type(value) is int and 0 < value <= MAX_ID
