"""Admin registration: the consent records viewset, audit-log actions, file downloads, and keeping
Wagtail's own form-submission listings away from staff who may not see personal data."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from forms.admin_views import ConsentRecordViewSet, download_upload


@hooks.register("register_admin_viewset")
def register_consent_records():
    return ConsentRecordViewSet("consents")


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(
        "consent_forms.export", _("Export consent records"), _("Exported consent records")
    )
    actions.register_action(
        "consent_forms.view_record", _("View consent record"), _("Viewed a consent record")
    )
    actions.register_action(
        "consent_forms.download_file", _("Download uploaded file"), _("Downloaded an uploaded file")
    )


@hooks.register("register_admin_urls")
def register_download_url():
    return [
        path("consents/files/<int:submission_id>/<str:field_name>/", download_upload, name="consent_file")
    ]


@hooks.register("filter_form_submissions_for_user")
def only_privacy_officers_see_submissions(user, editable_forms):
    if user.has_perm("consent_forms.view_consentsubmission"):
        return editable_forms
    return editable_forms.none()
