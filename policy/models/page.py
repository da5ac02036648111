"""The privacy policy as structured content.

The client's policy (Law of the Republic of Kazakhstan No. 94-V "On personal data and their protection")
is kept as data rather than one blob of rich text: definitions, principles, subject categories, the
processing purposes of table No. 1, transfer countries and rights are orderable child rows of the page
(django-modelcluster ParentalKey + InlinePanel), translated row by row with wagtail-localize.
`policy.document.build_policy_document` turns a page into the numbered document visitors read.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.text import NormalisedLineEndingsMixin
from core.view_restrictions import CachedViewRestrictionsMixin
from policy.admin_forms import PrivacyPolicyPageForm
from policy.panels import VersionReviewPanel, WordsFieldPanel
from policy.permissions import LegalPermissionsMixin
from policy.retention_rules import RetentionRule
from policy.row_writes import SkipsUnchangedSaveMixin, unchanged_rows_skipped
from policy.scheduling import EffectiveFromInput, effective_from_help_text
from policy.serialisation import BulkCheckedChildRowsMixin
from policy.version_words import ChangeTypeComparison, EffectiveFromComparison


class PrivacyPolicyPage(
    LegalPermissionsMixin,
    BulkCheckedChildRowsMixin,
    CachedViewRestrictionsMixin,
    NormalisedLineEndingsMixin,
    RoutablePageMixin,
    Page,
):
    """The policy at /<lang>/privacy/; Kazakh is the source, Russian and English are translations.

    Publishing the Kazakh page with a changed text creates version N+1 (`policy.versioning`); publishing
    a translation freezes that language's text of the version it translates. Visitors always read the
    frozen text of the current version, never the live page: a version published with a future
    effective date stays upcoming until then. Routes: versions/, versions/<n>/, compare/<a>/<b>/.
    Revisions are turned back into pages with the rows' foreign keys checked in bulk
    (`policy.serialisation`), and saving writes only the rows that changed (`policy.row_writes`):
    a publish does both several times, and row by row they cost ~70 and ~34 queries each time.
    """

    intro = models.TextField(_("introduction"))
    definitions_heading = models.CharField(_("definitions heading"), max_length=255)
    principles_heading = models.CharField(_("principles heading"), max_length=255)
    subject_categories_intro = models.TextField(
        _("subject categories clause"),
        help_text=_("The clause that introduces the list of subject categories."),
    )
    purposes_heading = models.CharField(_("purposes heading"), max_length=255)
    purposes_intro = models.TextField(
        _("purposes clause"), help_text=_("The clause that introduces table No. 1.")
    )
    withdrawal_clause = models.TextField(
        _("withdrawal of consent clause"), help_text=_("The company's postal address is added after it.")
    )
    third_party_clause = models.TextField(_("third-party transfer clause"))
    cross_border_clause = models.TextField(_("cross-border transfer clause"))
    transfer_countries_intro = models.TextField(
        _("transfer countries clause"), help_text=_("The clause that introduces the list of countries.")
    )
    rights_heading = models.CharField(_("rights heading"), max_length=255)
    rights_intro = models.TextField(_("rights introduction"))
    cookies_text = models.TextField(_("cookies"))
    management_heading = models.CharField(_("data management heading"), max_length=255)
    management_text = models.TextField(_("data management"))
    marketing_opt_out_text = models.TextField(
        _("marketing opt-out"), help_text=_("The company's contact e-mail is added after it.")
    )
    changes_text = models.TextField(_("changes to the policy"))

    # Describe the change being published; they become the new version's details.
    version_summary = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A short summary for visitors of what this version changes. Translated like the text."),
    )
    version_is_material = models.BooleanField(
        _("material change"),
        default=False,
        help_text=_(
            "Tick when visitors must give their consent again; leave unticked for an editorial change."
        ),
    )
    version_effective_from = models.DateTimeField(
        _("effective from"),
        null=True,
        blank=True,
        help_text=_("When the new version takes effect. Empty or in the past means at once."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("definitions_heading"), InlinePanel("definitions", label=_("Definition"))],
            heading=_("1. Definitions"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("principles_heading"),
                InlinePanel("principles", label=_("Principle")),
                FieldPanel("subject_categories_intro"),
                InlinePanel("subject_categories", label=_("Subject category")),
            ],
            heading=_("2. Principles and subjects"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("purposes_heading"),
                FieldPanel("purposes_intro"),
                InlinePanel("purposes", label=_("Processing purpose"), min_num=1),
                FieldPanel("withdrawal_clause"),
                FieldPanel("third_party_clause"),
                FieldPanel("cross_border_clause"),
                FieldPanel("transfer_countries_intro"),
                InlinePanel("transfer_countries", label=_("Country")),
            ],
            heading=_("3. Purposes and transfers"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rights_heading"),
                FieldPanel("rights_intro"),
                InlinePanel("rights", label=_("Right")),
                FieldPanel("cookies_text"),
            ],
            heading=_("4. Rights and cookies"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("management_heading"),
                FieldPanel("management_text"),
                FieldPanel("marketing_opt_out_text"),
                FieldPanel("changes_text"),
            ],
            heading=_("5. Management of data"),
        ),
    ]

    version_panels = [
        VersionReviewPanel(),
        FieldPanel("version_summary"),
        WordsFieldPanel(
            "version_is_material", heading=_("Type of change"), comparison_class=ChangeTypeComparison
        ),
        WordsFieldPanel(
            "version_effective_from",
            widget=EffectiveFromInput(),
            help_text=effective_from_help_text(),
            comparison_class=EffectiveFromComparison,
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(version_panels, heading=_("Version")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
    preview_modes = [("changes", _("Changes for review")), ("page", _("Page"))]

    base_form_class = PrivacyPolicyPageForm
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("version_is_material"),
        SynchronizedField("version_effective_from"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["policy.PolicyUpdateIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy policy page")

    def publish(self, revision, user=None, **kwargs):
        """Publish only through Legal approval or by a superuser, and only complete translations
        (`policy.publishing`); otherwise nothing is published and the user is told why."""
        from policy.publishing import publish_policy_page

        return publish_policy_page(self, revision, super().publish, user=user, **kwargs)

    def save(self, *args, **kwargs):
        """Save as Wagtail does, without an UPDATE for each unchanged row (see `policy.row_writes`)."""
        with unchanged_rows_skipped(self, kwargs.get("update_fields")):
            return super().save(*args, **kwargs)

    def get_cached_paths(self):
        """What the frontend cache must forget when the policy is published (see `policy.cache_purge`)."""
        from policy.cache_purge import policy_cached_paths

        return policy_cached_paths(self)

    @path("")
    def current_version(self, request):
        from policy import views

        return views.current_version(request, self)

    @path("versions/")
    def version_history(self, request):
        from policy import views

        return views.version_history(request, self)

    @path("versions/<int:number>/")
    def version_detail(self, request, number):
        from policy import views

        return views.version_detail(request, self, number)

    @path("compare/")
    def compare_choice(self, request):
        from policy import views

        return views.compare_choice(request, self)

    @path("compare/<int:first>/<int:second>/")
    def compare_versions(self, request, first, second):
        from policy import views

        return views.compare_versions(request, self, first, second)

    def serve_preview(self, request, mode_name):
        """Previews show the draft being edited, not the frozen current version: by default as the
        review of what it changes (`policy.review`), or as the page itself."""
        from policy import views

        if mode_name == "changes":
            from policy.review import admin_language_of, review_context

            context = review_context(self, admin_language=admin_language_of(request.user))
            return self.render(request, template="policy/review.html", context_overrides=context)
        return views.live_document(request, self)


class PolicyRow(SkipsUnchangedSaveMixin, NormalisedLineEndingsMixin, TranslatableMixin, Orderable):
    """A row of one of the policy's lists; translated with its page, kept in the editor's order.

    Saving the page rewrites a row only when it changed (`policy.row_writes`).
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]


class PolicyDefinition(PolicyRow):
    page = ParentalKey(PrivacyPolicyPage, on_delete=models.CASCADE, related_name="definitions")
    term = models.CharField(_("term"), max_length=255)
    meaning = models.TextField(_("meaning"))

    panels = [FieldPanel("term"), FieldPanel("meaning")]

    class Meta(PolicyRow.Meta):
        verbose_name = _("definition")


class PolicyPrinciple(PolicyRow):
    """A numbered clause of section 2 (2.1, 2.2 …); numbers follow the order."""

    page = ParentalKey(PrivacyPolicyPage, on_delete=models.CASCADE, related_name="principles")
    text = models.TextField(_("text"))

    panels = [FieldPanel("text")]

    class Meta(PolicyRow.Meta):
        verbose_name = _("principle")


class SubjectCategory(PolicyRow):
    """A category of data subjects (vacancy candidates, counterparty representatives, other visitors)."""

    page = ParentalKey(PrivacyPolicyPage, on_delete=models.CASCADE, related_name="subject_categories")
    name = models.CharField(_("name"), max_length=255)

    panels = [FieldPanel("name")]

    class Meta(PolicyRow.Meta):
        verbose_name = _("subject category")


class ProcessingPurpose(PolicyRow):
    """A row of table No. 1: why data is processed, whose, which data, how, and for how long.

    Consent statements on the forms are generated from these rows, so their wording is what a visitor
    agrees to. The retention term is text for visitors; `retention_rule` and `retention_days` say the
    same as data, the same in every language (synchronised), and are frozen with each snapshot's
    document (not part of its canonical text).
    """

    page = ParentalKey(PrivacyPolicyPage, on_delete=models.CASCADE, related_name="purposes")
    subject_category = models.CharField(
        _("subject category"), max_length=255, help_text=_("Whose data: the group the row belongs to.")
    )
    purpose = models.TextField(_("purpose of processing"))
    personal_data = models.TextField(_("list of personal data"), help_text=_("One item per line."))
    processing_methods = models.TextField(_("processing methods"))
    retention_term = models.TextField(_("retention term"), blank=True)
    # Blank is allowed in a draft; the content checks refuse to publish a row without a rule.
    retention_rule = models.CharField(
        _("retention rule"),
        max_length=32,
        choices=RetentionRule.choices,
        blank=True,
        help_text=_(
            "When the data given for this purpose is erased. It must say what the retention term says; "
            "the same in every language."
        ),
    )
    retention_days = models.PositiveIntegerField(
        _("days kept"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("For the rules that count days: how many."),
    )
    withdrawal_method = models.TextField(_("how consent is withdrawn"))

    panels = [
        FieldPanel("subject_category"),
        FieldPanel("purpose"),
        FieldPanel("personal_data"),
        FieldPanel("processing_methods"),
        FieldPanel("retention_term"),
        FieldRowPanel([FieldPanel("retention_rule"), FieldPanel("retention_days")]),
        FieldPanel("withdrawal_method"),
    ]
    override_translatable_fields = [SynchronizedField("retention_rule"), SynchronizedField("retention_days")]

    class Meta(PolicyRow.Meta):
        verbose_name = _("processing purpose")

    def __str__(self):
        return self.purpose

    @property
    def personal_data_items(self):
        return [line.strip() for line in self.personal_data.splitlines() if line.strip()]


class TransferCountry(PolicyRow):
    """A country personal data may be transferred to (clause 3.5)."""

    page = ParentalKey(PrivacyPolicyPage, on_delete=models.CASCADE, related_name="transfer_countries")
    name = models.CharField(_("country"), max_length=255)
    iso_code = models.CharField(_("ISO 3166-1 code"), max_length=2, help_text=_("Two letters, e.g. DE."))

    panels = [FieldPanel("name"), FieldPanel("iso_code")]
    override_translatable_fields = [SynchronizedField("iso_code")]

    class Meta(PolicyRow.Meta):
        verbose_name = _("transfer country")


class VisitorRight(PolicyRow):
    page = ParentalKey(PrivacyPolicyPage, on_delete=models.CASCADE, related_name="rights")
    text = models.TextField(_("right"))

    panels = [FieldPanel("text")]

    class Meta(PolicyRow.Meta):
        verbose_name = _("visitor right")
