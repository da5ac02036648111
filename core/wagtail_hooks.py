"""Admin glue shared by every app: wagtail-localize's editor texts in the admin's language."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def translate_localize_editor_texts():
    """See core/static/core/js/localize-editor-i18n.js: it only acts on the translation editor."""
    return format_html(
        '<script src="{}" data-heading-format="{}" data-more-actions="{}"></script>',
        static("core/js/localize-editor-i18n.js"),
        gettext("%(source)s to %(target)s translation"),
        gettext("More actions"),
    )
