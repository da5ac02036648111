"""Kazakh formats: Kazakh word order, the month in lower case, a 24-hour clock, Monday first.

The *_FORMAT strings use Django's date format syntax; `E` is the month name as used inside a date
(«қараша», see `core.formats`). Only ASCII letters are format characters, so «жылғы» needs no escaping.
"""

DATE_FORMAT = "Y жылғы j E"  # 2026 жылғы 28 қараша
TIME_FORMAT = "H:i"  # 15:27
DATETIME_FORMAT = "Y жылғы j E, H:i"  # 2026 жылғы 28 қараша, 15:27
YEAR_MONTH_FORMAT = "Y жылғы E"  # 2026 жылғы қараша
MONTH_DAY_FORMAT = "j E"  # 28 қараша
SHORT_DATE_FORMAT = "d.m.Y"  # 28.11.2026
SHORT_DATETIME_FORMAT = "d.m.Y H:i"  # 28.11.2026 15:27
FIRST_DAY_OF_WEEK = 1  # Monday

# The *_INPUT_FORMATS strings use Python's strftime syntax; ISO dates are accepted too.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # 28.11.2026
    "%d.%m.%y",  # 28.11.26
    "%Y-%m-%d",  # 2026-11-28
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # 15:27:59
    "%H:%M:%S.%f",  # 15:27:59.000200
    "%H:%M",  # 15:27
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # 28.11.2026 15:27:59
    "%d.%m.%Y %H:%M:%S.%f",  # 28.11.2026 15:27:59.000200
    "%d.%m.%Y %H:%M",  # 28.11.2026 15:27
    "%d.%m.%y %H:%M:%S",  # 28.11.26 15:27:59
    "%d.%m.%y %H:%M",  # 28.11.26 15:27
    "%Y-%m-%d %H:%M:%S",  # 2026-11-28 15:27:59
    "%Y-%m-%d %H:%M:%S.%f",  # 2026-11-28 15:27:59.000200
    "%Y-%m-%d %H:%M",  # 2026-11-28 15:27
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
