"""CSRF protection that lets a consent form be sent by a visitor who refuses cookies.

Django's CsrfViewMiddleware wants a cookie back with every POST: a visitor who blocks cookies could not
send any consent form. The form's signed token (`forms.tokens`) does not replace that check by itself:
it proves that this server rendered the form, not that the browser posting it is the one it was rendered
for, since anyone may fetch a form and its token and then have other people's browsers post it from
their own site (spreading a flood of submissions and receipt e-mails past the per-address rate limit).

The same holds for a consent's one-click withdrawal (`forms.withdrawal`), whose signed token is in its
path: a visitor who refuses cookies may withdraw as easily as they consented.

What stops that is knowing where the POST comes from, and browsers say so in headers that no page can
set or forge: `Sec-Fetch-Site` (all current browsers) and `Origin`. So a consent form POST - one that
carries a token signed by this site - is accepted without the cookie when the browser reports that it
comes from this site's own origin (`Sec-Fetch-Site: same-origin`, or, from a browser that does not send
that header, an `Origin` Django accepts). Every other POST, and a consent form POST whose browser says
nothing or names another site, goes through Django's own check, cookie and all; when that fails,
CSRF_FAILURE_VIEW explains why in the page's language (`home.views.csrf_failure`).

Nothing else changes: consent forms neither read nor set a session or log anyone in (no login CSRF),
the receipt they lead to shows no personal data, and a non-browser client could always send a form by
fetching its cookie first.

This middleware is also the first to read a POST's body, so it answers a body that cannot be read -
a form in a charset other than UTF-8 or an unknown one, a broken multipart body, more fields than
DATA_UPLOAD_MAX_NUMBER_FIELDS, a body over DATA_UPLOAD_MAX_MEMORY_SIZE - with the translated 400 page
(`home.views.bad_request`) before any view runs. Left to Django, the same error is raised again by
every later reader of `request.POST`, including the CSRF check that `requires_csrf_token` runs for
the 400 and 500 pages themselves, so the visitor got a 500.
"""

import logging
import re

from django.core import signing
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware

from forms.tokens import SALT
from home.views import bad_request

COOKIE_ONLY_PATHS = ("/admin/",)  # the staff's forms keep the cookie check


def carries_consent_token(request):
    """Whether the POST carries a consent form token signed by this site (expired or not: an old form
    should reach the form view, which asks to send it again, rather than be refused here)."""
    from forms.consent_flow import TOKEN_FIELD  # on use: loading the middleware needs no consent flow

    if request.path_info.startswith(COOKIE_ONLY_PATHS):
        return False
    try:
        value = request.POST.get(TOKEN_FIELD)
    except OSError:  # the body could not be read: let Django's check answer
        return False
    if not value:
        return False
    try:
        signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return False
    return True


WITHDRAWAL_PATH = re.compile(r"/withdraw/([\w-]+)/$")


def carries_withdrawal_token(request):
    """Whether the POST goes to a withdrawal page whose token (in the path) this site signed."""
    from forms.withdrawal import InvalidWithdrawalToken, read_withdrawal_token

    match = WITHDRAWAL_PATH.search(request.path_info)
    if match is None or request.path_info.startswith(COOKIE_ONLY_PATHS):
        return False
    try:
        read_withdrawal_token(match.group(1))
    except InvalidWithdrawalToken:
        return False
    return True


# ValueError: also a Content-Length that is not a number (gunicorn refuses one; another server may
# not) and a charset Python cannot even look up; UnicodeError is one too. OSError: the client went away.
UNREADABLE_BODY_ERRORS = (
    BadRequest,
    SuspiciousOperation,
    MultiPartParserError,
    ValueError,
    LookupError,
    OSError,
)


def unreadable_body(request):
    """The error reading a POST's form body raises, or None when it reads (or there is nothing to read).

    After an error the request's POST and FILES are left empty, so nothing that reads them later
    (a view, an error page's CSRF check) meets the same error again."""
    if request.method != "POST":
        return None
    try:
        request.POST  # noqa: B018 - parses the body (and the files) once, as the CSRF check would
    except UNREADABLE_BODY_ERRORS as error:
        request._mark_post_parse_error()
        return error
    return None


class ConsentFormCsrfViewMiddleware(CsrfViewMiddleware):
    def process_request(self, request):
        error = unreadable_body(request)
        if error is not None:
            if isinstance(error, SuspiciousOperation):  # logged as Django logs the ones it answers
                logging.getLogger(f"django.security.{type(error).__name__}").error(str(error))
            return bad_request(request, error)
        return super().process_request(request)

    def sent_from_this_origin(self, request):
        """What the browser says about where the request comes from: True only if it says this origin."""
        fetch_site = request.headers.get("Sec-Fetch-Site")
        if fetch_site is not None:
            return fetch_site == "same-origin"
        origin = request.headers.get("Origin")
        if origin and origin != "null":
            return self._origin_verified(request)
        return False

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method == "POST"
            and not getattr(request, "csrf_processing_done", False)
            and self.sent_from_this_origin(request)
            and (carries_consent_token(request) or carries_withdrawal_token(request))
        ):
            return self._accept(request)
        return super().process_view(request, callback, callback_args, callback_kwargs)
