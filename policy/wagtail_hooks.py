"""Admin integration: delete protection for versioned policies and the editors' versions panel."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from policy import publishing
from policy.admin_panels import PolicyVersionsPanel
from policy.localize_views import GuardedSubmitPageTranslationView, GuardedUpdateTranslationsView
from policy.models import PolicyVersion, PrivacyPolicyPage
from policy.translation_editor import policy_translation_editor

hooks.register("before_edit_page", policy_translation_editor)


@hooks.register("register_admin_urls")
def guard_translation_views():
    """Ahead of wagtail-localize's own URLs (this app's hooks load first): see `policy.localize_views`."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
            name="policy_guarded_update_translations",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="policy_guarded_submit_page_translation",
        ),
    ]


@hooks.register("register_log_actions")
def register_publishing_log_actions(actions):
    """What `policy.publishing` writes to the audit log."""
    actions.register_action(
        publishing.PUBLISHED_OUTSIDE_WORKFLOW,
        gettext_lazy("Published outside Legal approval"),
        gettext_lazy("Published outside Legal approval"),
    )
    actions.register_action(
        publishing.PUBLICATION_REFUSED,
        gettext_lazy("Publication refused"),
        gettext_lazy("Publication refused"),
    )
    actions.register_action(
        publishing.SUBMITTED_INSTEAD,
        gettext_lazy("Submitted to Legal approval instead of published"),
        gettext_lazy("Submitted to Legal approval instead of published"),
    )


def has_versioned_policy(page):
    """Whether `page` is, or contains, a policy page with published versions."""
    keys = PrivacyPolicyPage.objects.descendant_of(page, inclusive=True).values_list(
        "translation_key", flat=True
    )
    return PolicyVersion.objects.filter(policy_key__in=keys).exists()


@hooks.register("before_delete_page")
def refuse_deleting_versioned_policy(request, page):
    """A policy with versions is evidence of what visitors agreed to: it cannot be deleted."""
    if has_versioned_policy(page):
        messages.error(
            request,
            _("This privacy policy has published versions that consents refer to, so it cannot be deleted."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("construct_homepage_panels")
def add_policy_versions_panel(request, panels):
    panels.insert(0, PolicyVersionsPanel(request))


@hooks.register("register_log_actions")
def register_snapshot_refused_log_action(actions):
    """What `policy.versioning` writes when a published translation is not complete enough to freeze."""
    from django.utils import translation as i18n
    from wagtail.log_actions import LogFormatter

    from policy.versioning import SNAPSHOT_REFUSED

    @actions.register_action(SNAPSHOT_REFUSED)
    class SnapshotRefused(LogFormatter):
        label = i18n.gettext_lazy("Snapshot refused: incomplete translation")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Not frozen as a snapshot of version %(number)s: %(problems)s") % {
                "number": data.get("version", "?"),
                "problems": " ".join(data.get("problems", [])),
            }
