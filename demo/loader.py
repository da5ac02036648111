"""Demo content: the kk home page and policy, their ru/en translations, and the company details.

Idempotent: what exists already is left as it is (editors' changes survive), what is missing is made.
The one exception is the default Site's address, which always follows `SITE_BASE_URL` (the canonical
address consent statements link to; `make run` passes the address it serves). The BIN is left empty:
the client has not supplied it, and the editors' dashboard says so.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from core.localize_import import translate_page, translation_map
from core.site_url import host_and_port
from demo.cookies import ensure_cookie_declarations
from demo.form_content import FORMS
from demo.form_pages import ensure_form_pages
from demo.home_content import COMPANY, HOME
from demo.policy_content import POLICY
from demo.policy_page import build_policy_page
from home.models import CompanyDetails, HomePage
from policy.models import PrivacyPolicyPage

SOURCE_LANGUAGE = "kk"
TARGET_LANGUAGES = ["ru", "en"]


def load_demo(log=print):
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    site = _ensure_site_and_home(source_locale, log)
    _ensure_site_address(site, log)
    _ensure_company_details(site, log)
    home = site.root_page.specific
    policy = PrivacyPolicyPage.objects.filter(locale=source_locale).first()
    if policy is None:
        policy = home.add_child(instance=build_policy_page(SOURCE_LANGUAGE))
        policy.save_revision().publish()
        log("Created the Kazakh privacy policy at /kk/privacy/.")
    ensure_cookie_declarations(SOURCE_LANGUAGE, TARGET_LANGUAGES, log)
    forms = ensure_form_pages(home, policy, COMPANY["email"], log)
    content = {"home": HOME, "policy": POLICY, "forms": FORMS}
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        strings = {"": "", **translation_map(content, SOURCE_LANGUAGE, code)}
        for page in (home, policy, *forms):
            if not page.has_translation(locale) or page.get_translation(locale).alias_of_id:
                with transaction.atomic():
                    translate_page(page, locale, strings)
                log(f"Translated {page.title!r} into {code}.")


def _ensure_site_and_home(locale, log):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site
    placeholder = site.root_page if site else None
    if placeholder and placeholder.specific_class is Page and not placeholder.get_children().exists():
        placeholder.delete()  # Wagtail's "Welcome" page; its Site goes with it and is made anew below
        site = None
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title=HOME["title"][SOURCE_LANGUAGE], slug="home", intro=HOME["intro"][SOURCE_LANGUAGE]
            )
        )
        home.save_revision().publish()
        log("Created the Kazakh home page.")
    hostname, port = host_and_port()
    if site is None:
        hostname = hostname or "localhost"
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="edna.kz"
        )
    else:
        site.root_page = home
        site.save()
    return site


def _ensure_site_address(site, log):
    """The default Site serves the canonical address (SITE_BASE_URL), so that the links Wagtail makes
    for it agree with the ones statements, receipts and e-mails make."""
    hostname, port = host_and_port()
    if hostname and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
        log(f"The default Site now serves {hostname}:{port} (SITE_BASE_URL).")


def _ensure_company_details(site, log):
    details = CompanyDetails.for_site(site)
    if details.legal_name_kk:
        return
    for code in ["kk", *TARGET_LANGUAGES]:
        setattr(details, f"legal_name_{code}", COMPANY["legal_name"][code])
        setattr(details, f"postal_address_{code}", COMPANY["postal_address"][code])
    details.email = COMPANY["email"]
    details.save()
    log("Filled in the company details.")
