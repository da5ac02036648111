"""The banner's POST of a visitor's cookie choice, and `/.well-known/gpc.json`.

The POST is CSRF-safe without a cookie (a visitor deciding about cookies may well refuse them): it is
accepted only when the browser says it comes from this site's own origin (`Sec-Fetch-Site`, else
`Origin`), as `forms.csrf` does for consent forms, using the same check. It is rate-limited per IP
address through `core.rate_limits` (the counters away: a 503, never unlimited), read strictly
(`cookies.choice_input`: bad input gets a 400 with a translated JSON message), and never cached.

Global Privacy Control: a POST whose request carries `Sec-GPC: 1`, or whose banner saw
`navigator.globalPrivacyControl`, is logged with gpc=True and never with analytics allowed, whatever
button was pressed; the answer tells the banner what was recorded, so it stores exactly that.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cookies.choice_input import InvalidChoice, read_choice
from cookies.models import CookieChoice
from core.rate_limits import is_ratelimited
from forms.csrf import ConsentFormCsrfViewMiddleware

GPC_SUPPORT_SINCE = "2026-11-28"


def _origin_check():
    return ConsentFormCsrfViewMiddleware(lambda request: None)


def error(message, status):
    return JsonResponse({"error": str(message)}, status=status)


@csrf_exempt  # checked below: from this site's own origin only, with no cookie needed
@never_cache
@require_POST
def record_choice(request):
    language = translation.get_language_from_request(request)
    with translation.override(language):
        if not _origin_check().sent_from_this_origin(request):
            return error(_("A cookie choice is accepted only from this site's own pages."), 403)
        if is_ratelimited(
            request, group="cookie-choice", key="ip", rate=settings.COOKIE_CHOICE_RATE, increment=True
        ):
            return error(_("Too many cookie choices from your address. Please try again in a minute."), 429)
        if request.content_type != "application/json":
            return error(_("The cookie choice could not be read."), 400)
        try:
            choice = read_choice(request.body)
        except InvalidChoice as problem:
            return error(problem, 400)
    gpc = choice.gpc or request.headers.get("Sec-GPC", "").strip() == "1"
    analytics = choice.analytics and not gpc
    record = CookieChoice.objects.create(
        **({"choice_id": choice.choice_id} if choice.choice_id else {}),
        policy_version=choice.version,
        categories=["necessary", "analytics"] if analytics else ["necessary"],
        analytics=analytics,
        method=choice.method,
        gpc=gpc,
        language=choice.language,
    )
    return JsonResponse(
        {"id": str(record.choice_id), "version": record.policy_version, "analytics": analytics, "gpc": gpc},
        status=201,
    )


@require_GET
def gpc_support(request):
    """The site honours Global Privacy Control (https://privacycg.github.io/gpc-spec/#gpc-support-resource)."""
    response = JsonResponse({"gpc": True, "lastUpdate": GPC_SUPPORT_SINCE})
    response["Cache-Control"] = "public, max-age=86400"
    return response
