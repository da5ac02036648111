"""The cookie categories and cookies in one language, as the policy page and the cookie banner show them.

Read from the editors' snippets (`policy.models.cookies`) once per language and kept in the shared cache
(`core.caching`), forgotten when a category or cookie is saved or deleted (`policy.signal_handlers`), so
pages built from them (and the whole-page cache, which depends on this namespace) follow the editors.
A language with no translation of the categories yet is shown the source language's (Kazakh) ones.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from core.caching import SharedCache

cookie_declarations = SharedCache(
    "cookie-declarations", "the cookie categories and cookies of each language (policy snippets)"
)


@dataclass(frozen=True)
class DeclaredCookie:
    name: str
    provider: str
    purpose: str
    lifetime_days: int | None
    destination_country: str

    @property
    def lifetime(self):
        from policy.models.cookies import lifetime_words

        return lifetime_words(self.lifetime_days)


@dataclass(frozen=True)
class DeclaredCategory:
    key: str
    name: str
    description: str
    cookies: tuple[DeclaredCookie, ...]

    @property
    def always_on(self):
        return self.key == "necessary"


def _read(language):
    from policy.models import CookieCategory

    def categories_in(code):
        return [
            DeclaredCategory(
                key=category.key,
                name=category.name,
                description=category.description,
                cookies=tuple(
                    DeclaredCookie(
                        cookie.name,
                        cookie.provider,
                        cookie.purpose,
                        cookie.lifetime_days,
                        cookie.destination_country,
                    )
                    for cookie in category.cookies.all()
                ),
            )
            for category in CookieCategory.objects.filter(locale__language_code=code).prefetch_related(
                "cookies"
            )
        ]

    found = categories_in(language)
    if not found and language != settings.LANGUAGE_CODE:
        found = categories_in(settings.LANGUAGE_CODE)
    return tuple(found)


def categories_for(language=None):
    """The categories (with their cookies) in `language` (default: the active one), in editors' order."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return cookie_declarations.get(f"language:{language}", lambda: _read(language))
