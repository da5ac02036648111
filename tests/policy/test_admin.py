"""Roles, the Legal approval workflow, delete protection and the editors' dashboard panel."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Workflow

from policy.models import LegalApprovalTask, PrivacyPolicyPage
from policy.roles import LEGAL_APPROVAL, LEGAL_EDITORS, PRIVACY_OFFICERS


@pytest.fixture
def legal_editor(django_user_model):
    user = django_user_model.objects.create_user("aigerim", password="x")
    user.groups.add(Group.objects.get(name=LEGAL_EDITORS))
    return user


def test_migrations_create_the_groups_and_the_legal_approval_workflow(db):
    assert Group.objects.filter(name__in=[LEGAL_EDITORS, PRIVACY_OFFICERS]).count() == 2
    workflow = Workflow.objects.get(name=LEGAL_APPROVAL)
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert isinstance(task, LegalApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [LEGAL_EDITORS]


def test_every_policy_page_goes_through_legal_approval(policy_pages):
    for page in policy_pages.values():
        assert page.get_workflow().name == LEGAL_APPROVAL


def test_legal_editor_can_edit_and_submit_but_not_publish_directly(policy_pages, legal_editor):
    permissions = policy_pages["kk"].permissions_for_user(legal_editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    notices_index = policy_pages["kk"].get_children().first()
    assert notices_index.permissions_for_user(legal_editor).can_edit()


def test_legal_editor_sees_submit_to_legal_approval(client, policy_pages, legal_editor):
    client.force_login(legal_editor)
    html = client.get(f"/admin/pages/{policy_pages['kk'].pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_admin_refuses_to_delete_a_versioned_policy(client, admin_user, policy_pages):
    client.force_login(admin_user)
    page = policy_pages["kk"]
    response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
    assert PrivacyPolicyPage.objects.filter(pk=page.pk).exists()
    messages = [str(message) for message in response.context["messages"]]
    with translation.override("ru"):  # the admin's default language
        expected = gettext(
            "This privacy policy has published versions that consents refer to, so it cannot be deleted."
        )
    assert expected in messages


def test_admin_refuses_to_delete_a_home_page_that_contains_the_policy(client, admin_user, policy_pages):
    client.force_login(admin_user)
    home = policy_pages["en"].get_parent()
    client.post(f"/admin/pages/{home.pk}/delete/")
    assert PrivacyPolicyPage.objects.filter(pk=policy_pages["en"].pk).exists()


def test_dashboard_panel_shows_versions_and_translation_lag(
    client, admin_user, policy_pages, django_capture_on_commit_callbacks
):
    from tests.policy.helpers import change_first_purpose, publish

    kk = change_first_purpose(policy_pages["kk"], "Жаңа")
    with django_capture_on_commit_callbacks(execute=True):
        publish(kk, summary="Жаңа")
    client.force_login(admin_user)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(".policy-versions-panel")
    assert panel is not None
    lag = {
        row["data-language"]: row.find_all("td")[1].get_text(strip=True)
        for row in panel.select("tr[data-language]")
    }
    assert lag == {"kk": "2", "ru": "1", "en": "1"}
    assert [row["data-version"] for row in panel.select("tr[data-version]")] == ["2", "1"]
