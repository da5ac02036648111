"""PostgreSQL connections lost: an idle one is replaced before use (CONN_HEALTH_CHECKS, as production
sets it), a request whose connection dies mid-way gets the translated 503 page and stores nothing, and
the next request works.

The connections are really ended, with pg_terminate_backend from a second connection. The test client
leaves out what a WSGI server does around each request (Django's `close_old_connections` on
request_started and request_finished), so `as_a_server_would` does it.
"""

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.db.models.signals import pre_save

from forms.models import ConsentRecord, ConsentSubmission
from tests.forms.helpers import fill

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates PostgreSQL connections"),
]


def terminate(pid):
    """End the backend `pid` from a connection of its own, as an administrator or a restart would."""
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    ) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]


def backend_pid():
    connection.ensure_connection()
    return connection.connection.info.backend_pid


@pytest.fixture
def persistent_connections(demo_db, monkeypatch):
    """Connections kept between requests and checked before reuse, as cms/settings/production.py sets
    them (tests/core/test_production_settings.py checks that it does)."""
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    connection.close()  # the next connection is made with these settings
    yield
    connection.close()


def as_a_server_would(request):
    close_old_connections()  # request_started
    try:
        return request()
    finally:
        close_old_connections()  # request_finished


@pytest.mark.usefixtures("persistent_connections")
def test_an_idle_connection_that_died_is_replaced_before_use(client):
    assert as_a_server_would(lambda: client.get("/kk/privacy/")).status_code == 200
    first = backend_pid()
    terminate(first)
    response = as_a_server_would(lambda: client.get("/ru/privacy/"))
    assert response.status_code == 200
    assert backend_pid() != first


@pytest.mark.usefixtures("persistent_connections")
def test_a_post_whose_connection_dies_mid_way_is_a_503_stores_nothing_and_the_next_works(
    client, django_capture_on_commit_callbacks
):
    def die_while_saving_the_record(sender, **kwargs):
        terminate(connection.connection.info.backend_pid)  # after the submission's INSERT

    data = as_a_server_would(lambda: fill(client, "/en/contact/"))
    pre_save.connect(die_while_saving_the_record, sender=ConsentRecord)
    try:
        response = as_a_server_would(lambda: client.post("/en/contact/", data))
    finally:
        pre_save.disconnect(die_while_saving_the_record, sender=ConsentRecord)
    assert response.status_code == 503
    assert "Nothing was stored half-way." in response.content.decode()
    assert ConsentSubmission.objects.count() == 0
    assert ConsentRecord.objects.count() == 0

    data = as_a_server_would(lambda: fill(client, "/en/contact/"))
    with django_capture_on_commit_callbacks(execute=True):
        response = as_a_server_would(lambda: client.post("/en/contact/", data))
    assert response.status_code == 302
    assert ConsentSubmission.objects.count() == 1
    assert ConsentRecord.objects.count() == 1


def test_without_the_health_check_a_dead_idle_connection_costs_one_503_not_a_500(
    client, persistent_connections, monkeypatch
):
    """Why production turns the check on: the first query on the dead connection fails. Even then the
    visitor gets the translated page, and the request after it works."""
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", False)
    # The first query may come from a middleware (the cached page routing) rather than the view: then
    # handler500 (core.unavailable.server_error) answers, as on a real server, instead of the test client
    # re-raising the exception.
    client.raise_request_exception = False
    connection.close()
    as_a_server_would(lambda: client.get("/en/"))
    terminate(backend_pid())
    assert as_a_server_would(lambda: client.get("/en/privacy/versions/")).status_code == 503
    assert as_a_server_would(lambda: client.get("/en/privacy/versions/")).status_code == 200
