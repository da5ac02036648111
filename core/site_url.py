"""The public site's canonical address, for links that must not depend on how a request came in.

A consent statement is stored (and hashed) with a link to the policy version it was given under, a
receipt e-mail links to the receipt, and so on: these links are made from `settings.SITE_BASE_URL`
(e.g. "https://edna.kz"), never from the request's host or a Site record, so the same statement has the
same text and hash whichever address the visitor used. `core.site_url_checks` refuses to start a
production configuration without a real address.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_base_url():
    """The canonical scheme://host[:port], without a trailing slash."""
    return settings.SITE_BASE_URL.strip().rstrip("/")


def canonical_url(path):
    """`path` (e.g. "/ru/privacy/versions/2/") on the canonical address."""
    return f"{site_base_url()}/{path.lstrip('/')}"


def page_canonical_url(page, suffix=""):
    """A Wagtail page's address (its path within its Site, e.g. "/ru/privacy/") on the canonical
    address, followed by `suffix` (a route below the page, e.g. "versions/2/"); "" for a page that no
    Site serves."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return canonical_url(f"{parts[2]}{suffix}")


def host_and_port(base_url=None):
    """(hostname, port) of the canonical address, the port defaulting to the scheme's (80 or 443)."""
    parts = urlsplit(base_url if base_url is not None else site_base_url())
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
