"""A translated 503 "please try again in a minute" when a service the request needs is away.

Two things can be briefly unavailable to a request while the site itself runs: the database connection
(PostgreSQL restarted, the connection cut mid-request: `OperationalError`/`InterfaceError`) and the
rate limit's counters (Redis unreachable: `core.rate_limits.RateLimitUnavailable`). Neither is a bug of
the page, and a 500 "server error" would tell the visitor nothing useful. Instead they get a 503 page in
the language of the address, with `Retry-After`, saying that nothing was kept and to try again.

Nothing half-stored: every write of a form happens in one transaction, which PostgreSQL rolls back when
its connection dies, and the rate limit is checked before anything is written. The next request gets a
working connection: Django closes a connection that had errors when the request ends, and in production
CONN_HEALTH_CHECKS replaces an idle connection that died between requests before it is used.

`UnavailableMiddleware` answers such an exception raised by a view (or while its template renders);
`server_error` (the URLconf's handler500) answers the same exceptions raised anywhere else, e.g. in a
middleware, and gives Django's 500 page for everything else. The page is rendered without the request's
context processors, the database or the cache.
"""

import contextlib
import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from core.rate_limits import RateLimitUnavailable

logger = logging.getLogger(__name__)

UNAVAILABLE = (OperationalError, InterfaceError, RateLimitUnavailable)
RETRY_AFTER_SECONDS = 60


def _language(request):
    """The language of the address (/kk/, /ru/, /en/), else the active one, else the site's default."""
    known = {code for code, _name in settings.LANGUAGES}
    for candidate in (translation.get_language_from_path(request.path_info), translation.get_language()):
        if candidate in known:
            return candidate
    return settings.LANGUAGE_CODE


def _stylesheet():
    with contextlib.suppress(Exception):  # e.g. a missing manifest entry: the page goes without style
        return static("css/site.css")
    return None


def unavailable_response(request, error):
    """The 503 page for `error`, one of UNAVAILABLE."""
    language = _language(request)
    with translation.override(language):
        html = render_to_string(
            "core/unavailable.html",
            {
                "language": language,
                "form_refused": isinstance(error, RateLimitUnavailable),
                "sent_data": request.method not in ("GET", "HEAD", "OPTIONS"),
                "home_url": f"/{language}/",
                "stylesheet": _stylesheet(),
            },
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _log(request, error):
    logger.warning(
        "503 for %s %s: %s: %s",
        request.method,
        request.path,
        type(error).__name__,
        str(error).strip(),
        exc_info=True,
    )


class UnavailableMiddleware:
    """Answer a view's UNAVAILABLE exception with the 503 page (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        if not isinstance(exception, RateLimitUnavailable):  # the cache's outage is logged once, there
            _log(request, exception)
        return unavailable_response(request, exception)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page for UNAVAILABLE exceptions raised outside a view, else Django's 500."""
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE):
        return unavailable_response(request, error)
    return defaults.server_error(request, template_name)
