"""Benchmark: publishing one policy version in three languages.

One round = the editor publishes a changed Kazakh policy (version N+1 and its snapshot are created),
then translators sync, translate and publish Russian and English (their snapshots). The three publish
actions are timed; syncing and typing translations are the translators' work before they publish.
Target: under 1 s per round.
The change notices are made afterwards by the task worker (policy.tasks); their time is reported
separately, as the worker spends it, not the publisher. Runs against DATABASE_URL (default: a
throwaway SQLite file), migrating it and loading the demo content first:

    .venv/bin/python bench/publish_version.py [rounds]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/edna_bench .venv/bin/python bench/publish_version.py
"""

import statistics
import sys
import time

from common import setup


def main(rounds):
    setup()
    import django
    from django.test.utils import override_settings
    from django_tasks import default_task_backend

    # Queue background work instead of running it inline, as the production worker setup does.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}).enable()
    from wagtail.models import Locale

    from core.localize_import import enter_translations, sync_translation_source
    from policy.models import PolicyVersion, PrivacyPolicyPage

    source = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    targets = [Locale.objects.get(language_code=code) for code in ("ru", "en")]
    timings, worker_timings = [], []
    for _round in range(rounds):
        page = PrivacyPolicyPage.objects.get(pk=source.pk)
        number = PolicyVersion.objects.filter(policy_key=page.translation_key).count() + 1
        page.intro = f"{page.intro.split(' [')[0]} [{number}]"
        page.version_summary = f"Бенчмарк {number}"
        revision = page.save_revision()
        started = time.perf_counter()
        revision.publish()  # the editor's (or Legal approval's) publish: version N+1 and its snapshot
        elapsed = time.perf_counter() - started

        page = PrivacyPolicyPage.objects.get(pk=source.pk)
        sync_translation_source(page)  # the translator's "Sync translated pages", then their edits:
        translations = [
            enter_translations(
                page,
                locale,
                {
                    page.intro: f"{locale.language_code} intro {number}",
                    page.version_summary: f"bench {number}",
                },
                partial=True,
            )
            for locale in targets
        ]
        started = time.perf_counter()
        for translation in translations:
            translation.save_target(publish=True)  # "Publish in Russian / English": their snapshots
        timings.append(elapsed + time.perf_counter() - started)
        assert (
            PolicyVersion.objects.get(policy_key=page.translation_key, number=number).snapshots.count() == 3
        )

        started = time.perf_counter()
        queued, default_task_backend.results = list(default_task_backend.results), []
        for result in queued:
            result.task.call(*result.args, **result.kwargs)
        worker_timings.append(time.perf_counter() - started)
    vendor = django.db.connection.vendor
    print(
        f"{vendor}: {rounds} rounds of publishing a version in kk+ru+en: "
        f"median {statistics.median(timings):.3f} s, max {max(timings):.3f} s, min {min(timings):.3f} s; "
        f"notices in the worker: median {statistics.median(worker_timings):.3f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
