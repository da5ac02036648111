"""`manage.py check --deploy` warns when the site's PostgreSQL role could unmake the evidence."""

import uuid

import pytest
from django.core.checks import run_checks
from django.db import connection, connections

from core import deploy_checks
from core.deploy_checks import check_database_role

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="checks PostgreSQL roles")


def ids(messages):
    return sorted(message.id for message in messages)


def execute(*statements):
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture
def new_role():
    """Make roles inside the test's transaction (rolled back with it); the test ends as itself again."""

    def make(*options):
        role = f"edna_test_{uuid.uuid4().hex[:12]}"
        execute(f"CREATE ROLE {role} NOLOGIN {' '.join(options)}")
        return role

    yield make
    execute("RESET ROLE")


@pytest.mark.postgres
@postgres_only
def test_superuser_is_warned_by_check_deploy(db):
    messages = [
        message for message in run_checks(include_deployment_checks=True) if message.id.startswith("edna.")
    ]
    assert ids(messages) == ["edna.W001", "edna.W002"]
    owned = next(message for message in messages if message.id == "edna.W002")
    for table in ("policy_policyversion", "policy_policysnapshot", "consent_forms_consentrecord"):
        assert table in owned.msg
    assert all(message.hint for message in messages)


@pytest.mark.postgres
@postgres_only
def test_not_run_without_deploy(db):
    assert not [message for message in run_checks() if message.id.startswith("edna.")]


@pytest.mark.postgres
@postgres_only
def test_application_role_is_not_warned(db, new_role):
    role = new_role("NOSUPERUSER NOCREATEDB NOCREATEROLE")
    execute(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"SET ROLE {role}",
    )
    assert check_database_role(databases=["default"]) == []


@pytest.mark.postgres
@postgres_only
def test_owner_of_an_evidence_table_and_its_members_are_warned(db, new_role):
    owner = new_role("NOSUPERUSER")
    member = new_role("NOSUPERUSER")
    execute(f"ALTER TABLE policy_policysnapshot OWNER TO {owner}", f"GRANT {owner} TO {member}")
    for role in (owner, member):
        execute(f"SET ROLE {role}")
        messages = check_database_role(databases=["default"])
        execute("RESET ROLE")
        assert ids(messages) == ["edna.W002"], role
        assert "policy_policysnapshot" in messages[0].msg
        assert "policy_policyversion" not in messages[0].msg


@pytest.mark.postgres
@postgres_only
def test_unreachable_database_gives_a_warning_not_a_crash(monkeypatch):
    wrapper = type(connections["default"])
    unreachable = wrapper({**connection.settings_dict, "HOST": "127.0.0.1", "PORT": 1}, alias="default")
    monkeypatch.setattr(deploy_checks, "connections", {"default": unreachable})
    messages = check_database_role(databases=["default"])
    assert ids(messages) == ["edna.W003"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_says_nothing_on_sqlite():
    assert check_database_role(databases=["default"]) == []
    assert not [
        message for message in run_checks(include_deployment_checks=True) if message.id.startswith("edna.")
    ]
