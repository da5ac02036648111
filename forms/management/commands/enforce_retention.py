"""`manage.py enforce_retention [--dry-run] [--enqueue]`: erase what is past its retention term.

Run it daily (cron or a systemd timer; see README). What it does and how it decides is in
`forms.retention`; this command prints the counts per purpose, and with --dry-run lists every
submission that would be erased (receipt number, form, time sent, purposes) and changes nothing.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from forms.retention import enforce_retention
from policy.version_words import local_datetime_text


class Command(BaseCommand):
    help = (
        "Erase the personal data of submissions past the retention term of every purpose they were given "
        "for, mark those consents expired, and expire privacy requests left unconfirmed for 24 hours."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be erased; change nothing."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the run for the django-tasks worker instead of running it here.",
        )

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if enqueue:
            from forms.retention_tasks import enforce_retention_daily

            result = enforce_retention_daily.enqueue()
            self.stdout.write(_("Queued the retention run (task %(id)s).") % {"id": result.id})
            return
        report = enforce_retention(dry_run=dry_run)
        self.write_report(report)

    def write_report(self, report):
        if report.dry_run:
            self.stdout.write(_("Dry run: nothing is changed."))
            self.stdout.write(
                _("Submissions past their retention term that would be erased: %(count)s")
                % {"count": len(report.expired)}
            )
            for item in report.expired:
                self.stdout.write(
                    f"  {item.receipt_id}  {item.form_title}  {local_datetime_text(item.submitted_at)}  "
                    + "; ".join(purpose.label for purpose in item.purposes)
                )
        else:
            self.stdout.write(
                _("Submissions past their retention term erased: %(count)s; files deleted: %(files)s.")
                % {"count": len(report.expired), "files": report.files}
            )
        summary = report.summary()
        if summary["per_purpose"]:
            self.stdout.write(_("Submissions per purpose:"))
            for label, count in summary["per_purpose"].items():
                self.stdout.write(f"  {count:>6}  {label}")
        if summary["kept_without_rule"]:
            self.stdout.write(
                self.style.WARNING(_("Kept because a purpose has no retention rule (set one in the policy):"))
            )
            for label, count in summary["kept_without_rule"].items():
                self.stdout.write(f"  {count:>6}  {label}")
        if report.blocked:
            self.stdout.write(
                _("Submissions past their term kept because they are blocked: %(count)s.")
                % {"count": report.blocked}
            )
        message = (
            _("Privacy requests left unconfirmed for 24 hours that would expire: %(count)s.")
            if report.dry_run
            else _("Privacy requests left unconfirmed for 24 hours expired: %(count)s.")
        )
        self.stdout.write(message % {"count": report.requests_expired})
