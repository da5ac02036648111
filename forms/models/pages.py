"""Consent form pages: Wagtail's form builder, with consent to the policy's purposes built in.

A form page collects consent for purposes picked from the policy's table No. 1 (`FormConsentPurpose`).
Its fields are translated with wagtail-localize like the page, but their stored keys (`clean_name`),
types and choices are synchronised, so submissions in every language have the same keys.
"""

from django import forms as django_forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.text import NormalisedLineEndingsMixin
from core.view_restrictions import CachedViewRestrictionsMixin
from forms.panels import OperatorDetailsWarningPanel

CONSENT_FIELD_CHOICES = [
    *FORM_FIELD_CHOICES,
    ("phone", _("Phone number")),
    ("country", _("Country")),
    ("file", _("File (PDF or DOCX, up to 5 MB)")),
]


class ConsentFormField(NormalisedLineEndingsMixin, TranslatableMixin, AbstractFormField):
    """A field of a consent form. `clean_name` is the key the answer is stored under: it is set once
    from the source-language label and never changes, whatever the language or later label edits."""

    page = ParentalKey("ConsentFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=CONSENT_FIELD_CHOICES)
    field_type.required_on_save = True

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]
    override_translatable_fields = [
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("choices"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")


class PolicyPurposeSelect(django_forms.Select):
    """Choose a row of the policy's table No. 1 (listed from the source-language policy)."""

    def get_context(self, name, value, attrs):
        from forms.purposes import purpose_choices

        self.choices = [("", "---------"), *purpose_choices()]
        return super().get_context(name, value, attrs)


class FormConsentPurpose(TranslatableMixin, Orderable):
    """A purpose of table No. 1 this form asks consent for; required ones must be ticked to submit."""

    page = ParentalKey("ConsentFormPage", on_delete=models.CASCADE, related_name="consent_purposes")
    purpose_key = models.UUIDField(
        _("purpose"), help_text=_("The row of the policy's table No. 1 (the same in every language).")
    )
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("Required consents must be given to submit; optional ones (marketing) start unticked."),
    )

    panels = [FieldRowPanel([FieldPanel("purpose_key", widget=PolicyPurposeSelect), FieldPanel("required")])]
    override_translatable_fields = [SynchronizedField("purpose_key"), SynchronizedField("required")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("consent purpose")
        ordering = ["sort_order"]


class ConsentFormPage(
    CachedViewRestrictionsMixin, NormalisedLineEndingsMixin, RoutablePageMixin, AbstractEmailForm
):
    """A form at /<lang>/<slug>/ whose every submission is bound to the policy text shown with it.

    Serving is in `forms.consent_flow`: the form carries a signed token naming the policy snapshot and
    statement shown; the evidence (`ConsentRecord`) is saved with the submission; notifications go
    through django-tasks; the visitor is redirected to a receipt page.
    """

    intro = models.TextField(_("introduction"), blank=True)
    submit_label = models.CharField(_("submit button"), max_length=100, blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True)
    # A purpose kept "N days after the vacancy is closed" counts from this day (`forms.retention`).
    vacancy_closed_on = models.DateField(
        _("vacancy closed on"),
        null=True,
        blank=True,
        help_text=_(
            "For a job application form: the day the vacancy was closed. Applications are erased when "
            "the retention term of their purpose counts from this day."
        ),
    )

    content_panels = [
        OperatorDetailsWarningPanel(),
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        InlinePanel("consent_purposes", label=_("Consent to purposes of the privacy policy"), min_num=1),
        FieldPanel("submit_label"),
        FieldPanel("thank_you_text"),
        FieldPanel("vacancy_closed_on"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("Staff notification e-mail"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("vacancy_closed_on"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "forms/consent_form_page.html"
    landing_page_template = "forms/receipt.html"

    class Meta:
        verbose_name = _("consent form page")

    def get_submission_class(self):
        from forms.models.records import ConsentSubmission

        return ConsentSubmission

    def get_submissions_list_view_class(self):
        """Wagtail's listing of this form's submissions without blocked ones, its exports formula-safe."""
        from forms.submissions_admin import ConsentSubmissionsListView

        return ConsentSubmissionsListView

    def get_form_class(self):
        from forms.builder import ConsentFormBuilder

        return ConsentFormBuilder(self.get_form_fields()).get_form_class()

    @path("")
    def form_view(self, request):
        from forms.consent_flow import serve_form

        return serve_form(request, self)

    @path("receipt/<uuid:receipt_id>/")
    def receipt(self, request, receipt_id):
        from forms.consent_flow import serve_receipt

        return serve_receipt(request, self, receipt_id)

    @path("withdraw/<str:token>/")
    def withdraw(self, request, token):
        from forms.withdrawal import serve_withdrawal

        return serve_withdrawal(request, self, token)

    def serve_preview(self, request, mode_name):
        from forms.consent_flow import serve_form

        return serve_form(request, self, preview=True)
