"""Serving a consent form: show the current policy text's statements, check what comes back, keep it.

GET renders the form with its consent statement (`forms.statements`: a block its purposes share and a
short statement beside each checkbox) generated from the policy snapshot (version + language) that is
current for the page's language, and a signed token naming that snapshot and the hash of the statement.
POST stores nothing unless all of these hold: no honeypot, within the rate limit, a valid unexpired
token, no material policy change since the form was shown, every field valid and every required consent
ticked. Then the submission, its evidence and the staff notification and receipt e-mails to send are
saved in one transaction, and the visitor is redirected to the receipt. The policy page, its current
text, the request's Site and the company details come from the shared cache, so a POST runs a fixed,
small number of queries (asserted in tests/forms/test_submission_cost.py).
"""

from dataclasses import dataclass

from django import forms as django_forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from core.rate_limits import is_ratelimited
from forms.builder import ConsentFormBuilder
from forms.definition import FormDefinition, form_definition
from forms.models import ConsentGrant, ConsentRecord, ConsentSubmission
from forms.statements import form_statement, privacy_requests_url
from forms.statements import version_url as canonical_version_url
from forms.tasks import enqueue_with_record, notify_staff, send_receipt
from forms.tokens import InvalidConsentToken, make_token, read_token
from forms.uploads import CVField, delete_upload, store_upload
from home.company_cache import company_details_for_site
from policy import snapshot_cache, timeline
from policy.document import ClauseRole, frozen_clause
from policy.lookup import policy_page_in
from policy.models import PrivacyPolicyPage
from policy.version_words import local_datetime_text

TOKEN_FIELD = "consent_token"  # noqa: S105 - a form field name, not a secret
HONEYPOT_FIELD = "website"

TOKEN_ERRORS = {
    "missing": gettext_lazy("The form was incomplete. Please check your answers and send it again."),
    "forged": gettext_lazy("The form could not be verified. Please check your answers and send it again."),
    "expired": gettext_lazy("The form was open for too long. Please check your answers and send it again."),
}


def policy_for(page):
    """The live policy page in the form's language (else the source language's), from the cache."""
    policy = policy_page_in(page.locale_id)
    if policy is not None and policy.locale_id == page.locale_id:
        page.locale = policy.locale  # the form's language without another query
    return policy


def current_snapshot(page, policy):
    return (
        snapshot_cache.current_snapshot(policy.translation_key, page.locale.language_code) if policy else None
    )


def version_url(request, policy, snapshot):
    """The canonical address of the version (from SITE_BASE_URL, not from how this request came in, so
    the statement, and its hash, are the same whatever scheme or host the visitor used)."""
    return canonical_version_url(policy, snapshot)


def consent_statement(request, served, snapshot):
    """What the served form says about consent under the policy text `snapshot` (the text in force, or
    the one a submitted form was shown with), naming the operator of the request's Site."""
    site = Site.find_for_request(request) or served.page.get_site()
    operator = company_details_for_site(site).for_language(snapshot.language)
    return form_statement(
        snapshot,
        served.definition,
        operator,
        version_url(request, served.policy, snapshot),
        privacy_requests_url(served.policy),
    )


def consent_form_class(definition, statement):
    """The form builder's form for the page's fields plus a checkbox per consent, the token and the
    honeypot."""
    attrs = {
        purpose.field_name: django_forms.BooleanField(
            required=purpose.required,
            label=purpose.text,
            # the terms every consent of the form shares, shown once above the checkboxes
            widget=django_forms.CheckboxInput(attrs={"aria-describedby": "consent-terms"}),
            error_messages={
                "required": _("Tick this box to give your consent: the form cannot be sent without it.")
            },
        )
        for purpose in statement.purposes
    }
    attrs[TOKEN_FIELD] = django_forms.CharField(required=False, widget=django_forms.HiddenInput)
    attrs[HONEYPOT_FIELD] = django_forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=django_forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    return type("ConsentForm", (ConsentFormBuilder(definition.fields).get_form_class(),), attrs)


def render_form(request, page, form, statement, snapshot, policy, status=200, message=None):
    """The form page; `form` and `statement` are None when no policy text is in force to consent to."""
    statements = statement.purposes if statement is not None else ()
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "statement": statement,
            "statements": statements,
            "snapshot": snapshot,
            "policy": policy,
        }
    )
    context["form_message"] = message
    context["error_summary"] = error_summary(form, statements) if form is not None and form.errors else []
    if form is not None:
        context.update(
            {
                "builder_fields": [
                    form[name] for name in form.fields if name not in _extra_fields(statements)
                ],
                "consent_fields": [form[purpose.field_name] for purpose in statements],
                "consents": [(form[purpose.field_name], purpose) for purpose in statements],
                "honeypot": form[HONEYPOT_FIELD],
                "token_field": form[TOKEN_FIELD],
            }
        )
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def error_summary(form, statements):
    """[(field id, what the field is, error)] for the summary above an invalid form, in page order."""
    purposes = {purpose.field_name: purpose for purpose in statements}
    entries = []
    for name, field in form.fields.items():
        if name in (TOKEN_FIELD, HONEYPOT_FIELD):
            continue
        label = (
            _("Consent to purpose %(number)s") % {"number": purposes[name].number}
            if name in purposes
            else field.label
        )
        entries.extend((form[name].id_for_label, label, error) for error in form[name].errors)
    return entries


def _extra_fields(statements):
    return {TOKEN_FIELD, HONEYPOT_FIELD, *(statement.field_name for statement in statements)}


@dataclass(frozen=True)
class ServedForm:
    """The form page being served, what it asks, and the policy text in force for its language."""

    page: object
    definition: FormDefinition
    policy: object
    snapshot: object


def fresh_form(request, served, data=None, files=None, message=None, status=200):
    """The form for the current policy text, optionally re-filled with what the visitor sent."""
    snapshot, policy = served.snapshot, served.policy
    statement = consent_statement(request, served, snapshot)
    token = make_token(snapshot, statement.sha256, served.page)
    if data is not None:
        data = data.copy()
        data[TOKEN_FIELD] = token
        for purpose in statement.purposes:  # a new text must be accepted anew
            data.pop(purpose.field_name, None)
    form_class = consent_form_class(served.definition, statement)
    form = (
        form_class(data, files, initial={TOKEN_FIELD: token})
        if data is not None
        else form_class(initial={TOKEN_FIELD: token})
    )
    if data is not None:
        form.is_valid()  # show field errors beside the message
    return render_form(
        request, served.page, form, statement, snapshot, policy, status=status, message=message
    )


def ask_again(request, served, message):
    """The form for the current policy text again, re-filled with what the visitor sent, and why."""
    return fresh_form(request, served, request.POST, request.FILES, message)


def serve_form(request, page, preview=False):
    policy = policy_for(page)
    snapshot = current_snapshot(page, policy)
    if snapshot is None:
        return render_form(
            request, page, None, None, None, policy, message=_("This form is not available yet.")
        )
    served = ServedForm(page, form_definition(page, preview), policy, snapshot)
    if request.method != "POST" or preview:
        return fresh_form(request, served)
    return receive(request, served)


def blocked(request, served, status):
    message = _("Your submission was not accepted. If you are a person, please wait a minute and try again.")
    return fresh_form(request, served, message=message, status=status)


def material_change_since(shown_version, policy):
    """Whether a version with a material change took effect after the one the form showed."""
    now = timezone.now()
    return any(
        entry.number > shown_version.number and entry.is_material and entry.is_effective(now)
        for entry in timeline.versions_of(policy.translation_key)
    )


def receive(request, served):
    page, policy = served.page, served.policy
    if request.POST.get(HONEYPOT_FIELD):
        return blocked(request, served, status=400)
    if is_ratelimited(
        request,
        group=f"consent-form-{page.translation_key}",
        key="ip",
        rate=settings.CONSENT_FORM_RATE,
        increment=True,
    ):
        return blocked(request, served, status=429)
    try:
        token = read_token(request.POST.get(TOKEN_FIELD), page)
    except InvalidConsentToken as error:
        return ask_again(request, served, TOKEN_ERRORS[error.reason])
    shown = (
        served.snapshot
        if token.snapshot_id == served.snapshot.pk
        else snapshot_cache.snapshot_by_id(token.snapshot_id)
    )
    if shown is None:
        return ask_again(request, served, TOKEN_ERRORS["forged"])

    statement = consent_statement(request, served, shown)
    if statement.sha256 != token.statement_sha256 or material_change_since(shown.version, policy):
        message = _(
            "Our privacy policy has changed since this form was opened. Please read the new consent "
            "statements below and tick them again."
        )
        return ask_again(request, served, message)

    form = consent_form_class(served.definition, statement)(request.POST, request.FILES)
    if not form.is_valid():
        return render_form(
            request, page, form, statement, shown, policy, message=_("Please correct the errors below.")
        )
    try:
        record = save_consent(page, form, shown, statement, token)
    except IntegrityError:
        # The same form sent twice (the token's nonce is unique): one record, the same receipt.
        existing = ConsentRecord.objects.filter(token_nonce=token.nonce).first()
        if existing is None:
            raise
        return redirect(receipt_url(request, page, existing))
    return redirect(receipt_url(request, page, record))


def submitted_data(page, form, statement):
    """What the visitor typed, by field key (uploads replaced by their private storage name)."""
    extra = _extra_fields(statement.purposes)
    data = {}
    for name, value in form.cleaned_data.items():
        if name in extra:
            continue
        data[name] = store_upload(value) if isinstance(form.fields[name], CVField) and value else value
    return data


def save_consent(page, form, snapshot, statement, token):
    """Store the submission, its evidence and its e-mails in one transaction. An upload stored for a
    submission that is then not saved (say, the same form sent twice) is removed again."""
    data = submitted_data(page, form, statement)
    try:
        return _save_consent(page, form, snapshot, statement, token, data)
    except Exception:
        for name, value in data.items():
            if isinstance(form.fields[name], CVField) and value:
                delete_upload(value)
        raise


def _save_consent(page, form, snapshot, statement, token, data):
    email = next(
        (
            value
            for name, value in data.items()
            if isinstance(form.fields[name], django_forms.EmailField) and value
        ),
        "",
    )
    with transaction.atomic():
        submission = ConsentSubmission.objects.create(page=page, form_data=data, email=email)
        record = ConsentRecord.objects.create(
            submission=submission,
            snapshot=snapshot,
            version=snapshot.version,
            language=snapshot.language,
            form_page=page,
            form_title=page.title,
            statement=statement.text,
            statement_sha256=token.statement_sha256,
            token_nonce=token.nonce,
        )
        ConsentGrant.objects.bulk_create(
            ConsentGrant(
                record=record,
                purpose_key=purpose.key,
                purpose_number=purpose.number,
                purpose=purpose.purpose,
                required=purpose.required,
                granted=bool(form.cleaned_data.get(purpose.field_name)),
                statement=purpose.stored_text,
            )
            for purpose in statement.purposes
        )
        enqueue_with_record(notify_staff, record.pk)
        if email:
            enqueue_with_record(send_receipt, record.pk)
    return record


def receipt_url(request, page, record):
    return f"{page.get_url(request)}receipt/{record.receipt_id}/"


def accepted_text_url(request, policy, snapshot):
    """The canonical address of the policy text a receipt's visitor accepted: its version's, naming the
    edition when a correction has been published since (the version's address shows the newest)."""
    url = version_url(request, policy, snapshot)
    versions = timeline.versions_of(policy.translation_key)
    entry = next((entry for entry in versions if entry.id == snapshot.version_id), None)
    if entry is not None and entry.latest_snapshot_id(snapshot.language) not in (None, snapshot.pk):
        url += f"?edition={snapshot.sequence}"
    return url


def withdrawal_anchor(snapshot):
    """`#clause-N` of the clause on withdrawing consent in that text (3.2 in every version so far)."""
    clause = frozen_clause(snapshot.document, ClauseRole.WITHDRAWAL)
    return f"#clause-{clause['number']}" if clause and clause.get("number") else ""


def serve_receipt(request, page, receipt_id):
    """The receipt, under the form it was given on (in any of the form's languages) and no other."""
    record = (
        ConsentRecord.objects.select_related("version", "snapshot")
        .prefetch_related("grants")
        .filter(receipt_id=receipt_id, form_page__translation_key=page.translation_key)
        .first()
    )
    if record is None:
        raise Http404("No such receipt")
    policy = PrivacyPolicyPage.objects.live().filter(
        translation_key=record.version.policy_key, locale__language_code=record.language
    ).first() or policy_for(page)
    accepted_url = accepted_text_url(request, policy, record.snapshot) if policy else ""
    context = page.get_context(request)
    context.update(
        {
            "record": record,
            "grants": record.grants.all(),
            "submitted_at": local_datetime_text(record.submitted_at),
            "version_url": accepted_url,
            "withdrawal_url": accepted_url and accepted_url + withdrawal_anchor(record.snapshot),
        }
    )
    response = TemplateResponse(request, "forms/receipt.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response
