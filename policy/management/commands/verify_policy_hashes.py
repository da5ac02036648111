from django.core.management.base import BaseCommand, CommandError

from policy.models import PolicySnapshot


class Command(BaseCommand):
    help = (
        "Recompute the SHA-256 of every policy snapshot's canonical text and compare it with the stored "
        "hash. Exits non-zero naming each mismatch."
    )

    def handle(self, *args, **options):
        mismatches = []
        checked = 0
        for snapshot in PolicySnapshot.objects.select_related("version").order_by("pk").iterator():
            checked += 1
            if not snapshot.hash_matches():
                mismatches.append(snapshot)
                self.stderr.write(
                    f"MISMATCH snapshot {snapshot.pk}: version {snapshot.version.number}, "
                    f"language {snapshot.language}, edition {snapshot.sequence}: stored {snapshot.sha256}, "
                    f"text hashes to {PolicySnapshot.hash_text(snapshot.text)}"
                )
        if mismatches:
            raise CommandError(f"{len(mismatches)} of {checked} snapshots do not match their SHA-256.")
        self.stdout.write(self.style.SUCCESS(f"All {checked} snapshots match their SHA-256."))
