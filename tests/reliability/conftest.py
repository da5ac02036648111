"""The reliability suite: the site as it runs in production (gunicorn with cms/gunicorn.py and the production
settings, PostgreSQL, a Redis server and an SMTP sink of its own, the django-tasks worker) on loopback
ports, under load and faults. Each test is bounded in time and stops what it started.

It runs on PostgreSQL only (DATABASE_URL), in a database of its own named after that one with
"_reliability" appended, made afresh (migrated, demo content) once per session and dropped at the end.
`.ci/run` runs it; locally: DATABASE_URL=postgres://… .venv/bin/python -m pytest -m reliability
tests/reliability -s
"""

import os
import subprocess
import sys

import pytest
from dj_database_url import parse
from django.db import connection

from bench.servers import ROOT, RedisServer, SmtpSink, prepare_production, production_env
from tests.reliability.site import SiteDatabase

SECRET_KEY = "reliability-suite-secret-key-" + "k" * 40
SUPERUSER = {"username": "reliability-admin", "password": "reliability-password-7f3a"}


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    skip = None
    if connection.vendor != "postgresql":
        skip = pytest.mark.skip(reason="the reliability suite runs on PostgreSQL (set DATABASE_URL)")
    elif not RedisServer.available():
        skip = pytest.mark.skip(reason="the reliability suite needs redis-server")
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.reliability)
            if skip:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def site_database():
    """The site's own database: created, migrated and filled with the demo content; dropped afterwards."""
    url = os.environ["DATABASE_URL"]
    name = f"{parse(url)['NAME']}_reliability"
    url = url.rsplit("/", 1)[0] + "/" + name
    database = SiteDatabase(url)
    with database.connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    with RedisServer() as redis_server:
        env = production_env(url, redis_server.url, SECRET_KEY=SECRET_KEY)
        prepare_production(env)
        for command in (["load_demo"], ["ensure_superuser"]):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env={
                    **env,
                    "DJANGO_SUPERUSER_USERNAME": SUPERUSER["username"],
                    "DJANGO_SUPERUSER_PASSWORD": SUPERUSER["password"],
                    "DJANGO_SUPERUSER_EMAIL": "admin@example.kz",
                },
                check=True,
                stdout=subprocess.DEVNULL,
            )
    yield database
    with database.connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis():
    with RedisServer() as server:
        yield server


@pytest.fixture
def smtp():
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def site_env(site_database, redis, smtp):
    """The environment of an app server (or worker) of this site."""
    return production_env(
        site_database.url,
        redis.url,
        SECRET_KEY=SECRET_KEY,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp.port,
        DB_CONN_MAX_AGE=60,
    )
