"""Audit-log actions of erasure and retention (`forms.erasure`, `forms.retention`).

Kept apart from `forms.wagtail_hooks` (the consent records' registrations) and registered from
`ConsentFormsConfig.ready()`, since Wagtail only discovers modules named `wagtail_hooks` by itself.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_erasure_log_actions(actions):
    actions.register_action(
        "consent_forms.erase", _("Erase personal data"), _("Erased the personal data of a submission")
    )
    actions.register_action(
        "consent_forms.expire_request",
        _("Expire privacy request"),
        _("Expired an unconfirmed privacy request"),
    )
