"""Fixtures of the erasure and retention tests: uploads kept in a folder of the test's own, and forms
sent as a browser would (`tests/forms/submitting.py`)."""

import pytest

from tests.forms.submitting import submitter


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def submit(client, policy_pages, private_media, django_capture_on_commit_callbacks):
    return submitter(client, django_capture_on_commit_callbacks)
