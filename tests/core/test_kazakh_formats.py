"""Kazakh dates and times (core/formats/kk): Kazakh word order, lower-case month, 24-hour clock.

Django ships no Kazakh formats (dates read «Қар. 28, 2026, 3:27 Т.Ж.»). Russian and English keep
Django's own formats.
"""

import datetime

import pytest
from django import forms as django_forms
from django.template import Context, Template
from django.utils import formats, timezone, translation

from policy.models import PolicyVersion

KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
# 15:27 in Almaty (UTC+5) on 28 November 2026.
MOMENT = datetime.datetime(2026, 11, 28, 10, 27, tzinfo=datetime.UTC)


def render(language, format_name, value=MOMENT):
    with translation.override(language):
        return Template("{{ value|date:format_name }}").render(
            Context({"value": value, "format_name": format_name})
        )


@pytest.mark.parametrize(
    ("format_name", "expected"),
    [
        ("DATE_FORMAT", "2026 жылғы 28 қараша"),
        ("DATETIME_FORMAT", "2026 жылғы 28 қараша, 15:27"),
        ("SHORT_DATE_FORMAT", "28.11.2026"),
        ("SHORT_DATETIME_FORMAT", "28.11.2026 15:27"),
        ("TIME_FORMAT", "15:27"),
        ("MONTH_DAY_FORMAT", "28 қараша"),
        ("YEAR_MONTH_FORMAT", "2026 жылғы қараша"),
    ],
)
def test_kazakh_formats(format_name, expected):
    assert render("kk", format_name) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_is_nominative_and_lower_case_in_a_kazakh_date(month):
    value = datetime.date(2026, month, 5)
    assert render("kk", "DATE_FORMAT", value) == f"2026 жылғы 5 {KK_MONTHS[month - 1]}"


def test_the_kazakh_clock_has_24_hours_and_the_week_starts_on_monday():
    evening = datetime.datetime(2026, 1, 2, 18, 5, tzinfo=datetime.UTC)  # 23:05 in Almaty
    assert render("kk", "TIME_FORMAT", evening) == "23:05"
    with translation.override("kk"):
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize("typed", ["28.11.2026", "28.11.26", "2026-11-28"])
def test_kazakh_date_input(typed):
    with translation.override("kk"):
        assert django_forms.DateField().clean(typed) == datetime.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("language", "format_name", "expected"),
    [
        ("ru", "DATE_FORMAT", "28 ноября 2026 г."),
        ("ru", "DATETIME_FORMAT", "28 ноября 2026 г. 15:27"),
        ("ru", "SHORT_DATE_FORMAT", "28.11.2026"),
        ("en", "DATE_FORMAT", "Nov. 28, 2026"),
        ("en", "DATETIME_FORMAT", "Nov. 28, 2026, 3:27 p.m."),
    ],
)
def test_russian_and_english_keep_djangos_formats(language, format_name, expected):
    assert render(language, format_name) == expected


def kazakh(value):
    local = timezone.localtime(value)
    return f"{local.year} жылғы {local.day} {KK_MONTHS[local.month - 1]}, {local:%H:%M}"


@pytest.mark.parametrize("path", ["/kk/privacy/", "/kk/privacy/versions/", "/kk/privacy/versions/1/"])
def test_policy_pages_show_kazakh_dates(client, policy_pages, path):
    version = PolicyVersion.objects.get(number=1)
    html = client.get(path).content.decode()
    assert kazakh(version.effective_from) in html
    for english_leftover in ("Т.Ж.", "Т.Қ.", "a.m.", "p.m."):
        assert english_leftover not in html


def test_the_russian_version_history_keeps_russian_dates(client, policy_pages):
    version = PolicyVersion.objects.get(number=1)
    with translation.override("ru"):
        expected = formats.date_format(timezone.localtime(version.effective_from), "DATETIME_FORMAT")
    assert "г." in expected
    assert expected in client.get("/ru/privacy/versions/").content.decode()
