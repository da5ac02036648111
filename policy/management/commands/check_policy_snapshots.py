from django.core.management.base import BaseCommand, CommandError

from home.models import CompanyDetails
from policy.models import PolicySnapshot
from policy.translation_integrity import (
    controller_from_data,
    document_from_data,
    document_problems,
    language_problems,
)


class Command(BaseCommand):
    help = (
        "Check every frozen policy snapshot against the rule for freezing one "
        "(policy.translation_integrity): the content checks of policy.checks and the language check run on "
        "the snapshot's stored document and its 'what changed' summary; snapshots in the source language "
        "are checked the same way. What cannot be checked after the fact: whether every wagtail-localize "
        "segment was translated and synced when the snapshot was frozen (segments and their translations "
        "change with every sync), and the 'what changed' check, which compares a page being published with "
        "the snapshot before it. Lists each offender (version, language, edition, reasons) and exits "
        "non-zero when there is any."
    )

    def handle(self, *args, **options):
        legal_details = [
            details.for_language(code)
            for details in CompanyDetails.objects.all()
            for code in ("kk", "ru", "en")
        ]
        source_controllers = {}  # version id -> controllers frozen in that version's snapshots
        snapshots = list(
            PolicySnapshot.objects.select_related("version").order_by(
                "version__number", "language", "sequence"
            )
        )
        for snapshot in snapshots:
            controller = controller_from_data(snapshot.document.get("controller"))
            source_controllers.setdefault(snapshot.version_id, []).append(controller)
        offenders = 0
        for snapshot in snapshots:
            document = document_from_data(snapshot.document)
            problems = [
                *document_problems(document),
                *language_problems(
                    snapshot.document,
                    snapshot.language,
                    snapshot.summary,
                    [*source_controllers[snapshot.version_id], *legal_details],
                ),
            ]
            if problems:
                offenders += 1
                self.stderr.write(
                    f"OFFENDER snapshot {snapshot.pk}: version {snapshot.version.number}, "
                    f"language {snapshot.language}, edition {snapshot.sequence}: " + " ".join(problems)
                )
        if offenders:
            raise CommandError(f"{offenders} of {len(snapshots)} snapshots break the rule for freezing.")
        self.stdout.write(self.style.SUCCESS(f"All {len(snapshots)} snapshots pass the rule for freezing."))
