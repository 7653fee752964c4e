"""Actor dictionary, country/region data and name keys: no spaCy model needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pycountry
import pytest
import spacy

from dateline.actors.dictionary import (
    BUILTIN_ACTORS,
    Role,
    load_actor_file,
    load_dictionary,
)
from dateline.actors.geo import find_capital, find_city, load_countries, load_regions
from dateline.actors.lexicon import get_lexicon
from dateline.actors.mentions import credit_spans
from dateline.actors.text import is_acronym, name_key, slug
from dateline.actors.titles import title_before, title_vocabulary
from dateline.errors import DatelineError

HEADER = "id\tkind\tcountry\tname\taliases\troles\n"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kim Jong-un", "kim jong un"),
        ("KIM JONG UN", "kim jong un"),
        ("Kim Jong Un", "kim jong un"),
        ("Erdoğan", "erdogan"),
        ("Tomás", "tomas"),
        ("the Kremlin", "kremlin"),
        ("U.S.", "us"),
        ("Côte d'Ivoire", "cote d ivoire"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kwame Mensah", "kwame-mensah"),
        ("Tomás Pérez", "tomas-perez"),
        ("RIA Novosti", "ria-novosti"),
        # letters Unicode does not decompose used to vanish: 'st-re', 'wa-sa'
        ("Jonas Gahr Støre", "jonas-gahr-store"),
        ("Lech Wałęsa", "lech-walesa"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_acronyms_keep_their_case() -> None:
    assert is_acronym("US") and is_acronym("NATO") and not is_acronym("Us")
    lexicon = get_lexicon()
    assert [e.iso3 for e in lexicon.lookup("US")] == ["USA"]
    assert lexicon.lookup("us") == []


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("DPRK", "PRK"), ("North Korea", "PRK"), ("Türkiye", "TUR"), ("Côte d'Ivoire", "CIV")],
)
def test_country_names(name: str, iso3: str) -> None:
    entries = get_lexicon().lookup(name)
    assert entries and entries[0].kind == "country" and entries[0].iso3 == iso3


@pytest.mark.parametrize(
    ("name", "kind", "iso3"),
    [
        ("North Korean", "demonym", "PRK"),
        ("Pyongyang", "capital", "PRK"),
        ("Seoul", "capital", "KOR"),
    ],
)
def test_demonyms_and_capitals(name: str, kind: str, iso3: str) -> None:
    entries = get_lexicon().lookup(name)
    assert (entries[0].kind, entries[0].iso3) == (kind, iso3)


def test_country_data_codes_are_iso3_and_demonyms_unambiguous() -> None:
    known = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo's user-assigned code
    countries = load_countries()
    assert set(countries) <= known
    seen: dict[str, str] = {}
    for info in countries.values():
        for demonym in info.demonyms:
            assert seen.setdefault(name_key(demonym), info.iso3) == info.iso3, demonym


def test_regions_have_valid_coordinates() -> None:
    regions = load_regions()
    assert regions[name_key("Russian Far East")].country == "RUS"
    for point in regions.values():
        assert point.lat is not None and -90 <= point.lat <= 90
        assert point.lon is not None and -180 <= point.lon <= 180


@pytest.mark.parametrize(
    ("name", "countries", "iso3", "lat", "lon"),
    [
        ("Moscow", set(), "RUS", 55.75, 37.62),
        ("Vladivostok", set(), "RUS", 43.12, 131.89),
        ("Tripoli", {"LBN"}, "LBN", 34.44, 35.85),
        ("Tripoli", set(), "LBY", 32.89, 13.19),
        ("Vienna", {"USA"}, "AUT", 48.21, 16.37),
        # a big city of the story's country under a short name, not a small town abroad
        ("Santa Cruz", {"BOL", "CHL"}, "BOL", -17.79, -63.18),
        ("New Delhi", {"IND"}, "IND", 28.62, 77.21),  # a main name of its own, not Delhi
    ],
)
def test_find_city(name: str, countries: set[str], iso3: str, lat: float, lon: float) -> None:
    city = find_city(name, frozenset(countries))
    assert city is not None and city.country == iso3
    assert (city.lat, city.lon) == (pytest.approx(lat, abs=0.1), pytest.approx(lon, abs=0.1))


def test_the_alias_table_and_the_towns_of_regions_go_before_geonames() -> None:
    kolkata = find_city("Calcutta")  # geonames' main name 'Calcutta' is a South African town
    assert kolkata is not None and (kolkata.name, kolkata.country) == ("Kolkata", "IND")
    assert find_city("White House") is None  # no city, though a name of Casablanca
    resort = find_city("Nusa Dua")  # a resort under geonames' 15,000 people
    assert resort is not None and resort.country == "IDN" and resort.kind == "city"
    town = find_city("Namanga")  # a Kenyan border town, not Uzbekistan's Namangan
    assert town is not None and town.country == "KEN"


def test_same_place_reads_two_names_of_one_city() -> None:
    from dateline.actors.geo import same_place

    assert same_place("Ulaanbaatar", "Ulan Bator") and same_place("Ulan Bator", "Ulaanbaatar")
    assert same_place("Saigon", "Ho Chi Minh City")
    assert same_place("Donbass", "Donbas")  # a region under two names
    assert not same_place("Laos", "Lào Cai")  # a country is no town's alternate name
    assert not same_place("Paris", "Lyon")
    assert not same_place("Atlantis", "Lemuria")  # neither known


def test_capital_spelling_variant() -> None:
    kyiv = find_capital("Kiev", "UKR")
    assert kyiv is not None and kyiv.lat == pytest.approx(50.45, abs=0.1)


# --- the dictionary ---


def builtin(actor_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in load_dictionary() if e.id == actor_id)


def test_roles_follow_dates() -> None:
    putin = builtin("vladimir-putin")
    assert putin.role_on(date(2010, 1, 1)) == "head of government"
    assert putin.role_on(date(2025, 5, 21)) == "head of state"
    assert builtin("antony-blinken").role_on(date(2025, 5, 21)) == "former foreign minister"
    assert builtin("andrey-rudenko").role_on(date(2025, 5, 21)) == "deputy foreign minister"


def test_month_precision_end_is_inclusive() -> None:
    assert builtin("cho-tae-yul").roles[-1] == Role(
        "foreign minister", date(2024, 1, 10), date(2025, 7, 31)
    )


# G20 members and the seed's countries: who leads and who is foreign minister.
COVERED = "ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF PRK UKR"


@pytest.mark.parametrize("day", [date(2023, 6, 1), date(2024, 6, 1), date(2025, 7, 1)])
@pytest.mark.parametrize("iso3", COVERED.split())
def test_dictionary_covers_leaders_and_foreign_ministers(iso3: str, day: date) -> None:
    people = [e for e in load_dictionary() if e.kind == "person" and e.country == iso3]
    roles = {e.role_on(day) for e in people}
    # South Korea, 2025-05-02..06-03, had only an acting president.
    assert roles & {"head of state", "head of government", "acting head of state"}, iso3
    assert "foreign minister" in roles, iso3


def test_no_two_people_share_a_full_name() -> None:
    keys = [name_key(e.name) for e in load_dictionary()]
    assert len(keys) == len(set(keys))


def test_user_file_replaces_builtin_entry(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "andrey-rudenko\tperson\tRUS\tAndrey Rudenko\t\tenvoy\n", "utf-8")
    entries = [e for e in load_dictionary(str(path)) if e.id == "andrey-rudenko"]
    assert [e.role_on(None) for e in entries] == ["envoy"]


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("putin\tperson\tRUS", "DL-E151"),
        ("Vladimir Putin\tperson\tRUS\tVladimir Putin", "DL-E152"),
        ("vp\tpolitician\tRUS\tVladimir Putin", "DL-E153"),
        ("vp\tperson\tRU\tVladimir Putin", "DL-E154"),
        ("vp\tperson\tRUS\tVladimir Putin\t\thead of state@2012-13-01..", "DL-E155"),
        ("vp\tperson\tRUS\tVladimir Putin\t\thead of state@2012", "DL-E155"),
        ("vp\tperson\tRUS\tVladimir Putin\t\thead of state@2012..2000", "DL-E155"),
        ("vp\tperson\tRUS\tVladimir Putin\t\t@2012..", "DL-E155"),
        ("vp\tperson\tRUS\t---", "DL-E157"),
    ],
)
def test_bad_actor_file_names_file_line_and_code(tmp_path: Path, row: str, code: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "# a comment\n\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DatelineError) as caught:
        load_actor_file(str(path))
    assert caught.value.code == code
    assert str(caught.value).startswith(f"{path}:4: {code} ")


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.tsv"
    path.write_text(HEADER + "a\tperson\t\tAnn A\n" + "a\tperson\t\tAnn B\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"dup.tsv:3: DL-E156 .*line 2"):
        load_actor_file(str(path))


def test_missing_or_undecodable_actor_file(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="DL-E150"):
        load_actor_file(str(tmp_path / "nope.tsv"))
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DatelineError, match="DL-E150"):
        load_actor_file(str(binary))


def test_builtin_dictionary_loads() -> None:
    assert len(load_actor_file(str(BUILTIN_ACTORS))) > 150


# --- titles, on hand-built docs ---


def test_title_before_a_name_with_demonym() -> None:
    nlp = spacy.blank("en")
    doc = nlp("said Russian Deputy Foreign Minister Andrey Rudenko")
    countries = {2: (1, "RUS")}  # "Russian" = token 1, ending before token 2
    title = title_before(doc, 5, countries)
    assert title is not None
    assert (title.start, title.role, title.country) == (1, "deputy foreign minister", "RUS")


def test_title_with_possessive_country_and_open_head() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Ghana's Agriculture Minister Ama Owusu")
    title = title_before(doc, 4, {1: (0, "GHA")})
    assert title is not None and (title.role, title.country) == ("agriculture minister", "GHA")


def test_titles_denote_dictionary_roles() -> None:
    vocabulary = title_vocabulary()
    assert "head of state" in vocabulary.roles_denoted("president")
    assert vocabulary.roles_denoted("former prime minister") == ("head of government",)
    assert vocabulary.roles_denoted("trade minister") == ("trade minister",)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Kim and Putin signed a deal. [AP/YONHAP]", "[AP/YONHAP]"),
        ("Troops march in Seoul. [NEWS1]", "[NEWS1]"),
        ("Leaders meet. (AP Photo/Ahn Young-joon)", "(AP Photo/Ahn Young-joon)"),
        (
            "Body.\nTranslated from the JoongAng Ilbo by staff.",
            "Translated from the JoongAng Ilbo by staff.",
        ),
        ("Body.\nBY JEONG JAE-HONG [[email protected]]", "BY JEONG JAE-HONG [[email protected]]"),
    ],
)
def test_credit_spans(text: str, credit: str) -> None:
    spans = [text[start:end] for start, end in credit_spans(text)]
    assert credit in spans


def test_bracketed_body_text_is_not_a_credit() -> None:
    assert credit_spans("He said [the talks] failed; [Moscow] denied it.") == []


def test_component_with_bad_actor_file_fails_with_code(tmp_path: Path) -> None:
    from dateline.actors import ActorLinker

    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "x\tperson\tXXX\tSomeone\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"bad.tsv:2: DL-E154 unknown country code 'XXX'"):
        ActorLinker(None, "dateline_actors", actors_file=str(path))


def test_one_country_table_serves_every_step() -> None:
    from dateline.actors.geo import country_code
    from dateline.events.fallback import country_code as fallback_code
    from dateline.link.linker import place_info
    from dateline.link.settings import load_settings

    for name, iso3 in [
        ("Britain", "GBR"),
        ("the U.S.", "USA"),
        ("North Korean", "PRK"),
        ("Vietnam", "VNM"),
        ("the Philippines", "PHL"),
        ("Moscow", None),
    ]:
        assert country_code(name) == iso3, name
        assert fallback_code(name) == iso3, name
    assert place_info("Britain", {}, load_settings()).country == "GBR"


def test_a_countrys_official_short_name_is_that_country() -> None:
    from dateline.actors.geo import country_code

    # the short form a government's own releases use ('a working visit to the Lao PDR')
    assert country_code("Lao PDR") == "LAO"
    assert country_code("Lao People's Democratic Republic") == "LAO"
    assert country_code("Viet Nam") == "VNM"
