"""Aids for reading a long frozen text: its table of contents and a visible link to every clause and purpose.

A snapshot's HTML never changes (the version invariant), so the aids are added when a page is shown,
never stored: the contents come from the snapshot's structured document (its sections and table No. 1),
and a small "#" link with an accessible name is put at the start of every element the frozen HTML gives
an id `clause-…` or `purpose-…`. The links work without JavaScript (they change the address); the
page's script (static js/reading-aids.js) also copies the address when one is clicked.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CONTENTS_ID = "contents"
PURPOSES_TABLE_ID = (
    "purposes-caption"  # the caption of table No. 1 (templates/policy/includes/purpose_table.html)
)

# The opening tag of a clause (<div … id="clause-2.3">) or of a purpose's row and its first cell
# (<tr id="purpose-4"> <td …>): the link goes right after it.
CLAUSE_OPENING = re.compile(r'(<div\b[^>]*\bid="clause-(?P<clause>[^"<>]{1,20})"[^>]*>\s*<p>)')
PURPOSE_OPENING = re.compile(r'(<tr\b[^>]*\bid="purpose-(?P<purpose>[0-9]{1,4})"[^>]*>\s*<td\b[^>]*>)')


def contents(document):
    """[(anchor, label)] of the document's sections, with table No. 1 after the section holding it."""
    entries = []
    for section in document.get("sections", []):
        entries.append((f"section-{section['number']}", f"{section['number']}. {section['heading']}"))
        if any(clause.get("purpose_groups") for clause in section.get("clauses", [])):
            entries.append((PURPOSES_TABLE_ID, _("Table No. 1. Purposes of processing")))
    return entries


def _link(anchor, label):
    return f'<a class="anchor-link" href="#{escape(anchor)}" aria-label="{escape(label)}">#</a> '


def with_anchor_links(html):
    """The frozen HTML with a "#" link at the start of every clause and purpose row (copy of the text)."""
    return _with_anchor_links(str(html), get_language())


@functools.lru_cache(maxsize=64)
def _with_anchor_links(html, language):
    """Keyed by the HTML itself and the language of the links' labels: a snapshot's HTML never changes,
    so the few texts shown are linked once per process instead of once per request."""

    def clause(match):
        number = match["clause"]
        return match[1] + _link(f"clause-{number}", _("Link to clause %(number)s") % {"number": number})

    def purpose(match):
        number = match["purpose"]
        return match[1] + _link(f"purpose-{number}", _("Link to purpose %(number)s") % {"number": number})

    return mark_safe(PURPOSE_OPENING.sub(purpose, CLAUSE_OPENING.sub(clause, html)))  # noqa: S308 - frozen HTML, escaped links
