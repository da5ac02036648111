"""Starting and stopping the servers a benchmark or a reliability test needs, on free loopback ports.

One module for `bench/*.py` and `tests/reliability`: gunicorn app servers with the production settings,
a Redis server of their own, an SMTP sink, and the CPU time of exactly the processes they started (from
/proc, so nothing else on the machine is counted). Everything binds 127.0.0.1 on a port the kernel
says is free, and every server is stopped by the `with` block (or `stop()`) that started it.

Nothing here imports Django: the app servers are separate processes.
"""

import atexit
import contextlib
import email
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"


def free_port():
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=30.0, process=None):
    """Wait until something accepts connections on `port` (or `process` ends: RuntimeError)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} ended with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout:.0f} s")


def wait_for_url(url, timeout=60.0, process=None, headers=None):
    """Wait until `url` answers 200 (or `process` ends: RuntimeError)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server ended with status {process.returncode} before {url} answered")
        try:
            request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback URL
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback URL
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError) as error:
            last = error
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f} s ({last})")


def stop_process(process, timeout=15.0):
    """SIGTERM, then SIGKILL after `timeout` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# CPU time of the processes a benchmark started


def _children(pid):
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            children += [int(child) for child in task.read_text().split()]
    return children


def process_tree(pid):
    """`pid` and all its descendants that are alive now."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def cpu_seconds(pids):
    """{pid: user + system CPU seconds so far} for the pids still alive."""
    tick = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / tick
    return seconds


class CpuMeter:
    """CPU seconds spent between `start()` and `stop()` by named groups of processes, each group given as
    a function returning its pids (called at both ends, so processes that appear meanwhile count from
    zero)."""

    def __init__(self, **groups):
        self.groups = groups
        self.before = {}

    def start(self):
        self.before = {name: cpu_seconds(pids()) for name, pids in self.groups.items()}

    def stop(self):
        used = {}
        for name, pids in self.groups.items():
            now = cpu_seconds(pids())
            before = self.before.get(name, {})
            used[name] = sum(seconds - before.get(pid, 0.0) for pid, seconds in now.items())
        return used


def postgres_backend_pids(database_url):
    """The pids of the PostgreSQL backends connected to the database of `database_url` (and not this
    query's own): the server processes that work for one benchmark's database."""
    import psycopg
    from dj_database_url import parse

    config = parse(database_url)
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname=config["NAME"]
    ) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [pid for (pid,) in rows]


def ensure_postgres_database(url):
    """Create the PostgreSQL database of `url` when it does not exist yet."""
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def terminate_postgres_backends(database_url, except_pids=()):
    """pg_terminate_backend every connection to the database of `database_url`; how many were ended."""
    import psycopg
    from dj_database_url import parse

    config = parse(database_url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> ALL(%s)",
            [config["NAME"], list(except_pids)],
        ).fetchall()
    return sum(1 for (ended,) in rows if ended)


# Redis


class RedisServer:
    """A redis-server of its own on a free port (no persistence), which can be stopped and started
    again on the same port."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @staticmethod
    def available():
        return shutil.which("redis-server") is not None

    @property
    def url(self):
        return f"redis://{LOOPBACK}:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", LOOPBACK),
                *("--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, timeout=10, process=self.process)
        return self

    def stop(self):
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def pids(self):
        return [self.process.pid] if self.process is not None else []

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# gunicorn with the production settings


_static_root = None


def static_root():
    """This process's own STATIC_ROOT (removed when it ends): collectstatic into the checkout's static/
    would race with whatever else runs from the same checkout."""
    global _static_root
    if _static_root is None:
        _static_root = tempfile.mkdtemp(prefix="edna-static-")
        atexit.register(shutil.rmtree, _static_root, ignore_errors=True)
    return _static_root


def production_env(database_url, redis_url, **extra):
    """The environment of an app server with cms.settings.production on loopback, behind one trusted
    proxy (the load generator sends X-Forwarded-Proto/For as nginx would)."""
    env = {
        "STATIC_ROOT": static_root(),
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-" + "x" * 40),
        "ERASURE_HMAC_KEY": os.environ.get("ERASURE_HMAC_KEY", "benchmark-only-erasure-key-" + "y" * 40),
        "ALLOWED_HOSTS": LOOPBACK,
        "SITE_BASE_URL": os.environ.get("SITE_BASE_URL", "https://edna.kz"),  # production's check needs one
        "TRUSTED_PROXY_COUNT": "1",
        "CONSENT_FORM_RATE": "1000000/m",  # one client address sends everything
        "PYTHONUNBUFFERED": "1",
    }
    env.update({name: str(value) for name, value in extra.items()})
    return env


def prepare_production(env):
    """migrate (the task queue's tables too) and collectstatic, as a deployment does."""
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


class AppServer:
    """gunicorn serving `app` (cms.wsgi by default, with cms/gunicorn.py) on a free loopback port."""

    def __init__(
        self, env, *, app="cms.wsgi", config="cms/gunicorn.py", workers=2, threads=None, worker_class=None,
        keepalive=None, port=None, cwd=ROOT, ready_path="/kk/", access_log=False, log=None,
        interpreter=(sys.executable,),
    ):  # fmt: skip
        self.env, self.app, self.config, self.cwd = env, app, config, cwd
        self.workers, self.threads, self.worker_class, self.keepalive = (
            workers,
            threads,
            worker_class,
            keepalive,
        )
        self.port = port or free_port()
        self.ready_path = ready_path
        self.access_log = access_log
        self.log = log
        self.interpreter = list(interpreter)
        self.process = None

    @property
    def base(self):
        return f"http://{LOOPBACK}:{self.port}"

    def command(self):
        command = [*self.interpreter, "-m", "gunicorn"]
        if self.config:
            command += ["-c", self.config]
        command += ["-b", f"{LOOPBACK}:{self.port}", "-w", str(self.workers), "--log-level", "warning"]
        if self.threads is not None:
            command += ["--threads", str(self.threads)]
        if self.worker_class is not None:
            command += ["-k", self.worker_class]
        if self.keepalive is not None:
            command += ["--keep-alive", str(self.keepalive)]
        if not self.access_log:
            command += ["--access-logfile", "/dev/null"]
        return [*command, self.app]

    def start(self):
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            self.command(), cwd=self.cwd, env=self.env, stdout=output, stderr=output if self.log else None
        )
        self._output = output
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.1"}
        wait_for_url(self.base + self.ready_path, timeout=90, process=self.process, headers=headers)
        return self

    def stop(self):
        if self.process is not None:
            # gunicorn stops gracefully on SIGTERM; its workers finish their requests
            stop_process(self.process, timeout=20)
            self.process = None
        if getattr(self, "_output", None) not in (None, subprocess.DEVNULL):
            self._output.close()

    def pids(self):
        return process_tree(self.process.pid) if self.process is not None else []

    def worker_pids(self, timeout=30.0):
        """The pids of gunicorn's workers, once all of them have started."""
        deadline = time.monotonic() + timeout
        while self.process is not None:
            workers = _children(self.process.pid)
            if len(workers) >= self.workers or time.monotonic() > deadline:
                return workers
            time.sleep(0.2)
        return []

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# SMTP


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to take messages (no extensions, no auth): what Django's SMTP backend sends."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode(errors="replace").strip().split(" ", 1)[0].upper()
            if verb in ("HELO", "EHLO"):
                self.reply("250 sink")
            elif verb == "DATA":
                self.reply("354 end with .")
                lines = []
                for data_line in iter(self.rfile.readline, b""):
                    if data_line in (b".\r\n", b".\n"):
                        break
                    lines.append(data_line)
                self.server.sink.received(recipients, b"".join(lines))
                recipients = []
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                if verb == "RCPT":
                    recipients.append(line.decode(errors="replace").split(":", 1)[-1].strip(" <>\r\n"))
                self.reply("250 ok")


class _ThreadingSmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class Mail(NamedTuple):
    recipients: list
    data: bytes

    def text(self):
        """The message's text, its transfer encoding undone."""
        message = email.message_from_bytes(self.data)
        part = next((part for part in message.walk() if part.get_content_type() == "text/plain"), message)
        payload = part.get_payload(decode=True) or b""
        return payload.decode(part.get_content_charset() or "utf-8", "replace")


class SmtpSink:
    """An SMTP server on a free port that keeps every message it receives (`messages`, each a Mail);
    stop() makes the port refuse connections (SMTP unreachable) until start() again."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []
        self._lock = threading.Lock()
        self._server = None

    def received(self, recipients, data):
        with self._lock:
            self.messages.append(Mail(recipients, data))

    def start(self):
        self._server = _ThreadingSmtpServer((LOOPBACK, self.port), _SmtpHandler)
        self._server.sink = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def interrupt_on_sigterm():
    """Turn SIGTERM into KeyboardInterrupt, so `with` blocks stop their servers when a benchmark is killed."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)
