"""Consent forms and the evidence they produce."""

from .calendar import CalendarDay
from .deliveries import DeliveryStatus, EmailDelivery, EmailKind, NotSentReason
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
    "DeliveryStatus",
    "EmailDelivery",
    "EmailKind",
    "FormConsentPurpose",
    "NotSentReason",
    "PrivacyRequest",
    "PrivacyRequestStatus",
    "PrivacyRequestType",
]
