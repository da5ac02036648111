"""Who may publish the privacy policy, in any language: Legal approval, or a superuser on the record.

Every way a policy page gets published ends in `PrivacyPolicyPage.publish`, which asks
`authorise_publication` first:

- the Legal approval workflow's last approval (`policy.workflows.publish_approved_content`) publishes;
- a superuser (the user given, else the request's) publishes, and the audit log says it happened
  outside Legal approval;
- outside any request (a management command, the task worker, the shell: people with the server's
  keys) the publication goes ahead and the audit log says a script did it outside Legal approval;
- anyone else is refused. That is how wagtail-localize's sync with "publish immediately" and its
  translation editor's "Publish" (which publish from a `transaction.on_commit` callback, without a
  user) reach Legal editors: instead of publishing, the new draft is submitted to Legal approval, and
  the editor is told so.

A translation is never published while it is incomplete (`policy.translation_integrity`), whoever asks:
the reasons are written to the audit log and shown to the user.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.current_request import get_current_request, get_current_user

_approved_by_workflow = ContextVar("approved_by_workflow", default=False)

PUBLISHED_OUTSIDE_WORKFLOW = "policy.published_outside_workflow"
PUBLICATION_REFUSED = "policy.publication_refused"
SUBMITTED_INSTEAD = "policy.submitted_for_approval_instead"


@contextmanager
def approved_publication():
    """Publications inside this block carry Legal approval (used by the workflow's finish action)."""
    token = _approved_by_workflow.set(True)
    try:
        yield
    finally:
        _approved_by_workflow.reset(token)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    user: object = None
    via_workflow: bool = False
    problems: tuple = ()


def authorise_publication(page, revision, user=None):
    """Whether `revision` of the policy `page` may be published now, and on whose authority."""
    request = get_current_request()
    user = user or get_current_user()
    problems = tuple(incomplete_translation_problems(revision, page))
    if problems:
        return Decision(False, user, problems=problems)
    if _approved_by_workflow.get():
        return Decision(True, user, via_workflow=True)
    if user is not None and user.is_superuser:
        return Decision(True, user)
    if request is None:
        return Decision(True, user)
    return Decision(False, user)


def incomplete_translation_problems(revision, page=None):
    """Why the translation in `revision` may not be published (nothing for the source language)."""
    from policy.translation_integrity import translation_problems
    from policy.versioning import is_source

    if is_source(page or revision.content_object):
        return []
    return translation_problems(revision.as_object())


def publish_policy_page(page, revision, publish, **kwargs):
    """Run `publish(revision, **kwargs)` (Wagtail's) if `authorise_publication` allows it."""
    decision = authorise_publication(page, revision, kwargs.get("user"))
    if decision.allowed:
        result = publish(revision, **kwargs)
        if not decision.via_workflow:
            _log(page, PUBLISHED_OUTSIDE_WORKFLOW, decision.user, revision)
        return result
    if decision.problems:
        _log(page, PUBLICATION_REFUSED, decision.user, revision, problems=list(decision.problems))
        _tell(
            messages.ERROR,
            _("%(page)s was not published: the translation is not complete.") % {"page": page.title},
            decision.problems,
        )
        return None
    if submit_for_legal_approval(page, decision.user):
        _log(page, SUBMITTED_INSTEAD, decision.user, revision)
        _tell(
            messages.WARNING,
            _("%(page)s is published only through Legal approval: it has been submitted for review.")
            % {"page": page.title},
        )
    else:
        _log(page, PUBLICATION_REFUSED, decision.user, revision)
        _tell(
            messages.ERROR,
            _("%(page)s is published only through Legal approval; it was not published.")
            % {"page": page.title},
        )
    return None


def submit_for_legal_approval(page, user):
    """Start the page's workflow on its latest revision; False when it has none or one is running."""
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress or user is None:
        return False
    workflow.start(page, user)
    return True


def _log(page, action, user, revision, **data):
    log(instance=page, action=action, user=user, revision=revision, data=data or None)


def _tell(level, message, details=()):
    request = get_current_request()
    if request is None or not hasattr(request, "_messages"):
        return
    messages.add_message(request, level, " ".join([message, *details]))
