"""System check: production must have its own key for the keyed hashes of erased e-mail addresses.

`forms.erasure` keeps, of an erased address, only HMAC-SHA256 under `settings.ERASURE_HMAC_KEY`, so
that a later request for the same address can be matched. With the development key anybody could
recompute the hash of a guessed address, and a key that changes matches nothing erased before. So
`check --deploy` refuses an empty key, the development one, or one shorter than 32 characters.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.translation import gettext as _

DEVELOPMENT_KEY = "dev-only-erasure-key-5d0f2a9c"  # noqa: S105 - the known key refused in production
MIN_LENGTH = 32


def key_problem(value):
    """Why `value` is not a usable production key, or "" when it is."""
    value = value or ""
    if not value.strip():
        return _("ERASURE_HMAC_KEY is not set.")
    if value == DEVELOPMENT_KEY:
        return _("ERASURE_HMAC_KEY is the development key.")
    if len(value) < MIN_LENGTH:
        return _("ERASURE_HMAC_KEY is shorter than %(length)s characters.") % {"length": MIN_LENGTH}
    return ""


@register(Tags.security, deploy=True)
def check_erasure_key(app_configs=None, **kwargs):
    problem = key_problem(getattr(settings, "ERASURE_HMAC_KEY", ""))
    if not problem:
        return []
    return [
        Error(
            problem,
            hint=_(
                "Set the ERASURE_HMAC_KEY environment variable to a long random secret (e.g. "
                "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`) and never change it: "
                "erased e-mail addresses are matched by their keyed hash."
            ),
            id="edna.E011",
        )
    ]
