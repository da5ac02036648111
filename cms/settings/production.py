"""Production: PostgreSQL (DATABASE_URL), Redis cache (REDIS_URL), whitenoise, SMTP, a django-tasks worker.

Several app servers share PostgreSQL and Redis behind a load balancer or CDN.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

if os.environ.get("SECRET_KEY") in (None, ""):
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")

# Keep database connections between requests (a new one per request costs more than the request's
# queries), checked before reuse so a restarted PostgreSQL costs one retry, not an error page.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# HTTPS. TLS usually ends at the proxy in front (nginx, the load balancer, the CDN), which says so in
# X-Forwarded-Proto: that header is believed only when TRUSTED_PROXY_COUNT says proxies are there (a
# visitor reaching the app directly could send it). Django redirects http to https and sends HSTS
# (one year, subdomains, preload list: the check --deploy defaults) unless told otherwise; when the proxy
# does both itself, set TLS_PROXY_ENFORCES_HTTPS=true and Django leaves them to it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT > 0 else None  # noqa: F405
if os.environ.get("TLS_PROXY_ENFORCES_HTTPS", "") == "true":
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W004", "security.W008"]  # noqa: F405
else:
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true") == "true"
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true") == "true"
    SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true") == "true"
# Django's security.W003 looks for CsrfViewMiddleware by its dotted path; the site runs a subclass of it
# (forms.csrf), and core/deploy_checks.py checks that a CsrfViewMiddleware (or subclass) is installed.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W003"]  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# Redis errors are cache misses (core/resilient_cache.py): with Redis away the pages are served from
# PostgreSQL and rate-limited forms answer 503 "try again in a minute"; short timeouts so a Redis that
# does not answer at all is given up on quickly (and then left alone for a few seconds).
CACHES = {
    "default": {
        "BACKEND": "core.resilient_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "edna",
        "OPTIONS": {
            "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
            "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "1")),
        },
    }
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Where `collectstatic` puts the static files (and whitenoise serves them from): the checkout's static/
# unless STATIC_ROOT says otherwise (a release's own folder; the benchmarks' and tests' temporary one).
STATIC_ROOT = os.environ.get("STATIC_ROOT") or STATIC_ROOT  # noqa: F405

# whitenoise serves the collected static files right after the security headers are set.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

# Background work runs in `manage.py db_worker` processes, queued in PostgreSQL.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "true"

# The CDN in front of the app servers forgets published pages at once (Wagtail's frontend cache):
# Cloudflare when CLOUDFLARE_ZONEID and CLOUDFLARE_BEARER_TOKEN are set, and/or an HTTP cache (Varnish,
# nginx) that takes PURGE requests at FRONTEND_CACHE_PURGE_URL. Without either, pages still expire by
# their max-age (PUBLIC_PAGE_MAX_AGE, never past the policy's next effective-from).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CLOUDFLARE_ZONEID") and os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
