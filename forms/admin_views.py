"""Staff views of consent evidence at /admin/consents/: list, filter, export, inspect, download files.

Only users with the `view_consentrecord` permission (the Privacy officers group, and superusers) reach
them; everyone else gets 403. Every export and every opened record is written to Wagtail's audit log.
Records are evidence, so there are no add, edit or delete views; links to them from elsewhere in the
admin (the site history report) go to the inspect view (`ReadOnlyViewSetMixin`).

Each row of the listing links to its record (the time of the consent) and shows the name and e-mail the
visitor gave, read from the submission joined to the record (no query per row, no COUNT(*)), and each
purpose's current state (given, refused, withdrawn, expired, invalidated: its newest `ConsentEvent`,
else the grant), from the prefetched grants and events. The filters (`forms.filters`) find "purpose X
is currently <state>" in SQL; the export is `forms.consent_export`. Blocked submissions are left out of
the listing and the exports until unblocked; an officer can still open one directly, marked "blocked".

The record view shows the answers under the form's labels in the staff member's admin language (or when
the personal data was erased, instead of them), the stored statement split into its purposes beside the
exact stored text (`forms.record_display`), the events, and what became of its e-mails.
"""

import hashlib

from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from forms.consent_export import ConsentExportMixin
from forms.filters import ConsentRecordFilterSet
from forms.models import ConsentRecord, ConsentSubmission
from forms.paginator import NoCountPaginator
from forms.record_display import (
    admin_content_language,
    email_deliveries,
    statement_parts,
    submission_answers,
    submitter_name,
)
from forms.uploads import private_storage


def granted_purposes(record):
    return ", ".join(str(grant.purpose_number) for grant in record.grants.all() if grant.granted)


def current_states(record):
    """Each purpose's current state, e.g. "1 given · 4 withdrawn · 5 refused" (prefetched: no query)."""
    return " · ".join(
        f"{grant.purpose_number} {grant.get_current_state_display()}" for grant in record.grants.all()
    )


def submitter_email(record):
    """The e-mail address given, or a marker once the personal data was erased."""
    if record.submission.erased_at:
        return gettext("erased")
    return record.submission.email


def submitted_time(record):
    """The exact local time of the consent (the listing's link to the record)."""
    return formats.date_format(timezone.localtime(record.submitted_at), "SHORT_DATETIME_FORMAT")


class ConsentRecordPaginator(NoCountPaginator):
    """NoCountPaginator with the count of records worded with the plural forms of the admin language
    (Wagtail's own label puts any number before the plural noun: "1 записи о согласии")."""

    @property
    def has_more(self):
        return self._has_more

    @property
    def shown(self):
        """Records up to the end of this page (all there are unless `has_more`)."""
        return self._seen

    @property
    def items_count_label(self):
        if self._has_more:
            label = ngettext(
                "more than %(count)s consent record", "more than %(count)s consent records", self._seen
            )
        else:
            label = ngettext("%(count)s consent record", "%(count)s consent records", self._seen)
        return label % {"count": self._seen}


def forbidden(request):
    """A real 403 (Wagtail turns a raised PermissionDenied into a redirect to the dashboard)."""
    return TemplateResponse(request, "wagtailadmin/consents_forbidden.html", status=403)


class OfficersOnlyMixin:
    """Consent evidence holds personal data: only Privacy officers (and superusers) may see it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("consent_forms.view_consentrecord"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class ConsentRecordIndexView(OfficersOnlyMixin, ConsentExportMixin, generic.IndexView):
    paginator_class = ConsentRecordPaginator
    results_template_name = "forms/admin/consent_record_index_results.html"

    def get_base_queryset(self):
        """Every record but those of blocked submissions (they come back when unblocked)."""
        return (
            ConsentRecord.objects.filter(submission__blocked_at__isnull=True)
            .select_related("version", "submission")
            .prefetch_related("grants", "events")
        )

    @property
    def no_results_message(self):
        """Whole sentences (Wagtail's put the plural noun into one sentence for every model, which
        Russian cannot decline: "записи о согласиине соответствует вашему запросу")."""
        if self.is_searching or self.is_filtering:
            return _("No consent records match your query.")
        return _("There are no consent records yet.")


class ConsentRecordInspectView(OfficersOnlyMixin, generic.InspectView):
    """One record: the submission beside the frozen text. A blocked submission is still shown here (to
    the officers who open it directly) under a "blocked" notice; an erased one shows when its personal
    data was erased instead of the marker left in its answers. Says what became of its e-mails."""

    template_name = "forms/admin/consent_record_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            ConsentRecord.objects.select_related("snapshot", "version", "submission").prefetch_related(
                "grants", "events"
            ),
            pk=self.pk,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        submission = record.submission
        context.update(
            {
                "record": record,
                "blocked_at": submission.blocked_at,
                "erased_at": submission.erased_at,
                "answers": []
                if submission.erased_at
                else submission_answers(record, admin_content_language()),
                "email_deliveries": email_deliveries(record),
                "grants": record.grants.all(),
                "events": [
                    (event, event.get_state_display(), event.get_channel_display())
                    for event in record.events.all()
                ],
                "statement_parts": statement_parts(record.statement),
                "statement_hash_matches": hashlib.sha256(record.statement.encode()).hexdigest()
                == record.statement_sha256,
            }
        )
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(instance=self.object, action="consent_forms.view_record", user=request.user)
        return response


class InspectURLFinder(ModelAdminURLFinder):
    """Where the admin links an object of a read-only viewset (the site history report, the audit log):
    its inspect view, for users allowed to view it; no link for anyone else."""

    inspect_url_name = None

    def construct_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    def get_edit_url(self, instance):
        opts = type(instance)._meta
        permission = f"{opts.app_label}.{get_permission_codename('view', opts)}"
        if self.user is None or not self.user.has_perm(permission):
            return None
        return self.construct_edit_url(instance)


class ReadOnlyViewSetMixin:
    """A ModelViewSet with only its listing and inspect view: no add, edit or delete (evidence is never
    typed in or changed, and requests come from visitors). Links to its objects from elsewhere in the
    admin (Wagtail's site history report finds them through the model's URL finder) go to the inspect
    view: a finder pointing at the missing edit view made the report fail."""

    form_fields = []

    @property
    def url_finder_class(self):
        return type(
            "InspectURLFinder", (InspectURLFinder,), {"inspect_url_name": self.get_url_name("inspect")}
        )

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(add_url_name=None, edit_url_name=None, delete_url_name=None)
        return view_kwargs

    def get_urlpatterns(self):
        keep = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]


class ConsentRecordViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = ConsentRecord
    url_prefix = "consents"
    url_namespace = "consents"
    icon = "form"
    menu_label = _("Consents")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = ConsentRecordIndexView
    inspect_view_class = ConsentRecordInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ConsentRecordFilterSet
    search_fields = ["submission__email"]
    search_backend_name = None
    list_per_page = 25
    list_display = [
        TitleColumn(
            "submitted_at", label=_("Submitted at"), accessor=submitted_time, url_name="consents:inspect"
        ),
        Column("name", label=_("Name"), accessor=submitter_name),
        Column("email", label=_("E-mail"), accessor=submitter_email),
        Column("form_title", label=_("Form")),
        Column("version", label=_("Version"), accessor="version.number"),
        Column("language", label=_("Language")),
        Column("purposes", label=_("Purposes"), accessor=granted_purposes),
        Column("states", label=_("Current state"), accessor=current_states),
        Column("receipt_id", label=_("Receipt")),
    ]
    export_filename = "consents"


def download_upload(request, submission_id, field_name):
    """A file a visitor uploaded (a CV), for the staff allowed to read submissions."""
    if not request.user.has_perm("consent_forms.view_consentsubmission"):
        return forbidden(request)
    submission = get_object_or_404(ConsentSubmission, pk=submission_id)
    name = submission.form_data.get(field_name)
    if not isinstance(name, str) or not name.startswith("cv/"):
        raise Http404("No file")
    storage = private_storage()
    if not storage.exists(name):
        raise Http404("File gone")
    log(
        instance=submission.consent,
        action="consent_forms.download_file",
        user=request.user,
        data={"field": field_name},
    )
    return FileResponse(storage.open(name, "rb"), as_attachment=True, filename=name.rsplit("/", 1)[-1])
