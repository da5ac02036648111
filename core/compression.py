"""gzip for public pages only: never a response that may carry a secret (BREACH).

BREACH reads a secret out of a compressed response whose length an attacker can watch while reflecting
their own guesses into the same page. A page that anyone may cache (`Cache-Control: public`, set only for
anonymous responses that used no CSRF token and set no cookie) holds no secret, so it is compressed;
everything else goes out as it is: form pages and the privacy requests page (CSRF tokens, consent
tokens: `private, no-store`), anything for a visitor with a session (staff), the admin.

Django's own GZipMiddleware does the compressing (it also pads each response with random bytes and
weakens a strong ETag, as RFC 9110 asks of a changed representation).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re


def _is_public(response):
    directives = {
        part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return "public" in directives and not directives & {"private", "no-store"}


def may_carry_secret(request, response):
    return (
        not _is_public(response)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    )


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for responses that carry no secret (see the module's docstring)."""

    def process_response(self, request, response):
        if may_carry_secret(request, response):
            return response
        return super().process_response(request, response)
