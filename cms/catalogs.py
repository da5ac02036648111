"""Compile and check the gettext catalogs with polib (no GNU gettext needed): the project's in locale/,
and core/formats/translations/ (Kazakh month names overriding Django's, see core/formats/__init__.py).

python -m cms.catalogs compile   # writes every */LC_MESSAGES/django.mo of those directories
python -m cms.catalogs check     # fails on untranslated or fuzzy entries in kk, ru or en
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"
CATALOG_DIRS = [LOCALE_DIR, BASE_DIR / "core" / "formats" / "translations"]  # as LOCALE_PATHS


def catalogs():
    return sorted(path for directory in CATALOG_DIRS for path in directory.glob("*/LC_MESSAGES/*.po"))


def compile_all():
    for po_path in catalogs():
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))


def problems():
    """Untranslated or fuzzy entries, as printable lines."""
    found = []
    for po_path in catalogs():
        catalog = polib.pofile(str(po_path))
        for entry in catalog.untranslated_entries() + catalog.fuzzy_entries():
            found.append(f"{po_path.relative_to(BASE_DIR)}: {entry.msgid!r}")
    return found


def main(argv):
    command = argv[1] if len(argv) > 1 else "compile"
    if command == "compile":
        compile_all()
        return 0
    if command == "check":
        lines = problems()
        for line in lines:
            print(line)
        return 1 if lines else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
