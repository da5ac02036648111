"""Data-subject requests made online: `/<lang>/privacy/requests/` (issue #11).

A visitor picks what they ask for (withdraw consent, information, correction, blocking, destruction),
gives the e-mail address the request is about and, optionally, a receipt number and details. A valid
POST stores a `PrivacyRequest` awaiting confirmation and queues an e-mail (`forms.request_tasks`) with a
link to `/<lang>/privacy/requests/confirm/?token=...`: the request's number signed with SECRET_KEY and
a salt of its own, stamped with the time (django.core.signing), valid for 24 hours. The answer is the
same page, status and text whatever the address: the view never looks whether the address is known to
us, so the page cannot tell anyone whose data we hold.

Opening the link (GET) only shows a button (mail scanners and link previews open links); the POST opens
the request: status "open", its confirmation time and its due date, so many working days later
(`settings.PRIVACY_REQUEST_WORKING_DAYS`, `forms.working_days`). Nothing happens to a request before
that. An expired, forged or already used link gets a page saying so and changes nothing; so does the
link of a request that expired unconfirmed (the daily retention run marks them "expired").

POSTs are rate-limited per IP and per e-mail address (each in a group of its own); over the limit the
visitor is told so (429) and nothing is stored. The form has the consent forms' honeypot. These pages
use Django's CSRF check, cookie and all (`forms.csrf` accepts cookieless POSTs only for consent forms
and withdrawal links). Every answer is private and never stored by a cache.
"""

import uuid
from datetime import timedelta

from django import forms as django_forms
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.rate_limits import is_ratelimited
from core.site_url import canonical_url
from forms.models import PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType
from forms.tasks import enqueue_with_record

SALT = "edna.privacy-request-confirmation"
CONFIRMATION_HOURS = 24
CONFIRMATION_MAX_AGE = timedelta(hours=CONFIRMATION_HOURS)
HONEYPOT_FIELD = "website"  # as on the consent forms
IP_RATE_GROUP = "privacy-request-ip"
EMAIL_RATE_GROUP = "privacy-request-email"
CONFIRM_RATE_GROUP = "privacy-request-confirm"


def ip_rate():
    return getattr(settings, "PRIVACY_REQUEST_IP_RATE", "10/h")


def email_rate():
    return getattr(settings, "PRIVACY_REQUEST_EMAIL_RATE", "3/h")


# Tokens


def make_confirmation_token(privacy_request):
    """The request's number, signed and time-stamped (letters, digits, "-", "_" and ":")."""
    return signing.dumps(str(privacy_request.uuid), salt=SALT)


class ConfirmationProblem(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "invalid" or "expired"


def read_confirmation_token(token):
    """The request number of a token this site signed less than 24 hours ago."""
    try:
        value = signing.loads(token or "", salt=SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        raise ConfirmationProblem("expired") from None
    except signing.BadSignature:
        raise ConfirmationProblem("invalid") from None
    # Signed by us, but a request number only if it reads as one (a token of another kind made with the
    # same salt must not reach the UUID lookup, which would raise).
    if not isinstance(value, str):
        raise ConfirmationProblem("invalid")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ConfirmationProblem("invalid") from None


def confirmation_url(privacy_request):
    """The confirmation link on the site's canonical address, in the request's language."""
    with translation.override(privacy_request.language):
        path = reverse("privacy_request_confirm")
    return canonical_url(f"{path}?{urlencode({'token': make_confirmation_token(privacy_request)})}")


# The form


class PrivacyRequestForm(django_forms.Form):
    request_type = django_forms.ChoiceField(
        label=gettext_lazy("What do you ask for?"),
        choices=PrivacyRequestType.choices,
        widget=django_forms.RadioSelect,
    )
    email = django_forms.EmailField(
        label=gettext_lazy("Your e-mail address"),
        help_text=gettext_lazy(
            "The address your personal data are about. We send a link there: the request is made only "
            "when you open it and confirm."
        ),
        widget=django_forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    receipt_id = django_forms.UUIDField(
        label=gettext_lazy("Receipt number (optional)"),
        required=False,
        help_text=gettext_lazy("From the receipt of a consent you gave, if your request is about it."),
        error_messages={"invalid": gettext_lazy("Enter the receipt number as it appears on your receipt.")},
    )
    details = django_forms.CharField(
        label=gettext_lazy("Details"),
        required=False,
        max_length=5000,
        help_text=gettext_lazy("For a correction: which data are wrong and what they should be."),
        widget=django_forms.Textarea(attrs={"rows": 5}),
    )
    website = django_forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        widget=django_forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("request_type") == PrivacyRequestType.CORRECTION and not cleaned.get("details"):
            self.add_error("details", _("Tell us which data are wrong and what they should be."))
        return cleaned


def _render(request, template, context, status=200):
    response = TemplateResponse(request, f"forms/requests/{template}", context, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _form_page(request, form, status=200, message=None):
    return _render(
        request,
        "form.html",
        {
            "form": form,
            "fields": [form[name] for name in form.fields if name != HONEYPOT_FIELD],
            "honeypot": form[HONEYPOT_FIELD],
            "form_message": message,
        },
        status=status,
    )


def _too_many(request, form):
    return _form_page(
        request, form, status=429, message=_("Too many requests. Please wait a while and try again.")
    )


def privacy_requests(request):
    """The request form (GET) and its submission (POST)."""
    if request.method != "POST":
        initial = {}
        if request.GET.get("type") in PrivacyRequestType.values:
            initial["request_type"] = request.GET["type"]
        return _form_page(request, PrivacyRequestForm(initial=initial))

    form = PrivacyRequestForm(request.POST)
    if request.POST.get(HONEYPOT_FIELD):
        message = _("Your request was not accepted. If you are a person, please wait a minute and try again.")
        return _form_page(request, PrivacyRequestForm(), status=400, message=message)
    if is_ratelimited(request, group=IP_RATE_GROUP, key="ip", rate=ip_rate(), increment=True):
        return _too_many(request, form)
    if not form.is_valid():
        return _form_page(request, form, status=200, message=_("Please correct the errors below."))
    email = form.cleaned_data["email"].strip()
    if is_ratelimited(
        request,
        group=EMAIL_RATE_GROUP,
        key=lambda group, request: email.lower(),
        rate=email_rate(),
        increment=True,
    ):
        return _too_many(request, form)

    with transaction.atomic():
        privacy_request = PrivacyRequest.objects.create(
            request_type=form.cleaned_data["request_type"],
            language=get_language(),
            email=email,
            receipt_id=form.cleaned_data["receipt_id"],
            details=form.cleaned_data["details"],
        )
        from forms.request_tasks import send_request_confirmation

        enqueue_with_record(send_request_confirmation, privacy_request.pk)
    # Deliberately nothing about the address: the same page for every request.
    return _render(request, "sent.html", {"hours": CONFIRMATION_HOURS})


# Confirmation

PROBLEMS = {
    "invalid": (
        400,
        gettext_lazy(
            "This confirmation link is not valid. Please copy the whole link from the e-mail, or make "
            "your request again."
        ),
    ),
    "expired": (
        410,
        gettext_lazy(
            "This confirmation link has expired: links are valid for 24 hours. Please make your request "
            "again. Nothing was changed."
        ),
    ),
    "used": (
        410,
        gettext_lazy("This request has already been confirmed, or can no longer be. Nothing was changed."),
    ),
}


def _problem(request, reason):
    status, message = PROBLEMS[reason]
    return _render(request, "problem.html", {"message": message}, status=status)


def _no_longer_waiting(request_number):
    """Why a request's link no longer confirms it: "expired" if the daily retention run expired it
    unconfirmed (`forms.retention`), else "used"."""
    expired = PrivacyRequest.objects.filter(uuid=request_number, status=PrivacyRequestStatus.EXPIRED).exists()
    return "expired" if expired else "used"


def confirm_privacy_request(request):
    """GET shows the button; POST confirms. `token` comes in the link's query (GET) or the form (POST)."""
    if request.method == "POST" and is_ratelimited(
        request, group=CONFIRM_RATE_GROUP, key="ip", rate=ip_rate(), increment=True
    ):
        return _render(
            request,
            "problem.html",
            {"message": _("Too many requests. Please wait a while and try again.")},
            status=429,
        )
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    try:
        request_number = read_confirmation_token(token)
    except ConfirmationProblem as problem:
        return _problem(request, problem.reason)
    waiting = PrivacyRequest.objects.filter(
        uuid=request_number, status=PrivacyRequestStatus.AWAITING_CONFIRMATION
    )

    if request.method != "POST":
        privacy_request = waiting.first()
        if privacy_request is None:
            return _problem(request, _no_longer_waiting(request_number))
        return _render(request, "confirm.html", {"privacy_request": privacy_request, "token": token})

    from forms.working_days import add_working_days

    with transaction.atomic():
        privacy_request = waiting.select_for_update().first()
        if privacy_request is None:  # already confirmed (the button pressed twice), expired, or gone
            return _problem(request, _no_longer_waiting(request_number))
        privacy_request.confirmed_at = timezone.now()
        privacy_request.due_at = add_working_days(
            privacy_request.confirmed_at,
            settings.PRIVACY_REQUEST_WORKING_DAYS[privacy_request.request_type],
        )
        privacy_request.status = PrivacyRequestStatus.OPEN
        privacy_request.save(update_fields=["status", "confirmed_at", "due_at"])
    return _render(request, "confirmed.html", {"privacy_request": privacy_request})
