"""Change notices: published automatically with each version, in each language as it is translated.

The Kazakh notice is created when a version is created; the Russian and English notices are created as
wagtail-localize translations of it when that language's snapshot of the version is first published,
so editors can edit and re-translate them like any page.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.localize_import import translate_page
from policy.models import PolicyUpdateIndexPage, PolicyUpdatePage

UPDATES_SLUG = "updates"


def index_title(language):
    with translation.override(language):
        return _("Privacy policy updates")


def index_intro(language):
    with translation.override(language):
        return _("Notices of changes to our privacy policy, newest first.")


def notice_title(version, language):
    with translation.override(language):
        return _("Privacy policy version %(number)s") % {"number": version.number}


def ensure_updates_index(policy_page):
    """The updates index below `policy_page` (created on first use)."""
    index = PolicyUpdateIndexPage.objects.child_of(policy_page).first()
    if index is None:
        language = policy_page.locale.language_code
        index = policy_page.add_child(
            instance=PolicyUpdateIndexPage(
                title=index_title(language),
                slug=UPDATES_SLUG,
                intro=index_intro(language),
                locale=policy_page.locale,
            )
        )
        index.save_revision().publish()
    return index


def publish_notice(version, source_page):
    """Create and publish the source-language notice of `version`."""
    index = ensure_updates_index(source_page)
    existing = PolicyUpdatePage.objects.child_of(index).filter(version=version).first()
    if existing:
        return existing
    language = source_page.locale.language_code
    notice = index.add_child(
        instance=PolicyUpdatePage(
            title=notice_title(version, language),
            slug=f"version-{version.number}",
            version=version,
            body=version.summary,
            locale=source_page.locale,
        )
    )
    notice.save_revision().publish()
    return notice


def publish_notice_translation(snapshot):
    """Translate the notice of `snapshot.version` into the snapshot's language (if not done yet)."""
    version = snapshot.version
    source_notice = PolicyUpdatePage.objects.filter(
        version=version, locale__language_code=version.source_language
    ).first()
    if source_notice is None:
        return None
    locale = Locale.objects.get(language_code=snapshot.language)
    if source_notice.has_translation(locale) and not source_notice.get_translation(locale).alias_of_id:
        return source_notice.get_translation(locale)
    source_index = source_notice.get_parent().specific
    language = snapshot.language
    if not source_index.has_translation(locale) or source_index.get_translation(locale).alias_of_id:
        translate_page(
            source_index,
            locale,
            {
                source_index.title: index_title(language),
                source_index.intro: index_intro(language),
            },
        )
    return translate_page(
        source_notice,
        locale,
        {
            source_notice.title: notice_title(version, language),
            source_notice.body: snapshot.summary or source_notice.body,
        },
    )
