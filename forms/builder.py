"""The form builder with the field types consent forms need: phone, country and a CV upload."""

import functools

import phonenumbers
from babel import Locale as BabelLocale
from django import forms as django_forms
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from forms.collation import sort_key
from forms.uploads import CVField

SINGLELINE_MAX_LENGTH = 255
MULTILINE_MAX_LENGTH = 5000
DEFAULT_PHONE_REGION = "KZ"


class PhoneNumberField(django_forms.CharField):
    """A phone number parsed with phonenumbers (Kazakhstan by default), stored in E.164 (+77011234567)."""

    default_error_messages = {"invalid": _("Enter a valid phone number, e.g. +7 701 123 45 67.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, DEFAULT_PHONE_REGION)
        except phonenumbers.NumberParseException:
            raise django_forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not phonenumbers.is_valid_number(number):
            raise django_forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def country_choices():
    """The country list of the active language (see `countries_named_in`)."""
    return countries_named_in((get_language() or "kk")[:2])


class SharedChoices(BaseChoiceIterator):
    """A fixed choice list that every form shares as it is.

    Django normalises a plain list of choices for the field and again for its widget, and deep-copies it
    for every form instance: for ~250 countries that was a noticeable part of handling each POST. An
    iterator of this kind is taken as already normalised, and never changes, so a copy is itself.
    """

    def __init__(self, choices):
        self.choices = tuple(choices)
        self.values = frozenset(str(value) for value, _label in self.choices)
        self.rendered = {}  # HTML of a select of these choices, by its inputs (SharedChoicesSelect)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __deepcopy__(self, memo):
        return self


RENDERED_SELECTS_KEPT = 64  # per choice list: (field names x attributes x the choices picked) at most


class SharedChoicesSelect(django_forms.Select):
    """A select of a `SharedChoices` list whose HTML is rendered once per process for each name, value,
    attributes and renderer, then reused.

    Django renders each of the ~250 countries through the option template on every form shown: that was
    over half the time of a form GET. The list never changes (`countries_named_in`), so the same inputs
    always give the same HTML. A value that is not one of the choices (a forged POST) is rendered afresh
    and never kept, and at most RENDERED_SELECTS_KEPT variants are kept per list.
    """

    def render(self, name, value, attrs=None, renderer=None):
        choices = self.choices
        if not isinstance(choices, SharedChoices) or not (
            value is None or (isinstance(value, str) and value in choices.values)
        ):
            return super().render(name, value, attrs, renderer)
        key = (name, value, _frozen(self.attrs), _frozen(attrs or {}), self.is_required, type(renderer))
        html = choices.rendered.get(key)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            if len(choices.rendered) < RENDERED_SELECTS_KEPT:
                choices.rendered[key] = html
        return html


def _frozen(attrs):
    return tuple((str(name), str(value)) for name, value in attrs.items())  # order shows in the HTML


# Codes in CLDR's territory list that are not ISO 3166-1 countries: groupings (EU, EZ, UN, QO), the unknown
# region (ZZ), test locales (XA, XB), territories with a code ISO only reserves (AC, CP, CQ, DG, EA, IC, TA)
# and Kosovo, whose XK is a user-assigned code outside the standard (numeric regions are left out too).
NOT_ISO_3166_1 = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}
)
FIRST_COUNTRY = "KZ"  # Kazakhstan heads the list; the rest follow in the language's alphabetical order


@functools.cache
def countries_named_in(language):
    """The country list of one language, built once per process: Babel's CLDR data never changes.

    An empty choice asking for a country, Kazakhstan, then the other ISO 3166-1 countries named in
    `language` and sorted in its alphabet (`forms.collation`). The values are the ISO alpha-2 codes.
    """
    territories = BabelLocale.parse(language).territories
    names = {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_ISO_3166_1
    }
    first = names.pop(FIRST_COUNTRY)
    key = sort_key(language)
    rest = sorted(names.items(), key=lambda item: key(item[1]))
    with translation.override(language):
        empty = gettext("Choose a country")
    return SharedChoices([("", empty), (FIRST_COUNTRY, first), *rest])


# WCAG 1.3.5 (identify input purpose): the autocomplete token of each field, by its key, else its type.
AUTOCOMPLETE_BY_KEY = {
    "full_name": "name",
    "name": "name",
    "email": "email",
    "phone": "tel",
    "company": "organization",
    "organisation": "organization",
    "organization": "organization",
    "country": "country",
}
AUTOCOMPLETE_BY_TYPE = {"email": "email", "phone": "tel", "country": "country"}


class ConsentFormBuilder(FormBuilder):
    @property
    def formfields(self):
        """Wagtail's fields, each with the autocomplete token that names what it asks for."""
        formfields = super().formfields
        for field in self.fields:
            key = field.clean_name or field.get_field_clean_name()
            token = AUTOCOMPLETE_BY_KEY.get(key) or AUTOCOMPLETE_BY_TYPE.get(field.field_type)
            if token and key in formfields:
                formfields[key].widget.attrs["autocomplete"] = token
        return formfields

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return django_forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return django_forms.CharField(widget=django_forms.Textarea(attrs={"rows": 5}), **options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return django_forms.EmailField(**options)

    def create_phone_field(self, field, options):
        return PhoneNumberField(
            widget=django_forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}), **options
        )

    def create_country_field(self, field, options):
        options.pop("initial", None)
        return django_forms.TypedChoiceField(choices=country_choices(), widget=SharedChoicesSelect, **options)

    def create_file_field(self, field, options):
        options.pop("initial", None)
        return CVField(widget=django_forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}), **options)
