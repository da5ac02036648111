"""Benchmark: the site's pages against what the platform can do, side by side in one run, with wrk.

Serves, one after the other on the same machine, each on a free loopback port:

- **bare**: a Django view returning the same bytes as /kk/privacy/, no middleware, no database
  (gunicorn, 2 sync workers): what Django and gunicorn can push;
- **wagtail**: the home page of a stock `wagtail start` project made in a temporary folder with the
  installed Wagtail (its production settings, SQLite, gunicorn 2 sync workers);
- **the site's pages**, uncached (PAGE_CACHE=off: every page rendered afresh) and cached (the full-page
  cache), with the production settings and cms/gunicorn.py, on PostgreSQL (a database the benchmark
  creates and fills with the demo content) and a Redis server of its own.

Each is measured with `wrk -t2 -c16` (keep-alive, as browsers and proxies connect) after a short warm-up,
three runs, and the medians of req/s, p50 and p99 are printed with the ratios to both baselines and the
app servers' CPU per request (only the processes this benchmark started, the PostgreSQL backends of its
database and its Redis; see bench/servers.py).

    make bench            # or: .venv/bin/python bench/pages.py [--duration 10] [--runs 3]
    .venv/bin/python bench/pages.py --workers   # compare gunicorn worker models on /kk/privacy/

DATABASE_URL may name the PostgreSQL database to use (default postgres://postgres@127.0.0.1:5432/
edna_bench_http). wrk comes from Debian's package (installed when missing and running as root).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import urllib.request
from pathlib import Path

from servers import (
    AppServer,
    CpuMeter,
    RedisServer,
    interrupt_on_sigterm,
    postgres_backend_pids,
    prepare_production,
    production_env,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/edna_bench_http"
PAGES = ["/kk/privacy/", "/kk/privacy/compare/1/2/", "/kk/privacy/versions/1/", "/kk/", "/kk/contact/"]
# As nginx in front would send them: production trusts one proxy, which terminated TLS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.1"}

BARE_VIEW = '''
"""A bare Django view: the same bytes as the page, no middleware, no database."""
import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False, SECRET_KEY="bare-view", ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], MIDDLEWARE=[]
)
BODY = Path(os.environ["BARE_BODY"]).read_bytes()


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("kk/privacy/", page)]
application = get_wsgi_application()
'''

STOCK_LOCAL_SETTINGS = """
SECRET_KEY = "stock-wagtail-benchmark"
ALLOWED_HOSTS = ["*"]
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing Debian's package", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        apt_get = shutil.which("apt-get")
        subprocess.run([apt_get, "update", "-qq"], check=False, env=env)
        subprocess.run([apt_get, "install", "-y", "-qq", "wrk"], check=False, env=env)
    if not shutil.which("wrk"):
        sys.exit("This benchmark needs wrk: apt-get install wrk (Debian/Ubuntu) or brew install wrk.")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, duration, headers, connections=16, threads=2):
    """One wrk run: {'rps', 'p50', 'p99' (ms), 'requests', 'errors' (non-2xx/3xx + socket errors)}."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if "99" not in latency:
        raise RuntimeError(f"wrk measured nothing:\n{output}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(latency["50"]),
        "p99": _milliseconds(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": errors,
    }


def measure(name, url, args, meter, headers=None):
    """Warm up, then `args.runs` wrk runs: the medians, and CPU ms per request of the meter's processes."""
    headers = headers or {}
    wrk(url, 2, headers)  # warm-up: caches, connections, lazy imports
    meter.start()
    runs = [wrk(url, args.duration, headers) for _ in range(args.runs)]
    cpu = meter.stop()
    requests = sum(run["requests"] for run in runs)
    result = {
        "name": name,
        "rps": statistics.median(run["rps"] for run in runs),
        "p50": statistics.median(run["p50"] for run in runs),
        "p99": statistics.median(run["p99"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
        "cpu": {group: seconds * 1000 / max(requests, 1) for group, seconds in cpu.items()},
        "all_rps": [run["rps"] for run in runs],
    }
    print(
        f"  {name}: {result['rps']:.0f} req/s (runs {', '.join(f'{r:.0f}' for r in result['all_rps'])}), "
        f"p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, errors {result['errors']}",
        flush=True,
    )
    return result


def fetch(url, headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback URL
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read()


def project_env(database_url, redis_url, page_cache):
    return production_env(database_url, redis_url, PAGE_CACHE="on" if page_cache else "off")


def run_project(args, database_url, redis, page_cache, pages, **server_options):
    """The measurements of `pages`, and the bytes of /kk/privacy/ as this server sends them."""
    mode = "cached" if page_cache else "uncached"
    env = project_env(database_url, redis.url, page_cache)
    results = []
    with AppServer(env, **server_options) as server:
        body = fetch(server.base + "/kk/privacy/", PROXY_HEADERS)
        meter = CpuMeter(
            app=server.pids, postgres=lambda: postgres_backend_pids(database_url), redis=redis.pids
        )
        for page in pages:
            results.append(measure(f"{page} ({mode})", server.base + page, args, meter, PROXY_HEADERS))
    return results, body


def run_bare(args, workdir, body):
    (workdir / "bareview.py").write_text(BARE_VIEW)
    (workdir / "body.html").write_bytes(body)
    env = {**os.environ, "BARE_BODY": str(workdir / "body.html"), "PYTHONPATH": str(workdir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    options = {"app": "bareview:application", "config": None, "workers": 2, "worker_class": "sync"}
    with AppServer(env, cwd=workdir, ready_path="/kk/privacy/", **options) as server:
        meter = CpuMeter(app=server.pids)
        return measure("bare Django view, same bytes", server.base + "/kk/privacy/", args, meter)


def run_stock_wagtail(args, workdir):
    project = workdir / "stock"
    project.mkdir()
    wagtail = Path(sys.executable).with_name("wagtail")
    subprocess.run([str(wagtail), "start", "stock", str(project)], check=True, stdout=subprocess.DEVNULL)
    (project / "stock" / "settings" / "local.py").write_text(STOCK_LOCAL_SETTINGS)
    # Without site-packages' .pth files (python -S): the editable install of this project would otherwise
    # lend the stock project's `home` app this project's modules (both are named `home`).
    site_packages = sysconfig.get_paths()["purelib"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stock.settings.production",
        "PYTHONPATH": f"{project}{os.pathsep}{site_packages}",
    }
    env.pop("DATABASE_URL", None)
    python = [sys.executable, "-S"]
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*python, "manage.py", *command], cwd=project, env=env, check=True)
    options = {
        "app": "stock.wsgi",
        "config": None,
        "workers": 2,
        "worker_class": "sync",
        "interpreter": python,
    }
    with AppServer(env, cwd=project, ready_path="/", **options) as server:
        meter = CpuMeter(app=server.pids)
        return measure("stock `wagtail start` home page", server.base + "/", args, meter)


def prepare_database(database_url):
    os.environ["DATABASE_URL"] = database_url
    sys.path.insert(0, str(ROOT / "bench"))
    from common import setup

    print("Preparing the database (migrate, demo content) …", flush=True)
    setup()
    ensure_two_versions()


def ensure_two_versions():
    """The demo has version 1 only; compare/1/2/ needs a second (an editorial change, published in Kazakh)."""
    from policy.models import PolicyVersion, PrivacyPolicyPage

    source = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    if PolicyVersion.objects.filter(policy_key=source.translation_key).count() >= 2:
        return
    page = source.get_latest_revision_as_object()
    page.intro = f"{page.intro} [2]"
    page.version_summary = "Бенчмарк: редакциялық түзету"
    page.version_is_material = False
    page.save_revision().publish()


def report(bare, stock, pages):
    print()
    print(f"wrk -t2 -c16, medians of the runs; machine: {os.cpu_count()} cores")
    header = (
        f"{'what':<44} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x bare':>7} {'x stock':>8} "
        f"{'app CPU ms/req':>15}"
    )
    print(header)
    print("-" * len(header))
    for result in [bare, stock, *pages]:
        cpu = result["cpu"].get("app", 0.0)
        print(
            f"{result['name'][:44]:<44} {result['rps']:>8.0f} {result['p50']:>8.1f} {result['p99']:>8.1f} "
            f"{result['rps'] / bare['rps']:>6.1%} {result['rps'] / stock['rps']:>8.2f} {cpu:>15.1f}"
        )
    errors = sum(result["errors"] for result in [bare, stock, *pages])
    print(f"non-2xx/3xx responses and socket errors: {errors}")


WORKER_MODELS = [
    (
        "gthread 2 workers x 2 threads, keep-alive 2 s",
        {"worker_class": "gthread", "threads": 2, "keepalive": 2},
    ),
    (
        "gthread 2 workers x 2 threads, keep-alive off",
        {"worker_class": "gthread", "threads": 2, "keepalive": 0},
    ),
    (
        "gthread 2 workers x 4 threads, keep-alive 2 s",
        {"worker_class": "gthread", "threads": 4, "keepalive": 2},
    ),
    ("sync 2 workers", {"worker_class": "sync"}),
    ("sync 3 workers", {"worker_class": "sync", "workers": 3}),
]


def compare_workers(args, database_url, redis):
    """/kk/privacy/ uncached and cached under each worker model, with how the CPU was shared between the
    workers (all of it on one worker = keep-alive connections piled onto it)."""
    print("\nWorker models, /kk/privacy/ (wrk -t2 -c16 keep-alive):")
    for label, options in WORKER_MODELS:
        options = {"workers": 2, **options}
        for page_cache in (False, True):
            env = project_env(database_url, redis.url, page_cache)
            with AppServer(env, **options) as server:
                workers = server.worker_pids()
                meter = CpuMeter(**{f"worker {pid}": (lambda pid=pid: [pid]) for pid in workers})
                mode = "cached" if page_cache else "uncached"
                result = measure(
                    f"{label} ({mode})", server.base + "/kk/privacy/", args, meter, PROXY_HEADERS
                )
                shares = sorted(result["cpu"].values(), reverse=True)
                total = sum(shares) or 1
                print(
                    f"    CPU share of the busiest worker: {shares[0] / total:.0%} of {len(shares)} workers"
                )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per target (default 3)")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="the site's paths to measure")
    parser.add_argument("--workers", action="store_true", help="compare gunicorn worker models instead")
    args = parser.parse_args()
    interrupt_on_sigterm()
    ensure_wrk()
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    if not database_url.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL database (production's).")
    prepare_database(database_url)

    with RedisServer() as redis, tempfile.TemporaryDirectory(prefix="edna-bench-") as workdir:
        prepare_production(project_env(database_url, redis.url, page_cache=True))
        if args.workers:
            compare_workers(args, database_url, redis)
            return
        print("The site, uncached:", flush=True)
        uncached, body = run_project(args, database_url, redis, False, args.pages)
        print("The site, cached:", flush=True)
        cached, _body = run_project(args, database_url, redis, True, args.pages)
        print("Baselines:", flush=True)
        bare = run_bare(args, Path(workdir), body)
        stock = run_stock_wagtail(args, Path(workdir))
    pages = [result for pair in zip(uncached, cached, strict=True) for result in pair]
    report(bare, stock, pages)


if __name__ == "__main__":
    main()
