"""Generated GETs against every public address: odd query strings, path segments and languages never
get a 500 (issue #12: "no 500 on any input")."""

from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.fuzz.conftest import examples
from tests.fuzz.strategies import (
    SENSIBLE_STATUSES,
    accept_languages,
    header_value,
    latin1,
    odd_bytes,
    odd_text,
    send,
    urlencoded,
    wire_bytes,
)

LANGUAGES = ["kk", "ru", "en"]
PAGES = [
    "",
    "privacy/",
    "privacy/versions/",
    "privacy/versions/1/",
    "privacy/versions/1.json",
    "privacy/versions/2/",
    "privacy/versions/2.json",
    "privacy/versions/1.pdf",
    "privacy/compare/",
    "privacy/compare/1/2/",
    "privacy/compare/2/1/",
    "privacy/updates/",
    "privacy/updates/feed/",
    "contact/",
    "careers/",
    "feedback/",
    "subscribe/",
    "privacy/requests/",
    "privacy/requests/confirm/",
]
UNPREFIXED = ["/", "/cookie-choices/", "/.well-known/gpc.json"]  # the cookie banner's log, GPC support
PUBLIC_PATHS = [*UNPREFIXED, *(f"/{language}/{page}" for language in LANGUAGES for page in PAGES)]
QUERY_NAMES = [b"edition", b"token", b"type", b"page", b"p", b"q", b"lang", b"format", b"utm_source"]


def fixture_paths(fuzz_site):
    return [fuzz_site.receipt_path, fuzz_site.withdrawal_path]


@st.composite
def query_strings(draw):
    pairs = draw(
        st.lists(st.tuples(st.one_of(st.sampled_from(QUERY_NAMES), odd_bytes), odd_bytes), max_size=4)
    )
    return latin1(urlencoded(pairs, raw=draw(st.booleans())))


@settings(max_examples=examples(120))
@given(data=st.data())
def test_public_pages_with_any_query_and_language(fuzz_site, data):
    path = data.draw(st.sampled_from(PUBLIC_PATHS + fixture_paths(fuzz_site)), label="path")
    response = send(
        data.draw(st.sampled_from(["GET", "GET", "HEAD"]), label="method"),
        path,
        query=data.draw(query_strings(), label="query"),
        headers={"HTTP_ACCEPT_LANGUAGE": data.draw(accept_languages, label="accept-language")},
    )
    assert response.status_code in SENSIBLE_STATUSES
    event(f"status {response.status_code}")


PREFIXES = [b"", b"kk/", b"ru/", b"en/", b"xx/", b"KK/", b"kk-kz/", b"%6B%6B/"]
TEMPLATES = [
    b"{}/",
    b"{}",
    b"privacy/versions/{}/",
    b"privacy/versions/{}.json",
    b"privacy/versions/1/{}",
    b"privacy/compare/{}/{}/",
    b"privacy/compare/1/{}/",
    b"privacy/updates/{}/",
    b"contact/withdraw/{}/",
    b"careers/receipt/{}/",
    b"privacy/requests/{}",
    b"privacy/requests/confirm/{}",
    b"admin/{}",
    b"documents/{}/",
]
segments = st.one_of(
    odd_bytes,
    st.integers(-(10**30), 10**30).map(lambda number: str(number).encode()),
    st.sampled_from([b"..", b"%2e%2e", b"//", b"%00", b"~", b";", b"0x10", b"\xc0\xaf"]),
    odd_text.map(wire_bytes),
)


@settings(max_examples=examples(120))
@given(data=st.data())
def test_any_path_under_any_prefix(fuzz_site, data):
    template = data.draw(st.sampled_from(TEMPLATES), label="template")
    filled = template.replace(b"{}", data.draw(segments, label="segment"), 1)
    filled = filled.replace(b"{}", data.draw(segments, label="second segment"))
    raw_path = b"/" + data.draw(st.sampled_from(PREFIXES), label="prefix") + filled
    response = send(
        data.draw(st.sampled_from(["GET", "HEAD", "OPTIONS"]), label="method"),
        "/",
        path_info=latin1(raw_path),
        headers={"HTTP_ACCEPT_LANGUAGE": data.draw(accept_languages, label="accept-language")},
    )
    assert response.status_code in SENSIBLE_STATUSES
    event(f"status {response.status_code}")


@settings(max_examples=examples(40))
@given(
    accept_language=accept_languages,
    host=st.one_of(st.just("testserver"), st.binary(max_size=40).map(header_value)),
)
def test_the_root_with_any_accept_language_and_host(fuzz_site, accept_language, host):
    response = send("GET", "/", headers={"HTTP_ACCEPT_LANGUAGE": accept_language, "HTTP_HOST": host})
    assert response.status_code in SENSIBLE_STATUSES
    event(f"status {response.status_code}")
