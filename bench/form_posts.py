"""Benchmark: consent form POSTs through gunicorn (2 workers) on PostgreSQL, none lost.

Starts gunicorn with the production settings and cms/gunicorn.py (2 workers; GUNICORN_THREADS threads
each, 2 by default; access log on, as in production) on the benchmark database, opens N forms (GET,
untimed: each rendered form carries its own single-use token), then sends the N POSTs from 16
concurrent clients and reports submissions per second and the CPU time each process group spent per
submission. Afterwards it checks that the number of new consent records equals the number of
successful (302) responses. Target: 100/s, 0 lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/edna_bench .venv/bin/python bench/form_posts.py [N]
"""

import contextlib
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from common import ROOT, setup

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = re.compile(r'name="consent_token" value="([^"]+)"')
REQUIRED_CONSENT = re.compile(r'<input type="checkbox" name="(consent_\d+)"[^>]*required')


def start_gunicorn():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": os.environ.get("SITE_BASE_URL", "https://edna.kz"),  # production's check needs one
        "CONSENT_FORM_RATE": "1000000/m",  # one client IP sends everything here
    }
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):  # the task queue's tables too
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "-c", "cms/gunicorn.py", "cms.wsgi"),
            *("-b", f"127.0.0.1:{PORT}", "-w", "2", "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # the access log
    )
    import requests

    for _ in range(60):
        with contextlib.suppress(requests.RequestException):  # not listening yet
            if requests.get(f"{BASE}/en/contact/", timeout=10).status_code == 200:
                return server
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def cpu_seconds_by_process(since=None):
    """CPU seconds used so far by the app server, PostgreSQL, Redis and this client (from /proc), or,
    given an earlier reading, used since then: the machine runs all four, so they share its cores."""
    tick = os.sysconf("SC_CLK_TCK")
    readings = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as file:
                command = file.read().decode(errors="replace")
            with open(f"/proc/{pid}/stat") as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        group = next(
            (name for name in ("gunicorn", "postgres", "redis") if name in command),
            "client" if int(pid) == os.getpid() else None,
        )
        if group:
            readings[(group, pid)] = (int(fields[11]) + int(fields[12])) / tick
    if since is None:
        return readings
    used = {}
    for (group, pid), seconds in readings.items():
        used[group] = used.get(group, 0) + seconds - since.get((group, pid), 0)
    return used


def open_form(index):
    import requests

    session = requests.Session()
    html = session.get(f"{BASE}/en/contact/", timeout=10).text
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
    headers = {
        "Cookie": f"csrftoken={csrf}",
        "X-Forwarded-Proto": "https",
        "Origin": f"https://127.0.0.1:{PORT}",
        "Referer": f"https://127.0.0.1:{PORT}/en/contact/",
    }
    response = requests.post(
        f"{BASE}/en/contact/", data=data, headers=headers, allow_redirects=False, timeout=30
    )
    return response.status_code


def main(count):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    setup()
    from forms.models import ConsentRecord

    server = start_gunicorn()
    try:
        with ThreadPoolExecutor(16) as pool:
            prepared = list(pool.map(open_form, range(count)))
        before = ConsentRecord.objects.count()
        cpu_before = cpu_seconds_by_process()
        started = time.perf_counter()
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(post, prepared))
        elapsed = time.perf_counter() - started
        cpu_used = cpu_seconds_by_process(since=cpu_before)
    finally:
        server.terminate()
        server.wait()
    stored = ConsentRecord.objects.count() - before
    ok = statuses.count(302)
    rate = count / elapsed
    print(f"{count} POSTs in {elapsed:.1f} s = {rate:.0f} submissions/s; 302: {ok}, other: {count - ok}")
    print(f"new consent records: {stored}; lost: {ok - stored}")
    print(
        "CPU ms per submission: "
        + ", ".join(f"{group} {seconds * 1000 / count:.1f}" for group, seconds in sorted(cpu_used.items()))
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
