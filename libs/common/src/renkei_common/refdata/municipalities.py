"""Registry of Japan's 47 prefectures and 1,741 municipalities, with kind, flags and population."""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from importlib import resources
from typing import TypeVar

from renkei_common.i18n import msg

from .codes import PREFECTURE_CODES, CodeRule, InvalidLocalGovernmentCode, prefecture_code_of, validate_code

__all__ = [
    "POPULATION_SOURCE",
    "THREE_METROPOLITAN_PREFECTURES",
    "Flag",
    "Kind",
    "LocalGovernment",
    "Registry",
    "UnknownLocalGovernment",
    "load_registry",
]

# The census figures are government statistics; the attribution must travel with them (data README).
POPULATION_SOURCE = "出典：総務省統計局『令和2年国勢調査』"

# 三大都市圏 approximated by whole prefectures (docs/domain.md §3.1):
# 埼玉, 千葉, 東京, 神奈川, 岐阜, 愛知, 三重, 京都, 大阪, 兵庫, 奈良.
# Stored as codes so the check needs no registry; a test derives them from the names in the data.
THREE_METROPOLITAN_PREFECTURES: frozenset[str] = frozenset(
    {"11", "12", "13", "14", "21", "23", "24", "26", "27", "28", "29"}
)

_CSV_RESOURCE = "municipalities.csv"
_POPULATION_COLUMN = re.compile(r"^population_(\d{4})$")


class Kind(StrEnum):
    PREFECTURE = "prefecture"
    DESIGNATED_CITY = "designated_city"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    SPECIAL_WARD = "special_ward"

    @property
    def is_city(self) -> bool:
        """A 市: a city or a designated city. Tokyo's special wards (特別区) are not 市."""
        return self in (Kind.CITY, Kind.DESIGNATED_CITY)

    @property
    def is_municipality(self) -> bool:
        return self is not Kind.PREFECTURE


class Flag(StrEnum):
    DESIGNATED_CITY = "designated_city"
    CORE_CITY = "core_city"
    PREFECTURAL_CAPITAL = "prefectural_capital"


class UnknownLocalGovernment(KeyError):
    """A well-formed code that is not in the registry."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        # KeyError's own __str__ would show only the repr of the key.
        return f"no local government with code {self.code!r} in the reference data"


@dataclass(frozen=True, slots=True)
class LocalGovernment:
    code: str
    prefecture_code: str
    prefecture: str
    name: str
    kind: Kind
    population: int | None
    population_year: int | None
    designated_city: bool = False
    core_city: bool = False
    prefectural_capital: bool = False

    def __post_init__(self) -> None:
        code = validate_code(self.code)
        if code != self.code:
            object.__setattr__(self, "code", code)
        if self.prefecture_code != code[:2]:
            raise ValueError(f"{code} {self.name}: prefecture_code {self.prefecture_code!r} != {code[:2]!r}")
        object.__setattr__(self, "kind", Kind(self.kind))
        if (self.population is None) != (self.population_year is None):
            # A figure without its year cannot be compared with a refreshed one; a year alone means nothing.
            raise ValueError(f"{code} {self.name}: population and population_year must be given together")
        if self.population is not None and (
            isinstance(self.population, bool) or not isinstance(self.population, int) or self.population < 0
        ):
            raise ValueError(f"{code} {self.name}: population must be a non-negative int")
        if self.designated_city != (self.kind is Kind.DESIGNATED_CITY):
            raise ValueError(f"{code} {self.name}: designated_city flag does not match kind {self.kind}")
        if self.kind is Kind.PREFECTURE and (self.core_city or self.prefectural_capital):
            raise ValueError(f"{code} {self.name}: a prefecture cannot be a core city or a capital")

    @property
    def is_prefecture(self) -> bool:
        return self.kind is Kind.PREFECTURE

    @property
    def is_municipality(self) -> bool:
        return self.kind.is_municipality

    @property
    def is_city(self) -> bool:
        return self.kind.is_city

    @property
    def flags(self) -> list[str]:
        """Names of the flags that are set, in Flag order."""
        return [flag.value for flag in Flag if getattr(self, flag.value)]


def _parse_flag(value: str, column: str, line: int) -> bool:
    if value not in ("0", "1"):
        raise ValueError(f"line {line}: column {column} must be 0 or 1, got {value!r}")
    return value == "1"


def _parse_row(row: Mapping[str, str], population_column: str, year: int, line: int) -> LocalGovernment:
    raw_population = (row[population_column] or "").strip()
    population = int(raw_population) if raw_population else None
    try:
        return LocalGovernment(
            code=row["code"],
            prefecture_code=row["prefecture_code"],
            prefecture=row["prefecture"],
            name=row["name"],
            kind=Kind(row["kind"]),
            population=population,
            # 双葉町 had no residents at the 2020 census, so it has neither a figure nor a year.
            population_year=year if population is not None else None,
            designated_city=_parse_flag(row["designated_city"], "designated_city", line),
            core_city=_parse_flag(row["core_city"], "core_city", line),
            prefectural_capital=_parse_flag(row["prefectural_capital"], "prefectural_capital", line),
        )
    except (KeyError, ValueError) as exc:
        raise ValueError(f"line {line}: {exc}") from exc


def _normalise_prefecture(prefecture_code: str) -> str:
    """Accept "13" or "1" or a 6-digit code of the prefecture or any of its municipalities."""
    text = str(prefecture_code).strip()
    if len(text) == 6:
        return prefecture_code_of(text)[:2]
    if text.isascii() and text.isdigit() and len(text) <= 2:
        text = text.zfill(2)
        if text in PREFECTURE_CODES:
            return text
    raise InvalidLocalGovernmentCode(
        prefecture_code, msg("refdata.prefecture_code_form"), rule=CodeRule.PREFECTURE_RANGE
    )


class Registry:
    """Immutable lookup of local governments, sorted by code (so a prefecture precedes its municipalities)."""

    def __init__(self, governments: Iterable[LocalGovernment]) -> None:
        by_code: dict[str, LocalGovernment] = {}
        for government in governments:
            if government.code in by_code:
                raise ValueError(f"duplicate local-government code {government.code}")
            by_code[government.code] = government
        self._by_code = dict(sorted(by_code.items()))
        self._all = tuple(self._by_code.values())

    @classmethod
    def from_csv(cls, text: str) -> Registry:
        """Build from CSV text in the format of municipalities.csv; the year comes from population_YYYY."""
        reader = csv.DictReader(io.StringIO(text))
        matches = [m for c in (reader.fieldnames or []) if (m := _POPULATION_COLUMN.match(c))]
        if len(matches) != 1:
            found = [m.group(0) for m in matches] or "none"
            raise ValueError(f"expected exactly one population_YYYY column, found {found}")
        population_column, year = matches[0].group(0), int(matches[0].group(1))
        # Line 1 is the header, so data starts on line 2; quoted newlines do not occur in this file.
        return cls(_parse_row(row, population_column, year, line) for line, row in enumerate(reader, start=2))

    def get(self, code: str) -> LocalGovernment:
        """The government with this code; raises InvalidLocalGovernmentCode or UnknownLocalGovernment."""
        normalised = validate_code(code)
        try:
            return self._by_code[normalised]
        except KeyError:
            raise UnknownLocalGovernment(normalised) from None

    def find(self, code: str) -> LocalGovernment | None:
        """Like get, but None for a well-formed code that is not registered (a malformed one still raises)."""
        return self._by_code.get(validate_code(code))

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            return validate_code(code) in self._by_code
        except InvalidLocalGovernmentCode:
            return False

    def filter(
        self,
        prefecture_code: str | None = None,
        kind: Kind | str | None = None,
        flag: Flag | str | None = None,
    ) -> list[LocalGovernment]:
        """Governments matching every criterion given; unknown kind or flag names raise ValueError."""
        prefecture = _normalise_prefecture(prefecture_code) if prefecture_code is not None else None
        wanted_kind = _coerce(Kind, kind, "kind") if kind is not None else None
        wanted_flag = _coerce(Flag, flag, "flag") if flag is not None else None
        return [
            g
            for g in self._all
            if (prefecture is None or g.prefecture_code == prefecture)
            and (wanted_kind is None or g.kind is wanted_kind)
            and (wanted_flag is None or getattr(g, wanted_flag.value))
        ]

    def prefectures(self) -> list[LocalGovernment]:
        return [g for g in self._all if g.is_prefecture]

    def municipalities(self) -> list[LocalGovernment]:
        return [g for g in self._all if g.is_municipality]

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[LocalGovernment]:
        return iter(self._all)

    def with_populations(self, mapping: Mapping[str, int], year: int) -> Registry:
        """A new registry with these populations as of `year`; governments not in `mapping` keep theirs."""
        if isinstance(year, bool) or not isinstance(year, int) or year < 1:
            raise ValueError(f"year must be a positive int, got {year!r}")
        updates: dict[str, int] = {}
        for code, population in mapping.items():
            normalised = validate_code(code)
            if normalised not in self._by_code:
                raise UnknownLocalGovernment(normalised)
            if isinstance(population, bool) or not isinstance(population, int) or population < 0:
                raise ValueError(f"population of {normalised} must be a non-negative int, got {population!r}")
            updates[normalised] = population
        return Registry(
            replace(g, population=updates[g.code], population_year=year) if g.code in updates else g
            for g in self._all
        )

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} local governments>"


_E = TypeVar("_E", bound=StrEnum)


def _coerce(enum: type[_E], value: _E | str, what: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValueError(f"unknown {what} {value!r}; expected one of: {allowed}") from None


@functools.cache
def load_registry() -> Registry:
    """The packaged reference data (2020 census populations); cached, and safe to share as it is immutable."""
    text = resources.files(__package__).joinpath(_CSV_RESOURCE).read_text(encoding="utf-8-sig")
    return Registry.from_csv(text)
