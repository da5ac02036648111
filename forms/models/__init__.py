"""Consent forms and the evidence they produce."""

from .calendar import CalendarDay
from .pages import ConsentFormField, ConsentFormPage, FormConsentPurpose
from .records import ConsentExport, ConsentGrant, ConsentRecord, ConsentSubmission
from .requests import PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType

__all__ = [
    "CalendarDay",
    "ConsentExport",
    "ConsentFormField",
    "ConsentFormPage",
    "ConsentGrant",
    "ConsentRecord",
    "ConsentSubmission",
    "FormConsentPurpose",
    "PrivacyRequest",
    "PrivacyRequestStatus",
    "PrivacyRequestType",
]
