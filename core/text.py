"""Text clean-up shared by the content models."""

from django.db import models


class NormalisedLineEndingsMixin:
    """Store multi-line text with "\\n" line breaks only.

    Browsers submit text areas with "\\r\\n". Left as is, every field saved in the admin would differ
    from its earlier value to wagtail-localize, which would then ask for the same strings to be
    translated again (and publish the source text meanwhile).
    """

    def clean(self):
        super().clean()
        for field in self._meta.concrete_fields:
            if isinstance(field, models.TextField | models.CharField):
                value = getattr(self, field.attname)
                if isinstance(value, str) and "\r" in value:
                    setattr(self, field.attname, value.replace("\r\n", "\n").replace("\r", "\n"))
