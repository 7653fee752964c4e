"""The actor dictionary: a tab-separated data file of people and organisations.

The format is described in ``docs/actors.md`` and in the header of
``resources/actors.tsv``. Loading checks every row and raises a coded
:class:`~dateline.errors.DatelineError` naming the file and line at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from dateline.actors.text import name_key
from dateline.errors import (
    E_ACTORS_COLUMNS,
    E_ACTORS_COUNTRY,
    E_ACTORS_DUPLICATE,
    E_ACTORS_FILE,
    E_ACTORS_ID,
    E_ACTORS_KIND,
    E_ACTORS_NAME,
    E_ACTORS_ROLE,
)

RESOURCES = Path(__file__).parent / "resources"
BUILTIN_ACTORS = RESOURCES / "actors.tsv"
KINDS = ("person", "organisation", "government", "group", "country")
COLUMNS = ("id", "kind", "country", "name", "aliases", "roles")

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Role:
    """A role held during [start, end] (inclusive ISO dates, None = open)."""

    name: str
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class ActorEntry:
    """One row of an actor file."""

    id: str
    kind: str
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    origin: str = ""  # "path:line", for messages

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def role_on(self, day: date | None) -> str | None:
        """The role held on ``day``; else the latest ended one as "former …"."""
        if not self.roles:
            return None
        if day is None:
            return self.roles[-1].name
        for role in reversed(self.roles):
            if role.holds_on(day):
                return role.name
        past = [r for r in self.roles if r.end is not None and r.end < day]
        if past:
            return "former " + max(past, key=lambda r: r.end or day).name
        return None

    def role_names(self) -> set[str]:
        return {role.name for role in self.roles}


def known_countries() -> frozenset[str]:
    """ISO3 codes accepted in data files: pycountry's plus those in countries.tsv."""
    from dateline.actors.geo import load_countries

    return frozenset(load_countries())


@lru_cache(maxsize=8)
def load_actor_file(path: str) -> tuple[ActorEntry, ...]:
    """Parse an actor file; raise a coded error naming ``path:line`` on the first bad row."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise E_ACTORS_FILE(path=path, why=exc) from exc
    entries: list[ActorEntry] = []
    first_line: dict[str, int] = {}
    countries = known_countries()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        entry = parse_row(line, path, number, countries)
        if entry.id in first_line:
            raise E_ACTORS_DUPLICATE(path, number, value=entry.id, first=first_line[entry.id])
        first_line[entry.id] = number
        entries.append(entry)
    return tuple(entries)


def parse_row(line: str, path: str, number: int, countries: frozenset[str]) -> ActorEntry:
    """One actor from one tab-separated row (trailing empty columns may be left off)."""
    cells = [cell.strip() for cell in line.rstrip("\n").split("\t")]
    if not 4 <= len(cells) <= len(COLUMNS):
        raise E_ACTORS_COLUMNS(path, number, expected=len(COLUMNS), got=len(cells))
    cells += [""] * (len(COLUMNS) - len(cells))
    actor_id, kind, country, name, aliases, roles = cells
    if not _ID.match(actor_id):
        raise E_ACTORS_ID(path, number, value=actor_id)
    if kind not in KINDS:
        raise E_ACTORS_KIND(path, number, value=kind, choices=", ".join(KINDS))
    if country and country not in countries:
        raise E_ACTORS_COUNTRY(path, number, value=country)
    if not name_key(name):
        raise E_ACTORS_NAME(path, number, value=actor_id)
    return ActorEntry(
        id=actor_id,
        kind=kind,
        name=name,
        country=country or None,
        aliases=[a.strip() for a in aliases.split("|") if name_key(a)],
        roles=[parse_role(r.strip(), path, number) for r in roles.split(";") if r.strip()],
        origin=f"{path}:{number}",
    )


def parse_role(text: str, path: str, number: int) -> Role:
    """``"foreign minister@2004-03-09.."`` → Role; a role without ``@`` has no dates."""
    name, at, span = text.partition("@")
    name = name.strip()
    if not name:
        raise E_ACTORS_ROLE(path, number, value=text, why="no role name")
    if not at:
        return Role(name)
    start_text, dots, end_text = span.partition("..")
    if not dots:
        raise E_ACTORS_ROLE(path, number, value=text, why="dates need '..' between start and end")
    start = parse_bound(start_text.strip(), text, path, number, is_end=False)
    end = parse_bound(end_text.strip(), text, path, number, is_end=True)
    if start and end and end < start:
        raise E_ACTORS_ROLE(path, number, value=text, why="end is before start")
    return Role(name, start, end)


def parse_bound(text: str, role: str, path: str, number: int, is_end: bool) -> date | None:
    """A role's start or end: YYYY, YYYY-MM or YYYY-MM-DD; a partial end means its last day."""
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        raise E_ACTORS_ROLE(path, number, value=role, why=f"{text!r} is not YYYY[-MM[-DD]]")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            first = date(year, int(month), 1)
            return _month_end(first) if is_end else first
        return date(year, 12, 31) if is_end else date(year, 1, 1)
    except ValueError as exc:
        raise E_ACTORS_ROLE(path, number, value=role, why=str(exc)) from exc


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def load_dictionary(actors_file: str | None = None) -> tuple[ActorEntry, ...]:
    """Built-in entries, then the user's; a user entry replaces a built-in one with its id."""
    builtin = load_actor_file(str(BUILTIN_ACTORS))
    if actors_file is None:
        return builtin
    user = load_actor_file(str(actors_file))
    replaced = {entry.id for entry in user}
    return tuple(e for e in builtin if e.id not in replaced) + user
