"""What the cookie banner needs, the same for every visitor of a Site and language (pages stay cacheable).

The banner is rendered hidden into every public page; `cookie-banner.js` shows it when the visitor's
`edna_cookie_choice` cookie is missing or older than the newest *material* policy version in effect
(an editorial version does not ask again). So the page carries, as data attributes:

- the number of the version in effect (logged with a choice) and of the newest material one in effect
  (version 1 counts as material: it is the first the visitor is asked under), from the cached timeline;
- the analytics counter ids of the Site (`AnalyticsSettings`, cached here in the "analytics-settings"
  namespace, which the whole-page cache depends on), empty when none is set.

The Content-Security-Policy lets the analytics hosts in only on pages whose Site has a counter id
(`analytics_csp`, applied by `cookies.middleware`); with no id the page's policy is the site's default.
"""

from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Site

from core.caching import SharedCache
from home.chrome import active_locale_id
from policy import timeline
from policy.lookup import policy_page_in

analytics_settings = SharedCache("analytics-settings", "the analytics counter ids of each Site")

YANDEX_METRICA_CSP = {
    "script-src": ["https://mc.yandex.ru", "https://yastatic.net"],
    "connect-src": ["https://mc.yandex.ru"],
    "img-src": ["https://mc.yandex.ru"],
}
GA4_CSP = {
    "script-src": ["https://www.googletagmanager.com"],
    "connect-src": [
        "https://www.googletagmanager.com",
        "https://*.google-analytics.com",
        "https://*.analytics.google.com",
    ],
    "img-src": ["https://www.googletagmanager.com", "https://*.google-analytics.com"],
}


@dataclass(frozen=True)
class Counters:
    yandex_metrica_id: str = ""
    ga4_measurement_id: str = ""


def counters_for(request):
    """The Site's analytics counter ids (empty when the Site has none or no settings were saved)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return Counters()

    def read():
        from cookies.models import AnalyticsSettings

        settings = AnalyticsSettings.objects.filter(site_id=site.pk).first()
        if settings is None:
            return Counters()
        return Counters(settings.yandex_metrica_id, settings.ga4_measurement_id)

    return analytics_settings.get(f"site:{site.pk}", read)


@dataclass(frozen=True)
class PolicyVersions:
    current: int = 0  # the version in effect (0: none yet)
    material: int = 0  # the newest material version in effect: a choice older than this is asked again


def versions_in_effect(at=None):
    page = policy_page_in(active_locale_id())
    if page is None:
        return PolicyVersions()
    at = at or timezone.now()
    effective = [entry for entry in timeline.versions_of(page.translation_key) if entry.is_effective(at)]
    if not effective:
        return PolicyVersions()
    material = [entry.number for entry in effective if entry.is_material or entry.number == 1]
    return PolicyVersions(current=effective[-1].number, material=max(material, default=0))


def analytics_csp(counters):
    """The directives to add to the page's Content-Security-Policy for the counters that are set."""
    sources = {}
    for counter_id, hosts in (
        (counters.yandex_metrica_id, YANDEX_METRICA_CSP),
        (counters.ga4_measurement_id, GA4_CSP),
    ):
        if counter_id:
            for directive, values in hosts.items():
                sources.setdefault(directive, []).extend(values)
    return sources
