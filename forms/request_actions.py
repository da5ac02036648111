"""What a privacy officer does about a data-subject request, from its page in /admin/privacy-requests/.

Each action is a POST (Django's CSRF check) from a button or form on the request's inspect page; a GET
shows a page (the correction form, the erasure's "are you sure?") and changes nothing. Each action is
for an open request of its own type (unblocking also for a blocking request already done), locks the
request's row while it acts so that two officers pressing at once do it once, and is written to
Wagtail's audit log with the officer, never with the address or a corrected value. A forged or stale
POST (no such request, a request of another type, one that is not open, a refusal without a reason)
changes nothing and says why.

The actions, and the request types they are for:
- export (information): everything held about the person (`forms.data_subject`), as JSON or as a
  readable page in the request's language;
- correct (correction): new values for one submission's answers, checked by the form's own fields; the
  old values are not kept;
- block / unblock (blocking): set / clear `blocked_at` on the person's submissions;
- erase (destruction): `forms.erasure.erase_person`, after a confirmation page; closes the request;
- withdraw (withdrawal): a withdrawn `ConsentEvent` (channel staff) for each consent the officer ticks;
  closes the request;
- refuse (any): closes the request as refused, with the reason (legal hold, Art. 8(2) of Law 94-V);
- done (information, correction, blocking, withdrawal): closes the request, with an optional note.

Closing a request e-mails the visitor in the request's language (`forms.request_tasks`).
"""

import json
import logging

from django import forms as django_forms
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.log_actions import log

from forms.admin_views import OfficersOnlyMixin
from forms.builder import ConsentFormBuilder
from forms.data_subject import collect, person_submissions, readable_page
from forms.erasure import erase_person
from forms.models import ConsentFormPage, PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType
from forms.models.records import ConsentChannel, ConsentEvent, ConsentState
from forms.record_display import UPLOAD_PREFIX, admin_content_language, field_definitions
from forms.request_tasks import outcome_message, send_request_outcome
from forms.tasks import enqueue_with_record

logger = logging.getLogger(__name__)

OPEN = PrivacyRequestStatus.OPEN
Type = PrivacyRequestType
MAX_TEXT = 5000


def inspect_url(privacy_request):
    return reverse("privacy_requests:inspect", args=[privacy_request.pk])


def _request_log_data(privacy_request, **extra):
    return {"privacy_request": str(privacy_request.uuid), **extra}


def close_request(privacy_request, status, outcome, notify=True):
    """Close the request (done or refused) and, on commit, e-mail the visitor."""
    privacy_request.status = status
    privacy_request.closed_at = timezone.now()
    privacy_request.outcome = outcome
    privacy_request.save(update_fields=["status", "closed_at", "outcome"])
    if notify:
        enqueue_with_record(send_request_outcome, privacy_request.pk)


class RequestActionView(OfficersOnlyMixin, View):
    """An action on one request: checks who asks (403 but for Privacy officers and superusers), that the
    request exists, is of a type the action is for and in a state it may act on; then `act` (POST, in a
    transaction holding the request's row) or `show` (GET, no change)."""

    http_method_names = ["post"]
    request_types = ()  # empty: every type
    statuses = (OPEN,)
    log_action = ""

    def problem_with(self, privacy_request):
        if privacy_request is None:
            return _("There is no such privacy request. Nothing was changed.")
        if self.request_types and privacy_request.request_type not in self.request_types:
            return _("This action is not for a request of this type. Nothing was changed.")
        if privacy_request.status not in self.statuses:
            return _(
                "This request is not open (it is %(status)s): this action can no longer be taken. "
                "Nothing was changed."
            ) % {"status": privacy_request.get_status_display()}
        return None

    def refuse_input(self, privacy_request, message):
        messages.error(self.request, message)
        if privacy_request is None:
            return redirect("privacy_requests:index")
        return redirect(inspect_url(privacy_request))

    def get(self, request, pk):
        privacy_request = PrivacyRequest.objects.filter(pk=pk).first()
        problem = self.problem_with(privacy_request)
        if problem:
            return self.refuse_input(privacy_request, problem)
        return self.show(privacy_request)

    def post(self, request, pk):
        with transaction.atomic():
            privacy_request = PrivacyRequest.objects.select_for_update().filter(pk=pk).first()
            problem = self.problem_with(privacy_request)
            if problem:
                return self.refuse_input(privacy_request, problem)
            return self.act(privacy_request)

    def show(self, privacy_request):
        """The page of a GET; only views that allow GET (`http_method_names`) define it."""
        raise NotImplementedError

    def act(self, privacy_request):
        """Carry out the action on an open request of the right type; every action view defines it."""
        raise NotImplementedError

    def log(self, privacy_request, **data):
        log(
            instance=privacy_request,
            action=self.log_action,
            user=self.request.user,
            data=_request_log_data(privacy_request, **data),
        )

    def admin_page(self, template, privacy_request, status=200, **context):
        context.update(
            {
                "privacy_request": privacy_request,
                "inspect_url": inspect_url(privacy_request),
                "index_url": reverse("privacy_requests:index"),
            }
        )
        return TemplateResponse(self.request, f"forms/requests/{template}", context, status=status)


# Export


class ExportView(RequestActionView):
    """Everything held about the person: `?format` (POSTed) "json" downloads it, "page" shows the
    readable page in the request's language."""

    request_types = (Type.INFORMATION,)
    log_action = "consent_forms.request_export"

    def act(self, privacy_request):
        file_format = self.request.POST.get("format")
        if file_format not in ("json", "page"):
            return self.refuse_input(
                privacy_request, _("Choose JSON or a readable page. Nothing was exported.")
            )
        personal = collect(privacy_request.email, privacy_request.language)
        self.log(privacy_request, format=file_format, submissions=len(personal.submissions))
        if file_format == "json":
            response = HttpResponse(
                json.dumps(personal.as_json(), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="personal-data-{privacy_request.uuid}.json"'
            )
        else:
            response = HttpResponse(
                readable_page(personal, privacy_request), content_type="text/html; charset=utf-8"
            )
            # What visitors typed, shown in the admin (which has no site-wide CSP): nothing may load or run.
            response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        response["Cache-Control"] = "private, no-store"
        return response


# Correction


def _editable(value):
    """Answers an officer can retype: not uploaded files, not the erasure marker's lists or objects."""
    return not (isinstance(value, str) and value.startswith(UPLOAD_PREFIX)) and not isinstance(value, dict)


def correction_form_class(submission):
    """A form with the submission's answers, checked by the fields of the form page it came through
    (their types, choices, lengths and required flags) and labelled in the admin's language; answers
    the form no longer asks keep a plain text field. Uploaded files are not edited here."""
    page = ConsentFormPage.objects.filter(pk=submission.page_id).first()
    fields = {}
    if page is not None:
        formfields = ConsentFormBuilder(page.get_form_fields()).formfields
        labels = field_definitions(submission.consent, admin_content_language())
        for name, formfield in formfields.items():
            if isinstance(formfield, django_forms.FileField) or name not in submission.form_data:
                continue
            if name in labels:
                formfield.label = labels[name].label
            fields[name] = formfield
    for name, value in submission.form_data.items():
        if name not in fields and isinstance(value, str) and _editable(value):
            fields[name] = django_forms.CharField(label=name, required=False, max_length=MAX_TEXT)
    fields = {name: field for name, field in fields.items() if _editable(submission.form_data.get(name))}
    return type("CorrectionForm", (django_forms.Form,), fields)


class CorrectView(RequestActionView):
    """Pick one of the person's submissions (`?submission=`), retype the wrong answers, save."""

    http_method_names = ["get", "post"]
    request_types = (Type.CORRECTION,)
    log_action = "consent_forms.request_correct"

    def _submissions(self, privacy_request):
        return [
            submission
            for submission in person_submissions(privacy_request.email)
            if submission.erased_at is None
        ]

    def _chosen(self, submissions, value):
        return next(
            (submission for submission in submissions if str(submission.pk) == str(value or "")), None
        )

    def show(self, privacy_request):
        submissions = self._submissions(privacy_request)
        chosen = self._chosen(submissions, self.request.GET.get("submission"))
        if chosen is None and len(submissions) == 1:
            chosen = submissions[0]
        form = None
        if chosen is not None:
            form = correction_form_class(chosen)(initial=chosen.form_data)
        return self._page(privacy_request, submissions, chosen, form)

    def _page(self, privacy_request, submissions, chosen, form, status=200):
        return self.admin_page(
            "admin_correct.html",
            privacy_request,
            status=status,
            submissions=submissions,
            chosen=chosen,
            form=form,
        )

    def act(self, privacy_request):
        submissions = self._submissions(privacy_request)
        chosen = self._chosen(submissions, self.request.POST.get("submission"))
        if chosen is None:
            return self.refuse_input(
                privacy_request,
                _("That submission is not this person's, or its data were erased. Nothing was changed."),
            )
        form = correction_form_class(chosen)(self.request.POST, initial=chosen.form_data)
        if not form.is_valid():
            messages.error(self.request, _("Please correct the errors below. Nothing was changed yet."))
            return self._page(privacy_request, submissions, chosen, form, status=200)
        changed = [name for name in form.changed_data if name in form.cleaned_data]
        if not changed:
            messages.warning(self.request, _("No answer was changed."))
            return redirect(
                f"{reverse('privacy_requests:correct', args=[privacy_request.pk])}?submission={chosen.pk}"
            )
        data = dict(chosen.form_data)
        for name in changed:
            data[name] = form.cleaned_data[name]
        chosen.form_data = data
        update_fields = ["form_data"]
        new_email = next(
            (
                form.cleaned_data[name]
                for name in changed
                if isinstance(form.fields[name], django_forms.EmailField)
                and chosen.email == form.initial.get(name)
            ),
            None,
        )
        if new_email is not None:
            chosen.email = new_email
            update_fields.append("email")
        chosen.save(update_fields=update_fields)
        self.log(privacy_request, receipt=str(chosen.consent.receipt_id), fields=sorted(changed))
        messages.success(
            self.request,
            _("Corrected: %(fields)s. Mark the request done when everything asked for is corrected.")
            % {"fields": ", ".join(str(form.fields[name].label) for name in changed)},
        )
        return redirect(inspect_url(privacy_request))


# Blocking


class BlockView(RequestActionView):
    request_types = (Type.BLOCKING,)
    log_action = "consent_forms.request_block"

    def act(self, privacy_request):
        blocked = (
            person_submissions(privacy_request.email)
            .filter(blocked_at__isnull=True, erased_at__isnull=True)
            .update(blocked_at=timezone.now())
        )
        self.log(privacy_request, submissions=blocked)
        messages.success(
            self.request,
            _(
                "Submissions blocked: %(count)s. They are left out of listings, exports and e-mails until "
                "unblocked."
            )
            % {"count": blocked},
        )
        return redirect(inspect_url(privacy_request))


class UnblockView(RequestActionView):
    request_types = (Type.BLOCKING,)
    statuses = (OPEN, PrivacyRequestStatus.DONE)
    log_action = "consent_forms.request_unblock"

    def act(self, privacy_request):
        unblocked = (
            person_submissions(privacy_request.email).filter(blocked_at__isnull=False).update(blocked_at=None)
        )
        self.log(privacy_request, submissions=unblocked)
        messages.success(self.request, _("Submissions unblocked: %(count)s.") % {"count": unblocked})
        return redirect(inspect_url(privacy_request))


# Erasure


class EraseView(RequestActionView):
    """GET: what will be erased, and a button; POST (only with that page's confirmation): erase."""

    http_method_names = ["get", "post"]
    request_types = (Type.DESTRUCTION,)
    log_action = "consent_forms.request_erase"

    def problem_with(self, privacy_request):
        problem = super().problem_with(privacy_request)
        if problem is None and not privacy_request.email:
            return _("The address of this request was erased already. Nothing was changed.")
        return problem

    def show(self, privacy_request):
        personal = collect(privacy_request.email, admin_content_language())
        return self.admin_page(
            "admin_erase_confirm.html",
            privacy_request,
            submissions=personal.open_submissions,
            files=sum(
                1 for item in personal.open_submissions for answer in item.answers if answer.kind == "file"
            ),
            requests=personal.requests,
        )

    def act(self, privacy_request):
        if self.request.POST.get("confirmed") != "yes":
            messages.error(self.request, _("Confirm the erasure on this page. Nothing was erased."))
            return redirect(reverse("privacy_requests:erase", args=[privacy_request.pk]))
        note = self.request.POST.get("note", "").strip()[:MAX_TEXT]
        # The visitor's answer is written while the address is known, and sent from memory once the
        # erasure is committed: no queue row keeps the address (forms.request_tasks).
        privacy_request.status = PrivacyRequestStatus.DONE
        privacy_request.closed_at = timezone.now()
        privacy_request.outcome = note
        message = outcome_message(privacy_request)
        erasure = erase_person(privacy_request.email, user=self.request.user, privacy_request=privacy_request)
        privacy_request.refresh_from_db()
        close_request(privacy_request, PrivacyRequestStatus.DONE, note, notify=False)
        self.log(
            privacy_request,
            submissions=erasure.submissions,
            files=erasure.files,
            requests=erasure.requests,
        )
        transaction.on_commit(lambda: self._send(message))
        messages.success(
            self.request,
            _(
                "Erased. Submissions: %(submissions)s, files: %(files)s, requests: %(requests)s. "
                "The consent evidence is kept."
            )
            % {"submissions": erasure.submissions, "files": erasure.files, "requests": erasure.requests},
        )
        return redirect(inspect_url(privacy_request))

    def _send(self, message):
        try:
            message.send()
        except OSError:
            logger.exception("The answer to an erased person's request could not be sent")
            messages.warning(
                self.request,
                _(
                    "The data were erased, but the e-mail telling the visitor could not be sent. "
                    "Tell them another way."
                ),
            )


# Withdrawal


class WithdrawView(RequestActionView):
    """POST `consent` values "<record id>:<purpose number>" (the consents still given, ticked on the
    inspect page) and an optional note: one withdrawn event each, then the request is done."""

    request_types = (Type.WITHDRAW_CONSENT,)
    log_action = "consent_forms.request_withdraw"

    def act(self, privacy_request):
        given = {
            f"{item.record.pk}:{purpose.number}": (item.record, purpose)
            for item in collect(privacy_request.email, admin_content_language()).open_submissions
            for purpose in item.given_purposes
        }
        chosen = self.request.POST.getlist("consent")
        if not chosen:
            return self.refuse_input(
                privacy_request, _("Tick at least one consent to withdraw. Nothing was changed.")
            )
        if any(value not in given for value in chosen):
            return self.refuse_input(
                privacy_request,
                _("A consent ticked is not this person's, or is no longer given. Nothing was changed."),
            )
        grants = {
            (grant.record_id, grant.purpose_number): grant
            for record, _purpose in given.values()
            for grant in record.grants.all()
        }
        events = ConsentEvent.objects.bulk_create(
            ConsentEvent(
                record=record,
                purpose_key=grants[(record.pk, purpose.number)].purpose_key,
                purpose_number=purpose.number,
                state=ConsentState.WITHDRAWN,
                channel=ConsentChannel.STAFF,
                privacy_request=privacy_request,
            )
            for record, purpose in (given[value] for value in dict.fromkeys(chosen))
        )
        close_request(
            privacy_request, PrivacyRequestStatus.DONE, self.request.POST.get("note", "").strip()[:MAX_TEXT]
        )
        self.log(
            privacy_request,
            withdrawn=[f"{event.record.receipt_id}:{event.purpose_number}" for event in events],
        )
        messages.success(
            self.request,
            _("Consents withdrawn: %(count)s. The request is done and the visitor is told.")
            % {"count": len(events)},
        )
        return redirect(inspect_url(privacy_request))


# Closing


class ReasonForm(django_forms.Form):
    text = django_forms.CharField(max_length=MAX_TEXT, strip=True)


class RefuseView(RequestActionView):
    log_action = "consent_forms.request_refuse"

    def act(self, privacy_request):
        form = ReasonForm({"text": self.request.POST.get("reason", "")})
        if not form.is_valid():
            return self.refuse_input(
                privacy_request,
                _(
                    "Give the reason for the refusal (e.g. the legal hold under Art. 8(2) of Law 94-V). "
                    "Nothing was changed."
                ),
            )
        close_request(privacy_request, PrivacyRequestStatus.REFUSED, form.cleaned_data["text"])
        self.log(privacy_request)
        messages.success(self.request, _("The request is refused; the visitor is told why."))
        return redirect(inspect_url(privacy_request))


class DoneView(RequestActionView):
    request_types = (Type.INFORMATION, Type.CORRECTION, Type.BLOCKING, Type.WITHDRAW_CONSENT)
    log_action = "consent_forms.request_done"

    def act(self, privacy_request):
        close_request(
            privacy_request, PrivacyRequestStatus.DONE, self.request.POST.get("note", "").strip()[:MAX_TEXT]
        )
        self.log(privacy_request)
        messages.success(self.request, _("The request is done; the visitor is told."))
        return redirect(inspect_url(privacy_request))


ACTION_VIEWS = {
    "export": ExportView,
    "correct": CorrectView,
    "block": BlockView,
    "unblock": UnblockView,
    "erase": EraseView,
    "withdraw": WithdrawView,
    "refuse": RefuseView,
    "done": DoneView,
}

# (action, label, message) registered by `forms.wagtail_hooks`; the correction has a formatter of its own
# there, which names the fields corrected.
LOG_ACTIONS = [
    (
        "consent_forms.request_export",
        gettext_lazy("Export a person's data"),
        gettext_lazy("Exported everything held about the person"),
    ),
    (
        "consent_forms.request_block",
        gettext_lazy("Block a person's data"),
        gettext_lazy("Blocked the person's data"),
    ),
    (
        "consent_forms.request_unblock",
        gettext_lazy("Unblock a person's data"),
        gettext_lazy("Unblocked the person's data"),
    ),
    (
        "consent_forms.request_erase",
        gettext_lazy("Erase a person's data"),
        gettext_lazy("Erased the person's data"),
    ),
    (
        "consent_forms.request_withdraw",
        gettext_lazy("Withdraw consent for a person"),
        gettext_lazy("Withdrew consents for the person"),
    ),
    (
        "consent_forms.request_refuse",
        gettext_lazy("Refuse a privacy request"),
        gettext_lazy("Refused the request"),
    ),
    (
        "consent_forms.request_done",
        gettext_lazy("Close a privacy request as done"),
        gettext_lazy("Closed the request as done"),
    ),
]
