"""How a consent record reads to the staff who inspect it (display only: nothing stored is changed).

- The submitted answers are shown under the form's field labels in the staff member's admin language:
  the labels of the live translation of the form page in that language if there is one, else the labels
  of the page the visitor used, else the stored key. Countries are named in that language (CLDR through
  Babel, as on the form), an uploaded CV is a download link, phone numbers are shown as stored (E.164).
- The frozen consent statement is kept exactly as stored (it is evidence); `statement_parts` only splits
  it on the "[required] " / "[optional] " prefixes that `forms.statements.statements_text` writes, so the
  template can show each purpose's statement with a translated word beside it.
- `email_deliveries` says what became of the receipt and the staff notification (`EmailDelivery`).
- `NAME_FIELD` is the key under which the consent forms store the visitor's full name; the listing shows
  it beside the e-mail address.
"""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, ngettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from forms.builder import countries_named_in
from forms.models import ConsentFormField, DeliveryStatus, EmailKind
from forms.tasks import MAX_ATTEMPTS

NAME_FIELD = "full_name"
UPLOAD_PREFIX = "cv/"  # what forms.uploads.store_upload names every stored upload


def submitter_name(record):
    """The full name the visitor typed (empty if the form did not ask for it)."""
    data = record.submission.form_data
    value = data.get(NAME_FIELD) if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def admin_content_language():
    """The content language (kk, ru, en) matching the language the admin is shown in."""
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


@functools.cache
def country_names(language):
    """ISO 3166-1 code -> the country's name in `language` (the same CLDR names as the form shows)."""
    return {code: name for code, name in countries_named_in(language) if code}


@dataclass(frozen=True)
class FieldDefinition:
    label: str
    field_type: str


def field_definitions(record, language):
    """clean_name -> FieldDefinition, in the form's order, labelled in `language` where the form has a
    live translation in it (one query; empty if the form page is gone)."""
    page_id = record.form_page_id or record.submission.page_id
    if page_id is None:
        return {}
    translation_key = Page.objects.filter(pk=page_id).values("translation_key")[:1]
    rows = (
        ConsentFormField.objects.filter(
            Q(page_id=page_id)
            | Q(
                page__translation_key=Subquery(translation_key),
                page__locale__language_code=language,
                page__live=True,
            )
        )
        .order_by("sort_order", "pk")
        .values_list("page_id", "clean_name", "label", "field_type")
    )
    own, translated = {}, {}
    for row_page_id, clean_name, label, field_type in rows:
        (own if row_page_id == page_id else translated)[clean_name] = FieldDefinition(label, field_type)
    return {
        clean_name: FieldDefinition(
            translated[clean_name].label if clean_name in translated else definition.label,
            definition.field_type,
        )
        for clean_name, definition in own.items()
    }


@dataclass(frozen=True)
class Answer:
    """One submitted value as staff read it. `kind` is "text", "multiline", "file" or "empty"."""

    key: str
    label: str
    value: str
    kind: str = "text"
    url: str = ""


def _is_empty(value):
    return value is None or value == "" or value == []


def display_answer(record, key, value, definition, language):
    label = definition.label if definition else key
    field_type = definition.field_type if definition else ""
    if _is_empty(value):
        return Answer(key, label, "", "empty")
    if isinstance(value, str) and value.startswith(UPLOAD_PREFIX) and field_type in ("file", ""):
        url = reverse("consent_file", args=[record.submission_id, key])
        return Answer(key, label, value.rsplit("/", 1)[-1], "file", url)
    if field_type == "country" and isinstance(value, str):
        return Answer(key, label, country_names(language).get(value, value))
    if isinstance(value, bool):
        return Answer(key, label, gettext("Yes") if value else gettext("No"))
    if isinstance(value, list):
        return Answer(key, label, ", ".join(str(item) for item in value))
    return Answer(key, label, str(value), "multiline" if field_type == "multiline" else "text")


def submission_answers(record, language=None):
    """The submission's answers in the form's order (then any key the form no longer has)."""
    language = language or admin_content_language()
    definitions = field_definitions(record, language)
    data = record.submission.form_data if isinstance(record.submission.form_data, dict) else {}
    keys = [key for key in definitions if key in data] + [key for key in data if key not in definitions]
    return [display_answer(record, key, data[key], definitions.get(key), language) for key in keys]


STATEMENT_PREFIX = re.compile(r"^\[(required|optional)\] ", re.MULTILINE)


@dataclass(frozen=True)
class StatementPart:
    """The statement of one purpose as stored (without its "[required] " / "[optional] " prefix)."""

    required: bool | None  # None: text before the first prefix (not written by the current code)
    text: str

    @property
    def label(self):
        if self.required is None:
            return ""
        return gettext("required") if self.required else gettext("optional")


def statement_parts(statement):
    """The stored statement split into one part per purpose. For a statement written by
    `statements_text`, putting each part back behind its prefix, one line each, gives the stored text
    exactly (tested): nothing is lost or reworded."""
    matches = list(STATEMENT_PREFIX.finditer(statement))
    parts = []
    if not matches or matches[0].start() > 0:
        leading = statement[: matches[0].start() if matches else len(statement)]
        if leading.strip():
            parts.append(StatementPart(None, leading.rstrip("\n")))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(statement)
        parts.append(StatementPart(match.group(1) == "required", statement[match.end() : end].rstrip("\n")))
    return parts


def local_datetime(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def delivery_text(delivery):
    """What became of one e-mail about the record (an `EmailDelivery`, or None: no attempt recorded)."""
    if delivery is None:
        return gettext("no attempt recorded yet (queued, or sent before deliveries were recorded)")
    values = {
        "attempts": delivery.attempts,
        "max": MAX_ATTEMPTS,
        "error": delivery.error,
        "last": local_datetime(delivery.last_attempt_at) if delivery.last_attempt_at else "",
        "next": local_datetime(delivery.next_attempt_at) if delivery.next_attempt_at else "",
    }
    if delivery.status == DeliveryStatus.SENT:
        return gettext("sent on %(last)s (attempt %(attempts)s)") % values
    if delivery.status == DeliveryStatus.RETRYING:
        return (
            gettext("attempt %(attempts)s of %(max)s failed (%(error)s) on %(last)s; retrying on %(next)s")
            % values
        )
    if delivery.status == DeliveryStatus.FAILED:
        return (
            ngettext(
                "failed after %(attempts)s attempt (%(error)s), the last on %(last)s",
                "failed after %(attempts)s attempts (%(error)s), the last on %(last)s",
                delivery.attempts,
            )
            % values
        )
    return gettext("not sent: %(reason)s") % {"reason": delivery.get_reason_display()}


def email_deliveries(record):
    """[(the e-mail's name, what became of it, its status or "")] for the receipt and the staff
    notification (one query)."""
    deliveries = {delivery.kind: delivery for delivery in record.email_deliveries.all()}
    return [
        (kind.label, delivery_text(deliveries.get(kind)), getattr(deliveries.get(kind), "status", ""))
        for kind in (EmailKind.RECEIPT, EmailKind.STAFF_NOTIFICATION)
    ]
