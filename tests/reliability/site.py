"""What the reliability tests do to the site from outside: visitors filling in consent forms, an editor in
the admin, and questions to the site's PostgreSQL database (read directly, as the app servers are other
processes with their own settings)."""

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import psycopg
import requests
from bs4 import BeautifulSoup
from dj_database_url import parse
from django.core import signing

TOKEN_SALT = "edna.consent-form"  # forms/tokens.py
# As nginx in front would send them: the app trusts one proxy (TRUSTED_PROXY_COUNT=1), which ended TLS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.1"}


def https_origin(base):
    return "https://" + base.removeprefix("http://")


class Browser:
    """A requests session behind the TLS-ending proxy: production's cookies are Secure, which requests
    would not send back over the loopback's plain HTTP, so they are kept as plain cookies."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.headers.update(PROXY_HEADERS)

    def _keep_cookies(self):
        for cookie in self.session.cookies:
            cookie.secure = False

    def get(self, path, **kwargs):
        response = self.session.get(self.base + path, timeout=30, allow_redirects=False, **kwargs)
        self._keep_cookies()
        return response

    def post(self, path, data, **kwargs):
        headers = {"Origin": https_origin(self.base), "Referer": https_origin(self.base) + path}
        response = self.session.post(
            self.base + path, data=data, headers=headers, timeout=30, allow_redirects=False, **kwargs
        )
        self._keep_cookies()
        return response

    def form_fields(self, html, selector):
        """The values a browser would send for the form `selector` of `html` (no button pressed)."""
        form = BeautifulSoup(html, "html.parser").select_one(selector)
        data = []
        for element in form.select("input[name], textarea[name], select[name]"):
            name, kind = element["name"], element.get("type", "").lower()
            if element.name == "textarea":
                data.append((name, element.text))
            elif element.name == "select":
                chosen = element.select("option[selected]") or element.select("option")[:1]
                data += [(name, option.get("value", option.text)) for option in chosen]
            elif kind in ("checkbox", "radio"):
                if element.has_attr("checked"):
                    data.append((name, element.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                data.append((name, element.get("value", "")))
        return data


@dataclass
class Outcome:
    """One visitor's form: what the server answered to the GET and the POST, and what the token named."""

    path: str
    get_status: int
    post_status: int | None = None
    nonce: str | None = None
    snapshot_id: int | None = None
    at: float = field(default_factory=time.monotonic)


class Visitors:
    """`count` visitors filling in consent forms one after the other, in threads, until stop()."""

    def __init__(self, bases, secret_key, paths=("/kk/contact/",), count=8):
        self.bases, self.secret_key, self.paths, self.count = list(bases), secret_key, paths, count
        self.outcomes = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = []

    def start(self):
        for number in range(self.count):
            thread = threading.Thread(target=self._visit, args=(number,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self):
        self._stop.set()
        for thread in self._threads:
            thread.join(60)

    def _visit(self, number):
        sent = 0
        while not self._stop.is_set():
            base = self.bases[(number + sent) % len(self.bases)]
            path = self.paths[(number + sent) % len(self.paths)]
            outcome = self.fill_in_and_send(Browser(base), path, f"{number}-{sent}")
            with self._lock:
                self.outcomes.append(outcome)
            sent += 1
            if outcome.post_status is None:
                time.sleep(0.2)  # the form did not open: like a person, wait a moment

    def fill_in_and_send(self, browser, path, name):
        try:
            page = browser.get(path)
        except requests.RequestException:
            return Outcome(path, get_status=0)
        if page.status_code != 200:
            return Outcome(path, get_status=page.status_code)
        html = page.text
        data = dict(browser.form_fields(html, "form.consent-form"))
        for box in BeautifulSoup(html, "html.parser").select("input[type=checkbox][name^=consent_]"):
            data[box["name"]] = "on"
        data.update(
            full_name=f"Visitor {name}",
            email=f"visitor-{name}@example.kz",
            phone="+77011234567",
            company="edna",
            country="KZ",
            message="Reliability test",
        )
        payload = signing.loads(data["consent_token"], key=self.secret_key, salt=TOKEN_SALT)
        outcome = Outcome(path, get_status=200, nonce=payload["n"], snapshot_id=payload["s"])
        try:
            outcome.post_status = browser.post(path, data).status_code
        except requests.RequestException:
            outcome.post_status = 0
        return outcome

    def counts(self):
        return {
            "GET": dict(Counter(outcome.get_status for outcome in self.outcomes)),
            "POST": dict(Counter(o.post_status for o in self.outcomes if o.post_status is not None)),
        }


class SiteDatabase:
    """The site's PostgreSQL database, read and written as its administrator would."""

    def __init__(self, url):
        self.url = url
        config = parse(url)
        self.params = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
        self.name = config["NAME"]

    def connect(self, dbname=None):
        return psycopg.connect(**self.params, dbname=dbname or self.name, autocommit=True)

    def rows(self, sql, parameters=()):
        with self.connect() as connection:
            return connection.execute(sql, parameters).fetchall()

    def execute(self, sql, parameters=()):
        with self.connect() as connection:
            connection.execute(sql, parameters)

    def records(self):
        """{token nonce: (record id, snapshot id, receipt id)} of every consent record."""
        rows = self.rows("SELECT token_nonce, id, snapshot_id, receipt_id FROM consent_forms_consentrecord")
        return {nonce: (pk, snapshot, str(receipt)) for nonce, pk, snapshot, receipt in rows}

    def terminate_connections(self):
        """pg_terminate_backend every connection to the site's database: how many were ended."""
        with self.connect("postgres") as admin:
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.name],
            ).fetchall()
        return sum(1 for (ended,) in rows if ended)


def check_consents(outcomes, records, label):
    """Each accepted POST has exactly one record, bound to the snapshot its form showed; a refused one
    has none. Returns the printed counts."""
    accepted = [outcome for outcome in outcomes if outcome.post_status == 302]
    refused = [outcome for outcome in outcomes if outcome.post_status not in (None, 302)]
    nonces = [outcome.nonce for outcome in accepted]
    assert len(nonces) == len(set(nonces))
    missing = [nonce for nonce in nonces if nonce not in records]
    assert missing == [], f"{len(missing)} accepted POSTs have no record"
    wrong = [o.nonce for o in accepted if records[o.nonce][1] != o.snapshot_id]
    assert wrong == [], f"{len(wrong)} records do not reference the version their form showed"
    stored_refusals = [outcome.nonce for outcome in refused if outcome.nonce in records]
    assert stored_refusals == [], f"{len(stored_refusals)} refused POSTs were stored"
    assert len(records) == len(accepted), "records that no accepted POST explains"
    print(f"{label}: POST 302 (stored): {len(accepted)}, refused: {len(refused)}, records: {len(records)}")
