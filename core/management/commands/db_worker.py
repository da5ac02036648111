"""`manage.py db_worker`: django-tasks' database worker, kept alive and losing no task when PostgreSQL
connections are lost.

django-tasks-db's worker marks a task RUNNING, runs it, then records SUCCESSFUL or FAILED. When its
database connection dies (PostgreSQL restarted, the connection terminated) the worker process ends with
the exception, and a task it was running stays RUNNING for ever: nobody runs it again, so its e-mail is
never sent. This command runs the same worker (same options; it takes the name of django-tasks-db's
command because `core` comes first in INSTALLED_APPS) with three differences:

- a task during which the connection was lost is put back in the queue (READY) on a new connection, to
  run again, instead of being left RUNNING (a task may so run twice: the e-mail tasks check what they
  already sent, and the window between sending and recording it is all that is left);
- a lost connection while looking for work is replaced and the worker goes on;
- on start, tasks left RUNNING for longer than TASK_RUNNING_TIMEOUT seconds (default 300: every task of
  the site takes seconds) by a worker that died (killed, out of memory) are put back in the queue.

With --reload (the default when DEBUG is on) it is django-tasks-db's command unchanged.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("django_tasks_db")

CONNECTION_LOST = (OperationalError, InterfaceError)
RECONNECT_DELAY = 1.0  # seconds between attempts to reach the database again


def forget_connections():
    """Close every connection, so the next query opens a new one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except CONNECTION_LOST:
            connection.connection = None  # closing a dead connection can fail too


def requeue(task_id, still_running=None):
    """Put a RUNNING task back in the queue, retrying until the database answers (or `still_running()`
    is false)."""
    while still_running is None or still_running():
        try:
            DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            return
        except CONNECTION_LOST:
            forget_connections()
            time.sleep(RECONNECT_DELAY)


def requeue_abandoned(backend_name, timeout=None):
    """Put back in the queue the tasks left RUNNING longer than `timeout` seconds: how many."""
    timeout = timeout if timeout is not None else getattr(settings, "TASK_RUNNING_TIMEOUT", 300)
    abandoned = DBTaskResult.objects.filter(
        backend_name=backend_name,
        status=TaskResultStatus.RUNNING,
        started_at__lt=timezone.now() - timedelta(seconds=timeout),
    )
    count = abandoned.update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("Put %d abandoned RUNNING tasks back in the queue", count)
    return count


class ResilientWorker(db_worker.Worker):
    """django-tasks-db's Worker that survives lost database connections (see the module)."""

    def run(self):
        while True:
            try:
                return super().run()
            except CONNECTION_LOST as error:
                if not self.running:
                    raise
                logger.warning("Database connection lost (%s); reconnecting", error)
                forget_connections()
                time.sleep(RECONNECT_DELAY)

    def run_task(self, db_task_result):
        try:
            super().run_task(db_task_result)
        except CONNECTION_LOST as error:
            logger.warning(
                "Database connection lost during task %s (%s): it goes back in the queue",
                db_task_result.pk,
                error,
            )
            forget_connections()
            requeue(db_task_result.pk, still_running=lambda: self.running)
            close_old_connections()


class Command(db_worker.Command):
    help = "Run a database background worker that survives lost database connections"

    def handle(self, **options):
        if options["reload"]:
            return super().handle(**options)
        self.configure_logging(options["verbosity"])
        requeue_abandoned(options["backend_name"])
        worker = ResilientWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        worker.configure_signals()
        worker.run()
        return None
