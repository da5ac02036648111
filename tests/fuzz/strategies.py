"""What fuzzed requests are made of: odd text and bytes, form bodies in every encoding (and broken ones),
content types and charsets, headers, and how a request is sent as a WSGI server would pass it on.

Text is turned into bytes the way a client could send it: UTF-8, with lone surrogates as the invalid
bytes a client can still put on the wire ("surrogatepass"), UTF-16, or raw bytes. Paths, query strings
and headers reach Django as a WSGI server gives them: bytes decoded as ISO-8859-1. Header values never
hold NUL, CR or LF: gunicorn refuses such a request itself (RFC 9110, 5.5) before Django sees it.
"""

import json
import string
from urllib.parse import quote_from_bytes

from django.db import transaction
from django.test import Client
from hypothesis import strategies as st

# Every status a public URL may answer with; never a 5xx.
SENSIBLE_STATUSES = {200, 301, 302, 304, 400, 403, 404, 405, 410, 429}

ODD_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202eevil.exe",  # right-to-left override
    "\u200f\u200e",
    "e\u0301\u0301\u0301\u0301",  # combining marks
    "\ufeff",
    "\U0001f600",
    "²",
    "١٢",  # Arabic-Indic digits
    "-1",
    "0",
    "1e9",
    "99999999999999999999999999999999",
    "NaN",
    "null",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "%",
    "&",
    "=",
    ";",
    "\r\nSet-Cookie: a=b",
    "=1+2@example.kz",
    "\\",
    "\t",
    "İı",
    "ß",
]

odd_text = st.one_of(
    st.sampled_from(ODD_STRINGS),
    st.text(st.characters(exclude_categories=()), max_size=40),  # surrogates included
    st.builds(
        lambda unit, count: unit * count,
        st.sampled_from(["x", "ж", "\x00", "€", "\U0001f600", "١"]),
        st.sampled_from([300, 5_001, 70_000]),
    ),
)


def wire_bytes(text):
    return text.encode("utf-8", "surrogatepass")


odd_bytes = st.one_of(
    odd_text.map(wire_bytes),
    odd_text.map(lambda text: text.encode("utf-16", "surrogatepass")),
    st.binary(max_size=64),
)

CHARSETS = ["utf-8", "UTF-8", "utf-16", "utf-32", "x-nonsense", "latin-1", "", '"utf-8"', "utf-8 ", "\xff"]
charsets = st.one_of(st.none(), st.none(), st.sampled_from(CHARSETS))  # most forms name no charset


def with_charset(content_type, charset):
    return content_type if charset is None else f"{content_type}; charset={charset}"


def latin1(data):
    """Bytes as a WSGI server hands them to Django in the environ (PATH_INFO, QUERY_STRING, headers)."""
    return data.decode("iso-8859-1")


def header_value(data):
    """A header's bytes as gunicorn lets them through (no NUL, CR or LF), as the environ holds them."""
    return latin1(data).translate({0: None, 13: None, 10: None})


# Form bodies


def urlencoded(pairs, raw=False):
    """application/x-www-form-urlencoded bytes; `raw` leaves the values unescaped, as a careless
    script might."""
    quote = (lambda value: value) if raw else (lambda value: quote_from_bytes(value, safe="").encode())
    return b"&".join(quote(name) + b"=" + quote(value) for name, value in pairs)


BOUNDARY = b"----fuzz7MA4YWxkTrZu0gW"


@st.composite
def multipart(draw, pairs, files=()):
    """(content type, body) of a multipart/form-data POST of `pairs` and `files` [(field, filename,
    content)], sometimes broken: no closing boundary, a boundary that does not match, junk headers, a
    base64 part that is not base64, non-UTF-8 names."""
    boundary = draw(st.sampled_from([BOUNDARY, b"x" * 71, b"a b", b"\xff\xfe", b"\x01", b'"quoted"']))
    defect = draw(
        st.sampled_from(
            [None, None, None, "no-closing", "other-boundary", "no-boundary-param", "junk", "base64"]
        )
    )
    parts = []
    for name, value in pairs:
        headers = b'Content-Disposition: form-data; name="' + name + b'"'
        if defect == "base64":
            headers += b"\r\nContent-Transfer-Encoding: base64"
        parts.append(headers + b"\r\n\r\n" + value)
    for name, filename, content in files:
        parts.append(
            b'Content-Disposition: form-data; name="'
            + name
            + b'"; filename="'
            + filename
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
            + content
        )
    if defect == "junk":
        parts.append(draw(st.binary(max_size=80)))
    sent_boundary = b"----other" if defect == "other-boundary" else boundary
    body = b"".join(b"--" + sent_boundary + b"\r\n" + part + b"\r\n" for part in parts)
    if defect != "no-closing":
        body += b"--" + sent_boundary + b"--\r\n"
    content_type = "multipart/form-data"
    if defect != "no-boundary-param":
        content_type += "; boundary=" + latin1(boundary)
    return with_charset(content_type, draw(charsets)), body


@st.composite
def form_body(draw, pairs, files=()):
    """(content type, body) carrying `pairs` as a browser, a script or an attacker might send them."""
    kind = draw(st.sampled_from(["urlencoded", "urlencoded", "raw-urlencoded", "multipart", "json", "text"]))
    if kind in ("urlencoded", "raw-urlencoded"):
        return with_charset("application/x-www-form-urlencoded", draw(charsets)), urlencoded(
            pairs, raw=kind == "raw-urlencoded"
        )
    if kind == "multipart":
        return draw(multipart(pairs, files))
    if kind == "json":
        document = {latin1(name): latin1(value) for name, value in pairs}
        return with_charset("application/json", draw(charsets)), json.dumps(document).encode()
    return draw(content_types), b"&".join(name + b"=" + value for name, value in pairs)


content_types = st.one_of(
    st.sampled_from(
        [
            "",
            "text/plain",
            "application/json",
            "application/xml",
            "application/octet-stream",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/mixed; boundary=x",
            "application/x-www-form-urlencoded; charset=utf-16",
            "text/html; charset=x-nonsense",
            "*/*",
        ]
    ),
    st.text(string.printable, max_size=40).map(lambda text: header_value(text.encode())),
)


@st.composite
def mutated(draw, pairs):
    """The form's own fields [(name bytes, value bytes)] with some dropped, duplicated, replaced with
    odd values, or joined by unknown ones."""
    pairs = list(pairs)
    for operation in draw(st.lists(st.sampled_from(["drop", "duplicate", "replace", "add"]), max_size=5)):
        if operation == "add" or not pairs:
            pairs.append((draw(odd_bytes), draw(odd_bytes)))
            continue
        index = draw(st.integers(0, len(pairs) - 1))
        name, value = pairs[index]
        if operation == "drop":
            del pairs[index]
        elif operation == "duplicate":
            pairs.insert(index + 1, (name, draw(st.one_of(st.just(value), odd_bytes))))
        else:
            pairs[index] = (name, draw(odd_bytes))
    return pairs


# Headers

accept_languages = st.one_of(
    st.sampled_from(
        ["", "*", "kk", "ru-RU,ru;q=0.9", "en;q=abc", "de-DE;q=1.0", "zh-Hant-TW;q=0.5,*;q=0", "ru;q=-1"]
    ),
    st.binary(max_size=300).map(header_value),
)

CSRF_SECRET = "fuzzFUZZfuzzFUZZfuzzFUZZfuzz0123"  # 32 characters: a valid secret for cookie and field


@st.composite
def csrf_setup(draw):
    """(extra form fields, WSGI headers) for one of the ways a POST can come as regards CSRF."""
    valid = ["same-origin", "cookie"]  # most often, so that most requests reach the view
    mode = draw(st.sampled_from([*valid, *valid, "cookie-mismatch", "odd-cookie", "cross-site", "none"]))
    if mode == "same-origin":
        return [], {"HTTP_SEC_FETCH_SITE": "same-origin"}
    if mode == "cookie":  # the token both in the form and in the header (for bodies that are no form)
        headers = {"HTTP_COOKIE": f"csrftoken={CSRF_SECRET}", "HTTP_X_CSRFTOKEN": CSRF_SECRET}
        return [(b"csrfmiddlewaretoken", CSRF_SECRET.encode())], headers
    if mode == "cookie-mismatch":
        return [(b"csrfmiddlewaretoken", b"x" * 64)], {"HTTP_COOKIE": f"csrftoken={CSRF_SECRET}"}
    if mode == "odd-cookie":
        return [], {"HTTP_COOKIE": "csrftoken=" + header_value(draw(st.binary(max_size=80)))}
    if mode == "cross-site":
        return [], {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}
    return [], {}


def send(method, path, *, query="", body=b"", content_type=None, headers=None, path_info=None):
    """Send one request through the whole stack and return the response; a view that raises fails the
    test with its traceback. `path_info` overrides the decoded path (raw bytes as latin-1)."""
    extra = dict(headers or {})
    extra["QUERY_STRING"] = query
    if path_info is not None:
        extra["PATH_INFO"] = path_info
    client = Client(raise_request_exception=True, enforce_csrf_checks=True)
    with transaction.atomic():  # on PostgreSQL a failed query must not spoil the test's transaction
        return client.generic(method, path, body, content_type=content_type or "", **extra)
