"""Admin integration: the cookie choice log (menu, listing, export) and its dashboard panel."""

from wagtail import hooks

from cookies.admin_views import CookieChoiceViewSet, may_see_choices


@hooks.register("register_admin_viewset")
def register_cookie_choices():
    return CookieChoiceViewSet("cookie_choices")


@hooks.register("construct_homepage_panels")
def cookie_choices_panel(request, panels):
    """Privacy officers see how visitors answered the cookie banner, per policy version."""
    from cookies.dashboard import CookieChoicesPanel

    if may_see_choices(request.user):
        panels.append(CookieChoicesPanel())
