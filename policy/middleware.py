"""Cache headers that never outlive the policy's next scheduled change."""

import math

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

from policy.timeline import next_change_at


def _may_be_logged_in(request):
    """Whether the request carries a session, without opening it: reading the user would load the
    session and make the response vary on Cookie, so no shared cache could keep one copy of it."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class PolicyScheduleCacheMiddleware:
    """Let browsers and the CDN cache public pages, but no longer than the next effective-from.

    Every public page can show the policy banner, and the policy pages show the current version; both
    change by themselves when a version takes effect (or a banner's 30 days end). The max-age of an
    anonymous GET is the smaller of PUBLIC_PAGE_MAX_AGE and the seconds left until that moment, so no
    cached page shows a stale version. Responses that set cookies or already say how to cache are left
    as they are; Wagtail's frontend cache purges the CDN when a page is published.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and self._cacheable(request, response)
        ):
            patch_cache_control(response, public=True, max_age=self.max_age())
        return response

    @staticmethod
    def _cacheable(request, response):
        return (
            not response.has_header("Cache-Control")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.path.startswith("/admin/")
            and not _may_be_logged_in(request)
        )

    @staticmethod
    def max_age(now=None):
        now = now or timezone.now()
        limit = getattr(settings, "PUBLIC_PAGE_MAX_AGE", 300)
        change = next_change_at(now)
        if change is not None:
            limit = min(limit, max(0, math.floor((change - now).total_seconds())))
        return limit
