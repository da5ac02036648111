"""Saving the policy page without rewriting child rows that did not change.

modelcluster commits a page's child relations by saving every row, one UPDATE each, and a publish saves
the policy page (~34 rows) once for the source and twice for a translation (wagtail-localize writes the
translated page, then publishing its revision writes it again), though a publish changes a row or two.
`unchanged_rows_skipped(page)` reads the stored rows of each relation the save will commit (one query
per relation) and hands each pending row the values stored for it; `SkipsUnchangedSaveMixin.save` then
writes a row only if what it would write differs. The database ends up exactly as before; an unchanged
row just gets no UPDATE (and so no pre_save/post_save signal, which no receiver of these rows needs).
"""

from contextlib import contextmanager

from django.db import router
from modelcluster.models import get_all_child_relations

STORED = "_policy_stored_values"


class SkipsUnchangedSaveMixin:
    """A child row that skips its UPDATE when it would write exactly the values stored for it."""

    def save(self, *args, **kwargs):
        """Skip a plain save (as modelcluster's commit does) when nothing would change; see the module."""
        stored = self.__dict__.pop(STORED, None)
        if stored is not None and not args and not kwargs:
            self._prepare_related_fields_for_save(operation_name="save")
            if row_values(self) == stored:
                # What Model.save would have left on the instance.
                self._state.adding = False
                self._state.db = router.db_for_write(type(self), instance=self)
                return
        super().save(*args, **kwargs)


def row_values(row):
    """The column values a save of `row` would write (pre_save applied, as in Model.save)."""
    return tuple(field.pre_save(row, add=False) for field in row._meta.concrete_fields)


@contextmanager
def unchanged_rows_skipped(page, update_fields=None):
    """While `page` is saved, let its pending child rows skip writes that would change nothing.

    Only relations the save commits are considered (all of them, or those named in `update_fields`),
    and the stored values are forgotten afterwards so that no later save relies on an old reading.
    """
    marked = mark_pending_rows(page, update_fields) if page.pk is not None else []
    try:
        yield
    finally:
        for row in marked:
            row.__dict__.pop(STORED, None)


def mark_pending_rows(page, update_fields):
    """Give the pending rows of the relations this save commits their stored values; return them.

    New rows (no pk) and rows stored under another parent have nothing to compare with and are saved.
    """
    pending = getattr(page, "_cluster_related_objects", {})
    marked = []
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        model = relation.related_model
        rows = [row for row in pending.get(name, ()) if row.pk is not None]
        if not rows or not issubclass(model, SkipsUnchangedSaveMixin):
            continue
        if update_fields is not None and name not in update_fields:
            continue
        stored = stored_values(model, relation.field.name, page.pk)
        for row in rows:
            if row.pk in stored:
                row.__dict__[STORED] = stored[row.pk]
                marked.append(row)
    return marked


def stored_values(model, parent_field, parent_pk):
    """{pk: column values} of the rows stored under the parent, in concrete-field order."""
    fields = model._meta.concrete_fields
    pk_index = fields.index(model._meta.pk)
    rows = model._base_manager.filter(**{parent_field: parent_pk}).values_list(
        *(field.attname for field in fields)
    )
    return {values[pk_index]: tuple(values) for values in rows}
