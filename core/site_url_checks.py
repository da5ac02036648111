"""System check: a production configuration must name the public site's real address.

Consent statements are stored and hashed with the canonical link to the policy version
(`core.site_url`); a statement stored with "http://localhost/…" proves nothing to anyone. So with DEBUG
off, `SITE_BASE_URL` must be an http(s) address of a host other than this machine, with no path. The
check is always on (not only under `check --deploy`): `migrate` and `runserver` run it, so a deployment
without the setting stops before it serves a form.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.translation import gettext as _

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]"}  # noqa: S104 - hosts refused, not bound


def base_url_problem(value):
    """Why `value` is not a usable canonical address in production, or "" when it is."""
    value = (value or "").strip()
    if not value:
        return _("SITE_BASE_URL is not set.")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return _("SITE_BASE_URL is not a valid address.")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return _("SITE_BASE_URL must start with http:// or https:// and name a host.")
    hostname = parts.hostname.lower()
    if hostname in LOCAL_HOSTS or hostname.endswith(".localhost") or hostname.startswith("127."):
        return _("SITE_BASE_URL points at this machine (%(host)s).") % {"host": hostname}
    if parts.path.strip("/") or parts.query or parts.fragment:
        return _("SITE_BASE_URL must be the site's address alone, without a path.")
    return ""


@register(Tags.security)
def check_site_base_url(app_configs=None, **kwargs):
    """Error when DEBUG is off and SITE_BASE_URL is not the public site's real address."""
    if settings.DEBUG:
        return []
    problem = base_url_problem(getattr(settings, "SITE_BASE_URL", ""))
    if not problem:
        return []
    return [
        Error(
            problem,
            hint=_(
                "Set the SITE_BASE_URL environment variable to the public site's address, e.g. "
                "https://edna.kz: consent statements, receipts and e-mails link to it."
            ),
            id="edna.E010",
        )
    ]
