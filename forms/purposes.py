"""The policy's processing purposes as seen by the forms: choices for editors, rows of a snapshot, and
which of a row's personal data a form's fields collect."""

import re

from wagtail.models import Locale

from policy.document import frozen_purposes
from policy.versioning import SOURCE_LANGUAGE


def purpose_choices():
    """(key, "N. purpose") for every row of table No. 1 of the live source-language policy."""
    from policy.models import PrivacyPolicyPage

    policy = (
        PrivacyPolicyPage.objects.live()
        .filter(locale=Locale.objects.filter(language_code=SOURCE_LANGUAGE).first())
        .first()
    )
    if policy is None:
        return []
    return [
        (str(row.translation_key), f"{number}. {row.purpose}")
        for number, row in enumerate(policy.purposes.all(), 1)
    ]


def snapshot_purposes(snapshot):
    """{purpose key: purpose dict} of a frozen policy text (its table No. 1)."""
    return {purpose["key"]: purpose for purpose in frozen_purposes(snapshot.document)}


# Table No. 1 of the client's policy lists the same six items of personal data for every purpose a form
# can ask about: 1 surname, first name, patronymic; 2 e-mail address; 3 telephone number; 4 the country
# the Site was accessed from; 5 company name; 6 other data the Site Visitor provides on their own
# initiative. A form's field is one of the first five by its key (`clean_name`, the same in every
# language) or by its type; any other field (a message, a cover letter, a CV) falls under the sixth.
CONTACT_DATA_ITEMS = 6
DATA_ITEM_BY_FIELD_NAME = {"full_name": 1, "email": 2, "phone": 3, "country": 4, "company": 5}
DATA_ITEM_BY_FIELD_TYPE = {"email": 2, "phone": 3, "country": 4}
TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def field_data_name(field):
    """What a field collects, from its label: "CV (PDF or DOCX, up to 5 MB)" -> "CV", "Cover letter" ->
    "cover letter"."""
    name = TRAILING_NOTE.sub("", field.label).strip() or field.label.strip()
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        name = name[0].lower() + name[1:]
    return name


def collected_data(personal_data, fields):
    """The items of a purpose's list of personal data that a form with `fields` collects, in the policy's
    order and words; the fields under "other data the visitor provides" are named after it by their
    labels, e.g. "other data … (cover letter, CV)".

    A list that is not the six items above (the technical data of purpose 10, or a list the editors
    changed) is returned whole: the form's fields cannot be placed in it, and naming more than the form
    collects is safer than naming the wrong item.
    """
    items = [item for item in personal_data if item.strip()]
    if len(items) != CONTACT_DATA_ITEMS or not fields:
        return items
    numbers, own = set(), []
    for field in fields:
        number = DATA_ITEM_BY_FIELD_NAME.get(field.clean_name) or DATA_ITEM_BY_FIELD_TYPE.get(
            field.field_type
        )
        if number:
            numbers.add(number)
        else:
            own.append(field_data_name(field))
    named = [items[number - 1] for number in sorted(numbers)]
    if own:
        named.append(f"{items[-1]} ({', '.join(own)})")
    return named
