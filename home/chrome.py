"""The site chrome (home link, navigation, language links) and the locales, from the shared cache.

Every public page draws the same header and footer: the home page of the visitor's language, the pages
shown in its menu, the page's translations for the language switcher and the hreflang links. Read from
the database each time they cost most of the queries of a page, so they are kept per Site and language
(per page for its translations) in the `site-chrome` namespace (`core.caching`), forgotten when any page
is published, unpublished, moved or deleted, or a locale is saved or deleted (`home.signal_handlers`).
The locales themselves (which id is which language) are kept the same way.

URLs are computed as `Page.get_url(request)` gives them: relative to the request's Site, so entries are
kept per Site. Within one request each entry is read from the shared cache once (the templates and the
routing ask for the locales and the menu several times; each read is a round trip to Redis).
"""

from asgiref.local import Local
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from core.caching import SharedCache

site_chrome = SharedCache(
    "site-chrome", "per Site and language: the home page's address, the menu, each page's translations"
)

_request = Local()  # entries this request has read (only while a request is served)


def begin_request(**kwargs):
    """Start remembering this request's reads (Django's request_started signal)."""
    _request.read = {}


def end_request(**kwargs):
    _request.read = None


def chrome_entry(key, compute):
    """The `site-chrome` entry under `key` (computed and stored when missing), read once per request."""
    read = getattr(_request, "read", None)
    if read is None:
        return site_chrome.get(key, compute)
    if key not in read:
        read[key] = site_chrome.get(key, compute)
    return read[key]


def locales():
    """{language code: locale id} of every locale."""
    return chrome_entry("locales", lambda: dict(Locale.objects.values_list("language_code", "id")))


def language_of(locale_id):
    """The language code of a locale id (None when there is no such locale)."""
    return {pk: code for code, pk in locales().items()}.get(locale_id)


def active_locale_id():
    """The id of the locale of the active language, as `Locale.get_active()` finds it, without a query."""
    known = locales()
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    if code in known:
        return known[code]
    return chrome_entry("default-locale", lambda: Locale.get_default().pk)


def _site_id(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site is not None else 0


def home_and_menu(request):
    """{"home_url", "menu": [{"title", "url"}]} for the active language (home_url None when there is no
    live home page in it)."""
    locale_id = active_locale_id()

    def compute():
        from home.models import HomePage

        home = HomePage.objects.live().filter(locale_id=locale_id).first()
        if home is None:
            return {"home_url": None, "menu": []}
        children = home.get_children().live().in_menu().specific(defer=True)
        return {
            "home_url": home.get_url(request),
            "menu": [{"title": child.title, "url": child.get_url(request)} for child in children],
        }

    return chrome_entry(f"site:{_site_id(request)}:locale:{locale_id}:home", compute)


def translation_urls(request, page):
    """{language code: URL} of the live translations of `page` (itself included)."""

    def compute():
        translations = Page.objects.filter(translation_key=page.translation_key).live()
        codes = {pk: code for code, pk in locales().items()}
        return {codes.get(other.locale_id): other.get_url(request) for other in translations}

    return chrome_entry(f"site:{_site_id(request)}:page:{page.pk}:translations", compute)


def forget_site_chrome(sender=None, instance=None, **kwargs):
    """Forget the chrome when a page is published, unpublished, moved or deleted, or a locale changes."""
    if instance is None or isinstance(instance, Page | Locale):
        site_chrome.forget()
        if getattr(_request, "read", None) is not None:
            _request.read = {}
