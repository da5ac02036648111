"""`manage.py db_worker` loses no task when the database connection is lost (core/management/commands/
db_worker.py): a task interrupted by a lost connection goes back in the queue, tasks abandoned RUNNING by
a dead worker are put back on start, and the worker itself goes on. tests/reliability/test_faults.py runs
it against PostgreSQL connections really terminated."""

from datetime import timedelta

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.management.commands import db_worker
from tests.task_queue import make_worker

pytestmark = pytest.mark.usefixtures("transactional_db")  # the worker opens its own transactions
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
RUNS = []


@task()
def remember(value):
    RUNS.append(value)
    return value


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_BACKEND
    RUNS.clear()


def worker():
    return make_worker(db_worker.ResilientWorker, queue_names=["default"])


def status(result):
    return DBTaskResult.objects.get(pk=result.id).status


def test_a_task_interrupted_by_a_lost_connection_goes_back_in_the_queue(monkeypatch):
    result = remember.enqueue("first")
    db_task = DBTaskResult.objects.get(pk=result.id)
    db_task.claim("test-worker")

    def lost(self, *args):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(DBTaskResult, "set_successful", lost)
    monkeypatch.setattr(DBTaskResult, "set_failed", lost)
    monkeypatch.setattr(db_worker, "forget_connections", lambda: None)  # keep the test's transaction
    worker().run_task(db_task)
    assert RUNS == ["first"]
    assert status(result) == TaskResultStatus.READY  # not RUNNING for ever

    monkeypatch.undo()
    worker().run()  # batch: runs what is ready, then stops
    assert status(result) == TaskResultStatus.SUCCESSFUL
    assert RUNS == ["first", "first"]


def test_the_worker_goes_on_after_losing_its_connection_while_looking_for_work(monkeypatch):
    result = remember.enqueue("second")
    calls = []
    original = db_worker.db_worker.Worker.run

    def run_losing_the_connection_once(self):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("terminating connection due to administrator command")
        return original(self)

    monkeypatch.setattr(db_worker.db_worker.Worker, "run", run_losing_the_connection_once)
    monkeypatch.setattr(db_worker, "forget_connections", lambda: None)
    monkeypatch.setattr(db_worker, "RECONNECT_DELAY", 0)
    worker().run()
    assert len(calls) == 2
    assert status(result) == TaskResultStatus.SUCCESSFUL


def test_tasks_abandoned_running_by_a_dead_worker_are_put_back_on_start(settings):
    settings.TASK_RUNNING_TIMEOUT = 300
    old, recent = remember.enqueue("old"), remember.enqueue("recent")
    DBTaskResult.objects.filter(pk=old.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=6)
    )
    DBTaskResult.objects.filter(pk=recent.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=1)
    )
    assert db_worker.requeue_abandoned("default") == 1
    assert status(old) == TaskResultStatus.READY
    assert status(recent) == TaskResultStatus.RUNNING  # maybe still running in a live worker


def test_manage_py_db_worker_is_this_one():
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "core"
