"""Template helpers for the site chrome: language switcher, hreflang, navigation, footer details.

What they show is read from the shared cache (`home.chrome`, `home.company_cache`): a page's chrome
costs no query once it was drawn for that Site and language.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.chrome import home_and_menu, language_of, translation_urls
from home.company_cache import company_details_for_site

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
        urls = translation_urls(request, page)
        own_url = urls.get(language_of(page.locale_id)) or page.get_url(request)
        suffix = _routed_suffix(request, own_url)
        for code, name in settings.LANGUAGES:
            url = urls[code] + suffix if urls.get(code) else f"/{code}/"
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
    return home_and_menu(context.get("request"))["menu"]


@register.simple_tag(takes_context=True)
def home_url(context):
    return home_and_menu(context.get("request"))["home_url"] or "/"


@register.simple_tag(takes_context=True)
def controller_details(context):
    """The company's details in the visitor's language (footer)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return company_details_for_site(site).for_language()
