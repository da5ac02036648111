"""Admin registration: the consent records viewset, audit-log actions, file downloads, the consents
column of the policy's versions panel, keeping Wagtail's own form-submission listings away from
staff who may not see personal data, and the privacy requests' queue, actions and dashboard panel."""

from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from forms.admin_views import ConsentRecordViewSet, download_upload
from forms.models import ConsentFormPage, ConsentRecord
from policy.admin_panels import VERSION_COLUMNS_HOOK, VersionColumn
from policy.review import REVIEW_SECTIONS_HOOK


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


@hooks.register(VERSION_COLUMNS_HOOK)
def consents_per_version_column():
    """The editors' versions panel shows how many consents refer to each version."""
    return VersionColumn(heading=_("Consents"), values=consent_counts_by_version, css_class="consent-count")


def consent_counts_by_version(versions):
    counts = (
        ConsentRecord.objects.filter(version__in=versions)
        .order_by()
        .values("version_id")
        .annotate(count=Count("pk"))
        .values_list("version_id", "count")
    )
    return {version.pk: 0 for version in versions} | dict(counts)


@hooks.register(REVIEW_SECTIONS_HOOK)
def forms_asking_consent_again(page, version_in_force):
    """Reviewers of a material change see which forms will ask their visitors to consent again."""
    if not page.version_is_material:
        return None
    purpose_keys = list(page.purposes.values_list("translation_key", flat=True))
    forms = (
        ConsentFormPage.objects.live()
        .filter(locale_id=page.locale_id, consent_purposes__purpose_key__in=purpose_keys)
        .distinct()
        .order_by("path")
    )
    return {
        "heading": gettext("Forms that will ask visitors for consent again"),
        "lines": [f"{form.title} ({form.get_url()})" for form in forms],
    }


@hooks.register(REVIEW_SECTIONS_HOOK)
def consents_on_version_in_force(page, version_in_force):
    if version_in_force is None:
        return None
    count = ConsentRecord.objects.filter(version_id=version_in_force.id).count()
    return {
        "heading": gettext("Consents recorded on the version in force"),
        "lines": [
            ngettext(
                "%(count)s consent on version %(number)s",
                "%(count)s consents on version %(number)s",
                count,
            )
            % {"count": count, "number": version_in_force.number}
        ],
    }


@hooks.register("register_admin_viewset")
def register_working_day_calendar():
    from forms.calendar_admin import CalendarDayViewSet

    return CalendarDayViewSet("working_calendar", url_prefix="working-calendar")


@hooks.register("register_admin_viewset")
def register_privacy_requests():
    """/admin/privacy-requests/: the queue of data-subject requests (Privacy officers only)."""
    from forms.request_admin import PrivacyRequestViewSet

    return PrivacyRequestViewSet("privacy_requests")


class CorrectionLogFormatter(LogFormatter):
    """ "Corrected a submission (fields: full_name, phone)": which fields, never their old or new values."""

    label = _("Correct a submission")

    def format_message(self, log_entry):
        fields = (log_entry.data or {}).get("fields") or []
        return gettext("Corrected a submission (fields: %(fields)s)") % {
            "fields": ", ".join(map(str, fields))
        }


@hooks.register("register_log_actions")
def register_privacy_request_log_actions(actions):
    """The privacy officers' actions on requests (`forms.request_actions`) and one-click withdrawals."""
    from forms.request_actions import LOG_ACTIONS

    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action("consent_forms.request_correct")(CorrectionLogFormatter)
    actions.register_action(
        "consent_forms.withdraw", _("Withdraw consent"), _("Withdrew consent with a one-click link")
    )


@hooks.register("construct_homepage_panels")
def privacy_requests_due_panel(request, panels):
    """Privacy officers see on the dashboard what is due today and what is overdue."""
    from forms.request_dashboard import PrivacyRequestsDuePanel, may_answer_requests

    if may_answer_requests(request.user):
        panels.append(PrivacyRequestsDuePanel())
