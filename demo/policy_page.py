"""Builds the demo PrivacyPolicyPage from the project's own copy of the client's policy."""

from demo.policy_content import POLICY
from policy.models import (
    PolicyDefinition,
    PolicyPrinciple,
    PrivacyPolicyPage,
    ProcessingPurpose,
    SubjectCategory,
    TransferCountry,
    VisitorRight,
)

PAGE_TEXT_FIELDS = [
    "intro",
    "definitions_heading",
    "principles_heading",
    "subject_categories_intro",
    "purposes_heading",
    "purposes_intro",
    "withdrawal_clause",
    "third_party_clause",
    "cross_border_clause",
    "transfer_countries_intro",
    "rights_heading",
    "rights_intro",
    "cookies_text",
    "management_heading",
    "management_text",
    "marketing_opt_out_text",
    "changes_text",
    "version_summary",
]


def _rows(model, key, language):
    """The rows of one list of the policy, in order (sort_order set, as the InlinePanel would)."""
    return [
        model(
            sort_order=index,
            **{name: value[language] if isinstance(value, dict) else value for name, value in row.items()},
        )
        for index, row in enumerate(POLICY[key])
    ]


def build_policy_page(language="kk"):
    """An unsaved PrivacyPolicyPage with every clause and row of the demo policy in `language`."""
    return PrivacyPolicyPage(
        title=POLICY["title"][language],
        slug="privacy",
        show_in_menus=True,
        **{name: POLICY[name][language] for name in PAGE_TEXT_FIELDS},
        definitions=_rows(PolicyDefinition, "definitions", language),
        principles=_rows(PolicyPrinciple, "principles", language),
        subject_categories=_rows(SubjectCategory, "subject_categories", language),
        purposes=_rows(ProcessingPurpose, "purposes", language),
        transfer_countries=_rows(TransferCountry, "transfer_countries", language),
        rights=_rows(VisitorRight, "rights", language),
    )
