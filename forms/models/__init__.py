"""Consent forms and the evidence they produce."""

from .pages import ConsentFormField, ConsentFormPage, FormConsentPurpose
from .records import ConsentExport, ConsentGrant, ConsentRecord, ConsentSubmission

__all__ = [
    "ConsentExport",
    "ConsentFormField",
    "ConsentFormPage",
    "ConsentGrant",
    "ConsentRecord",
    "ConsentSubmission",
    "FormConsentPurpose",
]
