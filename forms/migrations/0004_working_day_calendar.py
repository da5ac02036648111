"""The working-day calendar (forms.models.calendar), its seed data, and Privacy officers' right to edit it.

Seed data: Kazakhstan's public holidays of 2025-2027 (Law "On holidays in the Republic of Kazakhstan":
1-2 January New Year, 7 January Orthodox Christmas, 8 March, 21-23 March Nauryz, 1 May, 7 May, 9 May,
6 July, 30 August, 25 October Republic Day, 16 December Independence Day, and the first day of Kurban
Ait, whose date is set each year). Transferred days off are of two kinds:

- by the Labour Code's rule that a day off coinciding with a holiday moves to the next working day after
  the holiday (religious holidays, 7 January and Kurban Ait, excepted): computed for every year here;
- by government/ministry orders: only the one stated with certainty is seeded (2025: the day off of
  Sunday 5 January moved to Friday 3 January, Sunday 5 January a working day). No other order for
  2026 or 2027 is seeded; editors (Privacy officers) add them in the admin as they are published.
"""

import datetime

from django.db import migrations, models

PRIVACY_OFFICERS = "Privacy officers"
MODEL = "calendarday"
ACTIONS = ["add", "change", "delete", "view"]

FIXED_HOLIDAYS = [
    ((1, 1), "Новый год"),
    ((1, 2), "Новый год"),
    ((1, 7), "Православное Рождество"),
    ((3, 8), "Международный женский день"),
    ((3, 21), "Наурыз мейрамы"),
    ((3, 22), "Наурыз мейрамы"),
    ((3, 23), "Наурыз мейрамы"),
    ((5, 1), "Праздник единства народа Казахстана"),
    ((5, 7), "День защитника Отечества"),
    ((5, 9), "День Победы"),
    ((7, 6), "День Столицы"),
    ((8, 30), "День Конституции"),
    ((10, 25), "День Республики"),
    ((12, 16), "День Независимости"),
]
KURBAN_AIT = [datetime.date(2025, 6, 6), datetime.date(2026, 5, 27), datetime.date(2027, 5, 16)]
YEARS = [2025, 2026, 2027]
DAY_OFF = "Перенесённый выходной"
# (date, kind, name): weekend days of holidays moved by the Labour Code rule, and the one order seeded.
TRANSFERS = [
    ("2025-01-03", "day_off", f"{DAY_OFF} (с воскресенья 5 января 2025, приказ Минтруда)"),
    ("2025-01-05", "working", "Рабочий день (выходной перенесён на 3 января 2025)"),
    ("2025-03-10", "day_off", f"{DAY_OFF} (8 марта, суббота)"),
    ("2025-03-24", "day_off", f"{DAY_OFF} (22 марта, суббота)"),
    ("2025-03-25", "day_off", f"{DAY_OFF} (23 марта, воскресенье)"),
    ("2025-07-07", "day_off", f"{DAY_OFF} (6 июля, воскресенье)"),
    ("2025-09-01", "day_off", f"{DAY_OFF} (30 августа, суббота)"),
    ("2025-10-27", "day_off", f"{DAY_OFF} (25 октября, суббота)"),
    ("2026-03-09", "day_off", f"{DAY_OFF} (8 марта, воскресенье)"),
    ("2026-03-24", "day_off", f"{DAY_OFF} (21 марта, суббота)"),
    ("2026-03-25", "day_off", f"{DAY_OFF} (22 марта, воскресенье)"),
    ("2026-05-11", "day_off", f"{DAY_OFF} (9 мая, суббота)"),
    ("2026-08-31", "day_off", f"{DAY_OFF} (30 августа, воскресенье)"),
    ("2026-10-26", "day_off", f"{DAY_OFF} (25 октября, воскресенье)"),
    ("2027-01-04", "day_off", f"{DAY_OFF} (2 января, суббота)"),
    ("2027-03-24", "day_off", f"{DAY_OFF} (21 марта, воскресенье)"),
    ("2027-05-03", "day_off", f"{DAY_OFF} (1 мая, суббота)"),
    ("2027-05-10", "day_off", f"{DAY_OFF} (9 мая, воскресенье)"),
]


def seed_calendar(apps, schema_editor):
    CalendarDay = apps.get_model("consent_forms", "CalendarDay")
    rows = [
        (datetime.date(year, month, day), "holiday", name)
        for year in YEARS
        for (month, day), name in FIXED_HOLIDAYS
    ]
    rows += [(date, "holiday", "Курбан айт") for date in KURBAN_AIT]
    rows += [(datetime.date.fromisoformat(date), kind, name) for date, kind, name in TRANSFERS]
    for date, kind, name in rows:
        CalendarDay.objects.get_or_create(date=date, defaults={"kind": kind, "name": name})


def grant_privacy_officers(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officers, _ = Group.objects.get_or_create(name=PRIVACY_OFFICERS)
    content_type, _ = ContentType.objects.get_or_create(app_label="consent_forms", model=MODEL)
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{MODEL}",
            defaults={"name": f"Can {action} calendar day"},
        )
        officers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("consent_forms", "0003_consent_events"),
        ("policy", "0004_roles_and_legal_approval"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [
        migrations.CreateModel(
            name="CalendarDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(unique=True, verbose_name="date")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("holiday", "Public holiday"),
                            ("day_off", "Transferred day off"),
                            ("working", "Working day (weekend day declared working)"),
                        ],
                        default="holiday",
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The holiday, or where the day was moved from.",
                        max_length=255,
                        verbose_name="name",
                    ),
                ),
            ],
            options={
                "verbose_name": "calendar day",
                "verbose_name_plural": "working-day calendar",
                "ordering": ["date"],
            },
        ),
        migrations.RunPython(seed_calendar, migrations.RunPython.noop),
        migrations.RunPython(grant_privacy_officers, migrations.RunPython.noop),
    ]
