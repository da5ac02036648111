"""Rate limits that refuse the form, rather than let everything through, when their counters are away.

django-ratelimit counts requests in the cache (Redis in production). When Redis cannot be reached the
count cannot be read: letting every POST through would switch the limit off exactly when someone may be
flooding the forms, and refusing it as "too many requests" would blame the visitor. So with
RATELIMIT_FAIL_OPEN (cms/settings/base.py) django-ratelimit reports the failure as "no usage", and
`is_ratelimited` here turns that into `RateLimitUnavailable`, which `core.unavailable` answers with a
translated 503 page, "please try again in a minute". The views check the limit before they write
anything, so such a POST stores nothing. When Redis is back, the limits count again by themselves.

Every rate limit of the site goes through this module (a test makes sure nothing imports
django-ratelimit's own `is_ratelimited`, which would fail open).
"""

from django.conf import settings
from django_ratelimit.core import get_usage


class RateLimitUnavailable(Exception):  # noqa: N818 - a state, not a programming error
    """The rate limit's counters cannot be read or written (the cache is unreachable)."""


def is_ratelimited(request, *, group, key, rate, increment=True):
    """django-ratelimit's `is_ratelimited` (counting this request when `increment`), except that it
    raises `RateLimitUnavailable` when the cache holding the counters fails."""
    if rate is None or not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    usage = get_usage(request, group=group, key=key, rate=rate, increment=increment)
    if usage is None:  # with RATELIMIT_FAIL_OPEN, the cache failed
        raise RateLimitUnavailable(group)
    return usage["should_limit"]
