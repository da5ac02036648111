"""Addresses of the cookie consent app, outside the language prefixes (the body names the language)."""

from django.urls import path

from cookies.views import gpc_support, record_choice

urlpatterns = [
    path("cookie-choices/", record_choice, name="cookie_choice"),
    path(".well-known/gpc.json", gpc_support, name="gpc_support"),
]
