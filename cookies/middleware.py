"""Let the analytics hosts into a page's Content-Security-Policy when its banner may load analytics.

The banner's template tag (`cookies.templatetags.cookie_tags`) notes on the request which hosts the
page's counters need; django-csp takes additions from the *response* (`response._csp_update`), which a
template cannot reach, so this middleware, placed just below django-csp's, hands them over. Pages of a
Site with no counter id get the site's default policy: no analytics host at all.
"""


class AnalyticsCspMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        additions = getattr(request, "_analytics_csp", None)
        if additions:
            update = dict(getattr(response, "_csp_update", None) or {})
            for directive, sources in additions.items():
                update[directive] = [*update.get(directive, []), *sources]
            response._csp_update = update
        return response
