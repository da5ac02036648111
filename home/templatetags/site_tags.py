"""Template helpers for the site chrome: language switcher, hreflang, navigation, footer details."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from home.models import CompanyDetails

register = template.Library()


def _routed_suffix(request, page_url):
    """The part of the path below the page (a RoutablePageMixin route such as `versions/2/`)."""
    path = request.path if request else ""
    if page_url and path.startswith(page_url):
        return path[len(page_url) :]
    return ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every site language, for the switcher and the hreflang alternates.

    For a Wagtail page, each link goes to its live translation (plus any routed sub-path, so that
    /kk/privacy/versions/2/ leads to /ru/privacy/versions/2/); a language without a translation links
    to that language's home page. Other views switch the language prefix of the path.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
        suffix = _routed_suffix(request, page.get_url(request))
        for code, name in settings.LANGUAGES:
            translation = translations.get(code)
            url = translation.get_url(request) + suffix if translation else f"/{code}/"
            links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    else:
        path = request.path if request else "/"
        for code, name in settings.LANGUAGES:
            links.append(
                {"code": code, "name": name, "url": translate_url(path, code), "is_current": code == current}
            )
    return links


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Pages marked "show in menus" below the home page of the visitor's language."""
    request = context.get("request")
    home = _home_for_active_locale()
    if home is None:
        return []
    return [
        {"title": child.title, "url": child.get_url(request)}
        for child in home.get_children().live().in_menu().specific(defer=True)
    ]


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_for_active_locale()
    return home.get_url(context.get("request")) if home else "/"


@register.simple_tag(takes_context=True)
def controller_details(context):
    """The company's details in the visitor's language (footer)."""
    request = context.get("request")
    if request is None:
        return None
    return CompanyDetails.for_request(request).for_language()


def _home_for_active_locale():
    from home.models import HomePage

    return HomePage.objects.live().filter(locale=Locale.get_active()).first()
