"""Builds the demo consent form pages (careers, contact, feedback, subscribe) from demo/form_content.py."""

from django.conf import settings

from demo.form_content import FORMS
from forms.models import ConsentFormField, ConsentFormPage, FormConsentPurpose


def build_form_page(spec, language, purpose_keys, to_address):
    """An unsaved ConsentFormPage for `spec` in `language`; `purpose_keys` maps row number to key."""
    return ConsentFormPage(
        title=spec["title"][language],
        slug=spec["slug"],
        show_in_menus=True,
        intro=spec["intro"][language],
        submit_label=spec["submit_label"][language],
        thank_you_text=spec["thank_you_text"][language],
        subject=spec["email_subject"][language],
        to_address=to_address,
        from_address=settings.DEFAULT_FROM_EMAIL,
        form_fields=[
            ConsentFormField(
                sort_order=index,
                clean_name=field["clean_name"],
                field_type=field["field_type"],
                required=field["required"],
                label=field["label"][language],
                help_text=field["help_text"][language],
            )
            for index, field in enumerate(spec["fields"])
        ],
        consent_purposes=[
            FormConsentPurpose(
                sort_order=index, purpose_key=purpose_keys[consent["purpose"]], required=consent["required"]
            )
            for index, consent in enumerate(spec["consents"])
        ],
    )


def ensure_form_pages(home, policy, to_address, log):
    """Create the missing demo form pages below `home`; returns every demo form page (source language)."""
    purpose_keys = {number: row.translation_key for number, row in enumerate(policy.purposes.all(), start=1)}
    language = home.locale.language_code
    pages = []
    for spec in FORMS:
        page = ConsentFormPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(instance=build_form_page(spec, language, purpose_keys, to_address))
            page.save_revision().publish()
            log(f"Created the form /{language}/{spec['slug']}/.")
        pages.append(page)
    return pages
