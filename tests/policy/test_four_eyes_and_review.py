"""Legal approval: nobody approves their own work, and the reviewer sees what they approve, in words."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry, TaskState
from wagtail.users.models import UserProfile

from policy import publishing
from policy.models import LegalApprovalTask, PolicyVersion
from policy.roles import LEGAL_EDITORS
from policy.version_words import change_type_text
from tests.policy.helpers import fresh


@pytest.fixture
def legal_editors(django_user_model, db):
    group = Group.objects.get(name=LEGAL_EDITORS)
    users = []
    for name in ("author", "reviewer", "third"):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(group)
        users.append(user)
    return users


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def propose(
    page, author, submitter=None, *, material=False, effective_from=None, intro_suffix=" Жаңа сөйлем."
):
    """`author` writes a new revision of `page`; `submitter` (else the author) submits it."""
    page = fresh(page)
    page.intro = page.intro + intro_suffix
    page.version_summary = "Кіріспеге сөйлем қосылды."
    page.version_is_material = material
    page.version_effective_from = effective_from
    page.save_revision(user=author)
    page.get_workflow().start(page, submitter or author)
    page = fresh(page)
    return page, page.current_workflow_task_state.specific


def approve_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_the_submitter_is_offered_no_action_and_does_not_see_it_awaiting_review(policy_pages, legal_editors):
    author, reviewer, _third = legal_editors
    page, task_state = propose(policy_pages["kk"], author)
    task = task_state.task.specific
    assert isinstance(task, LegalApprovalTask)
    assert task.get_actions(page, author) == []
    assert "approve" in [name for name, _label, _modal in task.get_actions(page, reviewer)]
    assert not task.get_task_states_user_can_moderate(author).exists()
    assert list(task.get_task_states_user_can_moderate(reviewer)) == [TaskState.objects.get(pk=task_state.pk)]


def test_whoever_wrote_the_revision_may_not_approve_it_even_if_someone_else_submitted(
    policy_pages, legal_editors
):
    author, reviewer, third = legal_editors
    page, task_state = propose(policy_pages["kk"], author, submitter=third)
    task = task_state.task.specific
    assert task.get_actions(page, author) == []
    assert task.get_actions(page, third) == []
    assert task.get_actions(page, reviewer)


def test_a_forged_approval_by_the_submitter_is_refused(client, policy_pages, legal_editors, on_commit):
    author, _reviewer, _third = legal_editors
    page, task_state = propose(policy_pages["kk"], author)
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, author, "approve")
    client.force_login(author)
    with on_commit():
        response = client.post(approve_url(page, task_state), {"comment": ""})
    assert response.status_code in (302, 403)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not PolicyVersion.objects.filter(policy_key=page.translation_key, number=2).exists()


def test_a_second_legal_editor_approves_and_the_version_is_published_through_the_workflow(
    client, policy_pages, legal_editors, on_commit
):
    author, reviewer, _third = legal_editors
    page, task_state = propose(policy_pages["kk"], author)
    client.force_login(reviewer)
    with on_commit():
        response = client.post(approve_url(page, task_state), {"comment": ""})
    assert response.status_code == 302
    version = PolicyVersion.objects.get(policy_key=page.translation_key, number=2)
    assert version.summary == "Кіріспеге сөйлем қосылды."
    assert not PageLogEntry.objects.filter(
        page=page, action=publishing.PUBLISHED_OUTSIDE_WORKFLOW, timestamp__gte=version.created_at
    ).exists()


@pytest.mark.parametrize("admin_language", ["ru", "en"])
def test_the_review_shows_summary_type_effective_date_and_the_public_comparison(
    client, policy_pages, legal_editors, admin_language
):
    author, reviewer, _third = legal_editors
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = admin_language
    profile.save()
    effective = timezone.now() + timezone.timedelta(days=20)
    page, task_state = propose(policy_pages["kk"], author, material=True, effective_from=effective)
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    with translation.override(admin_language):
        assert change_type_text(True) in html
        assert gettext("Review of this version") in html
    assert "Кіріспеге сөйлем қосылды." in html
    assert "Asia/Almaty, UTC+05:00" in html
    assert re.search(r"<ins>[^<]*Жаңа", html)  # the public diff, in the page's language

    preview = client.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    ).content.decode()
    assert "Кіріспеге сөйлем қосылды." in preview
    assert "Asia/Almaty" in preview
    assert "<ins>" in preview
    assert "/kk/contact/" in preview  # a form that will ask its visitors for consent again


def test_an_editorial_change_names_no_form_and_says_consents_stay_valid(client, policy_pages, legal_editors):
    author, reviewer, _third = legal_editors
    page, task_state = propose(policy_pages["kk"], author, material=False)
    client.force_login(reviewer)
    preview = client.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    ).content.decode()
    with translation.override("ru"):
        assert change_type_text(False) in preview
        assert gettext("Forms that will ask visitors for consent again") not in preview
        assert gettext("Consents recorded on the version in force") in preview


def test_wagtails_revision_compare_shows_the_version_fields_in_words(client, policy_pages, legal_editors):
    author, reviewer, _third = legal_editors
    page = fresh(policy_pages["kk"])
    before = page.save_revision(user=author)
    page.version_is_material = True
    page.version_effective_from = timezone.datetime(2026, 12, 15, tzinfo=timezone.get_current_timezone())
    after = page.save_revision(user=author)
    client.force_login(reviewer)
    html = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, before.pk, after.pk])
    ).content.decode()
    assert "FalseTrue" not in html
    assert "None2026" not in html
    with translation.override("ru"):
        assert change_type_text(False) in html
        assert change_type_text(True) in html
    assert "Asia/Almaty, UTC+05:00" in html
