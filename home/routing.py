"""Wagtail's page routing from the shared cache: which page serves a path, without walking the tree.

Wagtail finds the page of `/kk/privacy/versions/2/` by loading the Site's root page, its translation in
the active language (a Locale query and a page query), then each child by its slug and each page's
specific object: five or more queries, about a third of an uncached page's time here. The answer depends
only on the live page tree, so it is kept in the `site-chrome` namespace (forgotten when any page is
published, unpublished, moved or deleted: `home.signal_handlers`):

- per Site and language, the address (below the language's root page) of every page in the tree;
- per page, its specific object (as Wagtail would load it).

A path is routed from the deepest page whose address begins it, with Wagtail's own `route()` for the
rest (a routable page's sub-paths such as `versions/2/`, or a child that is not live: Wagtail looks it up
and answers 404 as it would). The result is handed to Wagtail the way Wagtail keeps it on the request
(`request._wagtail_route_for_request`), so its serve view, hooks and view restrictions work unchanged.
"""

from django.http import Http404
from wagtail.models import Page, Site

from home.chrome import active_locale_id, chrome_entry, site_chrome


def _tree(site, locale_id):
    """{"privacy/versions": page id, …} of the language's root page (key "") and every page below it."""
    root = site.root_page.localized
    prefix = len(root.url_path)
    return {
        url_path[prefix:].strip("/"): page_id
        for page_id, url_path in Page.objects.descendant_of(root, inclusive=True).values_list(
            "id", "url_path"
        )
    }


def _page(page_id):
    return chrome_entry(f"page-object:{page_id}", lambda: Page.objects.get(pk=page_id).specific)


def route(request, path):
    """What `Page.route_for_request(request, path)` answers (a RouteResult, or None for a 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    locale_id = active_locale_id()
    tree = chrome_entry(f"site:{site.pk}:locale:{locale_id}:tree", lambda: _tree(site, locale_id))
    components = [component for component in path.split("/") if component]
    for depth in range(len(components), -1, -1):
        page_id = tree.get("/".join(components[:depth]))
        if page_id is not None:
            break
    else:
        return None
    # The page, then its translations and the home page's menu for the chrome: one round trip for the three.
    site_chrome.prefetch(
        [
            f"page-object:{page_id}",
            f"site:{site.pk}:page:{page_id}:translations",
            f"site:{site.pk}:locale:{locale_id}:home",
        ]
    )
    try:
        return _page(page_id).route(request, components[depth:])
    except Http404:
        return None
