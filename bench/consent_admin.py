"""Benchmark: the staff consent listing and CSV export over 1,000,000 consent records (PostgreSQL).

Fills the benchmark database with ROWS consent records (with their submissions and two grants each,
spread over two policy versions and three languages) using set-based SQL, then measures:
- the first page of /admin/consents/ filtered by version and date range (median of 15 requests;
  target under 200 ms, and no COUNT(*) over the table);
- the CSV export of every row, streamed (target 20,000 rows/s or more, memory growth under 100 MB).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/edna_bench .venv/bin/python bench/consent_admin.py [rows]
"""

import os
import resource
import statistics
import sys
import time

from common import setup

INSERT_SQL = """
WITH numbered AS (
    SELECT n, now() - (n || ' seconds')::interval AS at FROM generate_series(%(start)s, %(stop)s) AS n
), submissions AS (
    INSERT INTO consent_forms_consentsubmission (form_data, email, email_hmac, page_id, submit_time)
    SELECT jsonb_build_object('full_name', 'Visitor ' || n, 'email', 'v' || n || '@example.kz'),
           'v' || n || '@example.kz', '', %(page)s, at
    FROM numbered RETURNING id, submit_time
)
INSERT INTO consent_forms_consentrecord
    (receipt_id, submission_id, snapshot_id, version_id, language, form_page_id, form_title,
     statement, statement_sha256, token_nonce, submitted_at)
SELECT gen_random_uuid(), s.id,
       CASE WHEN s.id %% 2 = 0 THEN %(snapshot_a)s ELSE %(snapshot_b)s END,
       CASE WHEN s.id %% 2 = 0 THEN %(version_a)s ELSE %(version_b)s END,
       (ARRAY['kk', 'ru', 'en'])[1 + s.id %% 3], %(page)s, 'Contact', 'statement', repeat('0', 64),
       md5(s.id::text || random()::text), s.submit_time
FROM submissions s
"""

GRANTS_SQL = """
INSERT INTO consent_forms_consentgrant
    (record_id, purpose_key, purpose_number, purpose, required, granted, statement)
SELECT r.id, %(key)s, %(number)s, 'purpose', true, true, 'statement'
FROM consent_forms_consentrecord r
WHERE NOT EXISTS (
    SELECT 1 FROM consent_forms_consentgrant g WHERE g.record_id = r.id AND g.purpose_number = %(number)s
)
"""


def fill(rows):
    from django.db import connection

    from forms.models import ConsentFormPage, ConsentRecord
    from policy.models import PolicySnapshot, PrivacyPolicyPage
    from policy.versioning import record_source_publication

    existing = ConsentRecord.objects.count()
    if existing >= rows:
        return existing
    source = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    if not PolicySnapshot.objects.filter(version__number=2).exists():
        source.intro += " (v2)"
        source.version_summary = "Benchmark version 2"
        record_source_publication(source)
    first, second = (
        PolicySnapshot.objects.filter(language="kk").select_related("version").order_by("version__number")[:2]
    )
    page = ConsentFormPage.objects.get(slug="contact", locale__language_code="kk")
    purposes = list(source.purposes.all()[:2])
    params = {
        "page": page.pk,
        "snapshot_a": first.pk,
        "snapshot_b": second.pk,
        "version_a": first.version_id,
        "version_b": second.version_id,
    }
    batch = 100_000
    with connection.cursor() as cursor:
        for start in range(existing + 1, rows + 1, batch):
            cursor.execute(INSERT_SQL, {**params, "start": start, "stop": min(start + batch - 1, rows)})
            print(f"  inserted records up to {min(start + batch - 1, rows)}", flush=True)
        for number, purpose in enumerate(purposes, start=1):
            cursor.execute(GRANTS_SQL, {"key": str(purpose.translation_key), "number": number})
        cursor.execute("ANALYZE")
    return ConsentRecord.objects.count()


def measure_listing(client, version_id):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    today = timezone.localdate()
    url = (
        f"/admin/consents/?version={version_id}"
        f"&submitted_at_after={today.replace(day=1).isoformat()}&submitted_at_before={today.isoformat()}"
    )
    client.get(url)
    timings = []
    for _ in range(15):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "consentrecord" in q["sql"]]
    return statistics.median(timings), len(counts)


def measure_export(client):
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.get("/admin/consents/?export=csv")
    rows = -1
    for chunk in response.streaming_content:
        rows += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    return rows, elapsed, growth_mb


def main(rows):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (this benchmark inserts a million rows).")
    setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from policy.models import PolicyVersion

    total = fill(rows)
    user, _ = get_user_model().objects.get_or_create(
        username="bench-officer", defaults={"is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    median, counts = measure_listing(client, PolicyVersion.objects.order_by("number").first().pk)
    exported, elapsed, growth = measure_export(client)
    print(f"{total} consent records")
    print(f"listing filtered by version and date: median {median * 1000:.0f} ms, COUNT(*) queries: {counts}")
    print(
        f"CSV export: {exported} rows in {elapsed:.1f} s = {exported / elapsed:,.0f} rows/s, "
        f"peak memory growth {growth:.0f} MB"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
