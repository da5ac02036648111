"""What changed between two frozen texts of the policy, word by word, for visitors.

Works on snapshots' structured documents (`PolicySnapshot.document`): clauses are matched by their
place (number, or position in an unnumbered section), purposes of table No. 1 by their row identity, so
a reworded purpose shows as changed, a new row as added and a dropped row as removed. Word-level
differences come from difflib's SequenceMatcher over words and punctuation marks taken apart (so a
word followed by a new comma is not struck), shown with <ins> and <del>.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from policy.document import frozen_purposes

# Words (with inner hyphens and apostrophes: "2-нұсқа", "visitor's"), each mark of punctuation, and runs
# of space are separate tokens: "assessed," against "assessed, but" keeps "assessed" unchanged.
TOKEN = re.compile(r"\s+|\w+(?:[-'’‑]\w+)*|[^\w\s]")

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass
class TextChange:
    label: str
    status: str
    html: str


@dataclass
class PurposeChange:
    label: str
    status: str
    fields: list = field(default_factory=list)  # [(column label, html)]


@dataclass
class Comparison:
    texts: list
    purposes: list
    unchanged_count: int

    @property
    def has_changes(self):
        return bool(self.texts or self.purposes)


def diff_words(old, new):
    """HTML of `new` with the words removed from `old` in <del> and the words added in <ins>."""
    old_tokens, new_tokens = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    parts = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed = escape("".join(old_tokens[a_start:a_end]))
        added = escape("".join(new_tokens[b_start:b_end]))
        if operation == "equal":
            parts.append(added)
        if operation in ("delete", "replace") and removed.strip():
            parts.append(f"<del>{removed}</del>")
        if operation in ("insert", "replace") and added.strip():
            parts.append(f"<ins>{added}</ins>")
        elif operation in ("insert", "replace"):
            parts.append(added)
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def text_blocks(document):
    """Ordered (key, label, text) for every piece of prose, lists folded into their clause."""
    blocks = [("title", _("Title"), document["title"]), ("intro", _("Introduction"), document["intro"])]
    for section in document["sections"]:
        number = section["number"]
        blocks.append((f"section-{number}", f"{number}.", section["heading"]))
        for index, definition in enumerate(section["definitions"], start=1):
            blocks.append(
                (
                    f"definition-{index}",
                    _("Definition %(index)s") % {"index": index},
                    f"{definition['term']} – {definition['meaning']}",
                )
            )
        for index, clause in enumerate(section["clauses"], start=1):
            key = clause["number"] or f"{number}-{index}"
            label = f"{clause['number']}." if clause["number"] else f"{number}. ¶{index}"
            text = "\n".join(
                [clause["text"], *(f"• {item}" for item in clause["items"])]
                + ([clause["contact"]] if clause["contact"] else [])
            )
            blocks.append((f"clause-{key}", label, text))
    return blocks


PURPOSE_FIELDS = [
    ("subject_category", lambda: _("Data subjects")),
    ("purpose", lambda: _("Purpose of processing")),
    ("personal_data", lambda: _("List of personal data")),
    ("processing_methods", lambda: _("Processing methods")),
    ("retention_term", lambda: _("Processing period")),
    ("withdrawal_method", lambda: _("How consent is withdrawn")),
]


def _purpose_text(purpose, name):
    value = purpose[name]
    return "; ".join(value) if isinstance(value, list) else value


def _merged_order(old_keys, new_keys):
    """New order, with keys only in the old document inserted after their old predecessor."""
    order = list(new_keys)
    for position, key in enumerate(old_keys):
        if key not in order:
            previous = old_keys[position - 1] if position else None
            order.insert(order.index(previous) + 1 if previous in order else 0, key)
    return order


def compare_documents(old, new):
    old_blocks = {key: (label, text) for key, label, text in text_blocks(old)}
    new_blocks = {key: (label, text) for key, label, text in text_blocks(new)}
    texts, unchanged = [], 0
    for key in _merged_order([b[0] for b in text_blocks(old)], [b[0] for b in text_blocks(new)]):
        if key not in old_blocks:
            texts.append(TextChange(new_blocks[key][0], ADDED, diff_words("", new_blocks[key][1])))
        elif key not in new_blocks:
            texts.append(TextChange(old_blocks[key][0], REMOVED, diff_words(old_blocks[key][1], "")))
        elif old_blocks[key][1] != new_blocks[key][1]:
            texts.append(
                TextChange(new_blocks[key][0], CHANGED, diff_words(old_blocks[key][1], new_blocks[key][1]))
            )
        else:
            unchanged += 1

    old_purposes = {purpose["key"]: purpose for purpose in frozen_purposes(old)}
    new_purposes = {purpose["key"]: purpose for purpose in frozen_purposes(new)}
    purposes = []
    for key in _merged_order(list(old_purposes), list(new_purposes)):
        before, after = old_purposes.get(key), new_purposes.get(key)
        shown = after or before
        label = _("Purpose %(number)s: %(name)s") % {"number": shown["number"], "name": shown["purpose"]}
        if before is None or after is None:
            status = ADDED if before is None else REMOVED
            fields = [
                (
                    column(),
                    diff_words("", _purpose_text(after, name))
                    if after
                    else diff_words(_purpose_text(before, name), ""),
                )
                for name, column in PURPOSE_FIELDS
            ]
            purposes.append(PurposeChange(label, status, fields))
            continue
        changed = [
            (column(), diff_words(_purpose_text(before, name), _purpose_text(after, name)))
            for name, column in PURPOSE_FIELDS
            if _purpose_text(before, name) != _purpose_text(after, name)
        ]
        if changed:
            purposes.append(PurposeChange(label, CHANGED, changed))
        else:
            unchanged += 1
    return Comparison(texts=texts, purposes=purposes, unchanged_count=unchanged)
