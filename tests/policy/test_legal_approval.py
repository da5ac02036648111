"""Legal approval without a browser: a Legal editor submits the Kazakh policy from the page editor, a
second Legal editor approves the task through the admin's workflow action URL, and the approval
publishes the page as a new version (`policy.workflows.publish_approved_content`)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage
from policy.roles import LEGAL_APPROVAL, LEGAL_EDITORS
from tests.policy.helpers import fresh

NEW_INTRO_TAIL = "Бұл сөйлем Заң бөлімінің мақұлдауымен қосылды."
SUMMARY = "Кіріспеге бір сөйлем қосылды."


@pytest.fixture
def legal_editors(django_user_model):
    group = Group.objects.get(name=LEGAL_EDITORS)
    users = []
    for username in ("aigerim", "daniyar"):
        user = django_user_model.objects.create_user(username, password="x")
        user.groups.add(group)
        users.append(user)
    return users


def edit_form_data(html):
    """What the browser would send back from the page editor: every field as rendered."""
    form = BeautifulSoup(html, "html.parser").select_one("form[method=post][action*='/edit/']")
    assert form is not None, "the page editor's form"
    data = {}
    for field in form.select("input[name]"):
        kind = field.get("type", "text")
        if kind in ("submit", "button", "file", "image", "reset"):
            continue
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        data[field["name"]] = field.get("value", "on" if kind == "checkbox" else "")
    for field in form.select("textarea[name]"):
        data[field["name"]] = field.text.removeprefix("\n")  # the HTML parser keeps the newline Django adds
    for field in form.select("select[name]"):
        selected = field.select_one("option[selected]") or field.select_one("option")
        data[field["name"]] = selected.get("value", "") if selected else ""
    return data


def submit_from_the_editor(client, page):
    """The Legal editor changes the introduction, says what changed and clicks "Submit to Legal approval"."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client.get(url).content.decode())
    data["intro"] = f"{data['intro']} {NEW_INTRO_TAIL}"
    data["version_summary"] = SUMMARY
    data["action-submit"] = "1"  # the button clicked (Wagtail ignores an empty value)
    response = client.post(url, data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(
        ".error-message"
    )
    return response


def test_a_second_legal_editor_approves_and_the_policy_is_published_as_a_new_version(
    client, policy_pages, legal_editors, django_capture_on_commit_callbacks
):
    submitter, approver = legal_editors
    page = policy_pages["kk"]
    key = page.translation_key
    live_revision = fresh(page).live_revision_id

    client.force_login(submitter)
    with django_capture_on_commit_callbacks(execute=True):
        submit_from_the_editor(client, page)
    page = fresh(page)
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == LEGAL_APPROVAL
    assert state.requested_by == submitter
    assert page.live_revision_id == live_revision  # submitting publishes nothing
    assert NEW_INTRO_TAIL not in page.intro
    assert not PolicyVersion.objects.for_policy(key).filter(number=2).exists()

    client.force_login(approver)
    task_state = page.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"comment": ""})
    assert response.status_code == 302

    page = fresh(page)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live and page.live_revision_id == page.latest_revision_id != live_revision
    assert page.intro.endswith(NEW_INTRO_TAIL)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=approver).exists()

    version = PolicyVersion.objects.for_policy(key).get(number=2)
    assert version.summary == SUMMARY
    snapshot = PolicySnapshot.objects.get(version=version, language="kk")
    assert NEW_INTRO_TAIL in snapshot.text
    assert snapshot.sha256 == PolicySnapshot.hash_text(snapshot.text)
    assert NEW_INTRO_TAIL in client.get("/kk/privacy/").content.decode()


def test_the_submitter_cannot_publish_by_posting_the_publish_action(client, policy_pages, legal_editors):
    """The edit view refuses "publish" from a Legal editor: the only way out is the workflow."""
    submitter, _ = legal_editors
    page = policy_pages["kk"]
    client.force_login(submitter)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client.get(url).content.decode())
    data["intro"] = f"{data['intro']} {NEW_INTRO_TAIL}"
    data["version_summary"] = SUMMARY
    data["action-publish"] = "1"
    client.post(url, data)
    assert NEW_INTRO_TAIL not in PrivacyPolicyPage.objects.get(pk=page.pk).intro
    assert not PolicyVersion.objects.for_policy(page.translation_key).filter(number=2).exists()


def test_someone_outside_legal_editors_cannot_approve(client, policy_pages, legal_editors, django_user_model):
    submitter, _ = legal_editors
    page = policy_pages["kk"]
    client.force_login(submitter)
    submit_from_the_editor(client, page)
    task_state = fresh(page).current_workflow_task_state
    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(approve, {"comment": ""})
    assert fresh(page).current_workflow_state is not None  # still waiting for Legal approval
    assert not PolicyVersion.objects.for_policy(page.translation_key).filter(number=2).exists()
