"""Policy models: the structured page and its rows, numbered versions and snapshots, change notices."""

from .approval import LegalApprovalTask
from .cookies import CookieCategory, CookieCategoryKey, CookieDeclaration
from .notices import PolicyUpdateIndexPage, PolicyUpdatePage
from .page import (
    PolicyDefinition,
    PolicyPrinciple,
    PolicyRow,
    PrivacyPolicyPage,
    ProcessingPurpose,
    SubjectCategory,
    TransferCountry,
    VisitorRight,
)
from .versions import PolicySnapshot, PolicyVersion

__all__ = [
    "CookieCategory",
    "CookieCategoryKey",
    "CookieDeclaration",
    "LegalApprovalTask",
    "PolicyDefinition",
    "PolicyPrinciple",
    "PolicyRow",
    "PolicySnapshot",
    "PolicyUpdateIndexPage",
    "PolicyUpdatePage",
    "PolicyVersion",
    "PrivacyPolicyPage",
    "ProcessingPurpose",
    "SubjectCategory",
    "TransferCountry",
    "VisitorRight",
]
