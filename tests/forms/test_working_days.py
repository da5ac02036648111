"""The working-day calendar: seeded holidays, transfers, editors' entries, deadlines and who may edit it."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from forms.models import CalendarDay
from forms.working_days import add_working_days, is_working_day, request_due_at
from tests.forms.test_staff_views import ROLES, user_in

ALMATY = ZoneInfo("Asia/Almaty")


def at(text):
    """A moment in Kazakhstan's time, e.g. "2026-03-20 10:00"."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=ALMATY)


def due(text):
    """End of the working day `text` (a date)."""
    return at(f"{text} 18:00")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("confirmed", "n", "expected"),
    [
        # Friday before Nauryz: Sat 21 and Mon 23 holidays, Sun 22; Tue 24 and Wed 25 are the days off
        # of the 21st and 22nd (weekend), so day 1 is Thu 26, day 2 Fri 27, day 3 Mon 30.
        ("2026-03-20 10:00", 3, "2026-03-30"),
        ("2026-03-20 10:00", 1, "2026-03-26"),
        # A plain weekend.
        ("2026-04-10 17:59", 1, "2026-04-13"),
        ("2026-04-08 09:00", 3, "2026-04-13"),
        # Kurban Ait 2026 is Wednesday 27 May.
        ("2026-05-26 12:00", 1, "2026-05-28"),
        ("2026-05-27 12:00", 1, "2026-05-28"),
        ("2026-05-25 12:00", 3, "2026-05-29"),
        # Confirmed on a non-working day (Saturday): counting starts on Monday.
        ("2026-04-11 12:00", 1, "2026-04-13"),
        # Independence Day 2026 (Wednesday 16 December).
        ("2026-12-15 12:00", 1, "2026-12-17"),
        # New Year 2027: 1 Jan (Fri), 2 Jan (Sat, its day off on Mon 4), 7 Jan (Thu).
        ("2026-12-31 12:00", 3, "2027-01-08"),
    ],
)
def test_due_dates_across_holidays_and_weekends(confirmed, n, expected):
    assert add_working_days(at(confirmed), n) == due(expected)


@pytest.mark.django_db
def test_the_date_of_confirmation_is_taken_in_kazakhstan():
    # 20:00 UTC on Friday is 01:00 on Saturday in Almaty: counting starts after Saturday.
    friday_evening_utc = datetime.datetime(2026, 4, 10, 20, 0, tzinfo=datetime.UTC)
    assert add_working_days(friday_evening_utc, 1) == due("2026-04-13")
    naive = datetime.datetime(2026, 4, 10, 20, 0)  # taken as Almaty time: still Friday
    assert add_working_days(naive, 1) == due("2026-04-13")


@pytest.mark.django_db
def test_seeded_calendar():
    assert not is_working_day(datetime.date(2026, 3, 23))  # Nauryz
    assert not is_working_day(datetime.date(2026, 3, 25))  # day off of Sunday 22 March
    assert not is_working_day(datetime.date(2027, 5, 16))  # Kurban Ait on a Sunday
    assert not is_working_day(datetime.date(2025, 1, 3))  # moved from Sunday 5 January 2025
    assert is_working_day(datetime.date(2025, 1, 5))  # ...which was a working day
    assert is_working_day(datetime.date(2026, 3, 26))
    assert not is_working_day(datetime.date(2026, 4, 11))  # an ordinary Saturday
    for year in (2025, 2026, 2027):
        assert CalendarDay.objects.filter(date__year=year, kind=CalendarDay.Kind.PUBLIC_HOLIDAY).count() == 15


@pytest.mark.django_db
def test_a_saturday_declared_a_working_day_counts():
    CalendarDay.objects.create(
        date=datetime.date(2026, 4, 4), kind=CalendarDay.Kind.WORKING_DAY, name="Worked"
    )
    assert is_working_day(datetime.date(2026, 4, 4))
    assert add_working_days(at("2026-04-03 10:00"), 1) == due("2026-04-04")
    assert add_working_days(at("2026-04-03 10:00"), 2) == due("2026-04-06")


@pytest.mark.django_db
def test_a_day_off_added_by_an_editor_counts():
    CalendarDay.objects.create(
        date=datetime.date(2026, 4, 6), kind=CalendarDay.Kind.TRANSFERRED_DAY_OFF, name="Moved from Saturday"
    )
    assert not is_working_day(datetime.date(2026, 4, 6))
    assert add_working_days(at("2026-04-03 10:00"), 1) == due("2026-04-07")


@pytest.mark.django_db
def test_deadlines_per_request_type_come_from_settings(settings):
    settings.PRIVACY_REQUEST_WORKING_DAYS = {"information": 3, "withdrawal": 1}
    assert request_due_at("information", at("2026-03-20 10:00")) == due("2026-03-30")
    assert request_due_at("withdrawal", at("2026-03-20 10:00")) == due("2026-03-26")


@pytest.mark.django_db
def test_n_must_be_positive():
    with pytest.raises(ValueError):
        add_working_days(at("2026-03-20 10:00"), 0)


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 3, 20, 40])
def test_one_query_for_the_whole_range(django_assert_max_num_queries, n):
    with django_assert_max_num_queries(1):
        add_working_days(at("2026-03-20 10:00"), n)


@pytest.mark.django_db
def test_long_counts_read_further_and_stay_right(django_assert_max_num_queries):
    # 100 working days read several stretches of the calendar; the answer is the same as counting by day.
    start = at("2026-01-05 10:00")
    day, counted = start.date(), 0
    while counted < 100:
        day += datetime.timedelta(days=1)
        counted += is_working_day(day)
    with django_assert_max_num_queries(3):
        assert add_working_days(start, 100) == due(day.isoformat())


ALLOWED = {"Privacy officers", "superuser"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_privacy_officers_and_superusers_edit_the_calendar(client, django_user_model, role):
    day = CalendarDay.objects.get(date=datetime.date(2026, 5, 27))
    urls = {
        "listing": "/admin/working-calendar/",
        "add": "/admin/working-calendar/new/",
        "edit": f"/admin/working-calendar/edit/{day.pk}/",
        "delete": f"/admin/working-calendar/delete/{day.pk}/",
    }
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    for name, url in urls.items():
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith("/admin/login/"), name
        elif role in ALLOWED:
            assert response.status_code == 200, name
        else:
            assert response.status_code in (302, 403), name
            if response.status_code == 302:
                assert not response["Location"].startswith("/admin/working-calendar/"), name


@pytest.mark.django_db
def test_a_privacy_officer_adds_a_day_off(client, django_user_model):
    client.force_login(user_in(django_user_model, "Privacy officers", "privacy"))
    response = client.post(
        "/admin/working-calendar/new/",
        {"date": "2026-11-30", "kind": "day_off", "name": "Moved from Saturday 5 December"},
    )
    assert response.status_code == 302
    assert not is_working_day(datetime.date(2026, 11, 30))
    assert b"2026" in client.get("/admin/working-calendar/").content
