"""Tests of the reference data: code check digits, the packaged registry and its counts (docs/domain.md)."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from renkei_common.refdata import (
    POPULATION_SOURCE,
    PREFECTURE_CODES,
    THREE_METROPOLITAN_PREFECTURES,
    CodeRule,
    Flag,
    InvalidLocalGovernmentCode,
    Kind,
    LocalGovernment,
    Registry,
    UnknownLocalGovernment,
    check_digit,
    fold_full_width_digits,
    is_valid_code,
    load_registry,
    prefecture_code_of,
    validate_code,
)
from renkei_common.testing.fixtures import unavailable

PACKAGE = "renkei_common.refdata"
SHARED_CSV = Path("/work/shared/data/municipalities.csv")


def packaged_csv_text() -> str:
    return resources.files(PACKAGE).joinpath("municipalities.csv").read_text(encoding="utf-8")


def raw_rows() -> list[dict[str, str]]:
    # Read the file directly, not through the registry, so the checks below do not trust the parser.
    return list(csv.DictReader(io.StringIO(packaged_csv_text())))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


# --- codes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("five", "expected"),
    [
        ("13000", 1),  # S = 21, 21 mod 11 = 10 -> 1: 東京都 130001
        ("14100", 3),  # S = 30 -> 8 -> 3: 横浜市 141003
        ("01100", 2),  # S = 9 -> 2: 札幌市 011002
        ("11000", 1),  # S = 11, S mod 11 = 0 -> 11 mod 10 = 1
        ("01110", 0),  # S = 12, S mod 11 = 1 -> 10 mod 10 = 0
    ],
)
def test_check_digit_worked_examples(five: str, expected: int) -> None:
    assert check_digit(five) == expected


@pytest.mark.parametrize("bad", ["1300", "130001", "13a00", "", "１３０００"])
def test_check_digit_needs_five_ascii_digits(bad: str) -> None:
    with pytest.raises(InvalidLocalGovernmentCode):
        check_digit(bad)


def test_every_code_in_the_csv_has_a_valid_check_digit() -> None:
    rows = raw_rows()
    assert len(rows) == 47 + 1741
    bad = [row["code"] for row in rows if check_digit(row["code"][:5]) != int(row["code"][5])]
    assert bad == []
    assert all(validate_code(row["code"]) == row["code"] for row in rows)
    assert all(row["code"][:2] == row["prefecture_code"] for row in rows)


def test_bad_check_digit_message() -> None:
    with pytest.raises(InvalidLocalGovernmentCode) as excinfo:
        validate_code("130002")
    message = str(excinfo.value)
    assert "130002" in message
    assert "expected 1" in message
    assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("13000", "must be 6 digits"),
        ("13000", "lacks the check digit"),
        ("1300011", "got 7 characters"),
        ("", "got 0 characters"),
        ("13A001", "only the digits 0-9"),
        ("١٣٠٠٠١", "only the digits 0-9"),  # Arabic-Indic digits pass str.isdigit() but are not codes
        ("000000", "prefecture part must be 01–47, got 00"),
        ("480001", "prefecture part must be 01–47, got 48"),
        ("990001", "prefecture part must be 01–47, got 99"),
    ],
)
def test_invalid_codes_say_why(code: str, fragment: str) -> None:
    with pytest.raises(InvalidLocalGovernmentCode, match=fragment):
        validate_code(code)
    assert not is_valid_code(code)


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("13000", CodeRule.SIX_DIGITS),  # the 5-digit form: its message mentions the prefecture part
        ("1300011", CodeRule.SIX_DIGITS),
        ("", CodeRule.SIX_DIGITS),
        ("13A001", CodeRule.DIGITS_ONLY),
        ("000000", CodeRule.PREFECTURE_RANGE),
        ("480001", CodeRule.PREFECTURE_RANGE),
        ("130002", CodeRule.CHECK_DIGIT),
        (130001, CodeRule.STRING),
    ],
)
def test_each_refusal_names_its_rule_whatever_the_message_says(code: object, rule: CodeRule) -> None:
    with pytest.raises(InvalidLocalGovernmentCode) as refused:
        validate_code(code)  # type: ignore[arg-type]
    assert refused.value.rule == rule


def test_check_digit_input_errors_have_their_own_rule() -> None:
    with pytest.raises(InvalidLocalGovernmentCode) as refused:
        check_digit("1300")
    assert refused.value.rule == CodeRule.FIVE_DIGITS


@pytest.mark.parametrize(
    "code",
    [
        "①③０００１",  # circled digits: NFKC would fold them to 13 and accept 130001
        "¹30001",  # superscript one
        "１３０００₁",  # subscript one as the check digit
        "１３０００𝟏",  # mathematical bold one
    ],
)
def test_only_full_width_digits_are_folded(code: str) -> None:
    with pytest.raises(InvalidLocalGovernmentCode) as refused:
        validate_code(code)
    assert refused.value.rule == CodeRule.DIGITS_ONLY


def test_fold_full_width_digits_leaves_everything_else_alone() -> None:
    assert fold_full_width_digits("０１２３４５６７８９") == "0123456789"
    assert fold_full_width_digits("①²，Ａ　9") == "①²，Ａ　9"
    assert validate_code("\u3000１３０００１\u3000") == "130001"  # ideographic spaces around are trimmed


def test_non_string_code_is_refused() -> None:
    # 10006 as an int is 北海道 010006 with its leading zero lost; guessing would be wrong for other inputs.
    with pytest.raises(InvalidLocalGovernmentCode, match="must be a string"):
        validate_code(10006)  # type: ignore[arg-type]
    assert not is_valid_code(130001)
    assert not is_valid_code(None)


def test_validate_code_normalises_full_width_and_whitespace() -> None:
    assert validate_code(" 130001\n") == "130001"
    assert validate_code("１３０００１") == "130001"
    assert is_valid_code("130001")


def test_prefecture_code_of() -> None:
    assert prefecture_code_of("131016") == "130001"  # 千代田区
    assert prefecture_code_of("132012") == "130001"  # 八王子市
    assert prefecture_code_of("130001") == "130001"
    assert prefecture_code_of("011002") == "010006"  # 札幌市 -> 北海道
    with pytest.raises(InvalidLocalGovernmentCode):
        prefecture_code_of("131017")


def test_prefecture_code_of_matches_the_data(registry: Registry) -> None:
    prefecture_codes = {g.prefecture_code: g.code for g in registry.prefectures()}
    for government in registry:
        assert prefecture_code_of(government.code) == prefecture_codes[government.prefecture_code]


five_digits_with_valid_prefecture = st.builds(
    lambda prefecture, rest: prefecture + rest,
    st.sampled_from(PREFECTURE_CODES),
    st.text(alphabet="0123456789", min_size=3, max_size=3),
)


@given(five=five_digits_with_valid_prefecture)
def test_only_the_computed_check_digit_is_accepted(five: str) -> None:
    good = check_digit(five)
    assert validate_code(f"{five}{good}") == f"{five}{good}"
    for digit in range(10):
        if digit != good:
            with pytest.raises(InvalidLocalGovernmentCode, match=f"expected {good}"):
                validate_code(f"{five}{digit}")


@given(
    prefecture=st.integers(min_value=0, max_value=99),
    rest=st.text(alphabet="0123456789", min_size=3, max_size=3),
)
def test_prefecture_part_outside_01_47_is_refused(prefecture: int, rest: str) -> None:
    five = f"{prefecture:02d}{rest}"
    code = f"{five}{check_digit(five)}"
    assert is_valid_code(code) == (1 <= prefecture <= 47)


# --- registry: counts (全国地方公共団体コード, 令和2年国勢調査) ---------------------------------------------


def test_counts(registry: Registry) -> None:
    assert len(registry) == 47 + 1741
    assert len(registry.prefectures()) == 47
    municipalities = registry.municipalities()
    assert len(municipalities) == 1741
    assert sum(1 for g in municipalities if g.is_city) == 792
    assert len(registry.filter(kind=Kind.DESIGNATED_CITY)) == 20
    assert len(registry.filter(kind=Kind.CITY)) == 792 - 20
    assert len(registry.filter(kind=Kind.TOWN)) == 743
    assert len(registry.filter(kind=Kind.VILLAGE)) == 183
    assert len(registry.filter(kind=Kind.SPECIAL_WARD)) == 23
    assert len(registry.filter(flag=Flag.DESIGNATED_CITY)) == 20
    assert len(registry.filter(flag=Flag.CORE_CITY)) == 62
    assert len(registry.filter(flag=Flag.PREFECTURAL_CAPITAL)) == 47


def test_one_capital_per_prefecture(registry: Registry) -> None:
    capitals = registry.filter(flag="prefectural_capital")
    assert sorted(g.prefecture_code for g in capitals) == list(PREFECTURE_CODES)
    assert registry.filter(prefecture_code="13", flag="prefectural_capital")[0].name == "新宿区"


def test_kind_is_city() -> None:
    assert Kind.CITY.is_city
    assert Kind.DESIGNATED_CITY.is_city
    # 特別区 are municipalities but not 市: a 定住自立圏 central city must be a 市 (定住自立圏構想推進要綱).
    assert not Kind.SPECIAL_WARD.is_city
    assert Kind.SPECIAL_WARD.is_municipality
    assert not Kind.TOWN.is_city
    assert not Kind.VILLAGE.is_city
    assert not Kind.PREFECTURE.is_city
    assert not Kind.PREFECTURE.is_municipality


def test_tokyo(registry: Registry) -> None:
    tokyo = registry.get("130001")
    assert tokyo.name == "東京都"
    assert tokyo.kind is Kind.PREFECTURE
    assert tokyo.is_prefecture
    assert not tokyo.is_municipality
    assert tokyo.prefecture_code == "13"
    assert tokyo.flags == []


def test_sapporo_flags(registry: Registry) -> None:
    sapporo = registry.get("011002")
    assert sapporo.name == "札幌市"
    assert sapporo.kind is Kind.DESIGNATED_CITY
    assert sapporo.is_municipality and sapporo.is_city
    assert sapporo.flags == ["designated_city", "prefectural_capital"]
    assert registry.get("012025").flags == ["core_city"]  # 函館市


def test_population_total(registry: Registry) -> None:
    municipal = sum(g.population or 0 for g in registry.municipalities())
    prefectural = sum(g.population or 0 for g in registry.prefectures())
    assert municipal == 126_226_568
    assert prefectural == 126_226_568
    assert {g.population_year for g in registry if g.population is not None} == {2020}


def test_each_prefecture_population_is_the_sum_of_its_municipalities(registry: Registry) -> None:
    for prefecture in registry.prefectures():
        members = [
            g for g in registry.filter(prefecture_code=prefecture.prefecture_code) if g.is_municipality
        ]
        assert prefecture.population == sum(g.population or 0 for g in members), prefecture.name


def test_futaba_has_no_population(registry: Registry) -> None:
    futaba = registry.get("075469")
    assert futaba.name == "双葉町"
    assert futaba.kind is Kind.TOWN
    assert futaba.population is None
    assert futaba.population_year is None
    assert [g.code for g in registry if g.population is None] == ["075469"]


def test_three_metropolitan_prefectures_match_the_names(registry: Registry) -> None:
    names = ["埼玉", "千葉", "東京", "神奈川", "岐阜", "愛知", "三重", "京都", "大阪", "兵庫", "奈良"]
    by_name = {g.name[:-1]: g.prefecture_code for g in registry.prefectures()}  # drop 都/道/府/県
    assert set(by_name) >= set(names)
    assert frozenset(by_name[name] for name in names) == THREE_METROPOLITAN_PREFECTURES


# --- registry: lookups ---------------------------------------------------------------------------------


def test_get_unknown_code(registry: Registry) -> None:
    with pytest.raises(UnknownLocalGovernment) as excinfo:
        registry.get("130010")  # well formed (check digit 0) but no such municipality
    assert isinstance(excinfo.value, KeyError)
    assert str(excinfo.value) == "no local government with code '130010' in the reference data"


def test_get_validates_first(registry: Registry) -> None:
    with pytest.raises(InvalidLocalGovernmentCode, match="expected 1"):
        registry.get("130002")
    assert registry.get("１３０００１").code == "130001"


def test_find(registry: Registry) -> None:
    assert registry.find("130001") is registry.get("130001")
    assert registry.find("130010") is None
    with pytest.raises(InvalidLocalGovernmentCode):
        registry.find("13000")


def test_contains(registry: Registry) -> None:
    assert "130001" in registry
    assert "130010" not in registry
    assert "garbage" not in registry
    assert 130001 not in registry


def test_iteration_is_sorted_by_code(registry: Registry) -> None:
    codes = [g.code for g in registry]
    assert codes == sorted(codes)
    assert codes[0] == "010006"
    assert len(set(codes)) == len(codes)


def test_filter_by_prefecture(registry: Registry) -> None:
    tokyo = registry.filter(prefecture_code="13")
    assert {g.prefecture for g in tokyo} == {"東京都"}
    # 東京都: the prefecture, 23 special wards, 26 cities, 5 towns and 8 villages.
    assert len(tokyo) == 1 + 23 + 26 + 5 + 8
    assert registry.filter(prefecture_code="130001") == tokyo
    assert registry.filter(prefecture_code="131016") == tokyo
    assert registry.filter(prefecture_code="1") == registry.filter(prefecture_code="01")
    for bad in ["48", "00", "ab", "130002"]:
        with pytest.raises(InvalidLocalGovernmentCode):
            registry.filter(prefecture_code=bad)


def test_filter_by_kind_and_flag(registry: Registry) -> None:
    tokyo_wards = registry.filter(prefecture_code="13", kind="special_ward")
    assert len(tokyo_wards) == 23
    assert registry.filter(kind=Kind.SPECIAL_WARD) == tokyo_wards
    kanagawa_designated = registry.filter(prefecture_code="14", kind=Kind.DESIGNATED_CITY)
    assert {g.name for g in kanagawa_designated} == {"横浜市", "川崎市", "相模原市"}
    core = registry.filter(flag="core_city")
    assert all(g.core_city and g.kind is Kind.CITY for g in core)
    assert registry.filter(kind=Kind.PREFECTURE) == registry.prefectures()
    assert registry.filter() == list(registry)
    with pytest.raises(ValueError, match="unknown kind 'ward'"):
        registry.filter(kind="ward")
    with pytest.raises(ValueError, match="unknown flag 'capital'"):
        registry.filter(flag="capital")


# --- registry: refreshing populations ------------------------------------------------------------------


def test_with_populations(registry: Registry) -> None:
    updated = registry.with_populations(
        {"075469": 0, "130001": 14_000_000, "１３１０１６": 70_000}, year=2025
    )
    assert updated is not registry
    assert isinstance(updated, Registry)
    assert len(updated) == len(registry)
    futaba = updated.get("075469")
    assert (futaba.population, futaba.population_year) == (0, 2025)
    assert (updated.get("130001").population, updated.get("130001").population_year) == (14_000_000, 2025)
    assert updated.get("131016").population == 70_000
    # Untouched rows keep their 2020 figure and say so.
    sapporo = updated.get("011002")
    assert (sapporo.population, sapporo.population_year) == (1_975_065, 2020)
    # The cached registry is not changed.
    assert registry.get("075469").population is None
    assert load_registry().get("130001").population_year == 2020


def test_with_populations_refuses_bad_input(registry: Registry) -> None:
    with pytest.raises(UnknownLocalGovernment):
        registry.with_populations({"130010": 1}, year=2025)
    with pytest.raises(InvalidLocalGovernmentCode):
        registry.with_populations({"130002": 1}, year=2025)
    with pytest.raises(ValueError, match="non-negative"):
        registry.with_populations({"130001": -1}, year=2025)
    with pytest.raises(ValueError, match="non-negative"):
        registry.with_populations({"130001": True}, year=2025)
    with pytest.raises(ValueError, match="year"):
        registry.with_populations({"130001": 1}, year=0)


# --- data model and loading ----------------------------------------------------------------------------


def test_local_government_is_frozen_and_checked(registry: Registry) -> None:
    tokyo = registry.get("130001")
    with pytest.raises(AttributeError):
        tokyo.population = 1  # type: ignore[misc]
    with pytest.raises(ValueError, match="prefecture_code"):
        LocalGovernment("130001", "14", "東京都", "東京都", Kind.PREFECTURE, 1, 2020)
    with pytest.raises(ValueError, match="together"):
        LocalGovernment("130001", "13", "東京都", "東京都", Kind.PREFECTURE, 1, None)
    with pytest.raises(InvalidLocalGovernmentCode):
        LocalGovernment("130002", "13", "東京都", "東京都", Kind.PREFECTURE, 1, 2020)


def test_registry_refuses_duplicates(registry: Registry) -> None:
    tokyo = registry.get("130001")
    with pytest.raises(ValueError, match="duplicate"):
        Registry([tokyo, tokyo])


def test_population_year_comes_from_the_column_name() -> None:
    header = packaged_csv_text().splitlines()[0].replace("population_2020", "population_2025")
    small = Registry.from_csv(f"{header}\n130001,13,東京都,東京都,prefecture,14000000,0,0,0\n")
    assert small.get("130001").population_year == 2025
    with pytest.raises(ValueError, match="line 2"):
        Registry.from_csv(f"{header}\n130002,13,東京都,東京都,prefecture,14000000,0,0,0\n")
    with pytest.raises(ValueError, match="population_YYYY"):
        Registry.from_csv(header.replace("population_2025", "population") + "\n")


def test_load_registry_is_cached() -> None:
    assert load_registry() is load_registry()


def test_packaged_csv_is_the_shared_copy() -> None:
    if not SHARED_CSV.exists():
        unavailable("shared data directory (../shared/data) not present", FileNotFoundError(SHARED_CSV))
    assert packaged_csv_text() == SHARED_CSV.read_text(encoding="utf-8")


def test_attribution_is_shipped() -> None:
    assert POPULATION_SOURCE == "出典：総務省統計局『令和2年国勢調査』"
    attribution = resources.files(PACKAGE).joinpath("ATTRIBUTION.md").read_text(encoding="utf-8")
    assert POPULATION_SOURCE in attribution
    assert "0003433219" in attribution
    assert "全国地方公共団体コード" in attribution
