"""Change notices: one page per published version under /<lang>/privacy/updates/, with an Atom feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from core.text import NormalisedLineEndingsMixin
from core.view_restrictions import CachedViewRestrictionsMixin, any_view_restriction
from policy.permissions import LegalPermissionsMixin


class PolicyUpdateIndexPage(
    LegalPermissionsMixin, CachedViewRestrictionsMixin, NormalisedLineEndingsMixin, RoutablePageMixin, Page
):
    """Lists the change notices newest first; /feed/ below it is their Atom feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = [SynchronizedField("slug")]
    parent_page_types = ["policy.PrivacyPolicyPage"]
    subpage_types = ["policy.PolicyUpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("change notices index")

    def get_cached_paths(self):
        return ["/", "feed/"]

    def notices(self):
        notices = PolicyUpdatePage.objects.child_of(self).live()
        if any_view_restriction():  # .public() reads every restriction: skipped while there is none
            notices = notices.public()
        return notices.select_related("version").order_by("-version__number", "-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notices"] = self.notices()
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        from policy.feeds import PolicyUpdatesFeed

        return PolicyUpdatesFeed()(request, index_page=self)


class PolicyUpdatePage(LegalPermissionsMixin, CachedViewRestrictionsMixin, NormalisedLineEndingsMixin, Page):
    """A notice announcing one version: what changed, when it takes effect, links to the text and diff."""

    version = models.ForeignKey(
        "policy.PolicyVersion", on_delete=models.PROTECT, related_name="notices", verbose_name=_("version")
    )
    body = models.TextField(_("notice"), help_text=_("What changed and what it means for visitors."))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("version")]
    parent_page_types = ["policy.PolicyUpdateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("change notice")

    @property
    def policy_page(self):
        return self.get_parent().get_parent().specific
