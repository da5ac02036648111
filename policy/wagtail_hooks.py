"""Admin integration: delete protection for versioned policies and the editors' versions panel."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from policy.admin_panels import PolicyVersionsPanel
from policy.models import PolicyVersion, PrivacyPolicyPage


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
