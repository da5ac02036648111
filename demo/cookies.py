"""The demo's cookie snippets: created in Kazakh, translated into Russian and English through
wagtail-localize (categories first: a cookie's category is a translated reference). Idempotent."""

from django.db import transaction
from wagtail.models import Locale

from core.localize_import import enter_translations, translation_map
from demo.cookie_content import CATEGORIES
from policy.models import CookieCategory, CookieDeclaration


def ensure_cookie_declarations(source_language, target_languages, log):
    source = Locale.objects.get(language_code=source_language)
    if CookieCategory.objects.filter(locale=source).exists():
        return
    with transaction.atomic():
        categories, cookies = [], []
        for order, spec in enumerate(CATEGORIES):
            category = CookieCategory.objects.create(
                locale=source,
                key=spec["key"],
                name=spec["name"][source_language],
                description=spec["description"][source_language],
                sort_order=order,
            )
            categories.append(category)
            for cookie_order, cookie in enumerate(spec["cookies"]):
                cookies.append(
                    CookieDeclaration.objects.create(
                        locale=source,
                        category=category,
                        name=cookie["name"],
                        provider=cookie["provider"][source_language],
                        purpose=cookie["purpose"][source_language],
                        lifetime_days=cookie["lifetime_days"],
                        destination_country=cookie["country"][source_language],
                        sort_order=cookie_order,
                    )
                )
        for code in target_languages:
            locale = Locale.objects.get(language_code=code)
            strings = translation_map(CATEGORIES, source_language, code)
            for snippet in (*categories, *cookies):
                enter_translations(snippet, locale, strings).save_target()
    log("Created the cookie categories and cookies, translated into " + ", ".join(target_languages) + ".")
