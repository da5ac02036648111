"""The cookie banner and the policy's cookie table, for the site's templates."""

from django import template

from cookies.banner import analytics_csp, counters_for, versions_in_effect
from policy.cookie_declarations import categories_for

register = template.Library()


@register.inclusion_tag("includes/cookie_banner.html", takes_context=True)
def cookie_banner(context):
    """The banner, hidden until `cookie-banner.js` decides to show it (the same HTML for everyone)."""
    request = context.get("request")
    counters = counters_for(request)
    if request is not None:
        request._analytics_csp = analytics_csp(counters)
    return {
        "request": request,
        "categories": categories_for(),
        "counters": counters,
        "versions": versions_in_effect(),
    }
