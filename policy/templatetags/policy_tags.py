"""Template helpers for rendering the policy document and linking to it from the site chrome."""

from django import template

from policy.document import purpose_table_headers
from policy.lookup import policy_page_for, updates_page_for

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_page(context):
    """The privacy policy in the visitor's language (for the footer and home page links), or None."""
    return policy_page_for(context.get("request"))


@register.simple_tag(takes_context=True)
def policy_updates_page(context):
    """The policy's updates page (notices, Atom feed) in the visitor's language, or None."""
    return updates_page_for(context.get("request"))


@register.inclusion_tag("policy/includes/feed_link.html", takes_context=True)
def policy_feed_link(context):
    """<link rel="alternate"> to the Atom feed of policy updates, for every page's <head>."""
    return {"updates": updates_page_for(context.get("request")), "request": context.get("request")}


@register.inclusion_tag("policy/includes/purpose_table.html")
def purpose_table(groups):
    """Table No. 1, grouped by subject category, with column headers in the active language."""
    return {"groups": groups, "headers": purpose_table_headers()}
