"""Admin integration of the home app: the dashboard's warning about incomplete company details."""

from wagtail import hooks

from home.admin_panels import OperatorDetailsPanel, sites_missing_details


@hooks.register("construct_homepage_panels")
def warn_about_incomplete_company_details(request, panels):
    """While any Site's company details lack what consent statements must name (the BIN, …)."""
    missing_by_site = sites_missing_details()
    if missing_by_site:
        panels.append(OperatorDetailsPanel(request, missing_by_site))
