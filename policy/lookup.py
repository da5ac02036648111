"""Finding the site's policy page in the visitor's language, once per request."""

from wagtail.models import Locale


def policy_page_for(request):
    """The live PrivacyPolicyPage in the active language (memoised on the request), or None."""
    from policy.models import PrivacyPolicyPage

    cached = getattr(request, "_policy_page", False) if request is not None else False
    if cached is not False:
        return cached
    page = PrivacyPolicyPage.objects.live().filter(locale=Locale.get_active()).first()
    if request is not None:
        request._policy_page = page
    return page
