"""Shared set-up of the benchmarks: a database of their own, migrated, with the demo content."""

import os
import sys
from pathlib import Path

from servers import ensure_postgres_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


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
