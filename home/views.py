"""Site-wide views that are not pages."""

from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a refused form POST, explained in the language of the form's address.

    Django's own page is in English and addressed to developers. This one says what happened - the form
    needs its security cookie, or it came from somewhere that could not be checked - that nothing was
    kept, and links back to the form (the address it was sent to). See `forms.csrf` for when consent
    forms manage without the cookie.
    """
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        request.LANGUAGE_CODE = translation.get_language()
        response = render(
            request,
            "csrf_failure.html",
            {"form_url": request.path, "no_cookie": reason == REASON_NO_CSRF_COOKIE},
            status=403,
        )
    add_never_cache_headers(response)
    return response
