"""Template side of `policy.reading_aids`: the contents of a frozen text and its clause links."""

from django import template

from policy import reading_aids

register = template.Library()


@register.filter
def with_anchor_links(html):
    return reading_aids.with_anchor_links(html)


@register.inclusion_tag("policy/includes/contents.html")
def policy_contents(document):
    return {"entries": reading_aids.contents(document or {}), "contents_id": reading_aids.CONTENTS_ID}
