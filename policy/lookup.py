"""Finding the site's policy page in the visitor's language.

Every page's footer and banner link to the policy and every consent form GET and POST builds its
statements from it, so the page of each locale is kept in the shared cache (`core.caching`), forgotten
whenever any page is published, unpublished, moved or deleted (a policy page's address depends on its
ancestors' slugs; see `policy.signal_handlers`).
"""

from django.db.models import Q

from core.caching import SharedCache
from home.chrome import active_locale_id
from policy.versioning import SOURCE_LANGUAGE

policy_pages = SharedCache("policy-pages", "the live privacy policy page of each locale")


def policy_page_for(request):
    """The live PrivacyPolicyPage in the active language (memoised on the request), or None."""
    cached = getattr(request, "_policy_page", False) if request is not None else False
    if cached is not False:
        return cached
    locale_id = active_locale_id()  # Locale.get_active() without its query
    page = policy_page_in(locale_id)
    if page is not None and page.locale_id != locale_id:  # only the source language's: no own page
        page = None
    if request is not None:
        request._policy_page = page
    return page


def policy_page_in(locale_id):
    """The live PrivacyPolicyPage of the locale (with its locale), else the source language's, or None."""
    return policy_pages.get(f"locale:{int(locale_id)}", lambda: _find_policy_page(locale_id))


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
    """Forget the cached policy pages when a page is published, unpublished, moved or deleted."""
    from wagtail.models import Page

    if instance is None or isinstance(instance, Page):
        policy_pages.forget()


def updates_page_for(request):
    """The live, public updates page (notices and their Atom feed) under the visitor's policy page, or None:
    linked from the footer, the policy and its history, and advertised in every page's <head>."""
    policy = policy_page_for(request)
    if policy is None:
        return None
    return policy_pages.get(f"updates:{int(policy.id)}", lambda: _find_updates_page(policy))


def _find_updates_page(policy):
    from policy.models import PolicyUpdateIndexPage

    return PolicyUpdateIndexPage.objects.live().public().child_of(policy).select_related("locale").first()
