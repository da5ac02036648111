"""Cells of the staff's CSV and XLSX exports that are safe to open in a spreadsheet (issue #12).

Visitors type what they like into a form: an address such as `=1+2@example.kz` is a valid e-mail, and a
spreadsheet would run it as a formula (CSV or formula injection: `=HYPERLINK(...)`, `=cmd|...`). OWASP's
advice is followed: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
single quote in front, so the program shows it as text. Numbers and dates are written as they are (they
are ours, not the visitor's), and every export of the site writes its cells through `safe_cell`.
"""

import datetime

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """`text` as a spreadsheet shows it without evaluating it."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def safe_cell(value):
    """A value for a CSV or XLSX cell: numbers, dates and times kept as they are, None empty, anything
    else as neutralised text."""
    if isinstance(value, str):  # first: most cells are text
        return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value
    if value is None:
        return ""
    if isinstance(value, int | float | datetime.date) and not isinstance(value, bool):
        return value
    return neutralise(str(value))


def xlsx_cell(value):
    """`safe_cell` for XLSX, which cannot store a time zone: times are written in UTC, as stored."""
    value = safe_cell(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.UTC).replace(tzinfo=None)
    return value
