"""Shared fixtures.

The demo content (kk home page and policy, ru/en translations made through wagtail-localize) is loaded
once per test session, right after the test database is migrated; each test runs in a transaction that
is rolled back, so tests see the demo site and never each other's changes.
"""

import json
import os

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from wagtail.models import Locale

from core.caching import forget_open_transaction_marks
from policy.models import PrivacyPolicyPage

DEMO_SNAPSHOTS = {}


@pytest.fixture(scope="session", autouse=True)
def flush_evidence_as_superuser():
    """Transactional tests end with Django's flush (one TRUNCATE of every table), which the evidence
    tables' triggers refuse: they have no switch (policy.immutable). The test runner connects to its own
    test database as a PostgreSQL superuser, so its flush runs with the triggers off for that one
    transaction (`execute_sql_flush` runs the statements in one atomic block)."""
    if all(connections[alias].vendor != "postgresql" for alias in connections):
        yield
        return
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        return original(self, ["SET LOCAL session_replication_role = replica", *sql_list])

    DatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    DatabaseOperations.execute_sql_flush = original


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        for alias in connections:
            DEMO_SNAPSHOTS[alias] = _snapshot(connections[alias])


def _snapshot(connection):
    """The database as JSON, content types and permissions first: restoring other rows can create
    content types on the fly (signal handlers call get_for_model), which must find the snapshot's."""
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] not in ("contenttypes.contenttype", "auth.permission"))
    return json.dumps(rows)


@pytest.fixture
def demo_db(transactional_db):
    """For transactional tests (live server, threads): the demo database, restored if a previous
    transactional test flushed it."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not Page.objects.exists():
        # The flush re-created content types and permissions with new ids: take the snapshot's.
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        for alias, snapshot in DEMO_SNAPSHOTS.items():
            connections[alias].creation.deserialize_db_from_string(snapshot)
        cache.clear()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def policy_pages(db):
    """The demo policy page in each language, keyed by language code."""
    return {page.locale.language_code: page for page in PrivacyPolicyPage.objects.select_related("locale")}


@pytest.fixture(autouse=True)
def empty_cache():
    """The local-memory cache outlives each test's rolled-back transaction: start every test empty
    (and with no namespace marked as changed by a transaction that the rollback undid)."""
    cache.clear()
    forget_open_transaction_marks()
    yield
    cache.clear()
    forget_open_transaction_marks()


@pytest.fixture
def stopped_clock():
    """Time stands still (at the real now) for the test: e.g. a rate-limit window cannot end mid-test."""
    with time_machine.travel(timezone.now(), tick=False):
        yield
