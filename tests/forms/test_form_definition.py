"""A form's fields and purposes are cached per published revision: a publication shows at once, and a
preview shows the draft being edited, never the cached live form."""

from django.test import RequestFactory

from forms.models import ConsentFormPage


def contact_page():
    return ConsentFormPage.objects.get(locale__language_code="en", slug="contact")


def relabel_message_field(page, label):
    field = next(field for field in page.form_fields.all() if field.clean_name == "message")
    field.label = label
    page.form_fields = [field if row.pk == field.pk else row for row in page.form_fields.all()]
    return page.save_revision()


def test_a_published_change_to_the_fields_is_served_at_once(client, policy_pages):
    assert "Your question" not in client.get("/en/contact/").content.decode()  # now cached
    relabel_message_field(contact_page(), "Your question").publish()
    assert "Your question" in client.get("/en/contact/").content.decode()


def test_a_preview_shows_the_draft_not_the_cached_live_form(client, policy_pages, admin_user):
    client.get("/en/contact/")  # the live form is cached
    draft = relabel_message_field(contact_page(), "Draft wording").as_object()
    request = RequestFactory().get("/en/contact/")
    request.user = admin_user
    response = draft.serve_preview(request, "")
    response.render()
    assert "Draft wording" in response.content.decode()
    assert "Draft wording" not in client.get("/en/contact/").content.decode()  # not published
