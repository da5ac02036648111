"""Date, time and number formats Django lacks: Kazakh (`kk/formats.py`), found through FORMAT_MODULE_PATH.

Django ships a Kazakh translation but no Kazakh formats, so dates came out in US order with a 12-hour
clock («Қар. 28, 2026, 3:27 Т.Ж.»). Russian and English keep Django's own formats.

Kazakh writes a date «2026 жылғы 28 қараша», with the month in the nominative and in lower case. The
formats use Django's `E` (the "alt. month" names, which Russian uses for its genitive); Django's Kazakh
catalog gives those capitalised («Қараша»), so `translations/` holds a small catalog that overrides just
those twelve names for Kazakh. It is listed in LOCALE_PATHS after the project's own `locale/` and
compiled with it (`make messages`, `cms.catalogs`).
"""

from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
