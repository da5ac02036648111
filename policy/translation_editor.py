"""wagtail-localize's translation editor, for the policy's translations: submit, don't publish.

For a policy translation, the editor's main action becomes submitting the translation to Legal
approval (its "Publish" button is offered to whoever may edit the page, and for anyone but a superuser
it saves the translated draft and starts the workflow), and "Convert to alias page" is not offered: an
alias would replace the translated text with the Kazakh one. Connected as a `before_edit_page` hook,
which runs ahead of wagtail-localize's own (this app's hooks load first). wagtail-localize renders its
editor at once (no TemplateResponse), so the props are changed in the rendered `data-props` attribute.
"""

import html
import json
import re

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import redirect
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from policy.models import PrivacyPolicyPage
from policy.publishing import incomplete_translation_problems, submit_for_legal_approval

PROPS_ATTRIBUTE = re.compile(r'data-props="([^"]*)"')  # wagtail_localize/admin/edit_translation.html


def policy_translation_editor(request, page):
    specific = page.specific
    if not isinstance(specific, PrivacyPolicyPage) or page.alias_of_id:
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return None
    if request.method == "POST" and request.POST.get("action") == "publish" and not request.user.is_superuser:
        return submit_translation(request, translation, specific)
    response = edit_translation.edit_translation(request, translation, page)
    if response.status_code == 200 and not response.streaming:
        response.content = PROPS_ATTRIBUTE.sub(
            lambda match: f'data-props="{escape(_editor_props(match.group(1), request, page))}"',
            response.content.decode(response.charset),
            count=1,
        )
    return response


def _editor_props(escaped_props, request, page):
    """The editor's props (rendered into the page, HTML-escaped) without alias, with submit."""
    props = json.loads(html.unescape(escaped_props))
    props["links"]["convertToAliasUrl"] = None
    if page.permissions_for_user(request.user).can_edit():
        props["perms"]["canPublish"] = True
    return json.dumps(props, cls=DjangoJSONEncoder)


def submit_translation(request, translation, page):
    """Save the translated draft and submit it to Legal approval, unless it is incomplete."""
    translation.save_target(user=request.user, publish=False)
    page.refresh_from_db()
    problems = incomplete_translation_problems(page.get_latest_revision())
    if problems:
        messages.error(
            request,
            " ".join([_("The translation was saved but not submitted: it is not complete."), *problems]),
        )
    elif submit_for_legal_approval(page, request.user):
        messages.success(request, _("The translation was submitted to Legal approval."))
    else:
        messages.warning(
            request,
            _("The translation was saved; it already awaits Legal approval, and reviewers see this draft."),
        )
    return redirect("wagtailadmin_pages:edit", page.pk)
