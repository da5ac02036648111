"""Site-wide views that are not pages: the refused-form (CSRF) page and the 400 page."""

from django.http import HttpResponseBadRequest
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers


def _path_language(request):
    return translation.get_language_from_path(request.path_info) or translation.get_language()


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a refused form POST, explained in the language of the form's address.

    Django's own page is in English and addressed to developers. This one says what happened - the form
    needs its security cookie, or it came from somewhere that could not be checked - that nothing was
    kept, and links back to the form (the address it was sent to). See `forms.csrf` for when consent
    forms manage without the cookie.
    """
    with translation.override(_path_language(request)):
        request.LANGUAGE_CODE = translation.get_language()
        response = render(
            request,
            "csrf_failure.html",
            {"form_url": request.path, "no_cookie": reason == REASON_NO_CSRF_COOKIE},
            status=403,
        )
    add_never_cache_headers(response)
    return response


def bad_request(request, exception=None):
    """handler400 (and `forms.csrf` for a body that cannot be read): a request refused as unreadable,
    in the language of its address.

    Django answers 400 for a form body in an unknown or non-UTF-8 charset, a broken multipart body, too
    many fields, a disallowed Host... Its own page is a bare English line. This one says that nothing
    was stored, in the visitor's language. It is a page of its own, not `base.html`: the site's chrome
    looks up the Site by the request's host, and a request may be refused precisely for its Host, so
    the page asks nothing of the request but its path (no context processors, never its body).
    """
    with translation.override(_path_language(request)):
        response = HttpResponseBadRequest(loader.render_to_string("400.html"))
    add_never_cache_headers(response)
    return response
