"""Withdrawing a consent as easily as it was given: one link per purpose, one button.

The receipt page and the receipt e-mail carry, for each purpose consented to, a link to
`/<lang>/<form>/withdraw/<token>/`. The token is signed with the site's SECRET_KEY (django.core.signing,
its own salt; SECRET_KEY_FALLBACKS keep old links working across a key rotation) and names the consent
record and the purpose number; it cannot be forged or pointed at
another record or purpose. It does not expire: a consent may be withdrawn at any time, and the link in a
receipt e-mail must still work years later. It stays valid after a withdrawal, and then says the consent
is already withdrawn. Anyone holding the link can withdraw that one consent, as anyone holding the
receipt e-mail could write to the operator quoting its number; it reveals no personal data.

GET only shows the confirmation page (mail scanners and link previews open links); POST appends a
`ConsentEvent` (state withdrawn, channel "receipt link"), shows a withdrawal receipt, writes the
withdrawal to Wagtail's audit log (no user: the visitor did it) and e-mails the receipt to the address
the consent was given with, unless that submission is blocked or erased (`forms.request_tasks`). The
record, its statement, hash and grants are never touched. POSTs are rate-limited per IP
(`CONSENT_FORM_RATE`, a group of their own). Every answer is private and never stored by a cache.
"""

import re

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.rate_limits import is_ratelimited
from core.site_url import page_canonical_url
from forms.models.pages import ConsentFormPage
from forms.models.records import ConsentChannel, ConsentEvent, ConsentRecord, ConsentState
from forms.request_tasks import send_withdrawal_receipt
from forms.tasks import enqueue_with_record
from policy.version_words import local_datetime_text

SALT = "edna.consent-withdrawal"
RATE_GROUP = "consent-withdrawal"
WITHDRAW_ACTION = "consent_forms.withdraw"
# ASCII digits only, and no more than a database id can have ("١٢" is decimal to Python, and int() of
# thousands of digits raises); the signature is the signer's URL-safe base64.
TOKEN_FORM = re.compile(r"([0-9]{1,18})-([0-9]{1,5})-([A-Za-z0-9_-]{1,100})", re.ASCII)


class InvalidWithdrawalToken(Exception):
    """A withdrawal token that this site did not sign (tampered, truncated, another kind of token)."""


def _signer():
    return signing.Signer(salt=SALT, algorithm="sha256")


def make_withdrawal_token(record_id, purpose_number):
    """ "<record id>-<purpose number>-<signature>": only letters, digits, "-" and "_", the characters
    Wagtail's page routing accepts in a path segment (a `signing.dumps` token has colons)."""
    value = f"{int(record_id)}-{int(purpose_number)}"
    return f"{value}-{_signer().signature(value)}"


def read_withdrawal_token(value):
    """(record id, purpose number) of a token signed by this site with the withdrawal salt."""
    match = TOKEN_FORM.fullmatch(value or "")
    if match is None:
        raise InvalidWithdrawalToken(value)
    record_id, purpose_number, signature = match.groups()
    try:  # unsign: a constant-time comparison, and SECRET_KEY_FALLBACKS honoured
        _signer().unsign(f"{record_id}-{purpose_number}:{signature}")
    except signing.BadSignature:
        raise InvalidWithdrawalToken(value) from None
    return int(record_id), int(purpose_number)


def withdrawal_url(record, token):
    """The withdrawal link on the site's canonical address, under the form page (and so the language)
    the consent was given on; "" when that page is gone."""
    try:
        page = record.form_page
    except ConsentFormPage.DoesNotExist:
        return ""
    if page is None:
        return ""
    return page_canonical_url(page, f"withdraw/{token}/")


def _render(request, page, template, context, status=200):
    full = page.get_context(request)
    full.update(context)
    response = TemplateResponse(request, template, full, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _problem(request, page, status, message):
    return _render(request, page, "forms/withdraw_problem.html", {"message": message}, status=status)


def _find_grant(page, record_id, purpose_number):
    """The record (given on this form, in any of its languages) and its granted purpose, or Nones."""
    record = (
        ConsentRecord.objects.select_related("version")
        .filter(pk=record_id, form_page__translation_key=page.translation_key)
        .first()
    )
    if record is None:
        return None, None
    grant = next(
        (grant for grant in record.grants.all() if grant.purpose_number == purpose_number and grant.granted),
        None,
    )
    return (record, grant) if grant is not None else (None, None)


def serve_withdrawal(request, page, token):
    if request.method == "POST" and is_ratelimited(
        request, group=RATE_GROUP, key="ip", rate=settings.CONSENT_FORM_RATE, increment=True
    ):
        return _problem(request, page, 429, _("Too many requests. Please wait a minute and try again."))
    try:
        record_id, purpose_number = read_withdrawal_token(token)
    except InvalidWithdrawalToken:
        return _problem(
            request,
            page,
            400,
            _(
                "This withdrawal link is not valid. Please copy the whole link from your receipt, or "
                "write to us quoting your receipt number."
            ),
        )
    record, grant = _find_grant(page, record_id, purpose_number)
    if grant is None:
        return _problem(
            request,
            page,
            404,
            _("This withdrawal link does not match any consent given on this form. Nothing was changed."),
        )

    if request.method == "POST":
        with transaction.atomic():
            # One withdrawal however many times the button is pressed at once: the record's row is
            # locked (FOR UPDATE changes nothing, so the immutability triggers let it through).
            ConsentRecord.objects.select_for_update().filter(pk=record.pk).values_list("pk").first()
            event = (
                ConsentEvent.objects.filter(record=record, purpose_number=purpose_number)
                .order_by("-occurred_at", "-id")
                .first()
            )
            already = event is not None and event.state == ConsentState.WITHDRAWN
            if not already:
                event = ConsentEvent.objects.create(
                    record=record,
                    purpose_key=grant.purpose_key,
                    purpose_number=purpose_number,
                    state=ConsentState.WITHDRAWN,
                    channel=ConsentChannel.RECEIPT_LINK,
                )
                log(
                    instance=record,
                    action=WITHDRAW_ACTION,
                    user=None,
                    data={"purpose": purpose_number, "channel": ConsentChannel.RECEIPT_LINK.value},
                )
                enqueue_with_record(send_withdrawal_receipt, event.pk)
        return _done(request, page, record, grant, event, already)

    if grant.current_state == ConsentState.WITHDRAWN:  # GET: shows, changes nothing
        return _done(request, page, record, grant, grant.newest_event, already=True)
    return _render(request, page, "forms/withdraw.html", {"record": record, "grant": grant})


def _done(request, page, record, grant, event, already):
    return _render(
        request,
        page,
        "forms/withdraw_done.html",
        {
            "record": record,
            "grant": grant,
            "event": event,
            "already": already,
            "withdrawn_at": local_datetime_text(event.occurred_at),
        },
    )
