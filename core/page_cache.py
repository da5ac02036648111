"""Whole public pages for anonymous visitors, kept in the shared cache and forgotten like every other entry.

Anonymous GETs of the public pages (home, policy, history, versions and their JSON, compare, notices and
their feed) are the same for every visitor, so a page is rendered once and then served from the cache,
with no SQL query and none of the middleware below this one (no session, Site, locale or user lookup).

What is stored is exactly what the CDN may keep: a GET answered 200 and marked `Cache-Control: public`
(by `policy.middleware.PolicyScheduleCacheMiddleware`, which marks only anonymous responses that set no
cookie and used no CSRF token), varying on nothing but Accept-Encoding, for a request that carries no
session or messages cookie and no query string other than `?edition=N`. Form pages, receipts and the
requests page say `private, no-store`, a preview or a logged-in user carries a session, errors are not
200: none of them is ever stored.

The pattern is `core.caching`'s: an entry is stamped with the generations, read *before* the page was
rendered, of this namespace ("pages") and of every namespace a page is built from
(PAGE_CACHE_DEPENDS_ON: sites, view restrictions, policy pages, timeline, snapshots, company details,
site chrome). Forgetting any of them, when its transaction commits, forgets every page: a publish,
unpublish, move or delete of any page, a new policy version or snapshot, the company details saved.
An entry lives until the next moment the pages change by themselves (PAGE_CACHE_NEXT_CHANGE: a version
taking effect, a banner ending) and `core.caching.LIFETIME` at most; its key includes a token of the
code, templates and translations served (`release_token`), so a deploy starts afresh.

A hit answers conditional requests itself (304 on a matching ETag or Last-Modified) and tells the CDN
the same max-age as a fresh render would, never past the next scheduled change. `PAGE_CACHE=off` in the
environment turns the cache off (benchmarks of uncached pages); responses say `X-Page-Cache: hit` or
`miss` when the cache was asked.
"""

import hashlib
import math
import re
import time
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe
from django.utils.module_loading import import_string

from core.caching import KEY_PREFIX, LIFETIME, SharedCache

pages = SharedCache("pages", "whole public pages served to anonymous visitors (core/page_cache.py)")

STATUS_HEADER = "X-Page-Cache"
CACHEABLE_QUERY = re.compile(r"^(?:edition=[0-9]{1,4})?$")
UNCACHED_AREAS = ("/admin/", "/documents/", "/static/", "/media/")
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}


class Entry(NamedTuple):
    stamp: tuple  # the generations of "pages" and of every namespace it depends on, as read before rendering
    headers: tuple  # (name, value) pairs, as the response left the middleware below
    content: bytes
    expires_at: float | None  # POSIX time of the next scheduled change (None: no change ahead)


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def _namespaces():
    names = ["pages", *getattr(settings, "PAGE_CACHE_DEPENDS_ON", ())]
    try:
        return [SharedCache.registry[name] for name in names]
    except KeyError as error:
        raise ImproperlyConfigured(
            f"PAGE_CACHE_DEPENDS_ON names an unknown cache namespace: {error}"
        ) from None


def _store():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


_release = None


def release_token():
    """A hash of what renders the pages (Python code, templates, compiled translations, the static
    files' manifest), or PAGE_CACHE_RELEASE when set: pages of another release are never served."""
    global _release
    if _release is None:
        configured = getattr(settings, "PAGE_CACHE_RELEASE", "")
        _release = configured or _hash_release_files()
    return _release


RELEASE_FILES = ("*.py", "*.html", "*.mo")


def _hash_release_files():
    """The Python code, templates and compiled translations of the project's apps and of the folders
    named in TEMPLATES and LOCALE_PATHS, the settings' package, and the static files' manifest (once a
    process)."""
    from django.apps import apps

    base = Path(settings.BASE_DIR).resolve()
    folders = {Path(config.path).resolve() for config in apps.get_app_configs()}
    folders = {folder for folder in folders if folder.is_relative_to(base) and ".venv" not in folder.parts}
    folders |= {
        Path(folder).resolve() for template in settings.TEMPLATES for folder in template.get("DIRS", [])
    }
    folders |= {Path(folder).resolve() for folder in settings.LOCALE_PATHS}
    folders.add(
        Path(import_module(settings.ROOT_URLCONF.split(".")[0]).__file__).resolve().parent
    )  # settings
    paths = {path for folder in folders for pattern in RELEASE_FILES for path in folder.rglob(pattern)}
    digest = hashlib.sha256()
    for path in [*sorted(paths), Path(settings.STATIC_ROOT) / "staticfiles.json"]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_key(request):
    """The entry key of the request's page: scheme, host, path, query, and gzip or not."""
    variant = "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(f"{release_token()}|{variant}|{address}".encode()).hexdigest()[:40]
    return f"{KEY_PREFIX}:pages:entry:{digest}"


def eligible(request):
    """Whether the request may be answered from the cache: an anonymous GET (or HEAD) of a public page."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(UNCACHED_AREAS)
        and CACHEABLE_QUERY.match(request.META.get("QUERY_STRING", "")) is not None
    )


def storable(request, response):
    """Whether the response is the same for every anonymous visitor and may be kept (see the docstring)."""
    if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {
        part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if "public" not in directives or directives & REFUSING_DIRECTIVES:
        return False
    varies = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return (
        varies <= {"accept-encoding"}
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
    )


def lookup(key):
    """(entry or None, stamp): the current entry under `key`, and the generations to stamp a new one
    with (None when nothing may be stored: inside a transaction that changed a namespace, or the cache
    is unreachable)."""
    namespaces = _namespaces()
    if any(namespace._changed_in_open_transaction() for namespace in namespaces):
        return None, None
    generation_keys = [namespace.generation_key for namespace in namespaces]
    store = _store()
    if store is caches["default"]:
        found = store.get_many([*generation_keys, key])
    else:
        found = {**caches["default"].get_many(generation_keys), key: store.get(key)}
    stamp = tuple(
        found.get(generation_key) or namespace._start_generation()
        for generation_key, namespace in zip(generation_keys, namespaces, strict=True)
    )
    if None in stamp:
        return None, None
    entry = found.get(key)
    if (
        isinstance(entry, Entry)
        and entry.stamp == stamp
        and (entry.expires_at is None or time.time() < entry.expires_at)
    ):
        return entry, stamp
    return None, stamp


def next_change():
    """The next moment the pages change by themselves, as POSIX time (None when nothing is scheduled)."""
    path = getattr(settings, "PAGE_CACHE_NEXT_CHANGE", "")
    if not path:
        return None
    moment = import_string(path)(datetime.fromtimestamp(time.time(), tz=UTC))
    return moment.timestamp() if moment is not None else None


def save(key, stamp, response):
    expires_at = next_change()
    lifetime = LIFETIME if expires_at is None else min(LIFETIME, math.floor(expires_at - time.time()))
    if lifetime <= 0:
        return
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() != STATUS_HEADER.lower()
    )
    _store().set(key, Entry(stamp, headers, response.content, expires_at), lifetime)


def cached_response(request, entry):
    """The stored page (no body for HEAD), with the CDN's max-age counted to the next change, or a 304/412
    when the request's preconditions say so."""
    response = HttpResponse(b"" if request.method == "HEAD" else entry.content, headers=dict(entry.headers))
    if entry.expires_at is not None:
        patch_cache_control(response, max_age=max(0, math.floor(entry.expires_at - time.time())))
    last_modified = response.get("Last-Modified")
    response = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )
    response[STATUS_HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the shared cache (see the module's docstring).

    Placed high in MIDDLEWARE (below the security headers, above compression, sessions, locale and Site):
    a hit skips everything below it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not eligible(request):
            return self.get_response(request)
        key = page_key(request)
        entry, stamp = lookup(key)
        if entry is not None:
            return cached_response(request, entry)
        response = self.get_response(request)
        if stamp is not None and storable(request, response):
            save(key, stamp, response)
            response[STATUS_HEADER] = "miss"
        return response
