"""Cache headers that never outlive the policy's next scheduled change."""

import math

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

from policy.timeline import next_change_at


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
        user = getattr(request, "user", None)
        return (
            not response.has_header("Cache-Control")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.path.startswith("/admin/")
            and (user is None or not user.is_authenticated)
        )

    @staticmethod
    def max_age(now=None):
        now = now or timezone.now()
        limit = getattr(settings, "PUBLIC_PAGE_MAX_AGE", 300)
        change = next_change_at(now)
        if change is not None:
            limit = min(limit, max(0, math.floor((change - now).total_seconds())))
        return limit
