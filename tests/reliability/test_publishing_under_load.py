"""30 s of concurrent consent POSTs while a new version of the policy is published every 5 s: each
accepted POST has exactly one record, each record references the version its form showed, no 5xx."""

import subprocess
import sys
import time

from bench.servers import ROOT, AppServer, stop_process
from tests.reliability.conftest import SECRET_KEY
from tests.reliability.site import Visitors, check_consents

LOAD_SECONDS = 30
PUBLISH_EVERY = 5


def test_forms_keep_their_version_while_versions_are_published(site_database, site_env):
    before = site_database.records()
    with AppServer(site_env, workers=2) as server:
        publisher = subprocess.Popen(
            [sys.executable, "tests/reliability/publish_versions.py", str(PUBLISH_EVERY), "6"],
            cwd=ROOT,
            env=site_env,
            stdout=subprocess.PIPE,
            text=True,
        )
        visitors = Visitors([server.base], SECRET_KEY, count=8).start()
        try:
            time.sleep(LOAD_SECONDS)
        finally:
            visitors.stop()
            try:
                published, _ = publisher.communicate(timeout=60)
            finally:
                stop_process(publisher)
    assert publisher.returncode == 0
    published = published.split()
    counts = visitors.counts()
    print(f"\nversions published: {published.count('version')}; responses: {counts}")
    assert published.count("version") >= 5
    assert not [status for status in counts["GET"] if status != 200]
    assert not [status for status in counts["POST"] if status >= 500 or status == 0]
    records = {nonce: row for nonce, row in site_database.records().items() if nonce not in before}
    check_consents(visitors.outcomes, records, "publishing under load")
    assert set(counts["POST"]) == {302}
    shown = {outcome.snapshot_id for outcome in visitors.outcomes}
    assert len(shown) >= 3, "the forms should have shown several versions"
