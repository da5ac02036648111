"""Local development: debug pages, console e-mail, SQLite unless DATABASE_URL says otherwise.

The cache lives in the development database (Django's database cache), so the server, `manage.py
shell` and management commands share it, as production's app servers share Redis: a publication made
in one process is seen by the others at once. It goes with the database when db.sqlite3 is deleted.
"""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "edna_cache"},
    # Whole pages stay in the server's memory; their generations live in the shared database cache, so a
    # publish from another process (shell, command) still forgets them (core/page_cache.py).
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "edna-pages"},
}
PAGE_CACHE_ALIAS = "pages"
