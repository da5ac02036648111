"""The editors' dashboard panel: current and upcoming versions, and each language's translation state.

A language's state is computed by the rule that decides what is frozen as evidence
(`policy.translation_integrity`): "up to date", "incomplete (N of M segments translated)" with the
reasons, or "not started".

Other apps add columns to its table of versions through the `policy_versions_panel_columns` hook: each
function registered there returns a `VersionColumn`, whose `values(versions)` maps version ids to the
cell to show (one query for all rows). The consent forms add their consent counts that way, so the
policy knows nothing of consents.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from policy import timeline
from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage
from policy.translation_integrity import NOT_STARTED, TranslationStatus, translation_status
from policy.versioning import SOURCE_LANGUAGE

VERSION_COLUMNS_HOOK = "policy_versions_panel_columns"


@dataclass(frozen=True)
class VersionColumn:
    heading: str
    values: Callable  # list of PolicyVersion -> {version id: cell}
    css_class: str = ""


def version_columns(versions):
    """The extra columns other apps registered, each with its cells in the order of `versions`."""
    columns = []
    for make_column in hooks.get_hooks(VERSION_COLUMNS_HOOK):
        column = make_column()
        values = column.values(versions)
        columns.append(
            {
                "column": column,
                "cells": [{"css_class": column.css_class, "value": values.get(v.pk, "")} for v in versions],
            }
        )
    return columns


def language_status(source, pages_by_language):
    """Per language: the newest version it has a snapshot of, and its translation's state by the rule
    that decides what is frozen (`policy.translation_integrity.translation_status`)."""
    newest = {}
    for language, number in PolicySnapshot.objects.filter(
        version__policy_key=source.translation_key
    ).values_list("language", "version__number"):
        newest[language] = max(number, newest.get(language, 0))
    rows = []
    for code, name in settings.LANGUAGES:
        page = pages_by_language.get(code)
        if page is None:
            status = TranslationStatus(NOT_STARTED, 0, 0, [])
        else:
            status = translation_status(source, code, page=page)
        rows.append(
            {
                "code": code,
                "name": name,
                "page": page,
                "latest_number": newest.get(code),
                "status": status,
                "unpublished_changes": bool(page and page.has_unpublished_changes),
            }
        )
    return rows


class PolicyVersionsPanel(Component):
    name = "policy_versions"
    template_name = "policy/admin/versions_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        now = timezone.now()
        source_pages = PrivacyPolicyPage.objects.filter(locale__language_code=SOURCE_LANGUAGE)
        policies = []
        for source in source_pages:
            pages_by_language = {
                page.locale.language_code: page
                for page in source.get_translations(inclusive=True).select_related("locale").specific()
            }
            versions = list(PolicyVersion.objects.for_policy(source.translation_key).order_by("-number")[:10])
            columns = version_columns(versions)
            current = timeline.current(source.translation_key, now)
            upcoming = timeline.upcoming(source.translation_key, now)
            policies.append(
                {
                    "page": source,
                    "current": next((v for v in versions if current and v.number == current.number), None),
                    "upcoming": [v for v in versions if any(u.number == v.number for u in upcoming)],
                    "languages": language_status(source, pages_by_language),
                    "versions": versions,
                    "columns": [entry["column"] for entry in columns],
                    "rows": [
                        {"version": version, "cells": [entry["cells"][i] for entry in columns]}
                        for i, version in enumerate(versions)
                    ],
                }
            )
        return {"policies": policies, "request": self.request}
