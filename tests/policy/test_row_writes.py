"""Saving the policy page writes only the rows that changed, and the stored rows end up the same."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage, ProcessingPurpose
from policy.row_writes import STORED
from tests.policy.helpers import fresh


def writes(queries, table):
    return [
        query["sql"]
        for query in queries
        if query["sql"].startswith(("UPDATE", "INSERT", "DELETE")) and f'"{table}"' in query["sql"]
    ]


def stored_purposes(page):
    return list(
        ProcessingPurpose.objects.filter(page=page)
        .order_by("sort_order")
        .values_list("pk", "sort_order", "purpose", "retention_term", "locale_id")
    )


def test_unchanged_rows_are_not_rewritten_when_the_page_is_saved(policy_pages):
    page = fresh(policy_pages["kk"])
    before = stored_purposes(page)
    page.purposes = list(page.purposes.all())  # what a revision or the editor hands back
    with CaptureQueriesContext(connection) as queries:
        page.save()
    assert writes(queries, "policy_processingpurpose") == []
    assert stored_purposes(page) == before


def test_changed_added_and_removed_rows_are_written(policy_pages):
    page = fresh(policy_pages["kk"])
    rows = list(page.purposes.all())
    rows[1].retention_term = "5 жыл"
    removed = rows.pop()
    rows.append(
        ProcessingPurpose(
            subject_category=rows[0].subject_category,
            purpose="Жаңа мақсат",
            personal_data="E-mail",
            processing_methods="Автоматтандырылған",
            retention_term="1 жыл",
            withdrawal_method="E-mail",
        )
    )
    page.purposes = rows
    with CaptureQueriesContext(connection) as queries:
        page.save()
    sql = writes(queries, "policy_processingpurpose")
    assert sorted(statement.split()[0] for statement in sql) == ["DELETE", "INSERT", "UPDATE"]
    stored = {row[0]: row for row in stored_purposes(page)}
    assert stored[rows[1].pk][3] == "5 жыл"
    assert removed.pk not in stored
    (new,) = [row for row in stored.values() if row[2] == "Жаңа мақсат"]
    assert new[4] == page.locale_id  # the new row still gets the page's locale


def test_a_row_changed_in_the_database_meanwhile_is_still_written(policy_pages):
    """The comparison is with the stored row read during the save, not an older copy."""
    page = fresh(policy_pages["kk"])
    page.purposes = list(page.purposes.all())
    first = page.purposes.all()[0]
    ProcessingPurpose.objects.filter(pk=first.pk).update(purpose="Басқа біреу өзгертті")
    page.save()
    assert ProcessingPurpose.objects.get(pk=first.pk).purpose == first.purpose


def test_saving_only_some_fields_leaves_no_stored_values_behind(policy_pages):
    page = fresh(policy_pages["kk"])
    page.purposes = list(page.purposes.all())
    page.save(update_fields=["title"])
    assert all(STORED not in row.__dict__ for row in page.purposes.all())
    page.save(update_fields=["title", "purposes"])
    assert all(STORED not in row.__dict__ for row in page.purposes.all())


def test_publishing_still_records_the_changed_row(policy_pages, django_capture_on_commit_callbacks):
    page = fresh(policy_pages["kk"])
    rows = list(page.purposes.all())
    rows[0].purpose = "Бос лауазымдарға орналасу және сұхбат"
    page.purposes = rows
    page.version_summary = "1-мақсат"
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert stored_purposes(page)[0][2] == "Бос лауазымдарға орналасу және сұхбат"
    version = PolicyVersion.objects.for_policy(page.translation_key).get(number=2)
    snapshot = PolicySnapshot.objects.get(version=version, language="kk")
    assert "Бос лауазымдарға орналасу және сұхбат" in snapshot.text
    assert PrivacyPolicyPage.objects.get(pk=page.pk).live_revision_id == revision.pk
