"""Numbered, immutable versions of the policy and the exact text each language showed.

A `PolicyVersion` is created when the source-language (Kazakh) policy is published with a rendered text
that differs from the latest version's. A `PolicySnapshot` freezes what one language of a version
showed: rendered HTML, canonical plain text, the structured rows, the Wagtail revision it came from and
the SHA-256 of the canonical text. Consent records point at snapshots, so neither is ever changed or
deleted (see `policy.immutable`); a corrected translation is a new snapshot of the same version.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from policy.immutable import ImmutableModel, ImmutableQuerySet


class PolicyVersionQuerySet(ImmutableQuerySet):
    def for_policy(self, policy_key):
        return self.filter(policy_key=policy_key)


class PolicyVersion(ImmutableModel):
    """Version N of a policy, shared by all its languages."""

    policy_key = models.UUIDField(
        _("policy"),
        db_index=True,
        help_text=_("The translation key shared by the policy page in every language."),
    )
    number = models.PositiveIntegerField(_("number"))
    effective_from = models.DateTimeField(_("effective from"), db_index=True)
    is_material = models.BooleanField(
        _("material change"),
        help_text=_("A material change needs visitors' fresh consent; an editorial one does not."),
    )
    summary = models.TextField(_("what changed"), help_text=_("In the source language."))
    source_language = models.CharField(_("source language"), max_length=8)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.CharField(_("published by"), max_length=150, blank=True)

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy version")
        ordering = ["policy_key", "number"]
        constraints = [
            models.UniqueConstraint(fields=["policy_key", "number"], name="policy_version_number_unique"),
        ]

    def __str__(self):
        return f"v{self.number}"


class PolicySnapshot(ImmutableModel):
    """The frozen text of one language of a version, exactly as published."""

    version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("version")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    sequence = models.PositiveSmallIntegerField(
        _("edition"),
        default=1,
        help_text=_("1 for the first text of this language, 2 for its first correction …"),
    )
    page = models.ForeignKey(
        "policy.PrivacyPolicyPage", on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("page")
    )
    # The revision may be purged from Wagtail's history one day; the snapshot keeps its id regardless.
    revision = models.ForeignKey(
        Revision, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("what changed"), blank=True)
    text = models.TextField(_("canonical text"))
    html = models.TextField(_("rendered HTML"))
    document = models.JSONField(_("structured content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        verbose_name = _("policy snapshot")
        ordering = ["version__number", "language", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language", "sequence"], name="policy_snapshot_edition_unique"
            ),
        ]
        indexes = [models.Index(fields=["language", "version", "-sequence"], name="policy_snapshot_latest")]

    def __str__(self):
        return f"v{self.version.number} {self.language}" + (
            f" ({self.sequence})" if self.sequence > 1 else ""
        )

    @staticmethod
    def hash_text(text):
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def fingerprint(self):
        """A short form of the hash for display: the first 12 hex digits."""
        return self.sha256[:12]

    def hash_matches(self):
        return self.hash_text(self.text) == self.sha256
