"""Policy models: the structured page and its rows, numbered versions and snapshots, change notices."""

from .approval import LegalApprovalTask
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
