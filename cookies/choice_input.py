"""Reading a cookie choice sent by the banner: a small JSON object, checked strictly.

Anything that is not exactly what `cookie-banner.js` sends - not JSON, not an object, a missing or
unknown key, a wrong type, an unknown category, method or language, a method that contradicts the
categories - is refused with a translated message (the view answers 400). Nothing here touches the
database.
"""

import json
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from cookies.models import ChoiceMethod
from policy.models import CookieCategoryKey

MAX_BODY_BYTES = 1024
REQUIRED_KEYS = {"version", "categories", "method", "gpc", "language"}
OPTIONAL_KEYS = {"id"}
MAX_VERSION = 1_000_000


class InvalidChoice(ValueError):
    """The body is not a cookie choice; the message says why, in the active language."""


@dataclass(frozen=True)
class Choice:
    choice_id: uuid.UUID | None
    version: int
    analytics: bool
    method: str
    gpc: bool
    language: str

    @property
    def categories(self):
        return [
            CookieCategoryKey.NECESSARY.value,
            *([CookieCategoryKey.ANALYTICS.value] if self.analytics else []),
        ]


def read_choice(body):
    """The Choice in `body` (bytes), or InvalidChoice."""
    if len(body) > MAX_BODY_BYTES:
        raise InvalidChoice(_("The cookie choice is too long."))
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidChoice(_("The cookie choice could not be read.")) from None
    if not isinstance(data, dict) or not REQUIRED_KEYS <= data.keys() <= REQUIRED_KEYS | OPTIONAL_KEYS:
        raise InvalidChoice(_("The cookie choice could not be read."))
    return Choice(
        choice_id=_choice_id(data.get("id")),
        version=_version(data["version"]),
        analytics=_analytics(data["categories"], data["method"]),
        method=data["method"],
        gpc=_flag(data["gpc"]),
        language=_language(data["language"]),
    )


def _choice_id(value):
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 36:
        raise InvalidChoice(_("The choice id is not valid."))
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidChoice(_("The choice id is not valid.")) from None


def _version(value):
    if type(value) is not int or not 0 <= value <= MAX_VERSION:
        raise InvalidChoice(_("The policy version is not valid."))
    return value


def _analytics(categories, method):
    known = {key.value for key in CookieCategoryKey}
    if (
        not isinstance(categories, list)
        or not all(isinstance(category, str) for category in categories)
        or len(set(categories)) != len(categories)
        or not set(categories) <= known
        or CookieCategoryKey.NECESSARY.value not in categories
    ):
        raise InvalidChoice(_("The cookie categories are not valid."))
    if method not in ChoiceMethod.values:
        raise InvalidChoice(_("The way the choice was made is not valid."))
    analytics = CookieCategoryKey.ANALYTICS.value in categories
    if (method == ChoiceMethod.ACCEPT_ALL and not analytics) or (
        method in (ChoiceMethod.REJECT_ALL, ChoiceMethod.GPC) and analytics
    ):
        raise InvalidChoice(_("The cookie categories do not match the choice made."))
    return analytics


def _flag(value):
    if not isinstance(value, bool):
        raise InvalidChoice(_("The Global Privacy Control flag is not valid."))
    return value


def _language(value):
    if not isinstance(value, str) or value not in dict(settings.LANGUAGES):
        raise InvalidChoice(_("The language is not valid."))
    return value
