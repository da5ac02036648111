"""What a Legal approval reviewer is shown: the version being proposed and what it changes.

`review_context(page)` gathers, for the revision under review: the "what changed" summary, material
or editorial, the effective-from in the site's time zone with the zone named, and the public comparison
(the version in force, in the page's language, against this revision's text) as visitors will read it.
Other apps add sections through the `policy_review_sections` hook: each function registered there is
called with the page and the timeline entry of the version in force (or None) and returns
`{"heading": str, "lines": [str, ...]}` or None. The consent forms add which forms will ask visitors
for consent again and how many consents rest on the version in force.

It is shown in the policy editor's "Version" tab (`policy.panels.VersionReviewPanel`) and as the
"Changes" preview, the first preview mode, which is what Wagtail's workflow preview and
wagtail-localize's translation editor open for reviewers.
"""

import dataclasses
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from wagtail import hooks

from policy import snapshot_cache, timeline
from policy.diff import compare_documents
from policy.document import build_policy_document
from policy.version_words import change_type_text, effective_from_text

REVIEW_SECTIONS_HOOK = "policy_review_sections"


def admin_language_of(user):
    """The language the admin speaks to `user`: their preference, else the admin's default (ru/en)."""
    from wagtail.users.models import UserProfile

    permitted = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    preferred = UserProfile.get_for_user(user).get_preferred_language() if user.is_authenticated else None
    return preferred if preferred in permitted else settings.WAGTAILADMIN_DEFAULT_LANGUAGE


def review_context(page, admin_language=None):
    """Everything the review shows for `page` (the revision being reviewed, as a page object), in
    `admin_language` (default: the active one, the admin's inside the editor)."""
    admin_language = admin_language or translation.get_language()
    in_force = timeline.current(page.translation_key)
    before = None
    if in_force is not None:
        snapshot = snapshot_cache.current_snapshot(page.translation_key, page.locale.language_code)
        before = snapshot.document if snapshot is not None else None
    with translation.override(page.locale.language_code):
        # the same shape as a snapshot's stored document (JSON: lists, not tuples)
        after = json.loads(json.dumps(dataclasses.asdict(build_policy_document(page)), cls=DjangoJSONEncoder))
        changes = compare_documents(before, after) if before is not None else None
    with translation.override(admin_language):
        return {
            "admin_language": admin_language,
            "page_language": page.locale.language_code,
            "summary": page.version_summary,
            "change_type": change_type_text(page.version_is_material),
            "is_material": page.version_is_material,
            "effective_from": effective_from_text(page.version_effective_from),
            "version_in_force": in_force,
            "changes": changes,
            "sections": [
                section
                for make_section in hooks.get_hooks(REVIEW_SECTIONS_HOOK)
                if (section := make_section(page, in_force))
            ],
        }
