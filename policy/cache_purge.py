"""What the CDN must forget when the policy or a notice is published (Wagtail's frontend cache).

Wagtail purges a published page's own addresses, in every content language (the URL map keeps the
same slugs in kk, ru and en). The policy page also serves its versions (`get_cached_paths` lists them),
and a notice appears on the notices index and in its feed, so publishing a notice purges those too.
Everything else a publish changes (the site-wide banner) expires by the max-age that
`policy.middleware` sets, at most PUBLIC_PAGE_MAX_AGE.
"""

from wagtail.contrib.frontend_cache.utils import purge_page_from_cache


def policy_cached_paths(policy_page):
    """The policy page's addresses below its own: history, and each version's text, data and diff."""
    from policy import timeline

    paths = ["/", "versions/"]
    for entry in timeline.versions_of(policy_page.translation_key):
        paths += [f"versions/{entry.number}/", f"versions/{entry.number}.json"]
        if entry.number > 1:
            paths.append(f"compare/{entry.number - 1}/{entry.number}/")
    return paths


def purge_notices_index(sender, instance, **kwargs):
    """A notice was published or unpublished: the index listing it and its feed change."""
    index = instance.get_parent()
    if index is not None:
        purge_page_from_cache(index.specific)
