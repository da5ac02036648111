from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from policy.models import PrivacyPolicyPage


def make_user(username, group=None, superuser=False):
    User = get_user_model()
    user = User(
        username=username, email=f"{username}@example.com", is_superuser=superuser, is_staff=superuser
    )
    user.set_password("pass-" + username)
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pass-" + username)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")


def test_explore(page, demo_server):
    make_user("editor", "Legal editors")
    kk = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    base = demo_server.url
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{kk.pk}/edit/")
    page.locator("textarea[name='purposes-0-purpose']").fill("Бос лауазымдарға және тағылымдамаға қабылдау")
    page.get_by_role("tab", name="Version").click()
    page.locator("textarea[name=version_summary]").fill(
        "Кандидаттарды тағылымдамаға қабылдау мақсаты қосылды."
    )
    page.locator("input[name=version_is_material]").check()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Legal approval").click()
    page.wait_for_load_state()
    import time

    time.sleep(2)
    print(page.url)
    open("/tmp/explore/after_submit.html", "w").write(page.content())
    make_user("approver", superuser=True)
    ctx = page.context.browser.new_context(locale="kk-KZ")
    p2 = ctx.new_page()
    log_in(p2, base, "approver")
    review = p2.locator("#awaiting-review-content")
    open("/tmp/explore/dashboard_super.html", "w").write(p2.content())
    row = review.get_by_role("row").filter(has=p2.get_by_role("link", name=kk.title))
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    p2.wait_for_load_state()
    import time

    time.sleep(3)
    print(p2.url)
    open("/tmp/explore/after_approve.html", "w").write(p2.content())
    from policy.models import PolicyVersion

    print(list(PolicyVersion.objects.values("number", "is_material", "summary")))
    p2.goto(f"{base}/admin/pages/{kk.pk}/edit/")
    open("/tmp/explore/kk_edit_super.html", "w").write(p2.content())
    from wagtail_localize.models import TranslationSource

    src = TranslationSource.objects.get_for_instance(kk)
    p2.goto(f"{base}/admin/localize/update/{src.pk}/")
    open("/tmp/explore/update.html", "w").write(p2.content())
    p2.get_by_role("button", name="Submit").click()
    p2.wait_for_load_state()
    import time

    time.sleep(2)
    print(p2.url)
    ru = PrivacyPolicyPage.objects.get(locale__language_code="ru")
    p2.goto(f"{base}/admin/pages/{ru.pk}/edit/")
    time.sleep(3)
    open("/tmp/explore/ru_edit.html", "w").write(p2.content())
    p2.screenshot(path="/tmp/explore/ru_edit.png", full_page=False)
    ctx.close()
