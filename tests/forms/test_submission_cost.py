"""What one consent POST reads and writes: a small number of queries that does not grow with the data,
the frozen text from the cache, and (with the production queue) its e-mails committed in the same
transaction as the record."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from forms.models import ConsentRecord
from policy import lookup
from policy.models import PolicySnapshot, PrivacyPolicyPage
from policy.snapshot_cache import snapshot_by_id
from tests.forms.helpers import fill
from tests.policy.helpers import publish

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Locale and 4 to route the page (the Site, whether any page is private, the policy page and its text,
# and the form's fields and purposes come from the cache, filled by the GET); then one transaction (a
# savepoint inside the test's own) with the submission, the record, the grants and the two e-mails.
# Measured: 5 + 2 + 5 = 12. A budget, not an exact figure: Wagtail's routing may change between releases.
POST_QUERIES_MAX = 5 + 2 + 5 + 2


def count_post_queries(client, url, data):
    with override_settings(TASKS=DATABASE_QUEUE), CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == 302
    return len(queries)


def test_a_consent_post_stays_within_its_query_budget(client, policy_pages, django_assert_max_num_queries):
    data = fill(client, "/en/contact/")
    with override_settings(TASKS=DATABASE_QUEUE), django_assert_max_num_queries(POST_QUERIES_MAX):
        response = client.post("/en/contact/", data)
    assert response.status_code == 302


def test_a_consent_post_costs_the_same_whatever_the_number_of_purposes_or_records(client, policy_pages):
    """Grants are written in one statement: a form asking for three purposes costs what one asking for
    one does, and the tenth submission what the first did."""
    contact = count_post_queries(client, "/en/contact/", fill(client, "/en/contact/"))
    assert len(ConsentRecord.objects.get().grants.all()) == 3
    feedback_answers = {"full_name": "", "email": "fb@example.kz", "message": "Hi"}
    feedback = count_post_queries(
        client, "/en/feedback/", fill(client, "/en/feedback/", answers=feedback_answers)
    )
    assert ConsentRecord.objects.count() == 2
    assert len(ConsentRecord.objects.order_by("-submitted_at", "-id").first().grants.all()) == 1
    assert feedback == contact
    for _ in range(7):
        count_post_queries(client, "/en/contact/", fill(client, "/en/contact/"))
    assert count_post_queries(client, "/en/contact/", fill(client, "/en/contact/")) == contact
    assert ConsentRecord.objects.count() == 10
    assert contact <= POST_QUERIES_MAX


def test_the_frozen_text_comes_from_the_cache_after_the_first_read(
    policy_pages, django_assert_max_num_queries
):
    snapshot = PolicySnapshot.objects.filter(language="en").first()
    with django_assert_max_num_queries(2) as first_read:
        first = snapshot_by_id(snapshot.pk)
    assert first_read.captured_queries  # the first read does go to the database ...
    with CaptureQueriesContext(connection) as again_read:
        again = snapshot_by_id(snapshot.pk)
    assert len(again_read) == 0  # ... and the second one does not
    assert again.sha256 == first.sha256 == snapshot.sha256
    assert again.version.number == snapshot.version.number
    assert snapshot_by_id(10**9) is None


def test_a_corrected_translation_is_the_text_the_form_shows_next(client, policy_pages, on_commit):
    fill(client, "/en/contact/")  # the timeline and the first edition are now cached
    en = policy_pages["en"]
    with on_commit():
        publish(en, summary=en.version_summary, intro="Corrected introduction.")
    data = fill(client, "/en/contact/")
    with on_commit():
        client.post("/en/contact/", data)
    record = ConsentRecord.objects.get()
    assert (record.snapshot.language, record.snapshot.sequence) == ("en", 2)


def test_the_production_queue_takes_the_emails_with_the_record(client, policy_pages):
    data = fill(client, "/en/contact/")
    with override_settings(TASKS=DATABASE_QUEUE):
        client.post("/en/contact/", data)  # no on-commit callbacks run here: the tasks are already rows
        client.post("/en/contact/", data)  # the same form again: no second record, no more e-mails
    record = ConsentRecord.objects.get()
    queued = DBTaskResult.objects.order_by("task_path")
    assert [task.task_path for task in queued] == ["forms.tasks.notify_staff", "forms.tasks.send_receipt"]
    assert all(task.args_kwargs["args"] == [record.pk] for task in queued)


def test_an_unpublished_translation_of_the_policy_is_no_longer_offered(client, policy_pages):
    assert "/ru/privacy/versions/1/" in client.get("/ru/contact/").content.decode()
    PrivacyPolicyPage.objects.get(pk=policy_pages["ru"].pk).unpublish()
    html = client.get("/ru/contact/").content.decode()
    assert "/ru/privacy/versions/1/" not in html
    assert "/kk/privacy/versions/1/" in html  # the statements of the source text


def test_publishing_any_page_forgets_the_cached_policy_pages(
    client, policy_pages, django_capture_on_commit_callbacks
):
    client.get("/en/contact/")
    generation = cache.get(lookup.policy_pages.generation_key)
    assert generation
    home = Page.objects.get(depth=2, locale__language_code="kk").specific
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert cache.get(lookup.policy_pages.generation_key) != generation


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)
