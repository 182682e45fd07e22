"""Read policy of /v1/projections/agreements: scoped in SQL, paged by cursor, 403 outside the scope."""

from __future__ import annotations

from datetime import date

import pytest
from finance_testkit import Feed
from renkei_common.events.contracts import AgreementSigned, Party
from renkei_common.testing.client import ServiceClient, problem_fields

URL = "/v1/projections/agreements"


def agreement(agreement_id: str, *codes: str) -> AgreementSigned:
    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=1,
        kind="teiju_jiritsu_kyotei",
        title=f"協定 {agreement_id}",
        parties=[Party(code=c, name=c, role="party") for c in codes],
        concluded_on=date(2024, 4, 1),
        in_force_on=date(2024, 4, 1),
    )


@pytest.fixture
async def three(feed: Feed) -> None:
    await feed.apply(agreement("a-1", "062014", "062103"), version=1)  # 山形市, 天童市 (山形県)
    await feed.apply(agreement("a-2", "011002", "012025"), version=1)  # 札幌市, 函館市 (北海道)
    await feed.apply(agreement("a-3", "062014", "072010"), version=1)  # 山形市, 福島市 (福島県)


async def ids(client: ServiceClient, org: str, *roles: str, **params: str) -> list[str]:
    response = await client.http.get(URL, params=params, headers=client.as_(org, *roles))
    assert response.status_code == 200, response.text
    return [a["agreement_id"] for a in response.json()["data"]]


@pytest.mark.usefixtures("three")
async def test_each_role_sees_its_scope(finance: ServiceClient) -> None:
    assert await ids(finance, "062103") == ["a-1"]
    assert await ids(finance, "062014") == ["a-1", "a-3"]
    assert await ids(finance, "060003", "prefecture") == ["a-1", "a-3"]  # 山形県: its municipalities
    assert await ids(finance, "070009", "prefecture") == ["a-3"]  # 福島県
    assert await ids(finance, "130001", "prefecture") == []
    assert await ids(finance, "000000", "national") == ["a-1", "a-2", "a-3"]
    assert await ids(finance, "000000", "auditor") == ["a-1", "a-2", "a-3"]


@pytest.mark.usefixtures("three")
async def test_a_party_filter_inside_the_scope_narrows(finance: ServiceClient) -> None:
    assert await ids(finance, "060003", "prefecture", party="062103") == ["a-1"]
    assert await ids(finance, "000000", "national", party="011002") == ["a-2"]


@pytest.mark.usefixtures("three")
async def test_a_party_filter_outside_the_scope_is_refused(finance: ServiceClient) -> None:
    response = await finance.http.get(URL, params={"party": "011002"}, headers=finance.as_("062103"))
    assert response.status_code == 403
    assert problem_fields(response) == ["party"]
    assert response.json()["errors"][0]["rule"] == "read_scope"
    # A prefecture's scope ends at its border.
    response = await finance.http.get(
        URL, params={"party": "072010"}, headers=finance.as_("060003", "prefecture")
    )
    assert response.status_code == 403 and response.json()["errors"][0]["rule"] == "read_scope"


@pytest.mark.parametrize("role", ["group", "service", "operator"])
async def test_roles_that_are_not_governments_are_refused(finance: ServiceClient, role: str) -> None:
    response = await finance.http.get(URL, headers=finance.as_("062014", role))
    assert response.status_code == 403
    assert response.json()["errors"][0] == {
        "field": "token.roles",
        "rule": "finance_reader",
        "message": response.json()["errors"][0]["message"],
    }


@pytest.mark.usefixtures("three")
async def test_pages_follow_the_cursor_to_the_end(finance: ServiceClient) -> None:
    headers = finance.as_("000000", "national")
    first = (await finance.http.get(URL, params={"limit": 2}, headers=headers)).json()
    assert [a["agreement_id"] for a in first["data"]] == ["a-1", "a-2"] and first["next_cursor"] == "a-2"
    second = (
        await finance.http.get(URL, params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers)
    ).json()
    assert [a["agreement_id"] for a in second["data"]] == ["a-3"] and second["next_cursor"] is None
    # Exactly `limit` rows left: the last page says so instead of pointing at an empty one.
    exact = (await finance.http.get(URL, params={"limit": 3}, headers=headers)).json()
    assert len(exact["data"]) == 3 and exact["next_cursor"] is None
