"""Finding the site's policy page in the visitor's language.

Every page's footer and banner link to the policy and every consent form GET and POST builds its
statements from it, so the page of each locale is kept in the shared cache. That cache is forgotten
whenever any page is published, unpublished, moved or deleted (a policy page's address depends on its
ancestors' slugs), and in any case after CACHE_SECONDS.
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Locale

from policy.versioning import SOURCE_LANGUAGE

CACHE_KEY = "policy:page-by-locale:v1"
CACHE_SECONDS = 10 * 60


def policy_page_for(request):
    """The live PrivacyPolicyPage in the active language (memoised on the request), or None."""
    cached = getattr(request, "_policy_page", False) if request is not None else False
    if cached is not False:
        return cached
    locale = Locale.get_active()
    page = policy_page_in(locale.id)
    if page is not None and page.locale_id != locale.id:  # only the source language's: no own page
        page = None
    if request is not None:
        request._policy_page = page
    return page


def policy_page_in(locale_id):
    """The live PrivacyPolicyPage of the locale (with its locale), else the source language's, or None."""
    pages = cache.get(CACHE_KEY) or {}
    if locale_id in pages:
        return pages[locale_id]
    page = _find_policy_page(locale_id)
    cache.set(CACHE_KEY, {**pages, locale_id: page}, CACHE_SECONDS)
    return page


def _find_policy_page(locale_id):
    from policy.models import PrivacyPolicyPage

    candidates = (
        PrivacyPolicyPage.objects.live()
        .filter(Q(locale_id=locale_id) | Q(locale__language_code=SOURCE_LANGUAGE))
        .select_related("locale")
    )
    by_locale = {page.locale_id: page for page in candidates}
    source = (page for page in by_locale.values() if page.locale.language_code == SOURCE_LANGUAGE)
    return by_locale.get(locale_id) or next(source, None)


def forget_policy_pages(sender=None, instance=None, **kwargs):
    """Drop the cached policy pages (connected to Wagtail's publish, unpublish and move signals, and to
    the deletion of any page)."""
    from wagtail.models import Page

    if instance is None or isinstance(instance, Page):
        cache.delete(CACHE_KEY)
