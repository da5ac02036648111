"""The policy's processing purposes as seen by the forms: choices for editors, rows of a snapshot."""

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
