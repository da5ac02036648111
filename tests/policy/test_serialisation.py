"""Turning revisions back into policy pages: bulk foreign-key checks give modelcluster's own result."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from policy.models import PrivacyPolicyPage, ProcessingPurpose
from policy.serialisation import BulkCheckedChildRowsMixin
from tests.policy.helpers import fresh

MISSING_PK = 987654


def row_by_row(data):
    """What modelcluster itself builds from `data`: every foreign key checked with its own query."""
    return super(BulkCheckedChildRowsMixin, PrivacyPolicyPage).from_serializable_data(data)


def content(page):
    """The parts of a rebuilt page a revision restores: its fields and every child row's fields."""
    data = page.serializable_data()
    data.pop("wagtail_admin_comments", None)
    return data


def test_rebuilt_page_is_the_one_modelcluster_builds(policy_pages):
    data = fresh(policy_pages["ru"]).serializable_data()
    rebuilt = PrivacyPolicyPage.from_serializable_data(data)
    assert content(rebuilt) == content(row_by_row(data))
    assert len(rebuilt.purposes.all()) == 10
    assert {row.locale_id for row in rebuilt.purposes.all()} == {policy_pages["ru"].locale_id}


def test_revision_queries_do_not_grow_with_rows(policy_pages):
    page = fresh(policy_pages["kk"])

    def count_queries():
        revision = page.save_revision()
        with CaptureQueriesContext(connection) as queries:
            restored = revision.as_object()
        return len(queries), len(restored.purposes.all())

    baseline, rows = count_queries()
    purposes = list(page.purposes.all())
    page.purposes = purposes + [
        ProcessingPurpose(
            subject_category=purposes[0].subject_category,
            purpose=f"Extra purpose {n}",
            personal_data="E-mail",
            processing_methods="Automated",
            retention_term="1 year",
            withdrawal_method="E-mail",
        )
        for n in range(15)
    ]
    page.save()
    assert count_queries() == (baseline, rows + 15)
    assert baseline <= 9  # measured: 7


def test_rows_pointing_to_a_deleted_page_are_dropped_as_modelcluster_drops_them(policy_pages):
    data = fresh(policy_pages["kk"]).serializable_data()
    data["purposes"][2]["page"] = MISSING_PK  # a row of a page deleted since (CASCADE)
    rebuilt = PrivacyPolicyPage.from_serializable_data(data)
    assert content(rebuilt) == content(row_by_row(data))
    assert len(rebuilt.purposes.all()) == 9
    assert data["purposes"][2]["purpose"] not in [row.purpose for row in rebuilt.purposes.all()]


def test_page_keys_to_deleted_users_and_revisions_become_empty(policy_pages):
    """An old revision names an owner, a locker and a live revision that no longer exist."""
    gone = get_user_model().objects.create_user("gone", password="x")
    data = fresh(policy_pages["kk"]).serializable_data()
    data.update(owner=gone.pk, locked_by=gone.pk, live_revision=MISSING_PK)
    gone.delete()
    rebuilt = PrivacyPolicyPage.from_serializable_data(data)
    assert (rebuilt.owner_id, rebuilt.locked_by_id, rebuilt.live_revision_id) == (None, None, None)
    assert content(rebuilt) == content(row_by_row(data))
    assert len(rebuilt.purposes.all()) == 10


def test_a_row_in_a_deleted_locale_fails_as_in_modelcluster(policy_pages):
    """A row's locale is PROTECTed, which modelcluster refuses to resolve: so do we, same error."""
    data = fresh(policy_pages["kk"]).serializable_data()
    data["rights"][0]["locale"] = MISSING_PK
    assert not Locale.objects.filter(pk=MISSING_PK).exists()
    with pytest.raises(Exception, match="can't currently handle on_delete types") as ours:
        PrivacyPolicyPage.from_serializable_data(data)
    with pytest.raises(Exception, match="can't currently handle on_delete types") as theirs:
        row_by_row(data)
    assert type(ours.value) is type(theirs.value)


def test_unchecked_rebuild_is_left_to_modelcluster(policy_pages):
    data = fresh(policy_pages["kk"]).serializable_data()
    data["purposes"][0]["page"] = MISSING_PK
    with CaptureQueriesContext(connection) as queries:
        rebuilt = PrivacyPolicyPage.from_serializable_data(data, check_fks=False)
    assert len(queries) == 0
    assert len(rebuilt.purposes.all()) == 10
