"""Consent statements generated from the frozen policy text the visitor is shown.

Article 8 of Law No. 94-V asks a consent to name the operator, the purpose, the list of data, the term,
and any third-party and cross-border transfer. Each statement is built only from the snapshot (version +
language), so it says exactly what that version says; its SHA-256 is stored with the consent.
"""

import hashlib
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from forms.purposes import snapshot_purposes
from policy.document import ClauseRole, frozen_clause


@dataclass(frozen=True)
class PurposeStatement:
    key: str
    number: int
    purpose: str
    required: bool
    text: str

    @property
    def field_name(self):
        return f"consent_{self.number}"


def purpose_statement(snapshot, purpose, version_url):
    """The statement beside one checkbox, in the snapshot's language."""
    document = snapshot.document
    third_party = frozen_clause(document, ClauseRole.THIRD_PARTY_TRANSFER)
    countries = frozen_clause(document, ClauseRole.TRANSFER_COUNTRIES)
    with translation.override(snapshot.language):
        parts = [
            _("I consent to %(operator)s processing my personal data for the purpose “%(purpose)s”.")
            % {"operator": document["controller"]["legal_name"], "purpose": purpose["purpose"]},
            _("Data: %(data)s.") % {"data": "; ".join(purpose["personal_data"])},
            _("Processing methods: %(methods)s.") % {"methods": purpose["processing_methods"]},
            _("Term: %(term)s.") % {"term": purpose["retention_term"]},
            _("How to withdraw consent: %(withdrawal)s.") % {"withdrawal": purpose["withdrawal_method"]},
        ]
        if third_party:
            parts.append(_("Transfer to third parties: %(text)s") % {"text": third_party["text"]})
        if countries and countries["items"]:
            parts.append(
                _("Cross-border transfer, including to: %(countries)s.")
                % {"countries": ", ".join(countries["items"])}
            )
        parts.append(
            _("Privacy policy version %(number)s (%(language)s): %(url)s")
            % {"number": snapshot.version.number, "language": snapshot.language, "url": version_url}
        )
    return " ".join(parts)


def statements_for(snapshot, consent_purposes, version_url):
    """PurposeStatement for each consent purpose of a form that the snapshot's table No. 1 contains."""
    purposes = snapshot_purposes(snapshot)
    statements = []
    for consent in consent_purposes:
        purpose = purposes.get(str(consent.purpose_key))
        if purpose is None:
            continue
        statements.append(
            PurposeStatement(
                key=purpose["key"],
                number=purpose["number"],
                purpose=purpose["purpose"],
                required=consent.required,
                text=purpose_statement(snapshot, purpose, version_url),
            )
        )
    return statements


def statements_text(statements):
    """The whole consent statement shown on the form, in a canonical form: one line per purpose."""
    return "".join(f"[{'required' if s.required else 'optional'}] {s.number}. {s.text}\n" for s in statements)


def statements_sha256(statements):
    return hashlib.sha256(statements_text(statements).encode("utf-8")).hexdigest()
