"""The retention rules a purpose of table No. 1 may have, as data (issue #11).

A purpose's retention term is text for visitors («until consent is withdrawn», «the period in which the
candidate is assessed»); its rule says the same in a form the retention run (`forms.retention`) acts
on. The rule and its number of days are the same in every language (synchronised fields of
`ProcessingPurpose`) and are frozen with each snapshot's document, outside its canonical text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRule(models.TextChoices):
    UNTIL_WITHDRAWAL = "until-withdrawal", _("Until consent is withdrawn")
    AFTER_VACANCY_CLOSED = "after-vacancy-closed", _("A number of days after the vacancy is closed")
    FIXED_DAYS = "fixed-days", _("A number of days after the form was sent")


# Rules that count days, and so need a number of days.
RULES_WITH_DAYS = frozenset({RetentionRule.AFTER_VACANCY_CLOSED.value, RetentionRule.FIXED_DAYS.value})


def rule_problem(rule, days):
    """Why (rule, days) is not a complete rule, as a short translated phrase; "" when it is."""
    from django.utils.translation import gettext

    if not rule:
        return gettext("it has no retention rule")
    if rule not in RetentionRule.values:
        return gettext("its retention rule “%(rule)s” is unknown") % {"rule": rule}
    if rule in RULES_WITH_DAYS and not days:
        return gettext("its retention rule needs a number of days")
    if rule not in RULES_WITH_DAYS and days:
        return gettext("its retention rule counts no days, but a number of days is given")
    return ""
