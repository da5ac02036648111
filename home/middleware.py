"""Language prefix handling on top of Django's LocaleMiddleware."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]+)?)/", re.IGNORECASE)


UNPREFIXED_AREAS = ("/admin/", "/documents/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """LocaleMiddleware that does not "rescue" paths that can't be pages of the public site.

    Django redirects a 404 without a language prefix to the same path under the visitor's language
    (/privacy/ -> /kk/privacy/), which is helpful. For /de/privacy/ it would redirect to
    /kk/de/privacy/, and for /admin/nope/ to /kk/admin/nope/, which only lead to another 404: answer
    those with the 404 straight away.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            known = {code for code, _name in settings.LANGUAGES}
            if (match and match.group(1).lower() not in known) or request.path_info.startswith(
                UNPREFIXED_AREAS
            ):
                return response
        return super().process_response(request, response)
