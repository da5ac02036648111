"""Each purpose's current state as the database computes it: the filter and the exports of /admin/consents/.

The current state of a purpose of a record is the state of its newest `ConsentEvent` (latest
`occurred_at`, then highest id), else what the form recorded: given if the grant was ticked, refused if
not. `ConsentGrant.current_state` says the same in Python from prefetched rows (the listing's column and
the record view); this module asks the same question of many records at once:

- `records_in_state(state, purpose_key)`: a condition on consent records, "purpose X (or any purpose) is
  currently withdrawn" etc. It stays fast on a million records because it starts from the events, the
  small table (a row is something that happened after a consent): the newest event of a purpose is an
  event with no later one for the same record and purpose, found through the index
  `consent_event_newest` (record, purpose number, -occurred at). States only an event gives (withdrawn,
  expired, invalidated) are those events alone; given and refused add the grants that no event has
  touched. No COUNT(*) and nothing per row in Python.
- `states_by_record(ids)`: {record id: ((purpose number, granted, state), ...)} for a chunk of exported
  records, in two queries whatever the chunk's size; `STATES_SQL` is the same per record as one
  PostgreSQL subquery (the export streams a million rows in one query there).
- `StatesText`: the export's columns "1, 4" (consented on the form) and "1 given · 4 withdrawn" (in
  the admin's language).
"""

from django.db.models import Exists, OuterRef, Q

from forms.models.records import ConsentEvent, ConsentGrant, ConsentState

STATES_ONLY_EVENTS_GIVE = {ConsentState.WITHDRAWN, ConsentState.EXPIRED, ConsentState.INVALIDATED}

# Per record: "number:granted:state" for each purpose, comma-separated in purpose order (PostgreSQL).
STATES_SQL = """
SELECT string_agg(
    g.purpose_number::text || ':' || (CASE WHEN g.granted THEN '1' ELSE '0' END) || ':' || COALESCE(
        (SELECT e.state FROM consent_forms_consentevent e
         WHERE e.record_id = g.record_id AND e.purpose_number = g.purpose_number
         ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1),
        CASE WHEN g.granted THEN 'given' ELSE 'refused' END),
    ',' ORDER BY g.purpose_number)
FROM consent_forms_consentgrant g WHERE g.record_id = consent_forms_consentrecord.id
"""


def newest_events():
    """Events that are the newest of their record's purpose."""
    later = ConsentEvent.objects.filter(
        record_id=OuterRef("record_id"), purpose_number=OuterRef("purpose_number")
    ).filter(
        Q(occurred_at__gt=OuterRef("occurred_at"))
        | Q(occurred_at=OuterRef("occurred_at"), id__gt=OuterRef("id"))
    )
    return ConsentEvent.objects.filter(~Exists(later))


def records_in_state(state, purpose_key=None):
    """A condition on ConsentRecord: `purpose_key`'s purpose (any purpose if None) is currently `state`."""
    events = newest_events().filter(state=state)
    if purpose_key:
        events = events.filter(purpose_key=purpose_key)
    condition = Q(pk__in=events.values("record_id"))
    if state in STATES_ONLY_EVENTS_GIVE:
        return condition
    untouched = ConsentGrant.objects.filter(
        record=OuterRef("pk"), granted=state == ConsentState.GIVEN
    ).filter(
        ~Exists(
            ConsentEvent.objects.filter(
                record_id=OuterRef("record_id"), purpose_number=OuterRef("purpose_number")
            )
        )
    )
    if purpose_key:
        untouched = untouched.filter(purpose_key=purpose_key)
    return condition | Q(Exists(untouched))


def states_by_record(record_ids):
    """{record id: ((purpose number, granted, current state), ...)} in purpose order, in two queries."""
    newest = {}
    for record_id, number, state in (
        ConsentEvent.objects.filter(record_id__in=record_ids)
        .order_by("occurred_at", "id")
        .values_list("record_id", "purpose_number", "state")
    ):
        newest[record_id, number] = state
    states = {}
    for record_id, number, granted in (
        ConsentGrant.objects.filter(record_id__in=record_ids)
        .order_by("record_id", "purpose_number")
        .values_list("record_id", "purpose_number", "granted")
    ):
        recorded = ConsentState.GIVEN if granted else ConsentState.REFUSED
        states.setdefault(record_id, []).append((number, granted, newest.get((record_id, number), recorded)))
    return {record_id: tuple(items) for record_id, items in states.items()}


def parse_states_sql(text):
    """The rows of `STATES_SQL`'s "number:granted:state,..." as `states_by_record` gives them."""
    states = []
    for item in (text or "").split(","):
        if item:
            number, granted, state = item.split(":")
            states.append((int(number), granted == "1", state))
    return tuple(states)


class StatesText:
    """The export's two columns from a record's states: the purposes consented on the form ("1, 4") and
    each purpose's current state ("1 given · 4 withdrawn", in the active language). Most records share
    a few combinations, so each is worded once per export (a million rows cost a dictionary look-up
    each, not a translation)."""

    def __init__(self):
        self.labels = {value: str(label) for value, label in ConsentState.choices}
        self.worded = {}

    def columns(self, states):
        """(purposes consented, current states) of [(number, granted, state)] or `STATES_SQL` text."""
        if states in self.worded:
            return self.worded[states]
        parsed = parse_states_sql(states) if isinstance(states, str) or states is None else states
        columns = (
            ", ".join(str(number) for number, granted, _state in parsed if granted),
            " · ".join(f"{number} {self.labels.get(state, state)}" for number, _granted, state in parsed),
        )
        self.worded[states] = columns
        return columns
