from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo content (kk home page and privacy policy, with ru and en translations). Idempotent."

    def handle(self, *args, **options):
        load_demo(log=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
