"""Where each page type may be created, as its parent_page_types, subpage_types and max_count_per_parent
say: the tree is Root > HomePage (one per language) > PrivacyPolicyPage (one) and ConsentFormPages >
PolicyUpdateIndexPage (one, under the policy) > PolicyUpdatePages."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from forms.models import ConsentFormPage
from home.models import HomePage
from policy.models import PolicyUpdateIndexPage, PolicyUpdatePage, PrivacyPolicyPage

SITE_PAGE_TYPES = {HomePage, PrivacyPolicyPage, PolicyUpdateIndexPage, PolicyUpdatePage, ConsentFormPage}


class PageTypeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_and_holds_the_policy_and_the_forms(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # No subpage_types: whatever names the home page as its parent. Wagtail's base Page is listed
        # too, but it is never creatable, so editors are offered the policy and the forms only.
        self.assertAllowedSubpageTypes(HomePage, {Page, PrivacyPolicyPage, ConsentFormPage})
        self.assertFalse(Page.is_creatable)
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanCreateAt(HomePage, PrivacyPolicyPage)
        self.assertCanCreateAt(HomePage, ConsentFormPage)
        for page_type in (HomePage, PolicyUpdateIndexPage, PolicyUpdatePage):
            self.assertCanNotCreateAt(HomePage, page_type)

    def test_policy_page_sits_under_a_home_page_and_holds_only_the_notices_index(self):
        self.assertAllowedParentPageTypes(PrivacyPolicyPage, {HomePage})
        self.assertAllowedSubpageTypes(PrivacyPolicyPage, {PolicyUpdateIndexPage})
        self.assertCanCreateAt(PrivacyPolicyPage, PolicyUpdateIndexPage)
        for page_type in SITE_PAGE_TYPES - {PolicyUpdateIndexPage}:
            self.assertCanNotCreateAt(PrivacyPolicyPage, page_type)
        self.assertCanNotCreateAt(Page, PrivacyPolicyPage)

    def test_notices_index_sits_under_the_policy_and_holds_only_notices(self):
        self.assertAllowedParentPageTypes(PolicyUpdateIndexPage, {PrivacyPolicyPage})
        self.assertAllowedSubpageTypes(PolicyUpdateIndexPage, {PolicyUpdatePage})
        self.assertCanCreateAt(PolicyUpdateIndexPage, PolicyUpdatePage)
        for page_type in SITE_PAGE_TYPES - {PolicyUpdatePage}:
            self.assertCanNotCreateAt(PolicyUpdateIndexPage, page_type)

    def test_a_notice_sits_under_the_notices_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(PolicyUpdatePage, {PolicyUpdateIndexPage})
        self.assertAllowedSubpageTypes(PolicyUpdatePage, set())
        for page_type in SITE_PAGE_TYPES:
            self.assertCanNotCreateAt(PolicyUpdatePage, page_type)

    def test_a_consent_form_sits_under_a_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ConsentFormPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsentFormPage, set())
        for page_type in SITE_PAGE_TYPES:
            self.assertCanNotCreateAt(ConsentFormPage, page_type)
        self.assertCanNotCreateAt(Page, ConsentFormPage)

    def test_the_declared_limits(self):
        self.assertEqual(HomePage.max_count_per_parent, 1)
        self.assertEqual(PrivacyPolicyPage.max_count_per_parent, 1)
        self.assertEqual(PolicyUpdateIndexPage.max_count_per_parent, 1)
        self.assertIsNone(PolicyUpdatePage.max_count_per_parent)
        self.assertIsNone(ConsentFormPage.max_count_per_parent)
        for page_type in SITE_PAGE_TYPES:
            self.assertIsNone(page_type.max_count, page_type.__name__)

    def test_one_policy_and_one_notices_index_per_parent_but_any_number_of_forms_and_notices(self):
        home = HomePage.objects.get(locale__language_code="kk")
        policy = PrivacyPolicyPage.objects.child_of(home).get()
        notices = PolicyUpdateIndexPage.objects.child_of(policy).get()
        self.assertEqual(ConsentFormPage.objects.child_of(home).count(), 4)
        self.assertFalse(PrivacyPolicyPage.can_create_at(home))  # it has its policy
        self.assertFalse(PolicyUpdateIndexPage.can_create_at(policy))  # and the policy its index
        self.assertTrue(ConsentFormPage.can_create_at(home))  # a fifth form
        self.assertTrue(PolicyUpdatePage.can_create_at(notices))

    def test_a_home_page_without_a_policy_may_get_one(self):
        root = Page.get_first_root_node()
        # The language homes (one per locale) already fill the root's single HomePage place, so the
        # admin offers no new home page there; one made in code may still receive a policy.
        self.assertFalse(HomePage.can_create_at(root))
        home = root.add_child(instance=HomePage(title="Another site", slug="another-site"))
        self.assertTrue(PrivacyPolicyPage.can_create_at(home))
        self.assertTrue(ConsentFormPage.can_create_at(home))
        self.assertFalse(PolicyUpdateIndexPage.can_create_at(home))
