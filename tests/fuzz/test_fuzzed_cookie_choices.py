"""Generated bodies for the cookie banner's log POST (/cookie-choices/): any JSON value, objects with the
right keys and odd values, raw bytes, any content type; never a 500, and a 201 only for a valid choice."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from cookies.models import CookieChoice
from tests.fuzz.conftest import examples

ENDPOINT = "/cookie-choices/"
KEYS = ["version", "categories", "method", "gpc", "language", "id"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
near_valid = st.fixed_dictionaries(
    {},
    optional={
        "version": st.one_of(st.integers(-5, 10**7), json_values),
        "categories": st.one_of(
            st.lists(st.sampled_from(["necessary", "analytics", "marketing", ""]), max_size=4), json_values
        ),
        "method": st.one_of(st.sampled_from(["accept", "reject", "settings", "gpc", "ACCEPT"]), json_values),
        "gpc": st.one_of(st.booleans(), json_values),
        "language": st.one_of(st.sampled_from(["kk", "ru", "en", "de", ""]), json_values),
        "id": st.one_of(st.uuids().map(str), json_values),
    },
)


def send(client, body, content_type="application/json", gpc=None):
    headers = {"HTTP_SEC_FETCH_SITE": "same-origin"}
    if gpc is not None:
        headers["HTTP_SEC_GPC"] = gpc
    return client.generic("POST", ENDPOINT, data=body, content_type=content_type, **headers)  # bytes as sent


@settings(max_examples=examples(150))
@given(body=near_valid, gpc=st.one_of(st.none(), st.sampled_from(["1", "0", "", "yes"])))
def test_near_valid_choices(db, client, settings, body, gpc):
    settings.RATELIMIT_ENABLE = False
    before = CookieChoice.objects.count()
    response = send(client, json.dumps(body), gpc=gpc)
    assert response.status_code in (201, 400)
    assert response["Content-Type"] == "application/json"
    if response.status_code == 201:
        assert CookieChoice.objects.count() == before + 1
        record = CookieChoice.objects.latest("id")
        assert not (record.analytics and record.gpc)
        assert set(body) <= set(KEYS)
    else:
        assert response.json()["error"]
        assert CookieChoice.objects.count() == before


@settings(max_examples=examples(100))
@given(
    body=st.one_of(st.binary(max_size=3000), json_values.map(lambda value: json.dumps(value).encode())),
    content_type=st.sampled_from(
        ["application/json", "application/json; charset=latin-1", "text/plain", "multipart/form-data", ""]
    ),
)
def test_any_body_any_type(db, client, settings, body, content_type):
    settings.RATELIMIT_ENABLE = False
    response = send(client, body, content_type=content_type)
    assert response.status_code in (201, 400)
