"""Language prefix handling on top of Django's LocaleMiddleware."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]+)?)/", re.IGNORECASE)


class SiteLocaleMiddleware(LocaleMiddleware):
    """LocaleMiddleware that does not "rescue" paths under an unknown language prefix.

    Django redirects a 404 without a language prefix to the same path under the visitor's language
    (/privacy/ -> /kk/privacy/), which is helpful. For /de/privacy/ it would redirect to
    /kk/de/privacy/, which only leads to another 404: answer those with the 404 straight away.
    """

    def process_response(self, request, response):
        match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
        known = {code for code, _name in settings.LANGUAGES}
        if response.status_code == 404 and match and match.group(1).lower() not in known:
            return response
        return super().process_response(request, response)
