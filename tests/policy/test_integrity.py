"""Versions and snapshots are evidence: never changed or deleted, hashes verifiable, numbers unique."""

import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import ProtectedError

from policy.immutable import ImmutableRecordError
from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage
from policy.versioning import record_source_publication

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQL triggers are installed on PostgreSQL only"
)


@pytest.fixture
def snapshot(policy_pages):
    return PolicySnapshot.objects.select_related("version").get(language="kk")


def test_orm_refuses_to_change_a_snapshot(snapshot):
    snapshot.text = "forged"
    with pytest.raises(ImmutableRecordError):
        snapshot.save()
    with pytest.raises(ImmutableRecordError):
        PolicySnapshot.objects.filter(pk=snapshot.pk).update(text="forged")
    with pytest.raises(ImmutableRecordError):
        PolicySnapshot.objects.bulk_update([snapshot], ["text"])


def test_orm_refuses_to_delete_versions_and_snapshots(snapshot):
    with pytest.raises(ImmutableRecordError):
        snapshot.delete()
    with pytest.raises(ImmutableRecordError):
        PolicySnapshot.objects.all().delete()
    with pytest.raises(ImmutableRecordError):
        snapshot.version.delete()
    with pytest.raises(ImmutableRecordError):
        PolicyVersion.objects.filter(pk=snapshot.version_id).delete()
    assert PolicySnapshot.objects.filter(pk=snapshot.pk, text=snapshot.text).exists()


def test_deleting_the_policy_page_is_refused_while_versions_exist(policy_pages):
    with pytest.raises(ProtectedError):
        PrivacyPolicyPage.objects.get(pk=policy_pages["ru"].pk).delete()
    assert PrivacyPolicyPage.objects.filter(pk=policy_pages["ru"].pk).exists()


def test_a_version_number_is_unique_per_policy(snapshot):
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyVersion.objects.create(
            policy_key=snapshot.version.policy_key,
            number=1,
            effective_from=snapshot.version.effective_from,
            is_material=False,
            summary="duplicate",
            source_language="kk",
        )


@postgres_only
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE policy_policysnapshot SET text = 'forged'",
        "DELETE FROM policy_policysnapshot",
        "UPDATE policy_policyversion SET number = 99",
        "DELETE FROM policy_policyversion",
    ],
)
def test_postgres_trigger_refuses_update_and_delete(snapshot, statement):
    with (
        pytest.raises(DatabaseError, match="immutable evidence"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)


@postgres_only
@pytest.mark.parametrize("table", ["policy_policysnapshot", "policy_policyversion"])
def test_postgres_trigger_refuses_truncate(snapshot, table):
    with (
        pytest.raises(DatabaseError, match="immutable evidence"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"TRUNCATE {table} CASCADE")


@postgres_only
@pytest.mark.parametrize(
    "statement",
    [
        "TRUNCATE policy_policysnapshot CASCADE",
        "TRUNCATE policy_policyversion CASCADE",
        "DELETE FROM policy_policysnapshot",
    ],
)
def test_postgres_trigger_has_no_switch(snapshot, statement):
    """The session setting that once let TRUNCATE through (edna.allow_truncate) is gone: any role could
    set it."""
    with (
        pytest.raises(DatabaseError, match="immutable evidence"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL edna.allow_truncate = 'on'")
        cursor.execute(statement)
    assert PolicySnapshot.objects.filter(pk=snapshot.pk).exists()


def _corrupt(snapshot):
    """Tamper with a stored text behind the application's back (triggers off where there are any)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE policy_policysnapshot SET text = text || ' tampered' WHERE id = %s", [snapshot.pk]
        )


def test_verify_command_passes_on_untouched_snapshots(snapshot, capsys):
    call_command("verify_policy_hashes")
    assert "All 3 snapshots match" in capsys.readouterr().out


def test_verify_command_names_each_mismatch_and_fails(snapshot):
    _corrupt(snapshot)
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 of 3 snapshots do not match"):
        call_command("verify_policy_hashes", stderr=errors)
    assert f"snapshot {snapshot.pk}: version 1, language kk" in errors.getvalue()


@postgres_only
def test_two_concurrent_publishes_never_share_a_number(demo_db):
    """Two editors publish different changes at the same instant: versions 2 and 3, never two 2s."""
    source = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    barrier = threading.Barrier(2)
    results, errors = [], []

    def publish(suffix):
        from django.db import connections

        try:
            page = PrivacyPolicyPage.objects.get(pk=source.pk)
            page.intro = f"{page.intro} {suffix}"
            barrier.wait(timeout=10)
            results.append(record_source_publication(page).number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(suffix,)) for suffix in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [2, 3]
    assert sorted(
        PolicyVersion.objects.filter(policy_key=source.translation_key).values_list("number", flat=True)
    ) == [1, 2, 3]
