"""Template helpers for rendering the policy document and linking to it from the site chrome."""

from django import template

from policy.document import purpose_table_headers
from policy.lookup import policy_page_for

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_page(context):
    """The privacy policy in the visitor's language (for the footer and home page links), or None."""
    return policy_page_for(context.get("request"))


@register.inclusion_tag("policy/includes/purpose_table.html")
def purpose_table(groups):
    """Table No. 1, grouped by subject category, with column headers in the active language."""
    return {"groups": groups, "headers": purpose_table_headers()}
