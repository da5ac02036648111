"""Publish a new editorial version of the Kazakh policy every INTERVAL seconds, COUNT times, as an editor
would (a new revision of the page, published): run by the reliability tests as a process of its own with
the production settings, so its cache forgets reach the app servers through Redis.

    python tests/reliability/publish_versions.py INTERVAL COUNT
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def publish_one(number):
    from policy.models import PrivacyPolicyPage

    page = PrivacyPolicyPage.objects.get(locale__language_code="kk").get_latest_revision_as_object()
    page.intro = f"{page.intro.split(' [')[0]} [{number}]"
    page.version_summary = f"Редакциялық түзету {number}"
    page.version_is_material = False
    page.version_effective_from = None
    page.save_revision().publish()


def main(interval, count):
    import django

    django.setup()
    from policy.models import PolicyVersion

    for number in range(1, count + 1):
        started = time.monotonic()
        publish_one(f"r{number}-{time.time():.0f}")
        newest = PolicyVersion.objects.order_by("-number").values_list("number", flat=True).first()
        print(f"published version {newest}", flush=True)
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


if __name__ == "__main__":
    main(float(sys.argv[1]), int(sys.argv[2]))
