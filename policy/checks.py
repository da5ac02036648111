"""Content checks run before the policy is published (or submitted for Legal approval).

Each check looks at the document a page would become and returns translated messages; an empty list
means the page may be published. They catch what slipped into the client's original text: unfilled
date placeholders, words typed with look-alike letters of another alphabet, references to clauses that
do not exist, purposes without a retention term or without its rule as data, a rule changed without its
term, and a version published without saying what changed.
"""

import re

from django.utils.translation import gettext as _

from policy.document import build_policy_document, frozen_purposes
from policy.retention_rules import rule_problem

PLACEHOLDER = re.compile(r"«\s*_+\s*»|_{3,}|\.{5,}|\[\s*\]")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
CLAUSE_REFERENCE = re.compile(
    r"(?:(?P<before>\b\d{1,2}\.\d{1,2})\s*-?\s*(?:тарма[қғ]\w*|т\.))"
    r"|(?:(?:пункт\w*|п\.|clauses?|sections?)\s+(?P<after>\d{1,2}\.\d{1,2})\b)",
    re.IGNORECASE,
)


def document_texts(document):
    """(where, text) pairs for every piece of text in the document, for the messages."""
    yield _("title"), document.title
    yield _("introduction"), document.intro
    for section in document.sections:
        yield _("section %(number)s") % {"number": section.number}, section.heading
        for definition in section.definitions:
            yield (
                _("definition “%(term)s”") % {"term": definition.term},
                f"{definition.term} {definition.meaning}",
            )
        for clause in section.clauses:
            where = _("clause %(number)s") % {"number": clause.number} if clause.number else section.heading
            yield where, clause.text
            for item in clause.items:
                yield where, item
            for purpose in clause.purposes:
                where = _("purpose %(number)s") % {"number": purpose.number}
                yield (
                    where,
                    " ".join(
                        [
                            purpose.subject_category,
                            purpose.purpose,
                            *purpose.personal_data,
                            purpose.processing_methods,
                            purpose.retention_term,
                            purpose.withdrawal_method,
                        ]
                    ),
                )


def find_placeholders(document):
    return [
        _("Unfilled placeholder “%(text)s” in %(where)s.") % {"text": match.group(0), "where": where}
        for where, text in document_texts(document)
        for match in PLACEHOLDER.finditer(text)
    ]


def find_mixed_script_words(document):
    """Words with both Latin and Cyrillic letters ("еdna" typed with a Cyrillic е); hyphenated parts
    may differ ("IP-мекенжайы")."""
    messages = []
    for where, text in document_texts(document):
        for word in WORD.findall(text):
            if any(LATIN.search(part) and CYRILLIC.search(part) for part in word.split("-")):
                messages.append(
                    _("“%(word)s” in %(where)s mixes Latin and Cyrillic letters.")
                    % {"word": word, "where": where}
                )
    return messages


def find_broken_clause_references(document):
    existing = document.clause_numbers
    messages = []
    for where, text in document_texts(document):
        for match in CLAUSE_REFERENCE.finditer(text):
            number = match.group("before") or match.group("after")
            if number not in existing:
                messages.append(
                    _("%(where)s refers to clause %(number)s, which does not exist.")
                    % {"where": where, "number": number}
                )
    return messages


def find_purposes_without_retention_term(document):
    return [
        _("Purpose %(number)s (“%(purpose)s”) has no retention term.")
        % {"number": purpose.number, "purpose": purpose.purpose}
        for purpose in document.purposes
        if not purpose.retention_term.strip()
    ]


def find_purposes_without_retention_rule(document):
    """Every purpose needs its retention term as data too: a rule, and days where the rule counts them
    (`policy.retention_rules`); the retention run erases by it."""
    messages = []
    for purpose in document.purposes:
        problem = rule_problem(purpose.retention_rule, purpose.retention_days)
        if problem:
            messages.append(
                _("Purpose %(number)s (“%(purpose)s”): %(problem)s.")
                % {"number": purpose.number, "purpose": purpose.purpose, "problem": problem}
            )
    return messages


def find_retention_rules_changed_without_the_text(document, current_snapshot):
    """A rule is frozen with a new version's text; a rule changed while the text stays the same would
    create no version, and visitors would not be told. So the retention term must change with it."""
    if current_snapshot is None or current_snapshot.text != document.as_text():
        return []
    frozen = {purpose["key"]: purpose for purpose in frozen_purposes(current_snapshot.document)}
    messages = []
    for purpose in document.purposes:
        before = frozen.get(purpose.key)
        if before is None or "retention_rule" not in before:  # frozen before purposes had rules
            continue
        if (before["retention_rule"], before.get("retention_days")) != (
            purpose.retention_rule,
            purpose.retention_days,
        ):
            messages.append(
                _(
                    "The retention rule of purpose %(number)s changed, but its retention term did not: "
                    "change the retention term to say what the new rule does."
                )
                % {"number": purpose.number}
            )
    return messages


def find_missing_version_summary(page, document, current_snapshot):
    """A new version (its text differs from the current one) must say what changed, in new words."""
    if current_snapshot is not None and current_snapshot.text == document.as_text():
        return []
    summary = (page.version_summary or "").strip()
    if not summary:
        return [_("Say what changed in this version (the “What changed” field on the Version tab).")]
    if current_snapshot is not None and summary == current_snapshot.version.summary.strip():
        return [_("The “What changed” summary is the previous version’s: describe this version’s changes.")]
    return []


def check_policy_page(page, controller=None):
    """Every problem that blocks publishing `page` (an unsaved or saved PrivacyPolicyPage)."""
    from policy.versioning import latest_snapshot_for_language

    document = build_policy_document(page, controller=controller)
    current = (
        latest_snapshot_for_language(page.translation_key, page.locale.language_code) if page.pk else None
    )
    return [
        *find_placeholders(document),
        *find_mixed_script_words(document),
        *find_broken_clause_references(document),
        *find_purposes_without_retention_term(document),
        *find_purposes_without_retention_rule(document),
        *find_retention_rules_changed_without_the_text(document, current),
        *find_missing_version_summary(page, document, current),
    ]
