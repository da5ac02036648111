"""`manage.py check_policy_snapshots`: every frozen snapshot against the rule for freezing one."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from policy.models import PolicySnapshot

KAZAKH_SENTENCE = (
    "Сайтқа келуші кез келген уақытта жазбаша өтініш жолдау арқылы келісімін қайтарып алуға құқылы."
)


def run():
    out, err = StringIO(), StringIO()
    call_command("check_policy_snapshots", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def plant(document, text, **fields):
    """A bad English snapshot of version 1 (edition 2), written as the ORM allows: created, not changed."""
    en = PolicySnapshot.objects.get(language="en", sequence=1)
    return PolicySnapshot.objects.create(
        version=en.version,
        language="en",
        sequence=2,
        page=en.page,
        title=en.title,
        summary=en.summary,
        text=text,
        html=en.html,
        document=document,
        sha256=PolicySnapshot.hash_text(text),
        **fields,
    )


def test_the_demo_snapshots_pass(policy_pages):
    out, err = run()
    assert "All 3 snapshots pass" in out
    assert err == ""


def test_a_snapshot_with_kazakh_text_in_english_is_listed(policy_pages):
    en = PolicySnapshot.objects.get(language="en", sequence=1)
    document = dict(en.document, intro=f"{en.document['intro']} {KAZAKH_SENTENCE}")
    bad = plant(document, en.text.replace(en.document["intro"], document["intro"], 1))
    with pytest.raises(CommandError, match="1 of 4 snapshots"):
        run()
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("check_policy_snapshots", stdout=out, stderr=err)
    (line,) = err.getvalue().splitlines()
    assert f"snapshot {bad.pk}: version 1, language en, edition 2" in line
    assert KAZAKH_SENTENCE[:20] in line


def test_a_snapshot_failing_a_content_check_is_listed(policy_pages):
    en = PolicySnapshot.objects.get(language="en", sequence=1)
    document = dict(en.document, intro=f"{en.document['intro']} Updated on «___» 2023.")
    plant(document, en.text)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("check_policy_snapshots", stdout=StringIO(), stderr=err)
    assert "«___»" in err.getvalue()
