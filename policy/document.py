"""The policy as a numbered document: what visitors read, what gets hashed, what gets compared.

`build_policy_document(page)` reads a PrivacyPolicyPage (with its rows) and the controller's details
and returns a frozen `PolicyDocument`. Templates render it; `PolicyDocument.as_text()` is the canonical
plain-text form. Clause numbers are derived from the order of rows, so editors never type them.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from home.models import CompanyDetails, ControllerDetails


@dataclass(frozen=True)
class Definition:
    term: str
    meaning: str


@dataclass(frozen=True)
class Purpose:
    """A row of table No. 1 as shown to visitors."""

    number: int
    key: str
    subject_category: str
    purpose: str
    personal_data: tuple[str, ...]
    processing_methods: str
    retention_term: str
    withdrawal_method: str
    # The retention term as data (`ProcessingPurpose.retention_rule`, `retention_days`): stored with a
    # snapshot's document so consents are kept by the rule they were given under, but not part of the
    # canonical text (nor its hash). Documents frozen before rules existed have neither key.
    retention_rule: str = ""
    retention_days: int | None = None


@dataclass(frozen=True)
class PurposeGroup:
    """Consecutive purposes of one subject category: a group heading row in the table."""

    subject_category: str
    purposes: tuple[Purpose, ...]


class ClauseRole:
    """Names of the clauses other code looks up (consent statements), whatever their number.

    Stored with each clause in a snapshot's document; not part of the canonical text.
    """

    PURPOSES = "purposes"
    WITHDRAWAL = "withdrawal"
    THIRD_PARTY_TRANSFER = "third-party-transfer"
    CROSS_BORDER_TRANSFER = "cross-border-transfer"
    TRANSFER_COUNTRIES = "transfer-countries"


@dataclass(frozen=True)
class Clause:
    """A paragraph, numbered ("2.1") or not, with what follows it: a list, the table, a contact line."""

    number: str
    text: str
    items: tuple[str, ...] = ()
    purpose_groups: tuple[PurposeGroup, ...] = ()
    contact: str = ""
    role: str = ""

    @property
    def purposes(self):
        return tuple(purpose for group in self.purpose_groups for purpose in group.purposes)


@dataclass(frozen=True)
class Section:
    number: int
    heading: str
    clauses: tuple[Clause, ...] = ()
    definitions: tuple[Definition, ...] = ()


@dataclass(frozen=True)
class PolicyDocument:
    title: str
    intro: str
    language: str
    controller: ControllerDetails
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def purposes(self):
        return tuple(
            purpose for section in self.sections for clause in section.clauses for purpose in clause.purposes
        )

    @property
    def clause_numbers(self):
        numbers = {str(section.number) for section in self.sections}
        numbers.update(
            clause.number for section in self.sections for clause in section.clauses if clause.number
        )
        return numbers

    def as_text(self):
        """The canonical plain-text form of the document.

        One item per line, in reading order: the title; the introduction; each section as
        "N. Heading"; definitions as "term – meaning"; clauses as "N.M. text" (unnumbered ones as the
        text alone); list items as "• item"; table No. 1 as a header line then one "|"-separated line
        per purpose (number, category, purpose, data items joined by "; ", methods, retention term,
        withdrawal); contact lines as they are shown. Every line is Unicode NFC with runs of white
        space folded to one space; lines end with "\\n", including the last. The table header is
        written in the document's language, so the text is the same wherever it is built.
        """
        with translation.override(self.language):
            lines = [self.title, self.intro]
            for section in self.sections:
                lines.append(f"{section.number}. {section.heading}")
                lines.extend(f"{d.term} – {d.meaning}" for d in section.definitions)
                for clause in section.clauses:
                    lines.append(f"{clause.number}. {clause.text}" if clause.number else clause.text)
                    lines.extend(f"• {item}" for item in clause.items)
                    if clause.purpose_groups:
                        lines.append(" | ".join(purpose_table_headers()))
                        lines.extend(
                            " | ".join(
                                [
                                    str(p.number),
                                    p.subject_category,
                                    p.purpose,
                                    "; ".join(p.personal_data),
                                    p.processing_methods,
                                    p.retention_term,
                                    p.withdrawal_method,
                                ]
                            )
                            for p in clause.purposes
                        )
                    if clause.contact:
                        lines.append(clause.contact)
        return "".join(normalise_line(line) + "\n" for line in lines)


def frozen_purposes(document):
    """The purposes of table No. 1 in a snapshot's stored document (the dict form of PolicyDocument)."""
    return [
        purpose
        for section in document["sections"]
        for clause in section["clauses"]
        for group in clause["purpose_groups"]
        for purpose in group["purposes"]
    ]


# Documents frozen before clauses had roles: where each role was then.
CLAUSE_NUMBERS_BEFORE_ROLES = {
    ClauseRole.PURPOSES: "3.1",
    ClauseRole.WITHDRAWAL: "3.2",
    ClauseRole.THIRD_PARTY_TRANSFER: "3.3",
    ClauseRole.CROSS_BORDER_TRANSFER: "3.4",
    ClauseRole.TRANSFER_COUNTRIES: "3.5",
}


def frozen_clause(document, role):
    """The clause with `role` in a snapshot's stored document (the dict form of PolicyDocument), or None.

    Snapshots frozen before clauses had roles are read by the number the role had then.
    """
    clauses = [clause for section in document["sections"] for clause in section["clauses"]]
    if any("role" in clause for clause in clauses):
        return next((clause for clause in clauses if clause.get("role") == role), None)
    number = CLAUSE_NUMBERS_BEFORE_ROLES.get(role)
    return next((clause for clause in clauses if clause["number"] == number), None)


def purpose_table_headers():
    """Column headers of table No. 1 (translated in the active language).

    They are part of the canonical text (`PolicyDocument.as_text`), so changing one changes the text,
    and the hash, of snapshots frozen after the change only: a stored snapshot's hash is recomputed from
    its stored text (`manage.py verify_policy_hashes`). The term column is the processing period, as
    the client's policy calls it («Өңдеу мерзімі»).
    """
    return [
        _("No."),
        _("Data subjects"),
        _("Purpose of processing"),
        _("List of personal data"),
        _("Processing methods"),
        _("Processing period"),
        _("How consent is withdrawn"),
    ]


def normalise_line(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def group_purposes(purposes):
    groups = []
    for purpose in purposes:
        if groups and groups[-1][0] == purpose.subject_category:
            groups[-1][1].append(purpose)
        else:
            groups.append((purpose.subject_category, [purpose]))
    return tuple(PurposeGroup(category, tuple(rows)) for category, rows in groups)


def controller_for(page, request=None):
    settings = CompanyDetails.for_request(request) if request else CompanyDetails.for_site(page.get_site())
    return settings.for_language(page.locale.language_code)


def build_policy_document(page, request=None, controller=None):
    """Build the numbered document from a page (live or a revision) and the controller's details."""
    controller = controller or controller_for(page, request)
    purposes = tuple(
        Purpose(
            number=index,
            key=str(row.translation_key),
            subject_category=row.subject_category,
            purpose=row.purpose,
            personal_data=tuple(row.personal_data_items),
            processing_methods=row.processing_methods,
            retention_term=row.retention_term,
            withdrawal_method=row.withdrawal_method,
            retention_rule=row.retention_rule,
            retention_days=row.retention_days,
        )
        for index, row in enumerate(page.purposes.all(), start=1)
    )
    principles = [
        Clause(number=f"2.{i}", text=row.text) for i, row in enumerate(page.principles.all(), start=1)
    ]
    next_clause = len(principles) + 1
    principles.append(
        Clause(
            number=f"2.{next_clause}",
            text=page.subject_categories_intro,
            items=tuple(row.name for row in page.subject_categories.all()),
        )
    )
    return PolicyDocument(
        title=page.title,
        intro=page.intro,
        language=page.locale.language_code,
        controller=controller,
        sections=(
            Section(
                number=1,
                heading=page.definitions_heading,
                definitions=tuple(Definition(row.term, row.meaning) for row in page.definitions.all()),
            ),
            Section(number=2, heading=page.principles_heading, clauses=tuple(principles)),
            Section(
                number=3,
                heading=page.purposes_heading,
                clauses=(
                    Clause(
                        number="3.1",
                        text=page.purposes_intro,
                        purpose_groups=group_purposes(purposes),
                        role=ClauseRole.PURPOSES,
                    ),
                    Clause(
                        number="3.2",
                        text=page.withdrawal_clause,
                        contact=controller.postal_address,
                        role=ClauseRole.WITHDRAWAL,
                    ),
                    Clause(number="3.3", text=page.third_party_clause, role=ClauseRole.THIRD_PARTY_TRANSFER),
                    Clause(
                        number="3.4", text=page.cross_border_clause, role=ClauseRole.CROSS_BORDER_TRANSFER
                    ),
                    Clause(
                        number="3.5",
                        text=page.transfer_countries_intro,
                        items=tuple(row.name for row in page.transfer_countries.all()),
                        role=ClauseRole.TRANSFER_COUNTRIES,
                    ),
                ),
            ),
            Section(
                number=4,
                heading=page.rights_heading,
                clauses=(
                    Clause(
                        number="", text=page.rights_intro, items=tuple(row.text for row in page.rights.all())
                    ),
                    Clause(number="", text=page.cookies_text),
                ),
            ),
            Section(
                number=5,
                heading=page.management_heading,
                clauses=(
                    Clause(number="", text=page.management_text),
                    Clause(number="", text=page.marketing_opt_out_text, contact=controller.email),
                    Clause(number="", text=page.changes_text),
                ),
            ),
        ),
    )
