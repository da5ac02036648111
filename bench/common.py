"""Shared set-up of the benchmarks: a database of their own, migrated, with the demo content."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


def ensure_postgres_database(url):
    """Create the benchmark's PostgreSQL database when it does not exist yet."""
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    admin = psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def setup(default_url="sqlite:////tmp/edna-bench.sqlite3"):
    """Point Django at DATABASE_URL (or `default_url`), migrate it and load the demo content."""
    os.environ.setdefault("DATABASE_URL", default_url)
    if os.environ["DATABASE_URL"].startswith("postgres"):
        ensure_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from demo.loader import load_demo

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the development settings' database cache
    load_demo(log=lambda message: None)
