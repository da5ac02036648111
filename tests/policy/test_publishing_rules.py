"""Only Legal approval (or a superuser, on the record) publishes the policy, on every path, per role."""

import html
import json
import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from policy import publishing
from policy.models import PolicyVersion, PrivacyPolicyPage
from policy.roles import LEGAL_EDITORS, PRIVACY_OFFICERS
from tests.policy.helpers import fresh

ROLES = ["anonymous", "legal_editor", "privacy_officer", "moderator", "editor", "staff", "superuser"]


@pytest.fixture
def users(django_user_model, db):
    """One user per role (None for anonymous)."""
    made = {"anonymous": None}
    groups = {
        "legal_editor": LEGAL_EDITORS,
        "privacy_officer": PRIVACY_OFFICERS,
        "moderator": "Moderators",
        "editor": "Editors",
    }
    for role, group in groups.items():
        user = django_user_model.objects.create_user(role, password="x")
        user.groups.add(Group.objects.get(name=group))
        made[role] = user
    made["staff"] = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    made["superuser"] = django_user_model.objects.create_superuser("root", password="x")
    made["second_legal_editor"] = django_user_model.objects.create_user("second", password="x")
    made["second_legal_editor"].groups.add(Group.objects.get(name=LEGAL_EDITORS))
    return made


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


# role: (may edit the policy, may publish it directly)
POLICY_PAGE_PERMISSIONS = {
    "legal_editor": (True, False),
    "privacy_officer": (False, False),
    "moderator": (False, False),
    "editor": (False, False),
    "staff": (False, False),
    "superuser": (True, True),
}


@pytest.mark.parametrize("role", POLICY_PAGE_PERMISSIONS)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_who_may_edit_and_publish_the_policy_and_its_notices(users, policy_pages, role, language):
    may_edit, may_publish = POLICY_PAGE_PERMISSIONS[role]
    page = policy_pages[language]
    permissions = page.permissions_for_user(users[role])
    assert permissions.can_edit() is may_edit
    assert permissions.can_publish() is may_publish
    assert permissions.can_delete() is (role == "superuser")
    for notice_page in page.get_descendants().specific():
        assert notice_page.permissions_for_user(users[role]).can_edit() is may_edit


def test_moderators_still_publish_the_rest_of_the_site(users, policy_pages):
    home = Page.objects.get(pk=policy_pages["kk"].get_parent().pk)
    assert home.permissions_for_user(users["moderator"]).can_publish()
    assert home.specific.permissions_for_user(users["editor"]).can_edit()


@pytest.mark.parametrize("role", ROLES)
def test_the_policy_editor_opens_only_for_legal_editors_and_superusers(client, users, policy_pages, role):
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(f"/admin/pages/{policy_pages['kk'].pk}/edit/")
    if role in ("legal_editor", "superuser"):
        assert response.status_code == 200
    elif role in ("anonymous", "staff"):  # no admin access at all
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:  # Wagtail answers a denied page edit with a redirect to the dashboard
        assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ROLES)
def test_only_those_who_may_edit_the_policy_may_sync_its_translations(client, users, policy_pages, role):
    source = TranslationSource.objects.get(object_id=policy_pages["kk"].translation_key)
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(f"/admin/localize/update/{source.pk}/")
    if role in ("legal_editor", "superuser"):
        assert response.status_code == 200
    elif role in ("anonymous", "staff"):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_moderators_may_still_sync_other_pages(client, users, policy_pages):
    contact = Page.objects.get(locale__language_code="kk", slug="contact")
    source = TranslationSource.objects.get(object_id=contact.translation_key)
    client.force_login(users["moderator"])
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == 200


def change_source_and_sync(client, user, policy_pages, on_commit, publish_translations):
    """A Legal editor's flow: a new Kazakh text (published by a superuser here), then a sync."""
    with on_commit():
        kk = fresh(policy_pages["kk"])
        kk.intro = kk.intro + " Жаңа сөйлем."
        kk.version_summary = "Кіріспе толықтырылды."
        kk.save_revision().publish()
    source = TranslationSource.objects.get(object_id=policy_pages["kk"].translation_key)
    client.force_login(user)
    data = {"publish_translations": "on"} if publish_translations else {}
    with on_commit():
        response = client.post(f"/admin/localize/update/{source.pk}/", data)
    assert response.status_code == 302
    return response


def test_a_legal_editors_sync_with_publish_immediately_submits_instead_of_publishing(
    client, users, policy_pages, on_commit
):
    ru_live_revision = fresh(policy_pages["ru"]).live_revision_id
    change_source_and_sync(client, users["legal_editor"], policy_pages, on_commit, publish_translations=True)
    ru = fresh(policy_pages["ru"])
    assert ru.live_revision_id == ru_live_revision  # nothing published
    assert not PolicyVersion.objects.get(number=2).snapshots.filter(language="ru").exists()
    assert PageLogEntry.objects.filter(page=ru, action=publishing.PUBLICATION_REFUSED).exists() or (
        PageLogEntry.objects.filter(page=ru, action=publishing.SUBMITTED_INSTEAD).exists()
    )


def test_a_superuser_may_publish_directly_and_the_audit_log_says_so(client, users, policy_pages, on_commit):
    page = fresh(policy_pages["kk"])
    client.force_login(users["superuser"])
    with on_commit():
        page.intro = page.intro + " Суперпайдаланушы."
        page.version_summary = "Тікелей жарияланды."
        revision = page.save_revision(user=users["superuser"])
        from core.current_request import _current_request  # the request is what the admin would set

        class Request:
            user = users["superuser"]

        token = _current_request.set(Request())
        try:
            revision.publish()  # as wagtail-localize does: no user passed
        finally:
            _current_request.reset(token)
    assert PolicyVersion.objects.filter(policy_key=page.translation_key, number=2).exists()
    entry = PageLogEntry.objects.get(
        page=page, action=publishing.PUBLISHED_OUTSIDE_WORKFLOW, revision=revision
    )
    assert entry.user == users["superuser"]


def test_a_forged_publish_from_the_editor_is_refused_for_a_legal_editor(client, users, policy_pages):
    client.force_login(users["legal_editor"])
    page = fresh(policy_pages["kk"])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"action-publish": "publish", "title": page.title, "slug": page.slug},
    )
    assert response.status_code in (200, 302, 403)  # re-shown, or refused: never published
    assert fresh(page).live_revision_id == page.live_revision_id
    assert not PolicyVersion.objects.filter(policy_key=page.translation_key, number=2).exists()


def test_inside_a_request_a_non_superuser_publication_is_turned_into_a_submission(
    users, policy_pages, on_commit
):
    """The path of wagtail-localize's translation editor and sync: `revision.publish()` with no user."""
    from core.current_request import _current_request

    class Request:
        user = users["legal_editor"]

    page = fresh(policy_pages["kk"])
    page.intro = page.intro + " Ұсыныс."
    page.version_summary = "Ұсыныс."
    revision = page.save_revision(user=users["legal_editor"])
    token = _current_request.set(Request())
    try:
        with on_commit():
            assert revision.publish() is None
    finally:
        _current_request.reset(token)
    assert not PolicyVersion.objects.filter(policy_key=page.translation_key, number=2).exists()
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == users["legal_editor"]
    assert PageLogEntry.objects.filter(page=page, action=publishing.SUBMITTED_INSTEAD).exists()


def test_a_script_outside_any_request_publishes_and_is_on_the_record(policy_pages, on_commit):
    page = fresh(policy_pages["kk"])
    page.intro = page.intro + " Скрипт."
    page.version_summary = "Скрипт."
    with on_commit():
        page.save_revision().publish()
    assert PolicyVersion.objects.filter(policy_key=page.translation_key, number=2).exists()
    assert PageLogEntry.objects.filter(page=page, action=publishing.PUBLISHED_OUTSIDE_WORKFLOW).exists()


def test_the_translation_editor_offers_submit_not_convert_to_alias(client, users, policy_pages):
    client.force_login(users["legal_editor"])
    response = client.get(f"/admin/pages/{policy_pages['ru'].pk}/edit/")
    assert response.status_code == 200
    (escaped,) = re.findall(r'data-props="([^"]*)"', response.content.decode())
    props = json.loads(html.unescape(escaped))
    assert props["links"]["convertToAliasUrl"] is None
    assert props["perms"]["canPublish"] is True
    assert props["segments"]  # the rest of the editor is intact


def test_the_translation_editors_publish_button_submits_a_complete_translation(
    client, users, policy_pages, on_commit
):
    ru = fresh(policy_pages["ru"])
    assert Translation.objects.filter(target_locale=ru.locale, enabled=True).exists()
    client.force_login(users["legal_editor"])
    live_revision = ru.live_revision_id
    with on_commit():
        response = client.post(f"/admin/pages/{ru.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    ru = fresh(ru)
    assert ru.live_revision_id == live_revision
    state = WorkflowState.objects.get(object_id=str(ru.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.requested_by == users["legal_editor"]


def test_policy_pages_have_no_competing_go_live_schedule(client, users, policy_pages):
    client.force_login(users["superuser"])
    html = client.get(f"/admin/pages/{policy_pages['kk'].pk}/edit/").content.decode()
    assert 'name="go_live_at"' not in html
    assert 'name="version_effective_from"' in html
    assert "Asia/Almaty" in html
    assert PrivacyPolicyPage.preview_modes[0][0] == "changes"


def test_not_even_a_superuser_publishes_an_incomplete_translation(users, policy_pages, on_commit):
    from core.current_request import _current_request
    from core.localize_import import sync_translation_source

    with on_commit():
        kk = fresh(policy_pages["kk"])
        kk.intro = kk.intro + " Аударылмаған сөйлем."
        kk.version_summary = "Кіріспе толықтырылды."
        kk.save_revision().publish()
    sync_translation_source(fresh(policy_pages["kk"]))
    translation = Translation.objects.get(
        source__object_id=policy_pages["kk"].translation_key, target_locale=policy_pages["ru"].locale
    )
    translation.save_target(publish=False)  # a draft with the new Kazakh sentence left untranslated
    ru = fresh(policy_pages["ru"])
    live_revision = ru.live_revision_id

    class Request:
        user = users["superuser"]

    token = _current_request.set(Request())
    try:
        with on_commit():
            assert ru.get_latest_revision().publish() is None
    finally:
        _current_request.reset(token)
    assert fresh(ru).live_revision_id == live_revision
    assert not PolicyVersion.objects.get(number=2).snapshots.filter(language="ru").exists()
    refusal = PageLogEntry.objects.get(page=ru, action=publishing.PUBLICATION_REFUSED)
    assert refusal.user == users["superuser"] and refusal.data["problems"]
