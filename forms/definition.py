"""What a consent form asks: its fields and the policy purposes it collects consent for.

Both are child rows of the page that change only when the page is published, and every GET and POST of
the form needs them, so for the live page they are kept in the shared cache (`core.caching`) under the
published revision: a new publication is a new key, and the old entry simply expires. A preview shows
the draft being edited, so it always reads the rows it was given.
"""

from dataclasses import dataclass

from core.caching import SharedCache

form_definitions = SharedCache(
    "form-definitions", "fields and consent purposes of each live form page, by published revision"
)


@dataclass(frozen=True)
class FormDefinition:
    fields: tuple  # ConsentFormField rows, in order
    purposes: tuple  # FormConsentPurpose rows, in order


def form_definition(page, preview=False):
    if preview or page.live_revision_id is None:
        return _read(page)
    return form_definitions.get(f"{page.pk}:{page.live_revision_id}", lambda: _read(page))


def _read(page):
    return FormDefinition(tuple(page.get_form_fields()), tuple(page.consent_purposes.all()))
