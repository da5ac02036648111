"""Visitor views of the policy's versions (served through PrivacyPolicyPage's routes).

Each view runs a fixed number of SQL queries whatever the number of versions: the version list comes
from the cached timeline, snapshots are fetched in one query per language needed.

A language with no snapshot of the current version (its translation is not complete yet) shows its
last complete version on the current-policy page, saying that a newer version exists in Kazakh; a
version page of a version it has no snapshot of shows the Kazakh text with a notice.
"""

import io

from django.http import FileResponse, Http404, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from home.chrome import language_of
from home.routing import route as cached_route
from policy import pdf, snapshot_cache, timeline
from policy.diff import compare_documents
from policy.document import build_policy_document, frozen_purposes
from policy.models import PolicySnapshot, PolicyVersion
from policy.versioning import SOURCE_LANGUAGE

PDF_MAX_AGE = 365 * 24 * 3600  # a snapshot's PDF never changes


def _language(page):
    return language_of(page.locale_id) or page.locale.language_code


def snapshot_for(version, language, edition=None, with_document=False):
    """(snapshot, is_fallback): the newest (or a given) edition in `language`, else the source text."""
    snapshots = PolicySnapshot.objects.filter(version=version, language__in={language, SOURCE_LANGUAGE})
    if edition is not None:
        snapshots = snapshots.filter(sequence=edition)
    snapshots = snapshots.select_related("version").order_by("-sequence")
    candidates = list(snapshots if with_document else snapshots.defer("document"))
    own = [snapshot for snapshot in candidates if snapshot.language == language]
    if own:
        return own[0], False
    source = [snapshot for snapshot in candidates if snapshot.language == SOURCE_LANGUAGE]
    if source and edition is None:
        return source[0], True
    return None, False


def newest_snapshots(versions, languages):
    """{(version id, language): newest edition} of the given versions in the given languages, with their
    documents, in one query."""
    found = {}
    for snapshot in (
        PolicySnapshot.objects.filter(version__in=versions, language__in=languages)
        .select_related("version")
        .order_by("sequence")
    ):
        found[(snapshot.version_id, snapshot.language)] = snapshot
    return found


def _status(entry, now):
    current = timeline.current(entry.policy_key, now)
    if entry.effective_from > now:
        return "upcoming"
    if current and current.number == entry.number:
        return "current"
    return "superseded"


def outdated_translation(page):
    """The source's newest version when this language's newest snapshot is of an older one, else None.

    From the cached timeline (no query). The source language is never outdated; a language with no
    snapshot at all reads the source text with the fallback notice instead."""
    language = _language(page)
    if language == SOURCE_LANGUAGE:
        return None
    entries = timeline.versions_of(page.translation_key)
    source = [entry for entry in entries if entry.latest_snapshot_id(SOURCE_LANGUAGE)]
    own = [entry for entry in entries if entry.latest_snapshot_id(language)]
    if not source or not own or own[-1].number >= source[-1].number:
        return None
    return source[-1]


def live_document(request, page, extra_context=None):
    """The page's own content (previews, and a policy with no version in effect yet)."""
    return page.render(
        request,
        template="policy/privacy_policy_page.html",
        context_overrides={"document": build_policy_document(page, request=request), **(extra_context or {})},
    )


def current_version(request, page):
    now = timezone.now()
    entry = timeline.current(page.translation_key, now)
    upcoming = timeline.upcoming(page.translation_key, now)
    if entry is None:
        return live_document(
            request, page, {"upcoming": upcoming[0] if upcoming else None, "no_version": True}
        )
    shown, newer = last_complete_version(page.translation_key, entry, _language(page), now)
    snapshot, fallback = snapshot_for(shown.id, _language(page), with_document=True)  # for its contents
    if snapshot is None:
        return live_document(request, page)
    return page.render(
        request,
        template="policy/privacy_policy_page.html",
        context_overrides={
            "snapshot": snapshot,
            "version": snapshot.version,
            "fallback": fallback,
            "newer_version": newer,
            "upcoming": upcoming[0] if upcoming else None,
            "status": "current" if newer is None else "superseded",
            "pdf_available": pdf.available(),
            "outdated_translation": None if newer else outdated_translation(page),
        },
    )


def last_complete_version(policy_key, current, language, now):
    """(timeline entry to show, newer entry or None) for the current policy page in `language`.

    A language shows the current version when it has a snapshot of it; otherwise its newest snapshot of
    an earlier version in effect (its last complete translation), with the current version named as a
    newer one in the source language. A language with no snapshot at all shows the source text of the
    current version (the fallback)."""
    if language == SOURCE_LANGUAGE or current.latest_snapshot_id(language):
        return current, None
    earlier = [
        entry
        for entry in timeline.versions_of(policy_key)
        if entry.number < current.number and entry.is_effective(now) and entry.latest_snapshot_id(language)
    ]
    if not earlier:
        return current, None
    return earlier[-1], current


def version_history(request, page):
    now = timezone.now()
    language = _language(page)
    versions = list(PolicyVersion.objects.for_policy(page.translation_key).order_by("-number"))
    summaries = {}
    for version_id, snapshot_language, summary in (
        PolicySnapshot.objects.filter(
            version__policy_key=page.translation_key, language__in={language, SOURCE_LANGUAGE}
        )
        .order_by("sequence")
        .values_list("version_id", "language", "summary")
    ):
        if snapshot_language == language or version_id not in summaries:
            summaries[version_id] = (summary, snapshot_language != language)
    current = timeline.current(page.translation_key, now)
    rows = [
        {
            "version": version,
            "summary": summaries.get(version.id, (version.summary, True))[0] or version.summary,
            "translated": not summaries.get(version.id, ("", True))[1],
            "status": "upcoming"
            if version.effective_from > now
            else ("current" if current and current.number == version.number else "superseded"),
        }
        for version in versions
    ]
    return page.render(
        request,
        template="policy/version_history.html",
        context_overrides={
            "rows": rows,
            "compare_form": compare_form(page),
            "outdated_translation": outdated_translation(page),
        },
    )


def _version_or_404(page, number):
    version = PolicyVersion.objects.for_policy(page.translation_key).filter(number=number).first()
    if version is None:
        raise Http404("No such version")
    return version


def _edition(request):
    """The `?edition=` asked for: 1 to 9999 in ASCII digits, else None (the newest edition). Not
    `isdigit()`, which also accepts "²" or "١" that `int()` refuses or reads differently."""
    value = request.GET.get("edition", "")
    if not (value.isascii() and value.isdecimal() and len(value) <= 4):
        return None
    return int(value) or None


def _newest_from_cache(page, number, language):
    """(snapshot, is_fallback) of version `number`'s newest edition, as `snapshot_for` finds it, but from
    the cached timeline and snapshots (no query once cached); None when the timeline does not know it."""
    for entry in timeline.versions_of(page.translation_key):
        if entry.number != number:
            continue
        own = entry.latest_snapshot_id(language)
        snapshot_id = own or entry.latest_snapshot_id(SOURCE_LANGUAGE)
        snapshot = snapshot_cache.snapshot_by_id(snapshot_id) if snapshot_id else None
        return (snapshot, not own) if snapshot is not None else None
    return None


def _editions(version, language):
    """[(sequence, created_at)] of a version's editions in a language. Cached with the snapshots: the
    namespace is forgotten whenever a snapshot (a new edition) is created, and snapshots never change."""
    return snapshot_cache.snapshots.get(
        f"editions:{version.id}:{language}",
        lambda: list(
            PolicySnapshot.objects.filter(version=version, language=language)
            .order_by("sequence")
            .values_list("sequence", "created_at")
        ),
    )


def version_detail(request, page, number):
    language = _language(page)
    edition = _edition(request)
    found = _newest_from_cache(page, number, language) if edition is None else None
    if found is not None:
        snapshot, fallback = found
        version = snapshot.version
    else:
        version = _version_or_404(page, number)
        snapshot, fallback = snapshot_for(version, language, edition=edition, with_document=True)
    if snapshot is None:
        raise Http404("No such edition")
    editions = _editions(version, snapshot.language)
    entry = timeline.VersionEntry(
        version.id, str(version.policy_key), version.number, version.effective_from, False
    )
    return page.render(
        request,
        template="policy/version_detail.html",
        context_overrides={
            "version": version,
            "snapshot": snapshot,
            "fallback": fallback,
            "editions": editions if len(editions) > 1 else [],
            "status": _status(entry, timezone.now()),
            "pdf_available": pdf.available(),
            "outdated_translation": outdated_translation(page),
        },
    )


def version_json(request, page, number):
    """The frozen text as data, so other systems can verify a copy against the SHA-256."""
    version = _version_or_404(page, number)
    snapshot, fallback = snapshot_for(version, _language(page), edition=_edition(request), with_document=True)
    if snapshot is None:
        raise Http404("No such edition")
    response = JsonResponse(
        {
            "policy": str(version.policy_key),
            "number": version.number,
            "language": snapshot.language,
            "requested_language": _language(page),
            "edition": snapshot.sequence,
            "effective_from": version.effective_from.isoformat(),
            "is_material": version.is_material,
            "summary": snapshot.summary,
            "title": snapshot.title,
            "sha256": snapshot.sha256,
            "hash_algorithm": "SHA-256 of the UTF-8 bytes of `text`",
            "text": snapshot.text,
            "purposes": frozen_purposes(snapshot.document),
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    # The data is the frozen snapshot's (never changed) as asked in one language: its hash names it.
    response["ETag"] = f'"{snapshot.sha256}-{snapshot.id}-{_language(page)}"'
    return response


def _version_number(value):
    """A version number typed or chosen in the compare form: ASCII digits only (see `_edition`)."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdecimal() and len(value) <= 6):
        return None
    return int(value)


def compare_form(page, first=None, second=None):
    """What the "compare any two versions" form needs: every version (from the cached timeline, no
    query) and the pair chosen (by default the one before the newest and the newest)."""
    numbers = [entry.number for entry in timeline.versions_of(page.translation_key)]
    if len(numbers) < 2:
        return None
    first = first if first in numbers else numbers[-2]
    second = second if second in numbers else numbers[-1]
    return {"numbers": numbers, "first": first, "second": second}


def compare_choice(request, page):
    """The compare form's target (GET ?from=&to=): off to the comparison, or the form again saying why not."""
    first = _version_number(request.GET.get("from"))
    second = _version_number(request.GET.get("to"))
    numbers = {entry.number for entry in timeline.versions_of(page.translation_key)}
    error = None
    if "from" in request.GET or "to" in request.GET:
        if first not in numbers or second not in numbers:
            error = _("Choose two published versions.")
        elif first == second:
            error = _("Choose two different versions to compare.")
        else:
            return redirect(
                page.get_url(request) + page.reverse_subpage("compare_versions", args=(first, second))
            )
    response = page.render(
        request,
        template="policy/compare_choice.html",
        context_overrides={"compare_form": compare_form(page, first, second), "error": error},
    )
    if error:
        response.status_code = 400
    return response


def compare_versions(request, page, first, second):
    if first == second:
        raise Http404("Nothing to compare")
    versions = {
        version.number: version
        for version in PolicyVersion.objects.for_policy(page.translation_key).filter(
            number__in=[first, second]
        )
    }
    if len(versions) != 2:
        raise Http404("No such version")
    language = _language(page)
    newest = newest_snapshots([versions[first], versions[second]], {language, SOURCE_LANGUAGE})
    old, new = newest.get((versions[first].id, language)), newest.get((versions[second].id, language))
    old_fallback = new_fallback = False
    if old is None or new is None:  # compare like with like: both in the source language
        old = newest.get((versions[first].id, SOURCE_LANGUAGE))
        new = newest.get((versions[second].id, SOURCE_LANGUAGE))
        old_fallback = new_fallback = True
    if old is None or new is None:
        raise Http404("No text to compare")
    return page.render(
        request,
        template="policy/compare.html",
        context_overrides={
            "old_version": versions[first],
            "new_version": versions[second],
            "old_snapshot": old,
            "new_snapshot": new,
            "fallback": old_fallback or new_fallback,
            "changes": compare_documents(old.document, new.document),
            "compare_form": compare_form(page, first, second),
        },
    )


def version_pdf(request, page, number):
    """The snapshot's PDF (policy/pdf.py): the same bytes for ever, so cached for a year and named by an
    ETag; streamed, so the page cache (which would cut its lifetime) never keeps a copy."""
    if not pdf.available():
        raise Http404("PDFs are not available on this server")
    version = _version_or_404(page, number)
    snapshot, _fallback = snapshot_for(version, _language(page), edition=_edition(request))
    if snapshot is None:
        raise Http404("No such edition")
    etag = f'"pdf-{snapshot.id}-{snapshot.sha256}-{pdf.PDF_LAYOUT}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = FileResponse(
            io.BytesIO(pdf.pdf_bytes(snapshot)),
            content_type="application/pdf",
            filename=pdf.filename(snapshot),
        )
        response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={PDF_MAX_AGE}, immutable"
    return response


def _policy_page_at(request, page_path):
    """The public policy page at `page_path` (for the addresses Django routes beside Wagtail's), else 404."""
    from policy.models import PrivacyPolicyPage

    found = cached_route(request, page_path)
    page = found[0] if found is not None else None
    if not isinstance(page, PrivacyPolicyPage) or page.get_view_restrictions().exists():
        raise Http404("Not a policy")
    return page


def version_json_at_path(request, page_path, number):
    """/<lang>/<policy path>/versions/<n>.json: Wagtail's page URLs end in a slash, so this one is routed
    by Django and handed to the policy page found at `page_path`."""
    return version_json(request, _policy_page_at(request, page_path), int(number))


def version_pdf_at_path(request, page_path, number):
    """/<lang>/<policy path>/versions/<n>.pdf, routed as the JSON is."""
    return version_pdf(request, _policy_page_at(request, page_path), int(number))
