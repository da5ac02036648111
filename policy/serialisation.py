"""Rebuilding a page from revision JSON with one foreign-key query per related model, not one per row.

Wagtail turns revisions (and wagtail-localize its source content) back into pages with modelcluster's
`from_serializable_data`, which checks every foreign key of every child row with its own `.get()`: for
the policy's ~34 rows that is ~68 queries (`page` and `locale` of each row) every time, several times
per publish. `BulkCheckedChildRowsMixin` checks the child rows' foreign keys in bulk instead (one query
per related model and deserialisation) and then applies modelcluster's own rules to the keys that
point nowhere, so the page it returns is the one modelcluster would have returned. The page's own
foreign keys (owner, locked_by, …) are still checked by modelcluster itself.
"""

from collections import defaultdict

from django.db import models
from modelcluster.models import get_all_child_relations, model_from_serializable_data

# Returned for a row modelcluster would leave out (its CASCADE key points nowhere), unlike a row.
DROP_ROW = object()


class BulkCheckedChildRowsMixin:
    """Deserialises a cluster's plain child rows with bulk FK checks.

    Put it before the page class's other bases, so that it runs before (and around) modelcluster's
    `from_serializable_data`, which still builds the page itself.
    """

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """As modelcluster's, with the child rows' foreign keys checked in bulk (see the module)."""
        relations = bulk_checkable_relations(cls, data) if check_fks else {}
        if not relations:
            return super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)
        page_data = {key: value for key, value in data.items() if key not in relations}
        obj = super().from_serializable_data(page_data, check_fks=check_fks, strict_fks=strict_fks)
        if obj is None:
            return None
        children = {name: (model, foreign_keys(model), data[name]) for name, model in relations.items()}
        existing = existing_targets(children.values())
        for name, (model, keys, rows) in children.items():
            setattr(obj, name, rows_from_serializable_data(model, keys, rows, existing))
        return obj


def bulk_checkable_relations(cls, data):
    """{accessor name: child model} of the child relations in `data` that modelcluster would build
    row by row with `model_from_serializable_data` (child models that are clusters themselves keep
    modelcluster's own recursive handling)."""
    relations = {}
    for relation in get_all_child_relations(cls):
        name = relation.get_accessor_name()
        if name in data and not hasattr(relation.related_model, "from_serializable_data"):
            relations[name] = relation.related_model
    return relations


def rows_from_serializable_data(model, keys, rows, existing):
    """The child rows of `model` modelcluster would build from `rows` (with check_fks=True,
    strict_fks=True, as it does for children), given the `existing` targets of their foreign `keys`."""
    built = []
    for row in rows:
        row = resolve_dangling_keys(row, keys, existing)
        if row is not DROP_ROW:
            built.append(model_from_serializable_data(model, row, check_fks=False))
    return built


def foreign_keys(model):
    """{name: field} of the model's many-to-one (and one-to-one) fields under both the names
    modelcluster's `_meta.get_field` recognises in serialised data (`page` and `page_id`)."""
    return {
        name: field
        for field in model._meta.concrete_fields
        if isinstance(field.remote_field, models.ManyToOneRel)
        for name in (field.name, field.attname)
    }


def target_value(field, value):
    """The serialised key cleaned as modelcluster cleans it before looking the target up."""
    remote = field.remote_field
    return remote.model._meta.get_field(remote.field_name).to_python(value)


def existing_targets(children):
    """{(target model, target field name): set of the referenced values that exist} for the rows of
    every (model, foreign keys, rows) in `children`: one query per target model whatever the number of
    rows and relations, through its default manager as modelcluster's `.get()` does."""
    wanted = defaultdict(set)
    for _model, keys, rows in children:
        for field_name, field in keys.items():
            for row in rows:
                if row.get(field_name) is not None:
                    wanted[target_key(field)].add(target_value(field, row[field_name]))
    return {
        (model, to_field): set(
            model._default_manager.filter(**{f"{to_field}__in": values})
            .order_by()
            .values_list(to_field, flat=True)
        )
        for (model, to_field), values in wanted.items()
    }


def target_key(field):
    """What a key points at, (model, field name): rows of every relation pointing at it share a query."""
    return field.remote_field.model, field.remote_field.field_name


def resolve_dangling_keys(row, keys, existing):
    """`row` with modelcluster's treatment of keys whose target is gone, field by field in the data's
    order as modelcluster goes: kept (DO_NOTHING), nulled (SET_NULL), the whole row dropped (CASCADE,
    children being strict), or modelcluster's exception for any other on_delete."""
    resolved = dict(row)
    for field_name, value in row.items():
        field = keys.get(field_name)
        if field is None or value is None:
            continue
        if target_value(field, value) in existing[target_key(field)]:
            continue
        on_delete = field.remote_field.on_delete
        if on_delete == models.DO_NOTHING:
            continue
        if on_delete == models.CASCADE:
            return DROP_ROW
        if on_delete == models.SET_NULL:
            resolved[field_name] = None
        else:
            # modelcluster's own exception (for PROTECT, RESTRICT, …), kept so callers see the same error.
            raise Exception(
                "can't currently handle on_delete types other than CASCADE, SET_NULL and DO_NOTHING"
            )
    return resolved
