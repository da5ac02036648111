"""wagtail-localize's "sync translated pages" and "translate this page" views, guarded for the policy.

Both views only ask for wagtail-localize's `submit_translation` permission, which Wagtail's default
Editors and Moderators groups hold; syncing the policy rewrites its translations' drafts. These
subclasses (mounted at the same admin URLs, ahead of wagtail-localize's) also require the right to edit
the source page, which on the policy and its notices only Legal editors and superusers have
(`policy.permissions`). Publishing what they sync still goes through Legal approval
(`policy.publishing`).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def _require_edit_permission(user, instance):
    if isinstance(instance, Page) and not instance.permissions_for_user(user).can_edit():
        raise PermissionDenied


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        _require_edit_permission(request.user, source.get_source_instance())
        return super().dispatch(request, *args, **kwargs)


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        _require_edit_permission(request.user, get_object_or_404(Page, id=kwargs["page_id"]).specific)
        return super().dispatch(request, *args, **kwargs)
