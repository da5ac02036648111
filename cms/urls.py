"""URL map (docs/architecture.md): /admin/ for staff, everything public under a /kk/, /ru/ or /en/ prefix.

`/` is answered by LocaleMiddleware with a redirect to the best Accept-Language match (kk by default).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from policy.views import version_json_at_path, version_pdf_at_path

# A request Django refuses as unreadable (bad charset, broken body, disallowed host) gets a translated page.
handler400 = "home.views.bad_request"

# The database or Redis away outside a view: a translated 503 "try again", not a 500 (core/unavailable.py).
handler500 = "core.unavailable.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("cookies.urls")),  # /cookie-choices/ (the banner's log) and /.well-known/gpc.json
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)versions/(?P<number>[0-9]{1,6})\.json$",
        version_json_at_path,
        name="policy_version_json",
    ),
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)versions/(?P<number>[0-9]{1,6})\.pdf$",
        version_pdf_at_path,
        name="policy_version_pdf",
    ),
    path("privacy/requests/", include("forms.request_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
