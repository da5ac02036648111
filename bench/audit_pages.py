"""Judge every public page type in kk, ru and en with tools no one on the project wrote (issue #14).

Runs `../shared/tools/audit BASE_URL PATH...` (Nu Html Checker, axe-core in Chromium, Lighthouse mobile,
feedparser on the Atom feeds) against a running site, over: home, policy, history, version 1, a
comparison (or the compare form when there is one version), updates and their feed, each form linked
from the site's menu, and a 404; in each language. The audit prints its own tables (errors per page,
violations per page, Lighthouse scores per page).

    .venv/bin/python manage.py runserver 127.0.0.1:8000 &     # or any running copy of the site
    .venv/bin/python bench/audit_pages.py http://127.0.0.1:8000 [--audit ../shared/tools/audit]

Only the standard library: it runs from a fresh clone with nothing installed but the audit's own needs.
"""

import argparse
import re
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

LANGUAGES = ("kk", "ru", "en")
DEFAULT_AUDIT = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "audit"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/"):
                self.hrefs.append(href.split("#")[0])


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the URL given on the command line
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _links(base, path):
    parser = _Links()
    parser.feed(_get(base + path)[1])
    return parser.hrefs


def pages_of(base, language):
    """The paths of every public page type in `language` (those that exist on this site)."""
    policy = f"/{language}/privacy/"
    paths = [f"/{language}/", policy, f"{policy}versions/", f"{policy}versions/1/"]
    history = _links(base, f"{policy}versions/")
    compares = sorted({href for href in history if re.match(rf"^{policy}compare/\d+/\d+/$", href)})
    paths.append(compares[0] if compares else f"{policy}compare/")
    if _get(f"{base}{policy}updates/")[0] == 200:
        paths += [f"{policy}updates/", f"{policy}updates/feed/"]
    forms = [
        href
        for href in _links(base, f"/{language}/")
        if href.startswith(f"/{language}/") and not href.startswith(policy) and href != f"/{language}/"
    ]
    paths += sorted(set(forms))
    paths.append(f"/{language}/no-such-page/")  # the 404 page
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--audit", default=str(DEFAULT_AUDIT), help="the audit tool (default: %(default)s)")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--list", action="store_true", help="only print the paths that would be audited")
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/")
    paths = [path for language in args.languages.split(",") for path in pages_of(base, language)]
    print(f"{'language':<9} path")
    for path in paths:
        print(f"{path.split('/')[1]:<9} {path}")
    if args.list:
        return 0
    return subprocess.call([args.audit, base, *paths])  # noqa: S603 - the project's audit tool


if __name__ == "__main__":
    sys.exit(main())
