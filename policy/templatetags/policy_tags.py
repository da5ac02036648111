"""Template helpers for rendering the policy document."""

from django import template

from policy.document import purpose_table_headers

register = template.Library()


@register.inclusion_tag("policy/includes/purpose_table.html")
def purpose_table(groups):
    """Table No. 1, grouped by subject category, with column headers in the active language."""
    return {"groups": groups, "headers": purpose_table_headers()}
