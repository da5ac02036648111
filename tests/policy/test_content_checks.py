"""Content checks that block publishing the policy, as functions and in the Wagtail editor."""

import pytest
from bs4 import BeautifulSoup

from policy.checks import check_policy_page
from policy.models import PolicyVersion
from tests.policy.helpers import fresh


@pytest.fixture
def kk(policy_pages):
    page = fresh(policy_pages["kk"])
    page.version_summary = "Жаңа өзгеріс"
    return page


def test_the_demo_policy_passes_every_check_once_it_has_a_new_summary(kk):
    kk.intro += " Өзгерді."
    assert check_policy_page(kk) == []


def test_unfilled_date_placeholder_is_reported(kk):
    kk.changes_text += " Саясатты жаңарту күні «___» ________ 2023 жыл."
    problems = check_policy_page(kk)
    assert any("«___»" in problem for problem in problems)
    assert any("________" in problem for problem in problems)


def test_words_mixing_latin_and_cyrillic_are_reported(kk):
    kk.intro = kk.intro.replace("edna", "еdna", 1)  # Cyrillic "е"
    problems = check_policy_page(kk)
    assert any("еdna" in problem for problem in problems)


def test_hyphenated_words_may_join_scripts(kk):
    kk.intro += " IP-мекенжайы"
    assert check_policy_page(kk) == []


def test_reference_to_a_missing_clause_is_reported(kk):
    kk.third_party_clause += " Осы Саясаттың 7.4-тармағына сәйкес."
    problems = check_policy_page(kk)
    assert any("7.4" in problem for problem in problems)
    kk.third_party_clause += " Саясаттың 2.5-тармағы."  # exists
    assert not any("2.5" in problem for problem in check_policy_page(kk))


def test_purpose_without_retention_term_is_reported(kk):
    rows = list(kk.purposes.all())
    rows[2].retention_term = " "
    kk.purposes.set(rows)
    problems = check_policy_page(kk)
    assert any("3" in problem and rows[2].purpose in problem for problem in problems)


def test_changed_text_needs_a_new_summary(kk):
    kk.intro += " Өзгерді."
    kk.version_summary = ""
    assert len(check_policy_page(kk)) == 1
    kk.version_summary = PolicyVersion.objects.get(number=1).summary
    assert len(check_policy_page(kk)) == 1


def _edit_form_data(client, page):
    """Every field of the page editor as the browser would post it."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content
    form = BeautifulSoup(html, "html.parser").select_one("form[data-edit-form], form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            selected = field.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def test_editor_publishing_a_placeholder_is_blocked_with_a_clear_message(client, admin_user, policy_pages):
    client.force_login(admin_user)
    kk = policy_pages["kk"]
    data = _edit_form_data(client, kk)
    data["changes_text"] += " Саясатты жаңарту күні «___» 2023 жыл."
    data["version_summary"] = "Күн қосылды"
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{kk.pk}/edit/", data)
    assert response.status_code == 200  # the editor comes back with errors
    assert "«___»" in response.content.decode()
    assert PolicyVersion.objects.count() == 1


def test_editor_may_save_a_draft_with_problems(client, admin_user, policy_pages):
    client.force_login(admin_user)
    kk = policy_pages["kk"]
    data = _edit_form_data(client, kk)
    data["changes_text"] += " «___»"
    response = client.post(f"/admin/pages/{kk.pk}/edit/", data)
    assert response.status_code == 302
    assert "«___»" in fresh(kk).get_latest_revision_as_object().changes_text


def test_editor_publishing_a_good_change_creates_a_version(
    client, admin_user, policy_pages, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    kk = policy_pages["kk"]
    data = _edit_form_data(client, kk)
    data["intro"] += " Толықтырылды."
    data["version_summary"] = "Кіріспе толықтырылды"
    data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{kk.pk}/edit/", data)
    assert response.status_code == 302
    version = PolicyVersion.objects.get(number=2)
    assert version.summary == "Кіріспе толықтырылды"
    assert version.created_by == admin_user.get_username()
