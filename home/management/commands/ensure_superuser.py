import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """`createsuperuser --noinput` (from DJANGO_SUPERUSER_*) that is safe to run on every `make run`.

    Django's command fails when the user exists; this one says so and succeeds, which is all it adds.
    """

    help = "Create the superuser named by DJANGO_SUPERUSER_USERNAME unless it already exists."

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "")
        if get_user_model().objects.filter(username=username).exists():
            self.stdout.write(f"Superuser {username!r} already exists.")
            return
        call_command("createsuperuser", interactive=False, stdout=self.stdout, stderr=self.stderr)
