"""`manage.py check --deploy`: is the site's database role one that cannot unmake the evidence, and is
the CSRF protection there?

On PostgreSQL the evidence tables refuse UPDATE, DELETE and TRUNCATE through triggers (see
`policy.immutable`), which only hold against a role that is not a superuser (a superuser can set
`session_replication_role = replica`) and cannot act as the tables' owner (an owner can disable or drop
the triggers). README, "Database roles", shows how to create such a role.

The evidence tables are found in the database itself, as the tables whose triggers call the shared
function `edna_refuse_change` (`policy.immutable.TRIGGER_FUNCTION_SQL`; `core` imports no app above it),
so a table that a later migration protects is checked too.

Django's own security.W003 looks for `django.middleware.csrf.CsrfViewMiddleware` by its dotted path,
and the site runs a subclass of it (`forms.csrf`), so production silences W003 and `edna.W010` checks
instead that some middleware is CsrfViewMiddleware or a subclass.
"""

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning
from django.db import connections
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

SUPERUSER_SQL = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"

# Tables with an evidence trigger whose owner the current role is, or may become (a member of the
# owning role can SET ROLE to it). pg_has_role is true for a superuser too.
OWNED_EVIDENCE_TABLES_SQL = """
SELECT DISTINCT c.relname
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_proc p ON p.oid = t.tgfoid
WHERE p.proname = 'edna_refuse_change'
  AND pg_has_role(current_user, c.relowner, 'MEMBER')
ORDER BY c.relname
"""


@register(Tags.database, Tags.security, deploy=True)
def check_database_role(app_configs=None, databases=None, **kwargs):
    """Warn when a PostgreSQL connection of the site is a superuser or can act as the owner of the
    evidence tables. `check --deploy` checks the default database unless --database names others."""
    messages = []
    for alias in databases or ["default"]:
        if alias not in connections or connections[alias].vendor != "postgresql":
            continue
        messages.extend(_check_role(alias, connections[alias]))
    return messages


def _check_role(alias, connection):
    try:
        with connection.cursor() as cursor:
            cursor.execute(SUPERUSER_SQL)
            row = cursor.fetchone()
            is_superuser = bool(row and row[0])
            cursor.execute(OWNED_EVIDENCE_TABLES_SQL)
            owned = [name for (name,) in cursor.fetchall()]
    except Exception as error:  # noqa: BLE001 - an unreachable database must not break `check`
        return [
            CheckWarning(
                _("Could not check the role of database %(alias)s: %(error)s")
                % {"alias": alias, "error": str(error).strip() or type(error).__name__},
                hint=_("Run `manage.py check --deploy` where the database is reachable."),
                id="edna.W003",
            )
        ]
    messages = []
    if is_superuser:
        messages.append(
            CheckWarning(
                _(
                    "Database %(alias)s is used as a PostgreSQL superuser: it can switch off the triggers "
                    "that keep consent evidence and policy versions from being changed or deleted."
                )
                % {"alias": alias},
                hint=_(
                    "Connect the site as an application role without SUPERUSER; run migrations as the "
                    "owner role (README, Database roles)."
                ),
                id="edna.W001",
            )
        )
    if owned:
        messages.append(
            CheckWarning(
                _(
                    "Database %(alias)s is used as a role that owns, or can act as the owner of, the "
                    "evidence tables %(tables)s: it can disable or drop their triggers."
                )
                % {"alias": alias, "tables": ", ".join(owned)},
                hint=_(
                    "Let a separate owner role own the tables and run migrations; the site's role "
                    "should only be granted SELECT, INSERT, UPDATE and DELETE (README, Database roles)."
                ),
                id="edna.W002",
            )
        )
    return messages


@register(Tags.security, deploy=True)
def check_csrf_middleware(app_configs=None, **kwargs):
    """Warn unless a middleware of the site is Django's CsrfViewMiddleware or a subclass of it."""
    for path in settings.MIDDLEWARE:
        try:
            middleware = import_string(path)
        except ImportError:
            continue  # Django reports a middleware that cannot be imported itself
        if isinstance(middleware, type) and issubclass(middleware, CsrfViewMiddleware):
            return []
    return [
        CheckWarning(
            _("No CSRF protection: no middleware is Django's CsrfViewMiddleware or a subclass of it."),
            hint=_("Put django.middleware.csrf.CsrfViewMiddleware (or forms.csrf's subclass) in MIDDLEWARE."),
            id="edna.W010",
        )
    ]
