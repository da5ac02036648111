"""Benchmark: consent form POSTs through gunicorn (2 workers) on PostgreSQL, none lost.

Starts a Redis server of its own and gunicorn with the production settings and cms/gunicorn.py
(2 workers of GUNICORN_WORKER_CLASS, sync by default; access log on, as in production), both on free
loopback ports (bench/servers.py), on the benchmark database. Opens N forms (GET, untimed: each
rendered form carries its own single-use token), then sends the N POSTs from 16 concurrent clients and
reports submissions per second and the CPU time each process group spent per submission, counting only
the processes this benchmark started (gunicorn and its workers, its Redis), the PostgreSQL backends
connected to its database, and itself. Afterwards it checks that the number of new consent records
equals the number of successful (302) responses. Target: 100/s, 0 lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/edna_bench .venv/bin/python bench/form_posts.py [N]
"""

import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from common import setup
from servers import (
    AppServer,
    CpuMeter,
    RedisServer,
    postgres_backend_pids,
    prepare_production,
    production_env,
)

TOKEN = re.compile(r'name="consent_token" value="([^"]+)"')
REQUIRED_CONSENT = re.compile(r'<input type="checkbox" name="(consent_\d+)"[^>]*required')
# As nginx in front would send them (production trusts one proxy: TRUSTED_PROXY_COUNT=1).
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.1"}
BASE = None  # the app server's address, set by main()


def open_form(index):
    import requests

    session = requests.Session()
    html = session.get(f"{BASE}/en/contact/", headers=PROXY_HEADERS, timeout=10).text
    csrf = session.cookies["csrftoken"]
    return csrf, {
        **dict.fromkeys(REQUIRED_CONSENT.findall(html), "on"),
        "csrfmiddlewaretoken": csrf,
        "consent_token": TOKEN.search(html).group(1),
        "full_name": f"Visitor {index}",
        "email": f"visitor{index}@example.kz",
        "phone": "+77011234567",
        "company": "edna",
        "country": "KZ",
        "message": "Benchmark",
    }


def post(prepared):
    """POST as a browser behind the TLS-terminating load balancer would (production sets secure cookies)."""
    import requests

    csrf, data = prepared
    host = BASE.removeprefix("http://")
    headers = {
        **PROXY_HEADERS,
        "Cookie": f"csrftoken={csrf}",
        "Origin": f"https://{host}",
        "Referer": f"https://{host}/en/contact/",
    }
    response = requests.post(
        f"{BASE}/en/contact/", data=data, headers=headers, allow_redirects=False, timeout=30
    )
    return response.status_code


def main(count):
    global BASE
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    setup()
    from forms.models import ConsentRecord

    with RedisServer() as redis:
        env = production_env(database_url, redis.url)  # GUNICORN_* from this environment
        prepare_production(env)
        with AppServer(env, workers=2, ready_path="/en/contact/", access_log=True) as server:
            BASE = server.base
            with ThreadPoolExecutor(16) as pool:
                prepared = list(pool.map(open_form, range(count)))
            before = ConsentRecord.objects.count()
            meter = CpuMeter(
                gunicorn=server.pids,
                postgres=lambda: postgres_backend_pids(database_url),
                redis=redis.pids,
                client=lambda: [os.getpid()],
            )
            meter.start()
            started = time.perf_counter()
            with ThreadPoolExecutor(16) as pool:
                statuses = list(pool.map(post, prepared))
            elapsed = time.perf_counter() - started
            cpu_used = meter.stop()
    stored = ConsentRecord.objects.count() - before
    ok = statuses.count(302)
    rate = count / elapsed
    print(f"{count} POSTs in {elapsed:.1f} s = {rate:.0f} submissions/s; 302: {ok}, other: {count - ok}")
    print(f"new consent records: {stored}; lost: {ok - stored}")
    print(
        "CPU ms per submission (only this benchmark's processes): "
        + ", ".join(f"{group} {seconds * 1000 / count:.1f}" for group, seconds in sorted(cpu_used.items()))
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
