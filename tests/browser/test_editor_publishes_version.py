"""A policy change from the legal team's admin to the visitor, driven through the browser.

A Legal editor changes the Kazakh policy and submits it to the "Legal approval" workflow; another Legal
editor approves it, which publishes it as version 2. The first editor syncs the Russian translation
with "publish immediately" while one changed string is still untranslated: nothing is published or
frozen, the dashboard says the translation is incomplete, and Russian visitors keep the previous Russian
version with a note that a newer one exists in Kazakh. The editor translates the rest and submits it;
the second editor approves; the Russian snapshot of version 2 is frozen. The submitter is never offered
"approve". A visitor then reads version 2 in Russian, its comparison with version 1 and its notice.
"""

from contextlib import ExitStack

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from policy.models import PolicySnapshot, PolicyVersion, PrivacyPolicyPage
from policy.roles import LEGAL_EDITORS

# The purpose of processing of row 1 of table No. 1, before and after the change, in both languages.
KK_PURPOSE_OLD = "Бос лауазымдарға орналасу"
KK_PURPOSE_NEW = "Бос лауазымдарға және тағылымдамаға қабылдау"
RU_PURPOSE_OLD = "Трудоустройство на вакантные должности"
RU_PURPOSE_NEW = "Приём на вакантные должности и стажировки"
KK_SUMMARY = "Кандидаттарды тағылымдамаға қабылдау мақсаты қосылды."
RU_SUMMARY = "Добавлена цель: приём кандидатов на стажировку."

# Milliseconds to wait for the server to publish (version, snapshots, notices) and answer.
PUBLISHING = 15_000


def create_admin_user(username, *, group=None, superuser=False):
    """A user whose Wagtail admin speaks English (the labels the test finds buttons by)."""
    user = get_user_model()(username=username, email=f"{username}@example.com", is_superuser=superuser)
    user.set_password(f"{username}-password")
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def log_in(tab, base_url, user):
    tab.goto(f"{base_url}/admin/login/")
    tab.locator("input[name=username]").fill(user.username)
    tab.locator("input[name=password]").fill(f"{user.username}-password")
    tab.locator("form button[type=submit]").click()  # the login page speaks the default admin language
    tab.wait_for_url(f"{base_url}/admin/")


def translate(tab, source_text, translated_text):
    """Translate one string in wagtail-localize's translation editor."""
    # The editor's row for a string: the source text, its translation and the row's buttons.
    segment = tab.locator(f"xpath=//li[p[normalize-space()='{source_text}']]")
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translated_text)
    segment.get_by_role("button", name="Save").click()
    # Saved on the server once the row offers to edit the translation.
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment).to_contain_text(translated_text)


def assert_only_first_purpose_changed(old_text, new_text, old_purpose, new_purpose):
    """Of two snapshots' texts, only row 1 of table No. 1 differs, by its purpose of processing: the
    rows keep their order and every other string its text (and translation)."""
    old_lines, new_lines = old_text.splitlines(), new_text.splitlines()
    assert len(old_lines) == len(new_lines)
    changes = [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new]
    assert len(changes) == 1, "changed lines:\n" + "\n".join(
        f"- {old[:120]}\n+ {new[:120]}" for old, new in changes
    )
    [(old_row, new_row)] = changes
    assert old_row.startswith("1 | ") and f" | {old_purpose} | " in old_row
    assert new_row == old_row.replace(f" | {old_purpose} | ", f" | {new_purpose} | ")


def test_editor_change_approved_and_translated_is_published_as_version_2_with_notice(
    browser, page, demo_server, settings
):
    # Autosave off: its background draft saves would race the submit on the live server, whose threads
    # share one connection to the in-memory SQLite database.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    base_url = demo_server.url
    kk_policy = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    ru_policy = PrivacyPolicyPage.objects.get(locale__language_code="ru")
    policy_key = kk_policy.translation_key
    explorer_url = f"{base_url}/admin/pages/{kk_policy.get_parent().pk}/"
    editor = create_admin_user("aigerim", group=LEGAL_EDITORS)
    approver = create_admin_user("daniyar", group=LEGAL_EDITORS)

    with ExitStack() as contexts:

        def new_tab():
            context = browser.new_context(locale="kk-KZ")
            contexts.callback(context.close)
            tab = context.new_page()
            tab.set_default_timeout(15_000)
            return tab

        # 1. The Legal editor changes row 1's purpose, says what changed and submits for approval.
        log_in(page, base_url, editor)
        page.goto(f"{base_url}/admin/pages/{kk_policy.pk}/edit/")
        purpose = page.locator("textarea[name='purposes-0-purpose']")
        expect(purpose).to_have_value(KK_PURPOSE_OLD)
        purpose.fill(KK_PURPOSE_NEW)
        page.get_by_role("tab", name="Version").click()
        page.locator("textarea[name=version_summary]").fill(KK_SUMMARY)
        page.locator("input[name=version_is_material]").check()
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Submit to Legal approval").click()
        page.wait_for_url(explorer_url)
        expect(page.locator(".messages")).to_contain_text("has been submitted for moderation")
        assert not PolicyVersion.objects.for_policy(policy_key).filter(number=2).exists()

        # 2. The approver approves the task on the dashboard, which publishes the page as version 2.
        approver_tab = new_tab()
        log_in(approver_tab, base_url, approver)
        awaiting = approver_tab.get_by_role("region", name="Awaiting your review")
        task = awaiting.get_by_role("row").filter(has=approver_tab.get_by_role("link", name=kk_policy.title))
        task.get_by_role("button", name="Actions").click()
        task.get_by_role("button", name="Approve", exact=True).click()
        expect(task).to_have_count(0, timeout=PUBLISHING)
        versions_panel = approver_tab.get_by_role("region", name="Privacy policy versions")
        expect(versions_panel.locator("tr[data-version='2']")).to_contain_text("Material")
        ru_row = versions_panel.locator("tr[data-language='ru']")
        expect(ru_row).to_contain_text("has not been synced with version 2")

        version = PolicyVersion.objects.for_policy(policy_key).get(number=2)
        assert version.is_material
        assert version.summary == KK_SUMMARY
        kk_v1 = PolicySnapshot.objects.get(version__policy_key=policy_key, version__number=1, language="kk")
        kk_v2 = PolicySnapshot.objects.get(version=version, language="kk")
        assert_only_first_purpose_changed(kk_v1.text, kk_v2.text, KK_PURPOSE_OLD, KK_PURPOSE_NEW)
        assert not PolicySnapshot.objects.filter(version=version, language="ru").exists()

        # The submitter has nothing to review: four eyes.
        page.goto(f"{base_url}/admin/")
        expect(page.get_by_role("region", name="Awaiting your review")).to_have_count(0)

        # 3. The editor syncs the translations with "publish immediately", having translated nothing yet:
        # nothing is published or frozen, and the editor is told why.
        page.goto(explorer_url)
        page.get_by_role("button", name=f"More options for '{kk_policy.title}'").click()
        page.get_by_role("link", name="Sync translated pages").click()
        page.wait_for_url("**/admin/localize/update/**")
        page.get_by_label("Publish immediately").check()
        page.get_by_role("button", name="Submit").click()
        page.wait_for_url(explorer_url)
        expect(page.locator(".messages")).to_contain_text("not complete", timeout=PUBLISHING)
        assert not PolicySnapshot.objects.filter(version=version, language="ru").exists()
        assert PrivacyPolicyPage.objects.get(pk=ru_policy.pk).live_revision_id == ru_policy.live_revision_id

        # The dashboard says Russian is incomplete; Russian visitors keep version 1 in Russian.
        page.goto(f"{base_url}/admin/")
        ru_status = page.get_by_role("region", name="Privacy policy versions").locator(
            "tr[data-language='ru']"
        )
        expect(ru_status).to_contain_text("Incomplete")
        visitor = new_tab()
        visitor.goto(f"{base_url}/ru/privacy/")
        expect(visitor.locator("#purpose-1")).to_contain_text(RU_PURPOSE_OLD)
        expect(visitor.locator("a[href='/ru/privacy/versions/2/']").first).to_be_visible()

        # 4. The editor translates one string, submits: refused as incomplete; translates the other, submits.
        page.goto(f"{base_url}/admin/pages/{ru_policy.pk}/edit/")
        expect(page.get_by_role("button", name="Convert to alias page")).to_have_count(0)
        translate(page, KK_PURPOSE_NEW, RU_PURPOSE_NEW)
        page.get_by_role("button", name="Publish in Русский").click()
        expect(page.locator(".messages")).to_contain_text("not complete", timeout=PUBLISHING)
        page.get_by_role("tab", name="Version").click()
        translate(page, KK_SUMMARY, RU_SUMMARY)
        page.get_by_role("button", name="Publish in Русский").click()
        expect(page.locator(".messages")).to_contain_text("submitted to Legal approval", timeout=PUBLISHING)
        assert not PolicySnapshot.objects.filter(version=version, language="ru").exists()

        # 5. The second editor approves the Russian translation; its snapshot of version 2 is frozen.
        approver_tab.goto(f"{base_url}/admin/")
        awaiting = approver_tab.get_by_role("region", name="Awaiting your review")
        task = awaiting.get_by_role("row").filter(has=approver_tab.get_by_role("link", name=ru_policy.title))
        task.get_by_role("button", name="Actions").click()
        task.get_by_role("button", name="Approve", exact=True).click()
        expect(task).to_have_count(0, timeout=PUBLISHING)

        ru_v1 = PolicySnapshot.objects.get(version__policy_key=policy_key, version__number=1, language="ru")
        ru_v2 = PolicySnapshot.objects.get(version=version, language="ru")
        assert ru_v2.summary == RU_SUMMARY
        assert_only_first_purpose_changed(ru_v1.text, ru_v2.text, RU_PURPOSE_OLD, RU_PURPOSE_NEW)

        # 6. A visitor reads version 2 in Russian, what changed since version 1, and the notice (a new
        # browser: the first one may keep /ru/privacy/ for its max-age, as any browser may).
        visitor = new_tab()
        visitor.goto(f"{base_url}/ru/privacy/")
        expect(visitor.locator(".version-meta dd").first).to_have_text("2")
        expect(visitor.locator("#purpose-1")).to_contain_text(RU_PURPOSE_NEW)

        visitor.goto(f"{base_url}/ru/privacy/compare/1/2/")
        change = visitor.locator(".diff")
        expect(change).to_have_count(1)
        expect(change.locator("del").filter(has_text="Трудоустройство")).to_have_count(1)
        expect(change.locator("ins").filter(has_text="Приём")).to_have_count(1)
        expect(change.locator("ins").filter(has_text="стажировки")).to_have_count(1)

        visitor.goto(f"{base_url}/ru/privacy/updates/")
        notice = visitor.get_by_role("article").filter(has_text=RU_SUMMARY)
        expect(notice).to_have_count(1)
        notice.get_by_role("link", name="Версия 2 политики конфиденциальности").click()
        visitor.wait_for_url(f"{base_url}/ru/privacy/updates/version-2/")
        expect(visitor.get_by_role("main")).to_contain_text(RU_SUMMARY)
