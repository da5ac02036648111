"""The policy's list of cookies (the editors' cookie snippets in the reader's language)."""

from django import template

from policy.cookie_declarations import categories_for

register = template.Library()


@register.inclusion_tag("policy/includes/cookie_table.html")
def cookie_table():
    """Every category with its cookies: name, provider, purpose, lifetime, destination country."""
    return {"categories": categories_for()}
