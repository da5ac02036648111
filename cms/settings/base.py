"""Settings shared by every environment.

Environment variables (all optional in development):
- DATABASE_URL   e.g. postgres://user@host:5432/name; defaults to the SQLite file db.sqlite3
- REDIS_URL      shared cache for production (several app servers)
- SECRET_KEY, ALLOWED_HOSTS (comma separated), WAGTAILADMIN_BASE_URL
- SITE_BASE_URL  the public site's canonical address, e.g. https://edna.kz (required in production)
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-7c1b6f0e")
DEBUG = False
ALLOWED_HOSTS = [host for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if host]

INSTALLED_APPS = [
    "core",
    "home",
    "policy",
    "forms",
    "cookies",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",  # production's queue (TASKS below picks the backend per environment)
    "django_ratelimit",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.unavailable.UnavailableMiddleware",  # a 503 "try again" when the database or Redis is away
    "core.page_cache.PageCacheMiddleware",  # anonymous public pages from the cache: a hit stops here
    "core.compression.PublicGZipMiddleware",  # gzip, only for responses that carry no secret (BREACH)
    "django.middleware.http.ConditionalGetMiddleware",  # ETag of every page; 304 on a match
    "csp.middleware.CSPMiddleware",
    "cookies.middleware.AnalyticsCspMiddleware",  # analytics hosts only where a counter id is set
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "forms.csrf.ConsentFormCsrfViewMiddleware",  # Django's, plus cookie-less consent forms
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.current_request.CurrentRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.CachedPageRouteMiddleware",  # Wagtail's page routing from the shared cache
    "policy.middleware.PolicyScheduleCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
# A refused form (no CSRF cookie, another site's form) gets a page in its language, with a way back.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "policy.context_processors.policy_notice",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Kazakh is the source language of the content and the default of the site.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Wagtail ships no Kazakh admin catalog: the admin speaks Russian or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]
WAGTAILADMIN_DEFAULT_LANGUAGE = "ru"
# The project's catalogs, then the few of Django's own strings it overrides (Kazakh month names in dates).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "core" / "formats" / "translations"]
FORMAT_MODULE_PATH = ["core.formats"]  # Kazakh date, time and number formats (Django ships none)
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Longest time a browser or CDN may keep a public page; shortened before a policy version takes effect.
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("PUBLIC_PAGE_MAX_AGE", "300"))
# Full-page cache of anonymous public pages (core/page_cache.py): PAGE_CACHE=off serves every page afresh
# (benchmarks of uncached pages). Pages are forgotten with every namespace below, and expire when the
# policy next changes by itself (a version taking effect, a banner ending).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() not in ("off", "0", "false", "no")
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_DEPENDS_ON = [
    "sites",
    "view-restrictions",
    "site-chrome",
    "policy-pages",
    "timeline",
    "snapshots",
    "company-details",
    "cookie-declarations",
    "analytics-settings",
]
PAGE_CACHE_NEXT_CHANGE = "policy.timeline.next_change_at"
# Pages of another release are never served: the deployed commit, say; by default a hash of the code.
PAGE_CACHE_RELEASE = os.environ.get("PAGE_CACHE_RELEASE", "")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (e-mail, retention) goes through django-tasks; the embedded default runs it at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Consent forms (forms app).
CONSENT_TOKEN_MAX_AGE = int(
    os.environ.get("CONSENT_TOKEN_MAX_AGE", str(4 * 3600))
)  # seconds a form stays valid
CONSENT_FORM_RATE = os.environ.get("CONSENT_FORM_RATE", "10/m")  # POSTs per IP per form
# Cookie choices the banner may log per IP address (cookies.views); a shared address (an office) makes many.
COOKIE_CHOICE_RATE = os.environ.get("COOKIE_CHOICE_RATE", "30/m")
# Key of the keyed hash (HMAC-SHA256) kept of an erased e-mail address, so a later request for the same
# address can be matched (forms/erasure.py). Production sets its own, long and random, and never changes
# it; `check --deploy` refuses the development key (forms/erasure_checks.py).
ERASURE_HMAC_KEY = os.environ.get("ERASURE_HMAC_KEY", "dev-only-erasure-key-5d0f2a9c")
# Working days the operator has to answer each kind of data-subject request (Law 94-V), counted by
# forms/working_days.py. To be confirmed by the client's lawyers before requests go live.
PRIVACY_REQUEST_WORKING_DAYS = {
    "information": 3,
    "correction": 1,
    "blocking": 1,
    "destruction": 1,
    "withdrawal": 1,
}
RATELIMIT_USE_CACHE = "default"
# A failing cache is reported to core.rate_limits, which refuses the form with a 503 (never unlimited).
RATELIMIT_FAIL_OPEN = True
# Proxies (load balancer, CDN) in front of the app: the visitor's address is taken from
# X-Forwarded-For accordingly (cms/proxies.py). 0 = visitors connect to the app directly.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "core.proxies.client_ip"
# Tests run one process with the local-memory cache; development shares a database cache between its
# processes and production shares Redis between its app servers (see docs/architecture.md, "Caches").
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# Uploaded CVs: outside MEDIA_ROOT and STATIC_ROOT, never served by the web server.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@edna.kz")

WAGTAIL_SITE_NAME = "edna.kz"
WAGTAIL_FINISH_WORKFLOW_ACTION = "policy.workflows.publish_approved_content"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public site's canonical address (scheme://host[:port], no path): every link that leaves the request
# (consent statements and their stored text, receipts, e-mails) is made from it (core/site_url.py), and
# `load_demo` gives the demo Site this host and port. `make run` passes the address it serves. With DEBUG
# off a system check refuses to start without a real address (core/site_url_checks.py).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]

LOGIN_URL = "wagtailadmin_login"

# Errors and warnings go to the console (gunicorn / the task worker collect them).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Content-Security-Policy of the public site: its own scripts, styles, images and fonts only, no inline
# script, no framing, forms posting only to itself. Wagtail's admin (inline scripts and styles, and
# page previews) is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
