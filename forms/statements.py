"""Consent statements: what a consent form shows above and beside its checkboxes, and what is stored.

Article 8 of Law No. 94-V asks a consent to name the operator and its BIN, the purpose, the list of data,
the term, the transfer to third parties, the cross-border transfer and publication in public sources,
and (8(2), the policy's 3.2) how it is withdrawn. A form shows:

- **once, above the checkboxes**, what every purpose of the form shares: to whom the consents are given
  (the operator's legal name, BIN and postal address); the data this form collects and the processing
  period, when they are the same for every purpose of the form; consent to the transfer to third parties
  and to the cross-border transfer with its countries; that the data are not published in public sources
  (the policy publishes nothing: edna discloses and disseminates personal data only with consent, clause
  2.4 of the client's policy); how to withdraw (postal address, e-mail, and the online requests page,
  the URL named `PRIVACY_REQUESTS_ROUTE`); the link to the policy version. The policy's
  clauses on withdrawal and transfers fold away below it in full.
- **beside each checkbox**, a short statement: consent to the processing of the data for that purpose
  and to the transfers above, plus the data and period where they differ between the form's purposes
  (at most 350 characters on the demo forms, tested). Its processing methods and its row of table No. 1
  fold away in a `<details>`.

The text is built from the frozen policy text (snapshot = version + language) and the company details,
in the snapshot's language; the data are the items of the policy's list that the form's fields collect
(`forms.purposes.collected_data`). What is stored with a consent, and hashed (`FormStatement.text`), is
everything the visitor was shown: the shared block (the folded clauses included), then one line per
purpose, "[required] N. …" or "[optional] N. …" (`forms.record_display` splits it again for staff). The
version link is a link on the form and its canonical address (`core.site_url`) in the stored text.
"""

import hashlib
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.site_url import canonical_url, page_canonical_url
from forms.purposes import collected_data, snapshot_purposes
from policy.document import ClauseRole, frozen_clause, normalise_line

# The policy page's route for withdrawing consent and other requests of data subjects
# (/<lang>/privacy/requests/). Statements offer it as soon as the policy page has a route of this name,
# and name only the postal address and the e-mail until then: never a dead link.
PRIVACY_REQUESTS_ROUTE = "privacy_requests"


@dataclass(frozen=True)
class StatementLine:
    """One sentence of a statement. With a `url`, the text is a link to it on the form, and is stored
    as "text: url"."""

    text: str
    url: str = ""

    def __str__(self):
        return f"{self.text}: {self.url}" if self.url else self.text


@dataclass(frozen=True)
class PurposeStatement:
    """The statement beside one checkbox (`text`) and what folds away under it (`details`)."""

    key: str
    number: int
    purpose: str
    required: bool
    text: str
    details: tuple[StatementLine, ...] = ()

    @property
    def field_name(self):
        return f"consent_{self.number}"

    @property
    def stored_text(self):
        """The statement and its details, as stored: one line."""
        return " ".join([self.text, *(str(detail) for detail in self.details)])


@dataclass(frozen=True)
class FormStatement:
    """Everything a form shows about consent: the block its purposes share, and one statement each."""

    language: str
    lines: tuple[StatementLine, ...]  # shown once, above the checkboxes
    clauses_heading: str
    clauses: tuple[StatementLine, ...]  # the policy's clauses in full, folded under the lines
    purposes: tuple[PurposeStatement, ...]

    def shared_lines(self):
        """The shared block as stored: its lines, then the folded clauses under their heading."""
        return [*self.lines, *([StatementLine(self.clauses_heading), *self.clauses] if self.clauses else [])]

    @property
    def text(self):
        return statements_text(self.purposes, self)

    @property
    def sha256(self):
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def statements_text(statements, shared=None):
    """The stored statement: the shared block's lines (when given), then one line per purpose."""
    head = "".join(f"{line}\n" for line in shared.shared_lines()) if shared is not None else ""
    return head + "".join(
        f"[{'required' if s.required else 'optional'}] {s.number}. {s.stored_text}\n" for s in statements
    )


def version_url(policy, snapshot):
    """The canonical address of the version shown (the same whatever host the visitor used)."""
    return page_canonical_url(policy, f"versions/{snapshot.version.number}/")


def privacy_requests_url(policy):
    """The canonical address of the online requests page in the policy's language, or "" if there is
    none (`forms.request_urls`, mounted at /<lang>/privacy/requests/)."""
    try:
        with translation.override(policy.locale.language_code):
            path = reverse(PRIVACY_REQUESTS_ROUTE)
    except NoReverseMatch:
        return ""
    return canonical_url(path)


def _line(text, url=""):
    return StatementLine(normalise_line(text), url)


def _bare(text):
    """A cell or clause as part of a sentence: one line, without its own full stop."""
    return normalise_line(text).rstrip(" .;:")


def _after_colon(text):
    """A table cell continuing a sentence after a colon: "До момента …" -> "до момента …" (an acronym
    such as "IP" keeps its capitals)."""
    text = _bare(text)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def form_statement(snapshot, definition, operator, version_link, requests_link=""):
    """The FormStatement of a form (`definition`: its fields and purposes) under the frozen policy text
    `snapshot`, naming `operator` (ControllerDetails in the snapshot's language). Purposes of the form
    that the snapshot's table No. 1 does not contain are left out."""
    rows = snapshot_purposes(snapshot)
    offered = [
        (consent, rows[str(consent.purpose_key)])
        for consent in definition.purposes
        if str(consent.purpose_key) in rows
    ]
    document = snapshot.document
    with translation.override(snapshot.language):
        data = {row["key"]: collected_data(row["personal_data"], definition.fields) for _c, row in offered}
        common_data = _common([data[row["key"]] for _c, row in offered])
        common_term = _common([_after_colon(row["retention_term"]) for _c, row in offered])
        transfers = transfer_lines(document)
        lines = [operator_line(operator)]
        if common_data:
            lines.append(
                _line(_("Personal data this form collects: %(data)s.") % {"data": "; ".join(common_data)})
            )
        if common_term:
            lines.append(_line(_("Processing period: %(term)s.") % {"term": common_term}))
        lines.extend(transfers)
        lines.append(_line(_("My personal data will not be published in publicly available sources.")))
        lines.extend(withdrawal_lines(operator, requests_link))
        number = snapshot.version.number
        lines.append(_line(_("Privacy policy, version %(number)s") % {"number": number}, version_link))
        purposes = tuple(
            purpose_statement(
                consent,
                row,
                data=None if common_data else data[row["key"]],
                term=None if common_term else _after_colon(row["retention_term"]),
                transfers=bool(transfers),
            )
            for consent, row in offered
        )
        return FormStatement(
            language=snapshot.language,
            lines=tuple(lines),
            clauses_heading=_("These clauses of the policy in full"),
            clauses=clause_lines(document),
            purposes=purposes,
        )


def _common(values):
    """The value every purpose shares, or None (also for a form without purposes)."""
    return values[0] if values and all(value == values[0] for value in values) and values[0] else None


def operator_line(operator):
    """To whom the consents are given: the operator's legal name, BIN and postal address."""
    values = {
        "operator": operator.legal_name,
        "bin": operator.bin,
        "address": _bare(operator.postal_address),
    }
    if operator.bin:
        # Translators: in Kazakh the operator takes the dative: «… «ЭДНА ҚАЗАҚСТАН» ЖШС-ға …».
        text = _("I give the consents below to the operator %(operator)s, BIN %(bin)s, %(address)s.")
    else:
        # Translators: in Kazakh the operator takes the dative: «… «ЭДНА ҚАЗАҚСТАН» ЖШС-ға …».
        text = _("I give the consents below to the operator %(operator)s, %(address)s.")
    return _line(text % values)


def transfer_lines(document):
    """Consent to the transfers the policy provides for (to third parties, across borders), in one
    sentence naming the countries and the policy's clauses."""
    third_party = frozen_clause(document, ClauseRole.THIRD_PARTY_TRANSFER)
    cross_border = frozen_clause(document, ClauseRole.CROSS_BORDER_TRANSFER)
    countries = frozen_clause(document, ClauseRole.TRANSFER_COUNTRIES)
    to_third_parties = bool(third_party and third_party["text"].strip())
    across_borders = [
        clause
        for clause in (cross_border, countries)
        if clause and (clause["text"].strip() or clause["items"])
    ]
    clauses = [third_party["number"]] if to_third_parties else []
    clauses += [clause["number"] for clause in across_borders]
    if not clauses:
        return []
    names = [name for name in (countries["items"] if countries else []) if name.strip()]
    values = {"clauses": get_text_list(clauses, _("and")), "countries": ", ".join(names)}
    if to_third_parties and across_borders and names:
        text = ngettext(
            "I consent to the transfer of my personal data to third parties and across borders, including "
            "to: %(countries)s (clause %(clauses)s of the policy).",
            "I consent to the transfer of my personal data to third parties and across borders, including "
            "to: %(countries)s (clauses %(clauses)s of the policy).",
            len(clauses),
        )
    elif to_third_parties and across_borders:
        text = ngettext(
            "I consent to the transfer of my personal data to third parties and across borders (clause "
            "%(clauses)s of the policy).",
            "I consent to the transfer of my personal data to third parties and across borders (clauses "
            "%(clauses)s of the policy).",
            len(clauses),
        )
    elif to_third_parties:
        text = ngettext(
            "I consent to the transfer of my personal data to third parties (clause %(clauses)s of the "
            "policy).",
            "I consent to the transfer of my personal data to third parties (clauses %(clauses)s of the "
            "policy).",
            len(clauses),
        )
    elif names:
        text = ngettext(
            "I consent to the cross-border transfer of my personal data, including to: %(countries)s "
            "(clause %(clauses)s of the policy).",
            "I consent to the cross-border transfer of my personal data, including to: %(countries)s "
            "(clauses %(clauses)s of the policy).",
            len(clauses),
        )
    else:
        text = ngettext(
            "I consent to the cross-border transfer of my personal data (clause %(clauses)s of the policy).",
            "I consent to the cross-border transfer of my personal data (clauses %(clauses)s of the policy).",
            len(clauses),
        )
    return [_line(text % values)]


def withdrawal_lines(operator, requests_link):
    lines = [
        _line(
            _(
                "I may withdraw my consent at any time by a written application to the operator's address "
                "above or by e-mail to %(email)s."
            )
            % {"email": operator.email}
        )
    ]
    if requests_link:
        lines.append(_line(_("Withdraw consent online"), requests_link))
    return lines


def clause_lines(document):
    """The policy's clauses on withdrawal and transfers, in full, as the snapshot has them."""
    lines = []
    for role in (
        ClauseRole.WITHDRAWAL,
        ClauseRole.THIRD_PARTY_TRANSFER,
        ClauseRole.CROSS_BORDER_TRANSFER,
        ClauseRole.TRANSFER_COUNTRIES,
    ):
        clause = frozen_clause(document, role)
        if clause is None or not (clause["text"].strip() or clause["items"]):
            continue
        parts = [f"{clause['number']}." if clause["number"] else "", clause["text"]]
        parts.append(", ".join(clause["items"]))
        parts.append(clause.get("contact", ""))
        lines.append(_line(" ".join(part for part in parts if part.strip())))
    return tuple(lines)


def purpose_statement(offered, row, data=None, term=None, transfers=True):
    """The statement beside one purpose's checkbox; `data` and `term` when they are not in the shared
    block."""
    values = {"purpose": _bare(row["purpose"])}
    if transfers:
        consent = _(
            "I consent to the processing of my personal data for the purpose “%(purpose)s” and to the "
            "transfers above."
        )
    else:
        consent = _("I consent to the processing of my personal data for the purpose “%(purpose)s”.")
    sentences = [consent % values]
    if data:
        sentences.append(_("Data: %(data)s.") % {"data": "; ".join(data)})
    if term:
        sentences.append(_("Processing period: %(term)s.") % {"term": term})
    details = (
        _line(_("Processing methods: %(methods)s.") % {"methods": _after_colon(row["processing_methods"])}),
        _line(
            _("Personal data that table No. 1 of the policy lists for this purpose: %(data)s.")
            % {"data": "; ".join(_bare(item) for item in row["personal_data"] if item.strip())}
        ),
        _line(
            _("How consent is withdrawn, according to table No. 1: %(method)s.")
            % {"method": _after_colon(row["withdrawal_method"])}
        ),
    )
    return PurposeStatement(
        key=row["key"],
        number=row["number"],
        purpose=row["purpose"],
        required=offered.required,
        text=normalise_line(" ".join(sentences)),
        details=details,
    )
