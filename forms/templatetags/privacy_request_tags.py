"""`{% privacy_requests_url %}`: the requests page (`/<lang>/privacy/requests/`) in the active language,
on the site's canonical address, for e-mails (every e-mail the site sends links it, issue #11)."""

from django import template
from django.urls import reverse

from core.site_url import canonical_url

register = template.Library()


@register.simple_tag
def privacy_requests_url():
    return canonical_url(reverse("privacy_requests"))
