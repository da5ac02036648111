"""Each purpose of table No. 1 carries its retention term as data too: a rule (until withdrawal; N days
after the vacancy is closed; N days after the form was sent) and its days, the same in every language,
frozen with each snapshot's document but not part of the canonical text. Publishing is refused while a
row has no complete rule, or when a rule changes without its retention term."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.users.models import UserProfile

from policy.checks import check_policy_page
from policy.document import build_policy_document, frozen_purposes
from policy.models import PolicySnapshot, PolicyVersion, ProcessingPurpose
from policy.retention_rules import RetentionRule
from policy.translation_integrity import document_from_data
from tests.policy.helpers import fresh, publish


@pytest.fixture
def kk(policy_pages):
    page = fresh(policy_pages["kk"])
    page.version_summary = "Жаңа өзгеріс"
    return page


def edit_purpose(page, index, **values):
    rows = list(page.purposes.all())
    for name, value in values.items():
        setattr(rows[index], name, value)
    page.purposes.set(rows)
    return rows[index]


def test_every_demo_purpose_has_the_rule_its_term_says_in_every_language(policy_pages):
    rows = ProcessingPurpose.objects.select_related("locale").order_by("locale__language_code", "sort_order")
    by_language = {}
    for row in rows:
        by_language.setdefault(row.locale.language_code, []).append((row.retention_rule, row.retention_days))
    assert set(by_language) == {"kk", "ru", "en"}
    assert by_language["kk"] == by_language["ru"] == by_language["en"]  # synchronised
    english = {
        row.retention_term: (row.retention_rule, row.retention_days)
        for row in rows
        if row.locale.language_code == "en"
    }
    assert english == {
        "The period during which the candidate's suitability for the position is assessed": (
            RetentionRule.AFTER_VACANCY_CLOSED,
            30,
        ),
        "Until consent to the processing of personal data is withdrawn, unless otherwise provided by the "
        "applicable legislation of the Republic of Kazakhstan": (RetentionRule.UNTIL_WITHDRAWAL, None),
    }


def test_snapshots_carry_the_rules_outside_their_canonical_text(policy_pages):
    for snapshot in PolicySnapshot.objects.all():
        purposes = frozen_purposes(snapshot.document)
        assert purposes and all(purpose["retention_rule"] for purpose in purposes)
        assert "until-withdrawal" not in snapshot.text
        assert snapshot.hash_matches()


def test_a_rule_is_not_part_of_the_canonical_text(kk):
    before = build_policy_document(kk).as_text()
    edit_purpose(kk, 1, retention_rule=RetentionRule.FIXED_DAYS, retention_days=365)
    assert build_policy_document(kk).as_text() == before


def test_documents_frozen_before_rules_existed_are_still_read(policy_pages):
    snapshot = PolicySnapshot.objects.get(language="kk")
    old = {**snapshot.document}
    old_sections = []
    for section in old["sections"]:
        clauses = []
        for clause in section["clauses"]:
            groups = [
                {
                    **group,
                    "purposes": [
                        {k: v for k, v in purpose.items() if k not in ("retention_rule", "retention_days")}
                        for purpose in group["purposes"]
                    ],
                }
                for group in clause["purpose_groups"]
            ]
            clauses.append({**clause, "purpose_groups": groups})
        old_sections.append({**section, "clauses": clauses})
    old["sections"] = old_sections
    document = document_from_data(old)
    assert document.as_text() == snapshot.text  # the hash of an old snapshot is what it was
    assert all(purpose.retention_rule == "" for purpose in document.purposes)


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"retention_rule": ""}, "has no retention rule"),
        ({"retention_rule": RetentionRule.FIXED_DAYS, "retention_days": None}, "needs a number of days"),
        (
            {"retention_rule": RetentionRule.AFTER_VACANCY_CLOSED, "retention_days": None},
            "needs a number of days",
        ),
        ({"retention_rule": RetentionRule.UNTIL_WITHDRAWAL, "retention_days": 30}, "counts no days"),
        ({"retention_rule": "forever"}, "is unknown"),
    ],
)
def test_a_purpose_without_a_complete_rule_is_refused(kk, values, problem):
    kk.intro += " Өзгерді."
    row = edit_purpose(kk, 2, **values)
    with translation.override("en"):
        problems = check_policy_page(kk)
    assert len(problems) == 1
    assert problems[0].startswith(f"Purpose 3 (“{row.purpose}”)")
    assert problem in problems[0]


def test_complete_rules_pass(kk):
    kk.intro += " Өзгерді."
    edit_purpose(kk, 2, retention_rule=RetentionRule.FIXED_DAYS, retention_days=365)
    edit_purpose(kk, 0, retention_rule=RetentionRule.AFTER_VACANCY_CLOSED, retention_days=1)
    assert check_policy_page(kk) == []


def test_a_rule_changed_without_its_term_is_refused(kk):
    kk.version_summary = ""
    edit_purpose(kk, 1, retention_rule=RetentionRule.FIXED_DAYS, retention_days=365)
    with translation.override("en"):
        problems = check_policy_page(kk)
    assert problems == [
        "The retention rule of purpose 2 changed, but its retention term did not: change the retention "
        "term to say what the new rule does."
    ]
    row = edit_purpose(kk, 1, retention_term="Жіберілгеннен кейін 365 күн")
    kk.version_summary = "Сақтау мерзімі өзгерді"
    assert row.retention_rule == RetentionRule.FIXED_DAYS
    assert check_policy_page(kk) == []


def test_a_new_version_freezes_its_rules(kk, django_capture_on_commit_callbacks):
    row = edit_purpose(kk, 1, retention_rule=RetentionRule.FIXED_DAYS, retention_days=365)
    row.retention_term = "Жіберілгеннен кейін 365 күн"
    kk.purposes.set(list(kk.purposes.all()))
    kk.save()
    with django_capture_on_commit_callbacks(execute=True):
        publish(kk, summary="Сақтау мерзімі өзгерді", purposes=list(kk.purposes.all()))
    version = PolicyVersion.objects.get(number=2)
    purposes = frozen_purposes(version.snapshots.get(language="kk").document)
    assert (purposes[1]["retention_rule"], purposes[1]["retention_days"]) == (RetentionRule.FIXED_DAYS, 365)
    first = frozen_purposes(PolicySnapshot.objects.get(version__number=1, language="kk").document)
    assert first[1]["retention_rule"] == RetentionRule.UNTIL_WITHDRAWAL  # the old text keeps its rule


def _edit_form_data(client, page):
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


def test_the_editor_shows_the_rule_and_refuses_to_publish_a_row_without_one(client, admin_user, policy_pages):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    kk = policy_pages["kk"]
    data = _edit_form_data(client, kk)
    assert data["purposes-0-retention_rule"] == RetentionRule.AFTER_VACANCY_CLOSED
    assert data["purposes-0-retention_days"] == "30"
    assert data["purposes-1-retention_rule"] == RetentionRule.UNTIL_WITHDRAWAL
    data["purposes-1-retention_rule"] = ""
    data["intro"] += " Толықтырылды."
    data["version_summary"] = "Кіріспе толықтырылды"
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{kk.pk}/edit/", data)
    assert response.status_code == 200  # back in the editor, with the reason
    assert "Purpose 2 (" in response.content.decode()
    assert "has no retention rule" in response.content.decode()
    assert PolicyVersion.objects.count() == 1
