"""Pages rendered afresh (page cache off, as for a logged-in editor or the first visitor) run a few
queries, none twice, and as many with 8 versions or 50 purposes as with one, in every language."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy.models import ProcessingPurpose
from tests.policy.helpers import make_versions

# Most queries a repeat GET may run once the shared caches are warm (the page's own data; the chrome,
# Site, route, timeline and snapshots come from the shared cache).
PAGES = {
    "": 1,
    "privacy/": 2,
    "privacy/versions/": 3,
    "privacy/versions/1/": 4,
    "privacy/versions/1.json": 2,
    "privacy/compare/1/2/": 3,
    "privacy/updates/": 3,
}
LANGUAGES = ["kk", "ru", "en"]


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a write does on commit (the shared caches forgotten), as a committed write would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def two_versions(policy_pages, committed):
    with committed():
        make_versions(policy_pages["kk"], 1)


def repeat_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_a_repeat_get_runs_few_queries_and_none_twice(client, two_versions, language, path):
    sql = repeat_queries(client, f"/{language}/{path}")
    assert len(sql) <= PAGES[path], sql
    repeated = [query for query, count in Counter(sql).items() if count > 1]
    assert repeated == []


@pytest.mark.parametrize("path", PAGES)
def test_queries_do_not_grow_with_versions(client, policy_pages, two_versions, committed, path):
    before = len(repeat_queries(client, f"/kk/{path}"))
    with committed():
        make_versions(policy_pages["kk"], 6, start=3)
    assert len(repeat_queries(client, f"/kk/{path}")) == before


@pytest.mark.parametrize("path", PAGES)
def test_queries_do_not_grow_with_purposes(client, policy_pages, two_versions, committed, path):
    page = policy_pages["en"]
    before = len(repeat_queries(client, f"/en/{path}"))
    template = page.purposes.first()
    for index in range(40):
        ProcessingPurpose.objects.create(
            page=page,
            locale=page.locale,
            sort_order=100 + index,
            subject_category=template.subject_category,
            purpose=f"Extra purpose {index}",
            personal_data="e-mail",
            processing_methods=template.processing_methods,
            retention_term=template.retention_term,
            withdrawal_method=template.withdrawal_method,
        )
    with committed():
        page.save_revision().publish()
    assert len(repeat_queries(client, f"/en/{path}")) == before


@pytest.mark.parametrize("path", PAGES)
def test_every_language_runs_the_same_queries(client, two_versions, path):
    counts = {language: len(repeat_queries(client, f"/{language}/{path}")) for language in LANGUAGES}
    assert len(set(counts.values())) == 1, counts
