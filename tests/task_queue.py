"""Running django-tasks' database queue inside a test, as `manage.py db_worker` would."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def make_worker(worker_class=Worker, queue_names=("*",)):
    """A worker that takes every ready task at once (no polling interval, no start-up delay)."""
    return worker_class(
        queue_names=list(queue_names),
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )


def run_ready_tasks():
    """What `manage.py db_worker` does with the tasks due now (a retry later is not due)."""
    worker = make_worker()
    for result in list(DBTaskResult.objects.ready()):
        worker.run_task(result)
