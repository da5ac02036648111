"""The site-wide banner announcing an upcoming policy version or one that just became current.

The banner is the same for every visitor, so pages stay cacheable: a visitor who dismissed it has a
cookie naming the version, and `js/policy-notice.js`, which runs right after the banner, hides it
before it is painted.
"""

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from policy import timeline
from policy.lookup import policy_page_for


def announced_version(request):
    """{"number", "effective_from", "upcoming", "url", "compare_url"} or None."""
    page = policy_page_for(request)
    if page is None:
        return None
    now = timezone.now()
    entry = timeline.announced(page.translation_key, now)
    if entry is None:
        return None
    base_url = page.get_url(request)
    return {
        "number": entry.number,
        "effective_from": entry.effective_from,
        "upcoming": entry.effective_from > now,
        "is_material": entry.is_material,
        "url": f"{base_url}versions/{entry.number}/",
        "compare_url": f"{base_url}compare/{entry.number - 1}/{entry.number}/" if entry.number > 1 else "",
    }


def policy_notice(request):
    return {"policy_notice": SimpleLazyObject(lambda: announced_version(request))}
