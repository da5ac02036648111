"""The site-wide banner announcing an upcoming policy version or one that just became current."""

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from policy import timeline
from policy.lookup import policy_page_for

DISMISS_COOKIE = "policy_notice_dismissed"


def announced_version(request):
    """{"number", "effective_from", "upcoming", "url", "compare_url"} or None."""
    page = policy_page_for(request)
    if page is None:
        return None
    now = timezone.now()
    entry = timeline.announced(page.translation_key, now)
    if entry is None or request.COOKIES.get(DISMISS_COOKIE) == str(entry.number):
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
