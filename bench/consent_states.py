"""Benchmark: /admin/consents/ filtered by a purpose's current state over 1,000,000 consent records
(PostgreSQL), and the CSV export with the current states.

Fills the database as `bench/consent_admin.py` does (two purposes consented on every record), then
appends events with set-based SQL: purpose 1 withdrawn on 1 % of the records, purpose 2 expired on 2 %,
and purpose 1 withdrawn then given again on 0.5 %. Measures the first page of the listing for each
filter (median of 7 requests; the number of queries and that none is a COUNT(*)), and the CSV export of
every row (rows/s).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/edna_bench .venv/bin/python bench/consent_states.py [rows]
"""

import os
import statistics
import sys
import time

from common import setup
from consent_admin import fill, measure_export

EVENTS_SQL = """
INSERT INTO consent_forms_consentevent (record_id, purpose_key, purpose_number, state, occurred_at, channel)
SELECT g.record_id, g.purpose_key, g.purpose_number, %(state)s, now() - %(ago)s::interval, 'staff'
FROM consent_forms_consentgrant g
WHERE g.purpose_number = %(number)s AND g.record_id %% %(every)s = %(remainder)s
"""
EVENT_PLAN = [  # (purpose number, state, every n-th record, remainder, how long ago)
    (1, "withdrawn", 100, 0, "2 days"),
    (2, "expired", 50, 1, "1 day"),
    (1, "withdrawn", 200, 3, "2 days"),
    (1, "given", 200, 3, "1 day"),
]


def let_set_based_inserts_omit_new_columns():
    """bench/consent_admin.py's INSERT names the submission's columns of its day; columns added since
    with a Python-side default (the erasure's keyed hash) get a database default in this benchmark's
    database, so its fill still works."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE consent_forms_consentsubmission ALTER COLUMN email_hmac SET DEFAULT ''")


def add_events():
    from django.db import connection

    from forms.models.records import ConsentEvent

    if ConsentEvent.objects.exists():
        return ConsentEvent.objects.count()
    with connection.cursor() as cursor:
        for number, state, every, remainder, ago in EVENT_PLAN:
            cursor.execute(
                EVENTS_SQL,
                {"number": number, "state": state, "every": every, "remainder": remainder, "ago": ago},
            )
        cursor.execute("ANALYZE")
    return ConsentEvent.objects.count()


def measure(client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/admin/consents/?{query}"
    client.get(url)
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "consentrecord" in q["sql"]]
    return statistics.median(timings), len(queries), len(counts)


def main(rows):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (this benchmark inserts a million rows).")
    setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from forms.purposes import purpose_choices

    let_set_based_inserts_omit_new_columns()
    total = fill(rows)
    events = add_events()
    first, second = (key for key, _label in purpose_choices()[:2])
    user, _ = get_user_model().objects.get_or_create(
        username="bench-officer", defaults={"is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    print(f"{total} consent records, {events} consent events")
    for label, query in [
        ("no filter", ""),
        ("purpose 1 currently withdrawn", f"purpose={first}&state=withdrawn"),
        ("purpose 2 currently expired", f"purpose={second}&state=expired"),
        ("purpose 1 currently given", f"purpose={first}&state=given"),
        ("any purpose currently withdrawn", "state=withdrawn"),
        ("any purpose currently refused (none is)", "state=refused"),
    ]:
        median, queries, counts = measure(client, query)
        print(f"{label:42} median {median * 1000:6.0f} ms, {queries} queries, COUNT(*) queries: {counts}")
    exported, elapsed, growth = measure_export(client)
    print(
        f"CSV export with current states: {exported} rows in {elapsed:.1f} s = "
        f"{exported / elapsed:,.0f} rows/s, peak memory growth {growth:.0f} MB"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
