"""The BIN is a validated field of the company details; while it is missing the editors are warned, on
the dashboard and in the consent form editor, that the statements lack what Article 8(4) asks for."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from forms.models import ConsentFormPage
from home.models import CompanyDetails, validate_bin

WARNING = "94-V"  # the law's number, the same in the warning in every admin language


@pytest.mark.parametrize("value", ["971240001315", "940140000385"])
def test_a_bin_with_its_check_digit_is_valid(value):
    validate_bin(value)


@pytest.mark.parametrize(
    "value", ["97124000131", "9712400013155", "97124000131A", "971240001316", "９７１２４０００１３１５"]
)
def test_a_bin_of_another_length_or_check_digit_is_refused(value):
    with pytest.raises(ValidationError):
        validate_bin(value)


def test_the_company_details_form_validates_the_bin(db):
    details = CompanyDetails.objects.get()
    details.bin = "123"
    with pytest.raises(ValidationError) as error:
        details.full_clean()
    assert "bin" in error.value.message_dict


def test_the_demo_leaves_the_bin_empty_and_says_so(db):
    details = CompanyDetails.objects.get()
    assert details.bin == ""
    assert details.missing_statement_details() == [str(CompanyDetails._meta.get_field("bin").verbose_name)]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.kz", "x")


def test_the_dashboard_warns_while_the_bin_is_missing(client, superuser):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert WARNING in html
    assert f"/admin/settings/home/companydetails/{Site.objects.get().pk}/" in html
    details = CompanyDetails.objects.get()
    details.bin = "971240001315"
    details.save()
    assert WARNING not in client.get("/admin/").content.decode()


def test_the_form_editor_warns_while_the_bin_is_missing(
    client, superuser, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    page = ConsentFormPage.objects.get(slug="contact", locale__language_code="kk")
    assert WARNING in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    details = CompanyDetails.objects.get()
    details.bin = "971240001315"
    with django_capture_on_commit_callbacks(execute=True):
        details.save()
    assert WARNING not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_load_demo_gives_the_site_the_canonical_address(db):
    with override_settings(SITE_BASE_URL="https://edna.example"):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("edna.example", 443)
    assert site.root_url == "https://edna.example"
