"""Request plumbing of the public site: language prefixes on top of LocaleMiddleware, the Site and the
page route from the shared cache."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from wagtail.views import serve as wagtail_serve

from home.routing import route as cached_route
from home.site_cache import site_for_request

LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]+)?)/", re.IGNORECASE)


UNPREFIXED_AREAS = ("/admin/", "/documents/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """LocaleMiddleware that keeps the admin in its languages and does not "rescue" paths that can't
    be pages of the public site.

    Django redirects a 404 without a language prefix to the same path under the visitor's language
    (/privacy/ -> /kk/privacy/), which is helpful. For /de/privacy/ it would redirect to
    /kk/de/privacy/, and for /admin/nope/ to /kk/admin/nope/, which only lead to another 404: answer
    those with the 404 straight away.
    """

    def process_request(self, request):
        """The admin speaks Russian or English (Wagtail has no Kazakh catalog): when the visitor's
        language is not one of those, the admin uses WAGTAILADMIN_DEFAULT_LANGUAGE (a user's own
        preference, when set, still wins inside Wagtail's views)."""
        super().process_request(request)
        if request.path_info.startswith("/admin/"):
            permitted = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
            if translation.get_language() not in permitted:
                translation.activate(settings.WAGTAILADMIN_DEFAULT_LANGUAGE)
                request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            known = {code for code, _name in settings.LANGUAGES}
            if (match and match.group(1).lower() not in known) or request.path_info.startswith(
                UNPREFIXED_AREAS
            ):
                return response
        return super().process_response(request, response)


class CachedSiteMiddleware:
    """Give Wagtail the request's Site from the shared cache (see `home.site_cache`).

    Wagtail's Site.find_for_request keeps its answer on the request as `_wagtail_site` and looks no
    further when it is set; this sets it before Wagtail asks. It runs after CommonMiddleware, which
    refuses hosts outside ALLOWED_HOSTS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)


class CachedPageRouteMiddleware:
    """Give Wagtail's serve view the page of the request from the shared cache (see `home.routing`).

    Wagtail keeps the route it found on the request as `_wagtail_route_for_request` and looks no further
    when it is set; this sets it just before Wagtail's serve view runs (and for no other view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = cached_route(request, path)
