"""The application's database role (README, "Database roles") cannot unmake the evidence on PostgreSQL.

The role is created the README's way (no superuser, not the owner, no TRUNCATE) inside the test's
transaction, entered with SET ROLE, and tries every way round the triggers it has: a session switch,
replica mode, plain UPDATE/DELETE/TRUNCATE, disabling or dropping the triggers, replacing their function.
Each attempt runs in its own savepoint so one refusal does not abort the next.
"""

import contextlib
import re
import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from cookies.models import CookieChoice
from forms.models import ConsentExport, ConsentGrant, ConsentRecord, ConsentSubmission
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from policy.immutable import install_immutability_triggers
from policy.models import PolicySnapshot

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQL triggers are installed on PostgreSQL only"
    ),
]

KNOWN_EVIDENCE_TABLES = {
    "policy_policyversion",
    "policy_policysnapshot",
    "consent_forms_consentrecord",
    "consent_forms_consentgrant",
    "consent_forms_consentexport",
    "consent_forms_consentevent",
    "cookie_consent_cookiechoice",
}

EVIDENCE_TABLES_SQL = """
SELECT DISTINCT c.relname FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
WHERE p.proname = 'edna_refuse_change' ORDER BY c.relname
"""

DENIED = r"permission denied|must be owner"
IMMUTABLE = r"immutable evidence"


def execute(*statements):
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def row_counts(tables):
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - table names from the catalog
            counts[table] = cursor.fetchone()[0]
    return counts


def not_refused_as(expected, *statements):
    """None if the statements (the last one) were refused with an error matching `expected`, otherwise
    what happened instead. The savepoint keeps the test's transaction usable either way."""
    try:
        with transaction.atomic():
            execute(*statements)
    except DatabaseError as error:
        return None if re.search(expected, str(error)) else f"refused for another reason: {error}"
    return "not refused"


@pytest.fixture
def evidence_tables(policy_pages):
    """Every table with the evidence triggers, each with at least one row (row triggers fire per row)."""
    snapshot = PolicySnapshot.objects.select_related("version").get(language="kk")
    record = ConsentRecord.objects.create(
        submission=ConsentSubmission.objects.create(page=None, form_data={}),
        snapshot=snapshot,
        version=snapshot.version,
        language=snapshot.language,
        form_title="Contact",
        statement="I agree.",
        statement_sha256="0" * 64,
        token_nonce=uuid.uuid4().hex,
    )
    ConsentGrant.objects.create(
        record=record,
        purpose_key=uuid.uuid4(),
        purpose_number=1,
        purpose="Answering the request",
        required=True,
        granted=True,
        statement="I agree.",
    )
    ConsentExport.objects.create(user="officer", file_format="csv")
    ConsentEvent.objects.create(
        record=record,
        purpose_key=uuid.uuid4(),
        purpose_number=1,
        state=ConsentState.WITHDRAWN,
        channel=ConsentChannel.RECEIPT_LINK,
    )
    CookieChoice.objects.create(policy_version=1, analytics=False, method="reject", gpc=False, language="kk")
    # Run the deferred foreign-key checks now: TRUNCATE refuses a table with pending trigger events
    # before its own triggers are asked.
    execute("SET CONSTRAINTS ALL IMMEDIATE", "SET CONSTRAINTS ALL DEFERRED")
    with connection.cursor() as cursor:
        cursor.execute(EVIDENCE_TABLES_SQL)
        tables = [name for (name,) in cursor.fetchall()]
    assert set(tables) >= KNOWN_EVIDENCE_TABLES
    counts = row_counts(tables)
    assert all(counts.values()), counts
    return counts


def create_application_role(*extra_grants):
    """A role like README's edna_app, inside the test's transaction (rolled back with it)."""
    role = f"edna_test_app_{uuid.uuid4().hex[:12]}"
    execute(
        f"CREATE ROLE {role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        *(grant.format(role=role) for grant in extra_grants),
    )
    return role


@pytest.fixture
def as_application_role():
    """Enter a role created README's way; the test's own transaction ends with the superuser again."""

    def enter(*extra_grants):
        execute(f"SET ROLE {create_application_role(*extra_grants)}")

    yield enter
    with contextlib.suppress(DatabaseError):  # an aborted transaction reverts SET ROLE by itself
        execute("RESET ROLE")


def test_installed_trigger_function_has_no_switch(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = 'edna_refuse_change'")
        (source,) = cursor.fetchone()
    assert "RAISE EXCEPTION" in source
    assert "current_setting" not in source
    assert "RETURN" not in source


# What the application's role might try on each evidence table: (how it must be refused, statements).
ATTEMPTS_PER_TABLE = [
    (DENIED, "SET edna.allow_truncate = 'on'", "TRUNCATE {table} CASCADE"),
    (DENIED, "SET session_replication_role = replica"),
    (IMMUTABLE, "DELETE FROM {table}"),  # replica mode was refused: the triggers still fire
    (IMMUTABLE, "UPDATE {table} SET id = id"),
    (IMMUTABLE, "DELETE FROM {table}"),
    (DENIED, "TRUNCATE {table}"),
    (DENIED, "ALTER TABLE {table} DISABLE TRIGGER ALL"),
    (DENIED, "ALTER TABLE {table} DISABLE TRIGGER {table}_no_change"),
    (DENIED, "DROP TRIGGER {table}_no_change ON {table}"),
    (DENIED, "DROP TRIGGER {table}_no_truncate ON {table}"),
]


def test_application_role_cannot_change_or_remove_evidence(evidence_tables, as_application_role):
    as_application_role()
    failures = []
    for table in evidence_tables:
        for expected, *templates in ATTEMPTS_PER_TABLE:
            statements = [template.format(table=table) for template in templates]
            outcome = not_refused_as(expected, *statements)
            if outcome:
                failures.append((table, statements[-1], outcome))
    for expected, statement in [
        (
            DENIED,
            "CREATE OR REPLACE FUNCTION edna_refuse_change() RETURNS trigger AS $$ "
            "BEGIN RETURN NULL; END; $$ LANGUAGE plpgsql",
        ),
        (DENIED, "DROP FUNCTION edna_refuse_change() CASCADE"),
    ]:
        outcome = not_refused_as(expected, statement)
        if outcome:
            failures.append(("edna_refuse_change", statement, outcome))
    assert failures == []
    assert row_counts(evidence_tables) == evidence_tables  # read as the application role
    execute("RESET ROLE")
    assert row_counts(evidence_tables) == evidence_tables


def test_even_a_role_granted_truncate_is_refused_by_the_trigger(evidence_tables, as_application_role):
    """A misconfigured role that was granted TRUNCATE still meets the trigger, switch or no switch."""
    as_application_role("GRANT TRUNCATE ON ALL TABLES IN SCHEMA public TO {role}")
    failures = [
        (table, outcome)
        for table in evidence_tables
        if (
            outcome := not_refused_as(
                IMMUTABLE, "SET edna.allow_truncate = 'on'", f"TRUNCATE {table} CASCADE"
            )
        )
    ]
    assert failures == []
    assert row_counts(evidence_tables) == evidence_tables


def test_a_later_evidence_table_is_protected_the_same_way(db, as_application_role):
    """install_immutability_triggers still works for new tables, and README's default privileges give
    the application role what it needs on a table a later migration creates, and no more."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")  # the owner of the tables, as the migrations' role is
        (owner,) = cursor.fetchone()
    role = create_application_role()
    execute(
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {role}",
        "CREATE TABLE edna_test_later_evidence "
        "(id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note text)",
    )
    with connection.schema_editor() as editor:
        install_immutability_triggers("edna_test_later_evidence").code(None, editor)
    execute(f"SET ROLE {role}", "INSERT INTO edna_test_later_evidence (note) VALUES ('evidence')")
    try:
        assert row_counts(["edna_test_later_evidence"]) == {"edna_test_later_evidence": 1}
        attempts = [
            (IMMUTABLE, "UPDATE edna_test_later_evidence SET note = 'forged'"),
            (IMMUTABLE, "DELETE FROM edna_test_later_evidence"),
            (DENIED, "TRUNCATE edna_test_later_evidence"),
            (DENIED, "ALTER TABLE edna_test_later_evidence DISABLE TRIGGER ALL"),
        ]
        assert [
            (statement, outcome)
            for expected, statement in attempts
            if (outcome := not_refused_as(expected, statement))
        ] == []
    finally:
        execute("RESET ROLE")
