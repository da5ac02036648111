"""The daily retention run as a django-tasks task (`forms.retention`).

django-tasks has no scheduler: something must start the run once a day. Either cron (or a systemd
timer) runs `manage.py enforce_retention` itself, or runs `manage.py enforce_retention --enqueue`,
which queues this task for the database worker (`manage.py db_worker`). The task returns the counts
(`RetentionReport.summary()`), nothing personal, so they can be read in the task results.
"""

from django_tasks import task


@task()
def enforce_retention_daily():
    from forms.retention import enforce_retention

    return enforce_retention().summary()
