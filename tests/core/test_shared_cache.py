"""The one caching pattern (core.caching): no reader interleaved with a commit can keep a stale answer."""

import os
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale, Page

from core.caching import LIFETIME, SharedCache
from policy import lookup


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def in_another_thread(function, *args):
    """Run `function` as a request served by another thread would (its own connection, no marks)."""
    results = []
    thread = threading.Thread(target=lambda: results.append(function(*args)))
    thread.start()
    thread.join()
    return results[0]


def test_an_answer_is_computed_once_then_served_from_the_cache(db):
    numbers = SharedCache("test-numbers")
    calls = []
    assert numbers.get("a", lambda: calls.append(1) or 1) == 1
    assert numbers.get("a", lambda: calls.append(2) or 2) == 1
    assert calls == [1]


def test_forgetting_outside_a_transaction_takes_effect_at_once():
    numbers = SharedCache("test-now")
    numbers.get("a", lambda: "old")
    numbers.forget()
    assert numbers.get("a", lambda: "new") == "new"


def test_a_reader_that_read_before_a_forget_cannot_store_its_answer_for_later_readers():
    numbers = SharedCache("test-race")

    def read_old_then_the_data_changes():
        numbers.forget()  # the writer commits while this reader is still computing
        return "old"

    assert numbers.get("a", read_old_then_the_data_changes) == "old"
    assert numbers.get("a", lambda: "new") == "new"


def test_entries_are_separate_so_a_forget_cannot_be_undone_by_another_key(db):
    """The old caches kept every host in one dict, written back whole by read-modify-write."""
    numbers = SharedCache("test-keys")
    numbers.get("a", lambda: "a-old")

    def compute_b_while_a_changes():
        numbers.forget()
        return "b"

    numbers.get("b", compute_b_while_a_changes)
    assert numbers.get("a", lambda: "a-new") == "a-new"


def test_inside_the_writing_transaction_reads_bypass_the_cache_and_after_commit_use_it(db, on_commit):
    numbers = SharedCache("test-transaction")
    numbers.get("a", lambda: "old")
    with on_commit():
        numbers.forget()
        assert numbers.get("a", lambda: "in-transaction") == "in-transaction"
        # another request, before the commit, still reads (and may cache) the committed answer
        assert in_another_thread(numbers.get, "a", lambda: "old-again") == "old"
    assert numbers.get("a", lambda: "committed") == "committed"
    assert numbers.get("a", lambda: "not read") == "committed"


def test_an_evicted_generation_never_revives_older_entries(db):
    numbers = SharedCache("test-eviction")
    numbers.get("a", lambda: "first")
    cache.delete(numbers.generation_key)  # e.g. Redis evicted it under memory pressure
    assert numbers.get("a", lambda: "second") == "second"


def test_entries_expire_after_the_one_lifetime(db):
    numbers = SharedCache("test-lifetime")
    numbers.get("a", lambda: "x")
    entry_expiry = cache._expire_info[cache.make_and_validate_key(numbers.entry_key("a"))]
    generation_expiry = cache._expire_info[cache.make_and_validate_key(numbers.generation_key)]
    assert LIFETIME - 5 < entry_expiry - time.time() <= LIFETIME
    assert generation_expiry is None  # the generation itself is kept until it is replaced


def test_a_request_racing_a_publish_cannot_keep_the_old_policy_page(policy_pages, on_commit, monkeypatch):
    """Between a publish and its commit, another request caches the policy page it can still see
    (none for English here); after the commit the new page is found."""
    english = Locale.objects.get(language_code="en")
    page = Page.objects.get(pk=policy_pages["en"].pk).specific
    page.unpublish()
    lookup.policy_pages.forget()
    assert lookup.policy_page_in(english.id).locale.language_code == "kk"  # falls back to the source
    with on_commit():
        page.save_revision().publish()
        kazakh = lookup._find_policy_page(english.id)
        monkeypatch.setattr(lookup, "_find_policy_page", lambda locale_id: kazakh)
        in_another_thread(lookup.policy_page_in, english.id)
        monkeypatch.undo()
    assert lookup.policy_page_in(english.id).pk == page.pk


def test_every_namespace_of_the_site_is_documented():
    import forms.definition  # noqa: F401  (registered when first imported: not by every test file)

    documented = (settings.BASE_DIR / "docs" / "architecture.md").read_text()
    site_namespaces = [name for name in SharedCache.registry if not name.startswith("test-")]
    assert {"sites", "view-restrictions", "policy-pages", "timeline", "snapshots", "form-definitions"} <= set(
        site_namespaces
    )
    for namespace in site_namespaces:
        assert f"`{namespace}`" in documented, namespace


def test_the_development_cache_is_shared_by_every_process(tmp_path):
    """`make run`, `manage.py shell` and management commands see each other's publications."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}",
    }
    run = [sys.executable, "manage.py"]
    subprocess.run([*run, "createcachetable"], env=environment, check=True, cwd=settings.BASE_DIR)
    script = "from django.core.cache import cache; {}"
    subprocess.run(
        [*run, "shell", "-c", script.format("cache.set('shared', 'written by another process')")],
        env=environment,
        check=True,
        cwd=settings.BASE_DIR,
    )
    read = subprocess.run(
        [*run, "shell", "--no-imports", "-c", script.format("print(cache.get('shared'))")],
        env=environment,
        check=True,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert read.stdout.strip() == "written by another process"
