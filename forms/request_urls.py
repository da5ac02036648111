"""`/<lang>/privacy/requests/`: the visitors' data-subject requests (`forms.privacy_requests`), included
by cms/urls.py inside its language prefixes, before Wagtail's pages."""

from django.urls import path

from forms.privacy_requests import confirm_privacy_request, privacy_requests

urlpatterns = [
    path("", privacy_requests, name="privacy_requests"),
    path("confirm/", confirm_privacy_request, name="privacy_request_confirm"),
]
