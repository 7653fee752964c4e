"""One actor across articles: names identified across the store, the user's merges.

The articles are hand-built extraction documents (the actors step is not run): each
names its people as an article would ("Bush" in one, "George W. Bush" in another), so
the tests say which names must become one actor, which must not, and that the stories
and stored ids are the same whatever order the articles arrive in.
"""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from conftest import story_partition
from dateline.actors.identity import (
    Variant,
    identity_rules,
    may_name,
    person_key,
    resolve_name,
)
from dateline.actors.text import slug
from dateline.cli import app
from dateline.errors import DatelineError
from dateline.model import document_id
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.identity import Group, _twins, _unsettled, document_actors

# --- which names may name whom (pure) ---------------------------------------------------


@pytest.mark.parametrize(("name", "fuller", "titled", "expected"), identity_rules().examples)
def test_identity_examples(name: str, fuller: str, titled: bool, expected: bool) -> None:
    assert may_name(name, fuller, titled) is expected


def test_person_key_drops_titles_honorifics_and_suffixes() -> None:
    assert person_key("State Counsellor Aung San Suu Kyi") == "aung san suu kyi"
    assert person_key("Mr. Gates") == "gates"
    assert person_key("Martin Luther King Jr.") == "martin luther king"
    assert person_key("President") == "president"  # a name is never emptied


def test_person_key_spells_a_name_one_way_for_its_transliterations() -> None:
    assert person_key("Tariq al-Najjar") == person_key("Tarek El Naggar") == "tarek nagar"
    assert person_key("Serik Temirhanov") == person_key("Serik Temirkhanov")
    assert person_key("Volodymyr Zelenskyy") == person_key("Vladimir Zelenskiy")
    assert person_key("Al Gore") == "al gore"  # a given name, not a particle
    assert person_key("Visitor 11") != person_key("Visitor 1")  # digits are no letters


def V(name: str, role: str | None = None, country: str | None = None, id: str = "") -> Variant:
    return Variant(person_key(name), country, role, id or slug(name))


def test_a_surname_is_the_one_full_name_near_it() -> None:
    near = [V("George W. Bush", "president"), V("Bush"), V("Laura")]
    assert resolve_name("bush", None, None, near) == "george-w-bush"


def test_namesakes_stay_apart_unless_the_title_tells_them_apart() -> None:
    near = [V("George W. Bush", "president"), V("George H. W. Bush", "former president")]
    assert resolve_name("george bush", None, None, near) is None
    assert resolve_name("bush", None, "president", near) == "george-w-bush"
    assert resolve_name("george w bush", None, None, near) == "george-w-bush"  # not H. W.


def test_two_kims_are_not_one_kim() -> None:
    near = [V("Kim Jong-un", "head of state", "PRK"), V("Kim Min-seo", "spokesman", "KOR")]
    assert resolve_name("kim", None, None, near) is None  # untitled: Kim is no surname here
    assert resolve_name("kim", None, "leader", near) == "kim-jong-un"
    assert resolve_name("kim", "KOR", "spokesman", near) == "kim-min-seo"


def test_another_country_is_another_person() -> None:
    near = [V("Carlos Mendes", None, "BRA")]
    assert resolve_name("mendes", "PRT", None, near) is None
    assert resolve_name("mendes", None, None, near) == "carlos-mendes"


# --- through the store --------------------------------------------------------------------

PEOPLE = {
    "bush": ("Bush", "person", None, None),
    "president-bush": ("President Bush", "person", None, "president"),
    "george-bush": ("George Bush", "person", "USA", "president"),
    "george-w-bush": ("George W. Bush", "person", "USA", "president"),
    "george-h-w-bush": ("George H. W. Bush", "person", "USA", "former president"),
    "kim": ("Kim", "person", None, None),
    "kim-jong-un": ("Kim Jong-un", "person", "PRK", "head of state"),
    "kim-min-seo": ("Kim Min-seo", "person", "KOR", "spokesman"),
    "rice": ("Rice", "person", None, "secretary"),
    "condoleezza-rice": ("Condoleezza Rice", "person", "USA", "secretary of state"),
    "BEN": ("Benin", "country", "BEN", None),
    "GHA": ("Ghana", "country", "GHA", None),
    "RUS": ("Russia", "country", "RUS", None),
    "COD": ("Democratic Republic of the Congo", "country", "COD", None),
    "KOR": ("South Korea", "country", "KOR", None),
    "ARG": ("Argentina", "country", "ARG", None),
    "ignacio-valdes": ("Ignacio Valdés", "person", "CHL", "foreign minister"),
    "lucia-ferreyra": ("Lucía Ferreyra", "person", "ARG", "foreign minister"),
}


def article(
    dct: str,
    title: str,
    events: list[tuple[str, ...]],
    described: dict[str, tuple[str, str, str | None, str | None]] | None = None,
) -> dict[str, Any]:
    """An extraction document: events as (key, type, status, source, target, day or ''),
    sources joined by '+'; actors described as in PEOPLE unless ``described`` here."""
    sentences = [f"{title}: {key} {kind.lower()} {status}." for key, kind, status, *_ in events]
    text = title + "\n\n" + " ".join(sentences)
    ids = sorted({a for *_, src, tgt, _ in events for a in [*src.split("+"), tgt] if a})
    people = {**PEOPLE, **(described or {})}
    actors = [
        {"id": i, "name": people[i][0], "kind": people[i][1], "country": people[i][2],
         "role": people[i][3], "mentions": []}
        for i in ids
    ]  # fmt: skip
    return {
        "document": {"id": document_id(text), "dct": dct, "title": title, "source": "Wire",
                     "url": None, "text": text},
        "timexes": [], "actors": actors, "places": [],
        "events": [_event(e, text, s) for e, s in zip(events, sentences, strict=True)],
    }  # fmt: skip


def _event(spec: tuple[str, ...], text: str, sentence: str) -> dict[str, Any]:
    key, kind, status, source, target, day = spec
    start = text.index(sentence)
    time = {"value": day or None, "earliest": day or None, "latest": day or None,
            "granularity": "day" if day else None}  # fmt: skip
    return {
        "id": "ev-" + key, "type": kind, "plover": None, "status": status, "dated": bool(day),
        "source": source.split("+"), "target": [target] if target else [], "location": None,
        "time": time, "candidates": [], "attribution": None, "cue": None, "change": None,
        "evidence": [{"start": start, "end": start + len(sentence), "sentence": sentence}],
    }  # fmt: skip


SERIES = [
    article("2008-01-25", "Bush to visit Africa", [
        ("benin-plan", "VISIT", "planned", "bush", "BEN", "2008-02-16"),
        ("ghana-plan", "VISIT", "planned", "bush", "GHA", "2008-02-20"),
    ]),
    article("2008-02-16", "George W. Bush arrives in Benin", [
        ("benin-held", "VISIT", "occurred", "george-w-bush", "BEN", "2008-02-16"),
    ]),
    article("2008-02-20", "President Bush in Ghana", [
        ("ghana-held", "VISIT", "occurred", "president-bush", "GHA", "2008-02-20"),
    ]),
    # Sixteen years earlier: "Bush" is another George Bush, and no article names W.
    article("1991-11-01", "George H. W. Bush visits Russia", [
        ("russia-1991", "VISIT", "occurred", "george-h-w-bush", "RUS", "1991-11-01"),
    ]),
    article("1991-11-02", "Bush in Russia", [
        ("russia-1991b", "VISIT", "occurred", "bush", "RUS", "1991-11-01"),
    ]),
    # Two Kims in one month: an untitled "Kim" is neither.
    article("2013-03-08", "Kim Jong-un threatens", [
        ("kim-threat", "THREATEN", "occurred", "kim-jong-un", "KOR", "2013-03-08"),
        ("seo-warns", "THREATEN", "occurred", "kim-min-seo", "RUS", "2013-03-08"),
    ]),
    article("2013-03-09", "Kim again", [
        ("kim-again", "THREATEN", "occurred", "kim", "KOR", "2013-03-09"),
    ]),
]  # fmt: skip


def stored_actors(store: Store) -> set[tuple[str, str, str, str]]:
    ea = t.event_actors
    with store.engine.connect() as conn:
        rows = conn.execute(select(ea.c.event_id, ea.c.role, ea.c.actor_id, ea.c.extracted_id))
        return {tuple(r) for r in rows}


partition = story_partition  # stories as sets of event keys


def actor_of(store: Store, key: str) -> str:
    return next(a for e, r, a, _ in stored_actors(store) if e == "ev-" + key and r == "source")


@pytest.fixture
def store(db_url: str) -> Any:
    with Store(db_url) as opened:
        yield opened


def test_names_of_one_person_become_one_actor_and_one_story(store: Store) -> None:
    for item in SERIES:
        assert store.add(item)
    assert actor_of(store, "benin-plan") == "george-w-bush"  # "Bush", the year of W.
    assert actor_of(store, "ghana-held") == "george-w-bush"  # "President Bush"
    assert actor_of(store, "russia-1991b") == "george-h-w-bush"  # "Bush" in 1991
    assert actor_of(store, "kim-again") == "kim"  # two Kims that month: neither
    assert actor_of(store, "seo-warns") == "kim-min-seo"
    stories = partition(store)
    assert frozenset({"benin-plan", "benin-held"}) in stories
    assert frozenset({"ghana-plan", "ghana-held"}) in stories
    assert frozenset({"russia-1991", "russia-1991b"}) in stories
    assert frozenset({"kim-threat"}) in stories and frozenset({"kim-again"}) in stories
    extracted = {e: x for e, r, _, x in stored_actors(store) if r == "source"}
    assert extracted["ev-benin-plan"] == "bush"  # what the article said is kept


def snapshot(store: Store) -> tuple[set[frozenset[str]], set[tuple[str, str, str, str]]]:
    return partition(store), stored_actors(store)


def in_date_order() -> list[dict[str, Any]]:
    return sorted(SERIES, key=lambda a: (a["document"]["dct"], a["document"]["id"]))


@pytest.fixture
def canonical(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with Store(str(tmp_path_factory.mktemp("canonical") / "c.db")) as fresh:
        for item in in_date_order():
            fresh.add(item)
        return snapshot(fresh)


# The Bush articles: every order of the three, the 1991 ones before or after them.
ORDERS = [list(p) + SERIES[3:] for p in itertools.permutations(SERIES[:3])]
ORDERS += [SERIES[::-1], [SERIES[i] for i in random.Random(7).sample(range(7), 7)]]


@pytest.mark.parametrize("order", range(len(ORDERS)))
def test_same_actors_and_stories_whatever_the_order(
    store: Store, canonical: Any, order: int
) -> None:
    for item in ORDERS[order]:
        store.add(item)
    assert snapshot(store) == canonical


@pytest.mark.parametrize("size", [1, 3, 7])
def test_batches_give_what_one_by_one_gives(store: Store, canonical: Any, size: int) -> None:
    order = SERIES[::-1]
    for start in range(0, len(order), size):
        store.add_many(order[start : start + size])
    assert snapshot(store) == canonical


def test_readding_changes_nothing(store: Store, canonical: Any) -> None:
    for item in SERIES:
        store.add(item)
    assert not store.add(SERIES[1])
    assert snapshot(store) == canonical


# --- the user's merges -------------------------------------------------------------------

# Rice named by surname two years before her full name: too far apart to be identified.
RICE = [
    article("2005-07-12", "Rice to visit Congo", [
        ("congo-plan", "VISIT", "planned", "rice", "COD", "2007-08-02"),
    ]),
    article("2007-08-02", "Condoleezza Rice in Kinshasa", [
        ("congo-held", "VISIT", "occurred", "condoleezza-rice", "COD", "2007-08-02"),
    ]),
]  # fmt: skip


def test_merge_links_the_stories_and_unmerge_undoes_it(store: Store) -> None:
    for item in RICE:
        store.add(item)
    apart = snapshot(store)
    assert frozenset({"congo-plan"}) in apart[0]
    assert store.merge_actors("condoleezza-rice", "rice") == 1
    assert actor_of(store, "congo-plan") == "condoleezza-rice"
    assert frozenset({"congo-plan", "congo-held"}) in partition(store)
    assert [(m["alias"], m["actor_id"]) for m in store.actor_merges()] == [
        ("rice", "condoleezza-rice")
    ]
    [alias] = store.actor_aliases("condoleezza-rice")
    assert (alias["alias"], alias["how"], alias["documents"]) == ("rice", "merge", 1)
    assert store.unmerge_actor("rice") == 1
    assert snapshot(store) == apart
    assert store.actor_merges() == []


def test_a_merge_holds_for_articles_stored_after_it(store: Store) -> None:
    store.add(RICE[1])
    store.add(article("2004-01-01", "Rice speaks", [
        ("speech", "STATEMENT", "occurred", "rice", "", "2004-01-01"),
    ]))  # fmt: skip
    store.merge_actors("condoleezza-rice", "rice")
    store.add(RICE[0])
    assert actor_of(store, "congo-plan") == "condoleezza-rice"
    assert frozenset({"congo-plan", "congo-held"}) in partition(store)


def test_merges_stay_one_step_deep(store: Store) -> None:
    for item in [*RICE, SERIES[0]]:
        store.add(item)
    store.merge_actors("rice", "bush")  # a user's mistake ...
    store.merge_actors("condoleezza-rice", "rice")  # ... carried to the new target
    pairs = {(m["alias"], m["actor_id"]) for m in store.actor_merges()}
    assert pairs == {("rice", "condoleezza-rice"), ("bush", "condoleezza-rice")}
    assert actor_of(store, "benin-plan") == "condoleezza-rice"
    store.unmerge_actor("bush")
    assert actor_of(store, "benin-plan") == "bush"


@pytest.mark.parametrize(
    ("keep", "alias", "code"),
    [
        ("condoleezza-rice", "nobody", "DL-E590"),
        ("nobody", "rice", "DL-E590"),
        ("rice", "rice", "DL-E591"),
        ("COD", "rice", "DL-E593"),
    ],
)
def test_bad_merges_are_refused_and_change_nothing(
    store: Store, keep: str, alias: str, code: str
) -> None:
    for item in RICE:
        store.add(item)
    before = snapshot(store)
    with pytest.raises(DatelineError) as raised:
        store.merge_actors(keep, alias)
    assert raised.value.code == code
    assert snapshot(store) == before and store.actor_merges() == []


def test_merging_twice_and_unmerging_what_was_not_merged_are_refused(store: Store) -> None:
    for item in RICE:
        store.add(item)
    store.merge_actors("condoleezza-rice", "rice")
    with pytest.raises(DatelineError, match="DL-E591"):
        store.merge_actors("condoleezza-rice", "rice")
    with pytest.raises(DatelineError, match="DL-E591"):
        store.merge_actors("rice", "condoleezza-rice")  # would make a cycle
    with pytest.raises(DatelineError, match="DL-E592"):
        store.unmerge_actor("condoleezza-rice")


def test_actors_commands(store: Store) -> None:
    for item in RICE:
        store.add(item)
    runner, db = CliRunner(), ["--db", store.url]
    merged = runner.invoke(app, ["actors", "merge", "condoleezza-rice", "rice", *db])
    assert merged.exit_code == 0, merged.output
    assert "merged rice into condoleezza-rice; 1 documents linked again" in merged.stdout
    listed = runner.invoke(app, ["actors", "merges", *db])
    assert listed.stdout.startswith("rice → condoleezza-rice")
    shown = runner.invoke(app, ["actors", "aliases", "condoleezza-rice", "--json", *db])
    assert '"how": "merge"' in shown.stdout
    refused = runner.invoke(app, ["actors", "merge", "condoleezza-rice", "nobody", *db])
    assert refused.exit_code == 2 and "DL-E590" in refused.stderr
    undone = runner.invoke(app, ["actors", "unmerge", "rice", *db])
    assert undone.exit_code == 0 and "unmerged rice" in undone.stdout
    again = runner.invoke(app, ["actors", "unmerge", "rice", *db])
    assert again.exit_code == 2 and "DL-E592" in again.stderr


# --- migration 9 --------------------------------------------------------------------------


def test_migration_9_identifies_the_actors_of_documents_stored_before_it(
    db_url: str, canonical: Any
) -> None:
    from sqlalchemy import delete, update

    with Store(db_url) as store:
        for item in SERIES:
            store.add(item)
        # Back to a version-8 database: extracted ids only, no identity tables.
        with store.engine.begin() as conn:
            ea = t.event_actors
            conn.execute(update(ea).values(actor_id=ea.c.extracted_id))
            document_actors.drop(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 9))
            from dateline.link.linker import relink_from_scratch

            relink_from_scratch(conn)
        assert actor_of(store, "benin-plan") == "bush"
    with Store(db_url) as reopened:
        assert snapshot(reopened) == canonical


# --- an actor's country, whatever the order ----------------------------------------------

UNSAID = {"lucia-ferreyra": ("Lucía Ferreyra", "person", None, None)}
TALKS = [
    # The first article does not say Ferreyra is Argentine; the later ones do.
    article("2027-02-08", "Valdés and Ferreyra to meet", [
        ("talks-plan", "MEET", "planned", "ignacio-valdes+lucia-ferreyra", "", "2027-02-18"),
    ], described=UNSAID),
    article("2027-02-16", "Chile and Argentina to talk", [
        ("talks-again", "MEET", "planned", "ignacio-valdes+ARG", "", "2027-02-18"),
        ("ferreyra-says", "STATEMENT", "occurred", "lucia-ferreyra", "", "2027-02-16"),
    ]),
    article("2027-02-17", "Ferreyra speaks", [
        ("ferreyra-again", "STATEMENT", "occurred", "lucia-ferreyra", "", "2027-02-17"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_an_actor_has_the_country_most_articles_give_it_in_any_order(
    store: Store, order: tuple[int, ...]
) -> None:
    for i in order:
        store.add(TALKS[i])
    with store.engine.connect() as conn:
        row = conn.execute(select(t.actors.c.country).where(t.actors.c.id == "lucia-ferreyra"))
        assert row.scalar_one() == "ARG"
    assert frozenset({"talks-plan", "talks-again"}) in partition(store)


# --- keeping actors apart ------------------------------------------------------------------


def test_a_name_kept_apart_keeps_its_own_id_in_every_article(store: Store) -> None:
    for item in SERIES[:2]:
        store.add(item)
    assert actor_of(store, "benin-plan") == "george-w-bush"
    assert store.keep_actors_apart("george-w-bush", "bush") == 1
    assert actor_of(store, "benin-plan") == "bush"  # the name, not W.
    assert frozenset({"benin-plan"}) in partition(store)  # its stories are linked again
    assert [(p["actor_id"], p["other_id"]) for p in store.actors_kept_apart()] == [
        ("bush", "george-w-bush")
    ]
    store.add(SERIES[2])  # stored after: "President Bush" is still identified by name
    assert actor_of(store, "ghana-held") == "george-w-bush"
    store.add(article("2008-02-21", "Bush leaves Africa", [
        ("leaves", "STATEMENT", "occurred", "bush", "", "2008-02-21"),
    ]))  # fmt: skip
    assert actor_of(store, "leaves") == "bush"  # a later "Bush" is kept apart too
    assert store.undo_keep_apart("bush", "george-w-bush") == 2
    assert actor_of(store, "benin-plan") == actor_of(store, "leaves") == "george-w-bush"
    assert frozenset({"benin-plan", "benin-held"}) in partition(store)
    assert store.actors_kept_apart() == []


def test_keeping_apart_undoes_a_merge_and_a_merge_undoes_keeping_apart(store: Store) -> None:
    for item in RICE:
        store.add(item)
    store.merge_actors("condoleezza-rice", "rice")
    store.keep_actors_apart("condoleezza-rice", "rice")
    assert store.actor_merges() == []
    assert actor_of(store, "congo-plan") == "rice"
    store.merge_actors("condoleezza-rice", "rice")  # the user's last word wins
    assert store.actors_kept_apart() == []
    assert actor_of(store, "congo-plan") == "condoleezza-rice"


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda s: s.keep_actors_apart("george-w-bush", "george-w-bush"), "DL-E260"),
        (lambda s: s.keep_actors_apart("george-w-bush", "nobody"), "DL-E590"),
        (lambda s: s.undo_keep_apart("george-w-bush", "bush"), "DL-E261"),
    ],
)
def test_bad_keep_apart_is_refused_and_changes_nothing(store: Store, call: Any, code: str) -> None:
    for item in SERIES[:2]:
        store.add(item)
    before = snapshot(store)
    with pytest.raises(DatelineError) as raised:
        call(store)
    assert raised.value.code == code
    assert snapshot(store) == before and store.actors_kept_apart() == []


def test_actors_apart_command(store: Store) -> None:
    for item in SERIES[:2]:
        store.add(item)
    runner, db = CliRunner(), ["--db", store.url]
    kept = runner.invoke(app, ["actors", "apart", "george-w-bush", "bush", *db])
    assert kept.exit_code == 0, kept.output
    assert "kept bush apart from george-w-bush; 1 documents linked again" in kept.stdout
    listed = runner.invoke(app, ["actors", "apart", *db])
    assert listed.stdout.startswith("bush ≠ george-w-bush")
    assert (
        '"other_id": "george-w-bush"'
        in runner.invoke(app, ["actors", "apart", "--json", *db]).stdout
    )
    alone = runner.invoke(app, ["actors", "apart", "bush", *db])
    assert alone.exit_code == 2
    undone = runner.invoke(app, ["actors", "apart", "--undo", "george-w-bush", "bush", *db])
    assert undone.exit_code == 0 and "no longer kept apart" in undone.stdout
    again = runner.invoke(app, ["actors", "apart", "--undo", "george-w-bush", "bush", *db])
    assert again.exit_code == 2 and "DL-E261" in again.stderr
    assert actor_of(store, "benin-plan") == "george-w-bush"


def test_migration_12_adds_the_keep_apart_table_and_identifies_organisations(
    db_url: str,
) -> None:
    from sqlalchemy import delete, inspect, update

    from dateline.store.identity import actor_apart

    with Store(db_url) as store:
        for item in [SERIES[0], *FORUM[:2]]:
            store.add(item)
        expected = snapshot(store)
        with store.engine.begin() as conn:  # back to a database before migration 12
            actor_apart.drop(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 12))
            ea, d = t.event_actors, document_actors
            conn.execute(update(ea).values(actor_id=ea.c.extracted_id))
            conn.execute(update(d).values(canonical_id=d.c.actor_id))
        assert ("ev-apec-plan", "source", "apec", "apec") in stored_actors(store)
    with Store(db_url) as reopened:
        with reopened.engine.connect() as conn:
            assert inspect(conn).has_table("actor_apart")
        assert snapshot(reopened) == expected
        assert reopened.keep_actors_apart("bush", "BEN") == 0


# --- organisations -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fuller", "expected"), identity_rules().org_examples)
def test_organisation_examples(name: str, fuller: str, expected: bool) -> None:
    from dateline.actors.identity import org_may_name

    assert org_may_name(name, fuller) is expected


ORGS = {
    "apec": ("APEC", "organisation", None, None),
    "asian-pacific-economic-cooperation": (
        "Asian-Pacific Economic Cooperation", "organisation", None, None),
    "senate": ("Senate", "organisation", None, None),
    "us-senate": ("U.S. Senate", "organisation", "USA", None),
}  # fmt: skip
FORUM = [
    article("2006-11-13", "Bush to attend APEC", [
        ("apec-plan", "MEET", "planned", "bush+apec", "", "2006-11-18"),
        ("senate-vote", "AGREE", "possible", "senate", "", ""),
    ], described=ORGS),
    article("2006-11-18", "Asian-Pacific Economic Cooperation summit opens", [
        ("apec-held", "MEET", "occurred", "bush+asian-pacific-economic-cooperation", "",
         "2006-11-18"),
        ("us-senate-vote", "AGREE", "occurred", "us-senate", "", "2006-11-18"),
    ], described=ORGS),
    # Three years later "APEC" is compared with no full name: it stays as written.
    article("2009-11-14", "APEC again", [
        ("apec-2009", "MEET", "occurred", "apec", "", "2009-11-14"),
    ], described=ORGS),
]  # fmt: skip


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_an_acronym_is_the_one_organisation_it_stands_for_in_any_order(
    db_url: str, order: tuple[int, ...]
) -> None:
    with Store(db_url) as store:
        for i in order:
            store.add(FORUM[i])
        ids = {(e[3:], x): a for e, _, a, x in stored_actors(store)}
    assert ids[("apec-plan", "apec")] == "asian-pacific-economic-cooperation"
    assert ids[("apec-2009", "apec")] == "apec"
    assert ids[("senate-vote", "senate")] == "senate"  # one word, no acronym: no one else


# --- which stored names a new name makes read again ---------------------------------------


def bush_month(month: str, key: str, who: str) -> dict[str, Any]:
    return article(f"{month}-10", f"{who} {key} {month}", [
        (f"{key}-{month}", "STATEMENT", "occurred", who, "", f"{month}-10"),
    ])  # fmt: skip


def unsettled(store: Store, month: str, who: str) -> tuple[str, str] | None:
    """The days whose names a new article of ``month`` naming ``who`` makes read again."""
    with store.engine.connect() as conn:
        query = select(document_actors).where(document_actors.c.actor_id == who)
        row = conn.execute(query).first()
        assert row is not None
        group = Group(row.key, row.first, row.last, row.country, row.role, month)
        seen = _twins(conn, [SimpleNamespace(actor_id=who, dct=f"{month}-10")], set())
        return _unsettled(group, {who}, seen)


def _month(month: str, months: int) -> str:
    """``YYYY-MM`` moved by a number of months."""
    year, number = divmod(int(month[:4]) * 12 + int(month[5:]) - 1 + months, 12)
    return f"{year}-{number + 1:02d}"


def test_a_name_stored_last_month_makes_no_other_name_read_again(store: Store) -> None:
    span = identity_rules().window_months
    store.add(bush_month("2008-01", "a", "george-w-bush"))
    # A month later: only the names of the window's last month, which the stored one
    # does not reach (none yet, in date order), may resolve otherwise.
    last = _month("2008-02", span)
    assert unsettled(store, "2008-02", "george-w-bush") == (f"{last}-01", f"{last}-31")
    # Not seen the month before: every name of its window, as before.
    window = (f"{_month('2008-12', -span)}-01", f"{_month('2008-12', span)}-31")
    assert unsettled(store, "2008-12", "george-w-bush") == window
    store.add(bush_month("2008-03", "b", "george-w-bush"))
    assert unsettled(store, "2008-02", "george-w-bush") is None  # held before and after


def test_names_over_many_months_resolve_alike_in_any_order(
    tmp_path_factory: pytest.TempPathFactory, db_url: str
) -> None:
    """Full names, surnames and titled names a few months apart, so that each new one
    changes how some stored ones resolve and leaves others, whatever the order."""
    rng = random.Random(15)
    who = ["bush", "president-bush", "george-w-bush", "george-h-w-bush", "george-bush"]
    items = [
        bush_month(f"{2004 + m // 12}-{m % 12 + 1:02d}", f"k{n}", rng.choice(who))
        for n, m in enumerate(sorted(rng.sample(range(72), 30)))
    ]
    with Store(str(tmp_path_factory.mktemp("dated") / "d.db")) as dated:
        for item in items:
            dated.add(item)
        expected = snapshot(dated)
    shuffled = list(items)
    rng.shuffle(shuffled)
    with Store(db_url) as store:
        for start in range(0, len(shuffled), 4):
            store.add_many(shuffled[start : start + 4])
        assert snapshot(store) == expected


# --- transliterated names (migration 21) ---------------------------------------------------

SPELLED = {
    "mohammed-tahiri": ("Mohammed Tahiri", "person", "MAR", "head of government"),
    "muhammad-tahiri": ("Muhammad Tahiri", "person", "MAR", None),
    "ahmed-tahiri": ("Ahmed Tahiri", "person", "MAR", "fisheries minister"),
    "oleksandr-kovalenko": ("Oleksandr Kovalenko", "person", "UKR", "foreign minister"),
    "viktor-kovalenko": ("Viktor Kovalenko", "person", "UKR", "mayor"),
    "alexander-kovalenko": ("Alexander Kovalenko", "person", "UKR", None),
    "kovalenko": ("Kovalenko", "person", "UKR", None),
    "volodymyr-zelenskyy": ("Volodymyr Zelenskyy", "person", "UKR", "head of state"),
    "zelenskiy": ("Zelenskiy", "person", "UKR", None),
    "alexei-petrov": ("Alexei Petrov", "person", "RUS", None),
    "alexander-petrov": ("Alexander Petrov", "person", "RUS", None),
    "tariq-al-najjar": ("Tariq al-Najjar", "person", "EGY", "head of state"),
    "tarek-el-naggar": ("Tarek El Naggar", "person", "EGY", None),
    "nacho-valenzuela": ("Nacho Valenzuela", "person", "CHL", None),
    "ignacio-r-valenzuela": ("Ignacio R. Valenzuela", "person", "CHL", "head of state"),
    "SEN": ("Senegal", "country", "SEN", None),
    "UKR": ("Ukraine", "country", "UKR", None),
    "KAZ": ("Kazakhstan", "country", "KAZ", None),
    "VNM": ("Vietnam", "country", "VNM", None),
    "POL": ("Poland", "country", "POL", None),
    "RUS": ("Russia", "country", "RUS", None),
    "MAR": ("Morocco", "country", "MAR", None),
}
SPELLINGS = [
    article("2025-09-16", "Tahiri invited to Dakar", [
        ("tahiri-plan", "VISIT", "planned", "mohammed-tahiri", "SEN", ""),
        ("ahmed-plan", "VISIT", "planned", "ahmed-tahiri", "SEN", "2025-12-01"),
    ], described=SPELLED),
    article("2025-10-17", "Muhammad Tahiri due in Dakar on Monday", [
        ("tahiri-dated", "VISIT", "planned", "muhammad-tahiri", "SEN", "2025-10-20"),
    ], described=SPELLED),
    # Two Kovalenkos in one article: the later "Kovalenko" is neither.
    article("2025-03-02", "Kovalenko to visit Poland", [
        ("kovalenko-plan", "VISIT", "planned", "oleksandr-kovalenko", "POL", "2025-03-20"),
        ("mayor-plan", "VISIT", "planned", "viktor-kovalenko", "RUS", "2025-04-20"),
    ], described=SPELLED),
    article("2025-03-20", "Alexander Kovalenko in Warsaw", [
        ("kovalenko-held", "VISIT", "occurred", "alexander-kovalenko", "POL", "2025-03-20"),
        ("bare-kovalenko", "STATEMENT", "occurred", "kovalenko", "POL", "2025-03-20"),
    ], described=SPELLED),
    article("2025-05-02", "Zelenskyy to visit Poland", [
        ("zelensky-plan", "VISIT", "planned", "volodymyr-zelenskyy", "POL", "2025-05-09"),
    ], described=SPELLED),
    article("2025-05-09", "Zelenskiy arrives in Poland", [
        ("zelensky-held", "VISIT", "occurred", "zelenskiy", "POL", "2025-05-09"),
    ], described=SPELLED),
    article("2025-09-28", "Al-Najjar to visit Kazakhstan", [
        ("najjar-plan", "VISIT", "planned", "tariq-al-najjar", "KAZ", "2025-10-11"),
        ("valenzuela-plan", "VISIT", "planned", "ignacio-r-valenzuela", "VNM", "2025-10-14"),
    ], described=SPELLED),
    article("2025-10-12", "El Naggar in Astana", [
        ("naggar-held", "VISIT", "occurred", "tarek-el-naggar", "KAZ", "2025-10-11"),
    ], described=SPELLED),
    article("2025-10-20", "Nacho Valenzuela's visit", [
        ("valenzuela-held", "VISIT", "occurred", "nacho-valenzuela", "VNM", "2025-10-14"),
    ], described=SPELLED),
    article("2025-06-01", "Alexei Petrov and Alexander Petrov", [
        ("alexei", "STATEMENT", "occurred", "alexei-petrov", "RUS", "2025-06-01"),
    ], described=SPELLED),
    article("2025-06-03", "Alexander Petrov speaks", [
        ("alexander", "STATEMENT", "occurred", "alexander-petrov", "RUS", "2025-06-03"),
    ], described=SPELLED),
]  # fmt: skip


def test_transliterations_of_a_first_name_or_an_ending_are_one_actor(store: Store) -> None:
    for item in SPELLINGS:
        store.add(item)
    assert actor_of(store, "tahiri-plan") == actor_of(store, "tahiri-dated")
    assert actor_of(store, "kovalenko-held") == actor_of(store, "kovalenko-plan")
    assert actor_of(store, "zelensky-held") == actor_of(store, "zelensky-plan")
    stories = partition(store)
    assert frozenset({"tahiri-plan", "tahiri-dated"}) in stories
    assert frozenset({"zelensky-plan", "zelensky-held"}) in stories
    # An Arabic particle and letters spelled otherwise; a given name and its nickname
    assert actor_of(store, "naggar-held") == actor_of(store, "najjar-plan")
    assert frozenset({"najjar-plan", "naggar-held"}) in stories
    assert actor_of(store, "valenzuela-held") == "ignacio-r-valenzuela"
    assert frozenset({"valenzuela-plan", "valenzuela-held"}) in stories


def test_namesakes_stay_two_actors_whatever_their_spelling(store: Store) -> None:
    for item in SPELLINGS:
        store.add(item)
    assert actor_of(store, "ahmed-plan") == "ahmed-tahiri"  # Ahmed is no Mohammed
    assert actor_of(store, "mayor-plan") == "viktor-kovalenko"
    assert actor_of(store, "bare-kovalenko") == "kovalenko"  # two Kovalenkos that month
    assert actor_of(store, "alexei") == "alexei-petrov"  # Alexei is no Alexander
    assert actor_of(store, "alexander") == "alexander-petrov"


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_transliterated_names_are_one_actor_in_any_order(
    tmp_path_factory: pytest.TempPathFactory, store: Store, order: str
) -> None:
    with Store(str(tmp_path_factory.mktemp("spelled") / "s.db")) as forward:
        for item in SPELLINGS:
            forward.add(item)
        wanted = snapshot(forward)
    shuffled = random.Random(3).sample(SPELLINGS, len(SPELLINGS))
    items = SPELLINGS[::-1] if order == "reversed" else shuffled
    for item in items:
        store.add(item)
    assert snapshot(store) == wanted


TWO_SURNAMES = [
    article("2031-03-02", "Vidal Serrano Ochoa to visit Hostland", [
        ("serrano-plan", "VISIT", "planned", "vidal-serrano-ochoa", "HST", "2031-03-22"),
    ], {"vidal-serrano-ochoa": ("Vidal Serrano Ochoa", "person", "ECU", "president"),
        "HST": ("Hostland", "country", "HST", None)}),
    article("2031-03-22", "Vidal Serrano arrives in Hostland", [
        ("serrano-held", "VISIT", "occurred", "vidal-serrano", "HST", "2031-03-22"),
    ], {"vidal-serrano": ("Vidal Serrano", "person", None, None),
        "HST": ("Hostland", "country", "HST", None)}),
]  # fmt: skip


@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_a_given_name_and_the_first_of_two_surnames_name_one_person(
    store: Store, order: str
) -> None:
    """'Vidal Serrano' is the 'Vidal Serrano Ochoa' of another article (a given name and the
    first of two surnames, as Spanish names are shortened), whichever arrives first."""
    for item in TWO_SURNAMES if order == "forward" else TWO_SURNAMES[::-1]:
        store.add(item)
    assert actor_of(store, "serrano-held") == actor_of(store, "serrano-plan")
    assert actor_of(store, "serrano-held") == "vidal-serrano-ochoa"
    assert frozenset({"serrano-plan", "serrano-held"}) in partition(store)


def test_migration_21_keys_stored_names_in_one_spelling(db_url: str) -> None:
    from sqlalchemy import delete, update

    from dateline.actors.text import name_key
    from dateline.link.linker import relink_from_scratch

    with Store(db_url) as store:
        for item in SPELLINGS:
            store.add(item)
        wanted = snapshot(store)
        # Back to a version-19 database: keys as written, every name its own actor.
        with store.engine.begin() as conn:
            d, ea = document_actors, t.event_actors
            for row in conn.execute(select(d.c.document_id, d.c.actor_id, d.c.name)).all():
                words = name_key(row.name).split()
                conn.execute(
                    update(d)
                    .where(d.c.document_id == row.document_id, d.c.actor_id == row.actor_id)
                    .values(key=" ".join(words), first=words[0], last=words[-1],
                            canonical_id=row.actor_id)
                )  # fmt: skip
            conn.execute(update(ea).values(actor_id=ea.c.extracted_id))
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 21))
            relink_from_scratch(conn)
        assert actor_of(store, "tahiri-dated") == "muhammad-tahiri"
    with Store(db_url) as reopened:
        assert snapshot(reopened) == wanted


COMMISSIONS = {
    "workplace-relations-commission": (
        "Workplace Relations Commission", "organisation", "IRL", None),
    "relations-commission": ("Relations Commission", "organisation", "IRL", None),
}  # fmt: skip
TALKS_CALLED = [
    article("2026-04-11", "Commission invites the union", [
        ("wrc-invite", "INVITE", "occurred", "workplace-relations-commission", "", "2026-04-09"),
    ], described=COMMISSIONS),
    article("2026-04-23", "Talks at the commission", [
        ("rc-talks", "MEET", "occurred", "relations-commission", "", "2026-04-22"),
    ], described=COMMISSIONS),
]  # fmt: skip


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_organisation_name_is_not_respelled_as_a_person_is(
    store: Store, order: tuple[int, ...]
) -> None:
    """'Commission' keeps its double s: the last words of a fuller organisation name are
    found as written, whichever article came first."""
    for i in order:
        store.add(TALKS_CALLED[i])
    assert actor_of(store, "rc-talks") == "workplace-relations-commission"


def test_an_invitation_and_the_visit_it_brings_sixteen_months_later_name_one_person(
    store: Store,
) -> None:
    """'Oleksandr Yavorskyi accepted the invitation' (June 2018), 'Alexander Yavorsky will
    pay a state visit' (October 2019): state visits often come more than a year after the
    invitation, so names are compared across ``window_months`` (24) months."""
    people = {
        "oleksandr-yavorskyi": ("Oleksandr Yavorskyi", "person", "UKR", "head of state"),
        "alexander-yavorsky": ("Alexander Yavorsky", "person", "UKR", None),
        "PRT": ("Portugal", "country", "PRT", None),
    }
    store.add(article("2018-06-13", "Yavorskyi invited to Lisbon", [
        ("invited", "VISIT", "planned", "oleksandr-yavorskyi", "PRT", ""),
    ], described=people))  # fmt: skip
    store.add(article("2019-10-17", "Yavorsky in Lisbon", [
        ("held", "VISIT", "occurred", "alexander-yavorsky", "PRT", "2019-10-16"),
    ], described=people))  # fmt: skip
    assert actor_of(store, "held") == actor_of(store, "invited")
    assert len(store.stories(limit=None)) == 1
