"""Sorting words the way a reader of kk, ru or en expects (PyICU is not used: it builds from source only).

Python compares code points, which puts every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І) after Я and capitals
before small letters. `sort_key(language)` gives a key that follows the language's alphabet instead:

- Kazakh: the 42 letters of the Kazakh Cyrillic alphabet in their official order, А Ә Б В Г Ғ Д Е Ё Ж З
  И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я (so Ә after А, Ғ after Г, Қ after К,
  Ң after Н, Ө after О, Ұ and Ү after У, Һ after Х, and І between Ы and Ь).
- Russian: А … Я with Й a letter of its own and Ё sorted as Е, as in Russian dictionaries (and CLDR).
- English: A … Z, accents ignored at first («Åland» with the A's, «Côte d'Ivoire» with the C's).

Case and accents only break ties; spaces and punctuation sort before digits, digits before letters, the
language's own alphabet before other scripts (Latin, then anything else).
"""

import functools
import unicodedata

LATIN = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдежзийклмнопрстуфхцчшщъыьэюя",
    "en": LATIN,
}

PUNCTUATION, DIGIT, OWN_LETTER, LATIN_LETTER, OTHER_LETTER = range(5)


def _without_marks(char):
    """A letter's base letters, without accents (é -> e; ё -> е where ё is not a letter of its own)."""
    return [part for part in unicodedata.normalize("NFD", char) if not unicodedata.combining(part)]


@functools.cache
def sort_key(language):
    """A key function for sorting strings in `language` (kk, ru or en; others sort as English)."""
    alphabet = ALPHABETS.get(language, LATIN)
    own = {letter: index for index, letter in enumerate(alphabet)}
    latin = {letter: index for index, letter in enumerate(LATIN)}

    def weight(char):
        if char in own:
            return (OWN_LETTER, own[char])
        if char in latin:
            return (LATIN_LETTER, latin[char])
        if char.isdigit():
            return (DIGIT, unicodedata.digit(char, 0))
        if char.isalpha():
            return (OTHER_LETTER, ord(char))
        return (PUNCTUATION, 0)

    def key(text):
        folded = unicodedata.normalize("NFC", text).casefold()
        primary = []
        for char in folded:
            if char in own:
                primary.append(weight(char))
            else:
                primary.extend(weight(base) for base in _without_marks(char))
        return (tuple(primary), folded, text)

    return key
