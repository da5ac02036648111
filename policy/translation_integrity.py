"""Whether a translation of the policy is complete enough to be frozen as evidence.

A snapshot in language L is frozen only from a COMPLETE translation of the version it translates
(`policy.versioning.translated_version`):

1. **Segments.** The translation is made with wagtail-localize, and every string segment of the source
   content it was synced from is translated into L without an error. wagtail-localize's "publish"
   fills a missing segment with the source (Kazakh) text, so a partly translated page looks complete.
   A page converted to a manual translation (or never translated through wagtail-localize) cannot be
   checked segment by segment and is not complete.
2. **Synced to its version.** The source content the translation was synced from is the Kazakh text of
   the version it is attached to (its canonical text, built with the controller's details frozen in
   that Kazakh snapshot, is the snapshot's text).
3. **Content checks.** The checks that block publishing the source (`policy.checks`) pass on the
   translation's document: placeholders, mixed-script words, clause references, retention terms and
   the "what changed" summary.
4. **Language.** No text of the document reads as another of the site's languages.

The language check
------------------
Every text of the document (title, introduction, headings, definitions, clauses, list items, each
cell of table No. 1, the "what changed" summary) is cleaned first of what legitimately stays the same
in every language: URLs and e-mail addresses, short quoted names («…», “…”, "…", „…“ up to
`MAX_QUOTED_NAME` characters), the controller's legal name and postal address (as given in the
company details, in this language and in the source language); the postal and e-mail contact lines
and the transfer-country list are not judged at all (country names such as «Германия» are the same
in Kazakh and Russian). The text is then cut into sentences (at . ! ? ; : and line breaks), and each
sentence into the part written in the language's own script (Latin for English, Cyrillic for Kazakh
and Russian) and the runs of words in the other script. Words of another script that begin with a
capital letter are proper names ("Google Analytics", "Яндекс Метрика") and are not counted.

Each part with at least `MIN_LETTERS` letters is judged by lingua (`lingua-language-detector`,
restricted to Kazakh, Russian and English); a part is in the wrong language when another language's
confidence exceeds L's by at least `MARGIN`.

Why 20 letters and 0.5: on the demo policy in all three languages (546 sentence parts), every part of
14 letters or more is given its own language with confidence 0.96 or more; below that, words shared
by Kazakh and Russian ("Германия" 0.33/0.68, "Ирландия", "номер телефона" 0.76) are a coin toss. 20
letters (about three words) keeps a margin above that, and still catches an untranslated Kazakh
clause, list item or purpose cell, which are longer. The confidences of the three languages add up to
1, so a margin of 0.5 means "clearly another language" (e.g. 0.75 against 0.25); a planted Kazakh or
Russian sentence scores about 1.0 against 0.0, a genuine sentence about 0.0 against 0.96 or more, so
the decision does not depend on the exact value. Words of the other script are judged the same way,
so a Kazakh sentence inside an English paragraph (which lingua alone would call English) is found,
while "cookies" or "edna" inside a Kazakh sentence are too short to count. What the check cannot see:
a text shorter than 20 letters, and a Russian phrase inside a Kazakh sentence (or the reverse) that
does not form a sentence of its own; the segment check (1) is the guard for those.
"""

import dataclasses
import functools
import json
import re
from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from home.models import ControllerDetails
from policy import checks
from policy.document import (
    Clause,
    ClauseRole,
    Definition,
    PolicyDocument,
    Purpose,
    PurposeGroup,
    Section,
    build_policy_document,
)
from policy.versioning import SOURCE_LANGUAGE, latest_snapshot_for_language, translated_version

UP_TO_DATE = "up_to_date"
INCOMPLETE = "incomplete"
NOT_STARTED = "not_started"

MIN_LETTERS = 20
MARGIN = 0.5
MAX_QUOTED_NAME = 100
EXAMPLES = 3  # untranslated segments quoted in a message
MAX_LANGUAGE_MESSAGES = 5  # text blocks named one by one; the rest are counted

_UNKNOWN = object()
SCRIPT = {"kk": "cyrillic", "ru": "cyrillic", "en": "latin"}

URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
QUOTED = re.compile(
    "|".join(
        f"{opening}[^{opening}{closing}]{{0,{MAX_QUOTED_NAME}}}[{closing}]"
        for opening, closing in (("«", "»"), ("“", "”"), ("„", "“”"), ('"', '"'))
    )
)
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n")
LETTER_RUN = re.compile(r"(?P<latin>[A-Za-z\u00c0-\u024f]+)|(?P<cyrillic>[\u0400-\u04ff]+)")


@dataclass(frozen=True)
class TranslationStatus:
    """A language's state for the dashboard: "up_to_date", "incomplete" or "not_started"."""

    state: str
    translated_segments: int
    total_segments: int
    problems: list = field(default_factory=list)


@dataclass
class Examination:
    version: object = None  # the PolicyVersion translated
    managed: bool = False  # translated through wagtail-localize
    translated_segments: int = 0
    total_segments: int = 0
    problems: list = field(default_factory=list)


def language_name(code):
    return str(get_language_info(code)["name_translated"])


def shorten(text, width=60):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# Public interface ---------------------------------------------------------------------------------


def translation_problems(page, document=None):
    """Why `page` (a PrivacyPolicyPage translation, as it is about to be published or frozen) is not a
    complete translation of the version it translates; [] when it is, and for the source language.

    `document`: the page's PolicyDocument when the caller has built it already."""
    return examine(page, document=document).problems


def translation_status(source_page, language, page=None):
    """The dashboard's state of `language` for the policy `source_page`, by the same rule."""
    from wagtail.models import Locale

    from policy.models import PolicySnapshot, PolicyVersion

    if language == SOURCE_LANGUAGE:
        return TranslationStatus(UP_TO_DATE, 0, 0, [])
    if page is None:
        locale = Locale.objects.filter(language_code=language).first()
        page = source_page.get_translation_or_none(locale) if locale else None
    if page is None:
        return TranslationStatus(NOT_STARTED, 0, 0, [])
    page = page.specific
    content = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    found = examine(content)
    problems = list(found.problems)
    if not found.managed or (found.total_segments and not found.translated_segments):
        return TranslationStatus(NOT_STARTED, found.translated_segments, found.total_segments, problems)
    latest = PolicyVersion.objects.for_policy(source_page.translation_key).order_by("-number").first()
    if latest is not None and found.version is not None and found.version.number < latest.number:
        problems.append(
            _(
                "The translation has not been synced with version %(latest)s of the source text yet (it "
                "translates version %(number)s): sync it (“Sync translated pages”) and translate what "
                "changed."
            )
            % {"latest": latest.number, "number": found.version.number}
        )
    elif (
        not problems
        and latest is not None
        and not PolicySnapshot.objects.filter(version=latest, language=language).exists()
    ):
        problems.append(
            _("Version %(number)s is translated but not published in this language yet.")
            % {"number": latest.number}
        )
    state = INCOMPLETE if problems else UP_TO_DATE
    return TranslationStatus(state, found.translated_segments, found.total_segments, problems)


def report_refusal(page, problems):
    """Tell the user of the current request (if any) that `page` was not frozen, and why."""
    request = current_request()
    if request is None or not hasattr(request, "_messages"):
        return
    heading = _(
        "“%(page)s” (%(language)s) was not frozen as a snapshot of the policy: the translation is not "
        "complete, so visitors keep reading the last complete text in this language."
    ) % {"page": page.title, "language": language_name(page.locale.language_code)}
    messages.error(request, " ".join([heading, *problems]))


def current_request():
    """The request being served (`core.current_request`), or None outside a request."""
    try:
        from core.current_request import get_current_request
    except ImportError:  # the middleware module is written at the same time; without it: log only
        return None
    return get_current_request()


def current_user():
    """The authenticated user of the request being served, or None."""
    user = getattr(current_request(), "user", None)
    return user if user is not None and user.is_authenticated else None


# The rule -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """What a translation translates: its wagtail-localize Translation (None when it has none), the
    PolicyVersion, and that version's source-language text and controller details."""

    translation: object = None
    version: object = None
    source_text: str = None
    source_controller: object = None


def locate(page):
    """The `Located` of `page`: with a Translation, two queries (it, and the version's source snapshot
    with its version: a version is created in the same transaction as its source snapshot)."""
    from policy.models import PolicySnapshot

    translation = wagtail_localize_translation(page)
    if translation is None:
        version = translated_version(page)
        return Located(None, version, *source_snapshot(version))
    snapshot = (
        PolicySnapshot.objects.filter(
            language=SOURCE_LANGUAGE,
            version__policy_key=page.translation_key,
            version__created_at__lte=translation.source.last_updated_at,
        )
        .select_related("version")
        .only("text", "document", "version")
        .order_by("-version__number", "-sequence")
        .first()
    )
    if snapshot is None:
        return Located(translation)
    controller = controller_from_data(snapshot.document.get("controller"))
    return Located(translation, snapshot.version, snapshot.text, controller)


def examine(page, document=None, located=None, current=_UNKNOWN):
    """The rule applied to `page`: the version it translates, its segment counts and its problems.

    `document`: the page's PolicyDocument, `located`: `locate(page)`, and `current`: the snapshot its
    "what changed" summary is compared with (the language's newest), when the caller has them."""
    language = page.locale.language_code
    if language == SOURCE_LANGUAGE:
        return Examination(managed=True)
    located = located or locate(page)
    translation, version = located.translation, located.version
    source_text, source_controller = located.source_text, located.source_controller
    found = Examination(version=version, managed=translation is not None)
    if version is None:
        found.problems.append(
            _("The source text has no published version yet: there is nothing to translate.")
        )
        return found
    if translation is None:
        found.problems.append(
            _(
                "This page is not translated through wagtail-localize (or was converted to a manual "
                "translation), so its segments cannot be checked against version %(number)s of the source "
                "text: translate it with wagtail-localize."
            )
            % {"number": version.number}
        )
    if translation is not None:
        found.problems.extend(segment_problems(translation, found))
        if source_text is not None and synced_text(translation.source, source_controller) != source_text:
            found.problems.append(
                _(
                    "The translation was synced from a source text that is not version %(number)s as "
                    "published: sync it again (“Sync translated pages”) and translate what changed."
                )
                % {"number": version.number}
            )
    document = document or build_policy_document(page)
    if current is _UNKNOWN:
        current = latest_snapshot_for_language(page.translation_key, language) if page.pk else None
    found.problems.extend(
        [
            *document_problems(document),
            *checks.find_missing_version_summary(page, document, current),
        ]
    )
    names = [document.controller, *([source_controller] if source_controller else [])]
    found.problems.extend(
        language_problems(dataclasses.asdict(document), language, page.version_summary, names)
    )
    return found


def wagtail_localize_translation(page):
    """The enabled wagtail-localize Translation of the policy into `page`'s locale, with its source."""
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            source__locale__language_code=SOURCE_LANGUAGE,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source__locale")
        .first()
    )


def segment_problems(translation, found):
    """Count the source's string segments translated into the target locale (no error) in `found`; the
    problems: segments not translated, translations with an error."""
    from wagtail_localize.models import StringSegment, StringTranslation
    from wagtail_localize.strings import StringValue

    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
    )
    rows = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(
            translated=Exists(translations.filter(has_error=False)),
            errored=Exists(translations.filter(has_error=True)),
        )
        .order_by("order")
        .values_list("string__data", "translated", "errored")
    )
    found.total_segments = len(rows)
    found.translated_segments = sum(1 for _data, translated, _errored in rows if translated)
    missing, errors = [], []
    for data, translated, errored in rows:
        if not translated:
            (errors if errored else missing).append(StringValue(data).render_text())
    problems = []
    if missing:
        examples = ", ".join(f"“{shorten(text)}”" for text in missing[:EXAMPLES])
        if len(missing) > EXAMPLES:
            examples += ", …"
        problems.append(
            ngettext(
                "%(count)s segment of the source text is not translated: %(examples)s.",
                "%(count)s segments of the source text are not translated: %(examples)s.",
                len(missing),
            )
            % {"count": len(missing), "examples": examples}
        )
    for text in errors[:EXAMPLES]:
        problems.append(
            _("The translation of “%(text)s” has an error: correct it.") % {"text": shorten(text)}
        )
    return problems


def source_snapshot(version):
    """(canonical text, controller details) of the newest source-language snapshot of `version`."""
    from policy.models import PolicySnapshot

    if version is None:
        return None, None
    row = (
        PolicySnapshot.objects.filter(version=version, language=SOURCE_LANGUAGE)
        .order_by("-sequence")
        .values_list("text", "document")
        .first()
    )
    if row is None:
        return None, None
    text, document = row
    return text, controller_from_data(document.get("controller"))


def synced_text(source, controller):
    """The canonical text of the source content as wagtail-localize last synced it (TranslationSource),
    built with `controller` (the details frozen in the version's source snapshot)."""
    from policy.models import PrivacyPolicyPage

    instance = PrivacyPolicyPage.from_serializable_data(json.loads(source.content_json), check_fks=False)
    instance.locale = source.locale
    if controller is None:
        return None
    return build_policy_document(instance, controller=controller).as_text()


def controller_from_data(data):
    if not data:
        return None
    names = {f.name for f in dataclasses.fields(ControllerDetails)}
    return ControllerDetails(**{name: data.get(name, "") for name in names})


def document_problems(document):
    """The content checks of `policy.checks` that look at the document alone."""
    return [
        *checks.find_placeholders(document),
        *checks.find_mixed_script_words(document),
        *checks.find_broken_clause_references(document),
        *checks.find_purposes_without_retention_term(document),
    ]


def document_from_data(data):
    """A PolicyDocument from its stored (dict) form, as in `PolicySnapshot.document`."""
    return PolicyDocument(
        title=data.get("title", ""),
        intro=data.get("intro", ""),
        language=data.get("language", ""),
        controller=controller_from_data(data.get("controller")) or ControllerDetails("", "", "", ""),
        sections=tuple(
            Section(
                number=section["number"],
                heading=section.get("heading", ""),
                definitions=tuple(
                    Definition(item.get("term", ""), item.get("meaning", ""))
                    for item in section.get("definitions", ())
                ),
                clauses=tuple(
                    Clause(
                        number=clause.get("number", ""),
                        text=clause.get("text", ""),
                        items=tuple(clause.get("items", ())),
                        contact=clause.get("contact", ""),
                        role=clause.get("role", ""),
                        purpose_groups=tuple(
                            PurposeGroup(
                                group.get("subject_category", ""),
                                tuple(
                                    Purpose(**{**purpose, "personal_data": tuple(purpose["personal_data"])})
                                    for purpose in group.get("purposes", ())
                                ),
                            )
                            for group in clause.get("purpose_groups", ())
                        ),
                    )
                    for clause in section.get("clauses", ())
                ),
            )
            for section in data.get("sections", ())
        ),
    )


# The language check -------------------------------------------------------------------------------


def document_blocks(data, summary=""):
    """(where, text) for every text of a document in its dict form that the language check judges."""
    yield _("title"), data.get("title", "")
    yield _("introduction"), data.get("intro", "")
    for section in data.get("sections", ()):
        section_where = _("section %(number)s") % {"number": section["number"]}
        yield section_where, section.get("heading", "")
        for definition in section.get("definitions", ()):
            where = _("definition “%(term)s”") % {"term": shorten(definition.get("term", ""), 40)}
            yield where, definition.get("term", "")
            yield where, definition.get("meaning", "")
        for clause in section.get("clauses", ()):
            number = clause.get("number", "")
            where = _("clause %(number)s") % {"number": number} if number else section_where
            yield where, clause.get("text", "")
            if clause.get("role") != ClauseRole.TRANSFER_COUNTRIES:  # country names: same in kk and ru
                for item in clause.get("items", ()):
                    yield where, item
            for group in clause.get("purpose_groups", ()):
                for purpose in group.get("purposes", ()):
                    where = _("purpose %(number)s") % {"number": purpose.get("number", "")}
                    yield where, purpose.get("subject_category", "")
                    yield where, purpose.get("purpose", "")
                    for item in purpose.get("personal_data", ()):
                        yield where, item
                    yield where, purpose.get("processing_methods", "")
                    yield where, purpose.get("retention_term", "")
                    yield where, purpose.get("withdrawal_method", "")
    if summary:
        yield _("what changed"), summary


def language_problems(data, language, summary="", controllers=()):
    """Messages for the texts of a document (dict form) that read as another of the site's languages."""
    names = protected_names(controllers)
    found = []
    for where, text in document_blocks(data, summary):
        for part, detected in foreign_parts(text, language, names):
            found.append((where, part, detected))
            break  # one message per text
    messages_ = [
        _("%(where)s: “%(text)s” reads as %(detected)s, not %(language)s.")
        % {
            "where": where,
            "text": shorten(part),
            "detected": language_name(detected),
            "language": language_name(language),
        }
        for where, part, detected in found[:MAX_LANGUAGE_MESSAGES]
    ]
    rest = len(found) - MAX_LANGUAGE_MESSAGES
    if rest > 0:
        messages_.append(
            ngettext(
                "%(count)s more text reads as another language.",
                "%(count)s more texts read as another language.",
                rest,
            )
            % {"count": rest}
        )
    return messages_


def protected_names(controllers):
    """The controller's legal names and postal addresses (longest first), which stay as they are."""
    names = set()
    for controller in controllers:
        if controller is None:
            continue
        for value in (controller.legal_name, controller.postal_address):
            value = " ".join((value or "").split())
            if value:
                names.add(value)
    return sorted(names, key=len, reverse=True)


def clean(text, names=()):
    text = " ".join(str(text or "").split())
    for name in names:
        text = text.replace(name, " ")
    text = URL_OR_EMAIL.sub(" ", text)
    return QUOTED.sub(" ", text)


def foreign_parts(text, language, names=()):
    """(part, detected language) for each part of `text` that reads as another language than
    `language` (see the module's docstring)."""
    own_script = SCRIPT.get(language)
    if own_script is None:
        return
    for sentence in SENTENCE_END.split(clean(text, names)):
        own_words, runs = [], []
        for match in LETTER_RUN.finditer(sentence):
            script = match.lastgroup
            if script == own_script:
                own_words.append(match.group())
            elif runs and runs[-1][0] == script and runs[-1][2] == len(own_words):
                runs[-1][1].append(match.group())
            else:
                runs.append((script, [match.group()], len(own_words)))
        parts = [" ".join(own_words)]
        for _script, words, _position in runs:
            # Capitalised words of another script are proper names ("Google Analytics").
            if sum(len(word) for word in words if not word[0].isupper()) >= MIN_LETTERS:
                parts.append(" ".join(words))
        for part in parts:
            if count_letters(part) < MIN_LETTERS:
                continue
            detected = detect(part, language)
            if detected is not None:
                yield part, detected


def count_letters(text):
    return sum(1 for character in text if character.isalpha())


def detect(text, language):
    """The other language `text` clearly reads as (by at least MARGIN), or None."""
    confidences = dict(confidence_values(text))
    best = max(confidences, key=confidences.get)
    if best != language and confidences[best] - confidences.get(language, 0.0) >= MARGIN:
        return best
    return None


@functools.lru_cache(maxsize=8192)
def confidence_values(text):
    codes = detector_languages()
    return tuple(
        (codes[value.language], value.value) for value in detector().compute_language_confidence_values(text)
    )


@functools.cache
def detector_languages():
    from lingua import Language

    return {Language.KAZAKH: "kk", Language.RUSSIAN: "ru", Language.ENGLISH: "en"}


@functools.cache
def detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*detector_languages()).build()
