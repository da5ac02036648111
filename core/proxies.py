"""The visitor's IP address behind the load balancer, for the per-IP rate limit of consent forms.

Behind proxies every request arrives from the last proxy's address, so a limit per REMOTE_ADDR would be
one limit shared by all visitors. Each proxy appends the address it received the request from to
X-Forwarded-For; with TRUSTED_PROXY_COUNT proxies in front of the app, the visitor is the entry that
many places from the right. Entries further left were sent by the client and are not trusted.
"""

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104 - not a bind address: the bucket of requests with no usable address


def client_ip(request):
    """The visitor's address (django-ratelimit's RATELIMIT_IP_META_KEY); always a valid IP address."""
    remote = request.META.get("REMOTE_ADDR") or UNKNOWN
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return _valid(remote) or UNKNOWN
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:  # reached the app without passing all the proxies
        return _valid(remote) or UNKNOWN
    return _valid(forwarded[-proxies]) or _valid(remote) or UNKNOWN


def _valid(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
