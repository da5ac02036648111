"""Faults under load: PostgreSQL connections terminated (twice), Redis stopped and started again, the SMTP
server unreachable and then back, while visitors keep sending consent forms to an app server and the
django-tasks worker sends their e-mails.

Expected: no 500 (a request that meets a fault gets the translated 503 "try again"), every accepted POST
has exactly one record and every refused one none, the forms work again by themselves once Redis is
back, and every record's receipt and staff notification are delivered exactly once after the SMTP
server returns. E-mail retries wait minutes (forms/tasks.py); the test moves the queued retries to
"now" instead of waiting, as time would.
"""

import re
import subprocess
import sys
import threading
import time
from collections import Counter

from bench.servers import ROOT, AppServer, stop_process
from tests.reliability.conftest import SECRET_KEY
from tests.reliability.site import Visitors, check_consents

LOAD_SECONDS = 34
TASKS = "django_tasks_database_dbtaskresult"
RECEIPT_ID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def start_worker(env, log):
    """`manage.py db_worker`, its warnings (each failed e-mail attempt) appended to `log`."""
    with open(log, "ab") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay", "-v0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=output,
        )


class Faults(threading.Thread):
    """The faults, at fixed seconds into the load; `log` says what happened when."""

    def __init__(self, database, redis, smtp):
        super().__init__(daemon=True)
        self.database, self.redis, self.smtp = database, redis, smtp
        self.log = []
        self.redis_back_at = None

    def note(self, started, what):
        self.log.append(f"{time.monotonic() - started:5.1f} s  {what}")

    def run(self):
        started = time.monotonic()
        plan = [
            (4, lambda: f"terminated {self.database.terminate_connections()} PostgreSQL connections"),
            (7, lambda: (self.smtp.stop(), "SMTP server stopped")[1]),
            (9, lambda: (self.redis.stop(), "Redis stopped")[1]),
            (17, lambda: (self.redis.start(), "Redis started again")[1]),
            (20, lambda: f"terminated {self.database.terminate_connections()} PostgreSQL connections"),
            (24, lambda: (self.smtp.start(), "SMTP server started again")[1]),
        ]
        for at, action in plan:
            time.sleep(max(0.0, at - (time.monotonic() - started)))
            self.note(started, action())
            if "Redis started" in self.log[-1]:
                self.redis_back_at = time.monotonic()


def deliver_the_queue(database, timeout=60):
    """Move the queued e-mail retries to now and wait until the worker has run every task."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        database.execute(  # retries wait minutes; "no delay" is stored as the largest date
            f"UPDATE {TASKS} SET run_after = now() "  # noqa: S608
            "WHERE status = 'READY' AND run_after > now() AND run_after < '9000-01-01'"
        )
        ((waiting,),) = database.rows(f"SELECT count(*) FROM {TASKS} WHERE status IN ('READY', 'RUNNING')")  # noqa: S608
        if waiting == 0:
            return
        time.sleep(1)
    stuck = database.rows(
        f"SELECT status, task_path, worker_ids, started_at, args_kwargs FROM {TASKS} "  # noqa: S608
        "WHERE status IN ('READY', 'RUNNING')"
    )
    raise AssertionError(f"{waiting} tasks still queued after {timeout} s: {stuck}")


def test_faults_lose_and_duplicate_nothing(site_database, site_env, redis, smtp, tmp_path):
    before = site_database.records()
    log = tmp_path / "worker.log"
    worker = start_worker(site_env, log)
    worker_restarts = 0
    try:
        with AppServer(site_env, workers=2) as server:
            visitors = Visitors([server.base], SECRET_KEY, paths=("/kk/contact/", "/en/contact/")).start()
            faults = Faults(site_database, redis, smtp)
            faults.start()
            started = time.monotonic()
            while time.monotonic() - started < LOAD_SECONDS:
                if worker.poll() is not None:  # as a process supervisor (systemd) would
                    worker_restarts += 1
                    worker = start_worker(site_env, log)
                time.sleep(0.5)
            visitors.stop()
            faults.join()
        if worker.poll() is not None:
            worker_restarts += 1
            worker = start_worker(site_env, log)
        deliver_the_queue(site_database)
    finally:
        stop_process(worker)

    counts = visitors.counts()
    print("\n" + "\n".join(faults.log))
    retried = log.read_text(errors="replace").count("retrying at")
    print(
        f"responses: {counts}; e-mail attempts failed and retried: {retried}; "
        f"worker restarts: {worker_restarts}"
    )
    statuses = Counter(counts["GET"]) + Counter(counts["POST"])
    assert statuses[500] == 0 and statuses[0] == 0, statuses
    assert set(statuses) <= {200, 302, 503}, statuses
    assert counts["POST"].get(503, 0) > 0, (
        "Redis was stopped for 8 s: rate-limited POSTs must have been refused"
    )

    records = {nonce: row for nonce, row in site_database.records().items() if nonce not in before}
    check_consents(visitors.outcomes, records, "faults")
    after_redis = [o for o in visitors.outcomes if o.at > faults.redis_back_at + 3 and o.post_status]
    assert after_redis and {o.post_status for o in after_redis} == {302}, "not back by itself after Redis"

    delivered = Counter()
    for mail in smtp.messages:
        kind = "receipt" if any(to.startswith("visitor-") for to in mail.recipients) else "staff"
        for receipt in set(RECEIPT_ID.findall(mail.text())):
            delivered[(kind, receipt)] += 1
    ours = {receipt for _pk, _snapshot, receipt in records.values()}
    print(f"e-mails received: {len(smtp.messages)} for {len(ours)} records")
    for kind in ("receipt", "staff"):
        assert {receipt: delivered[(kind, receipt)] for receipt in ours} == dict.fromkeys(ours, 1), kind
