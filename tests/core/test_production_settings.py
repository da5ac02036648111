"""Production settings: `check --deploy --fail-level WARNING` passes with the production environment, HTTPS is
configurable for a TLS-terminating proxy, connections are health-checked, Redis errors are misses, and
gunicorn binds where the environment says (127.0.0.1:8000 by default).

The checks run in a subprocess, as an operator runs them, on a throwaway SQLite database: the database
role checks are PostgreSQL's and are tested in test_deploy_checks.py.
"""

import json
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SETTINGS_SCRIPT = """
import json
from django.conf import settings
print(json.dumps({
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "hsts_seconds": settings.SECURE_HSTS_SECONDS,
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "conn_health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "cache_backend": settings.CACHES["default"]["BACKEND"],
    "cache_options": settings.CACHES["default"].get("OPTIONS", {}),
}))
"""


def production_env(tmp_path, **extra):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ERASURE_HMAC_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "edna.kz",
        "SITE_BASE_URL": "https://edna.kz",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "TRUSTED_PROXY_COUNT": "1",
    }
    env.update(extra)
    return env


def manage(env, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(env):
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + SETTINGS_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("extra", [{}, {"TLS_PROXY_ENFORCES_HTTPS": "true"}], ids=["django", "proxy"])
def test_check_deploy_passes_with_the_production_environment(tmp_path, extra):
    result = manage(production_env(tmp_path, **extra), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_without_https_enforced_by_anyone(tmp_path):
    env = production_env(tmp_path, SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="false")
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W008" in result.stderr


def test_production_settings(tmp_path):
    behind_proxy = production_settings(production_env(tmp_path))
    assert behind_proxy["proxy_ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert behind_proxy["ssl_redirect"] is True
    assert behind_proxy["hsts_seconds"] >= 365 * 24 * 3600
    # Idle connections are checked before reuse, so one PostgreSQL closed is replaced, not an error page.
    assert behind_proxy["conn_health_checks"] is True
    assert behind_proxy["conn_max_age"] > 0
    assert behind_proxy["cache_backend"] == "core.resilient_cache.ResilientRedisCache"
    assert 0 < behind_proxy["cache_options"]["socket_connect_timeout"] <= 1

    direct = production_settings(production_env(tmp_path, TRUSTED_PROXY_COUNT="0"))
    assert direct["proxy_ssl_header"] is None  # nobody in front to believe

    proxy_does_https = production_settings(production_env(tmp_path, TLS_PROXY_ENFORCES_HTTPS="true"))
    assert proxy_does_https["ssl_redirect"] is False
    assert proxy_does_https["hsts_seconds"] == 0


@pytest.mark.parametrize(
    ("environment", "bind"),
    [
        ({}, "127.0.0.1:8000"),
        ({"PORT": "8123"}, "127.0.0.1:8123"),
        ({"GUNICORN_BIND": "10.0.0.5:8000", "PORT": "8123"}, "10.0.0.5:8000"),
        ({"GUNICORN_BIND": "unix:/run/edna.sock"}, "unix:/run/edna.sock"),
    ],
)
def test_gunicorn_binds_where_the_environment_says(monkeypatch, environment, bind):
    for name in ("GUNICORN_BIND", "PORT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert runpy.run_path(str(ROOT / "cms" / "gunicorn.py"))["bind"] == bind
