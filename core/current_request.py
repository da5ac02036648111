"""The request being served, for code that runs deep below a view and is not handed it.

wagtail-localize publishes a synced translation from a `transaction.on_commit` callback with no user,
and Wagtail's signals carry no request; the policy's publishing rules still need to know who asked (and
to tell them, through Django's messages, why something was refused). `CurrentRequestMiddleware` keeps
the request in a context variable for the time it is served; anything outside a request (a management
command, a task worker, the shell) sees None.
"""

from contextvars import ContextVar

_current_request = ContextVar("current_request", default=None)


def get_current_request():
    return _current_request.get()


def get_current_user():
    request = get_current_request()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


class CurrentRequestMiddleware:
    """Keep the request in a context variable while it is served (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
