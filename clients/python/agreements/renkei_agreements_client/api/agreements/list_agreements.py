from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreements_public import AgreementsPublic
from ...models.list_agreements_kind_type_0 import ListAgreementsKindType0
from ...models.list_agreements_status_type_0 import ListAgreementsStatusType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    party: None | str | Unset = UNSET,
    area_id: None | str | Unset = UNSET,
    status: ListAgreementsStatusType0 | None | Unset = UNSET,
    kind: ListAgreementsKindType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_party: None | str | Unset
    if isinstance(party, Unset):
        json_party = UNSET
    else:
        json_party = party
    params["party"] = json_party

    json_area_id: None | str | Unset
    if isinstance(area_id, Unset):
        json_area_id = UNSET
    else:
        json_area_id = area_id
    params["area_id"] = json_area_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListAgreementsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListAgreementsKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agreements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgreementsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AgreementsPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AgreementsPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    party: None | str | Unset = UNSET,
    area_id: None | str | Unset = UNSET,
    status: ListAgreementsStatusType0 | None | Unset = UNSET,
    kind: ListAgreementsKindType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[AgreementsPublic | Problem]:
    """List Agreements

     Agreements the caller may read: its own, its prefecture's (prefectures), or all (national, auditor).

    Args:
        party (None | str | Unset): agreements this government is party to
        area_id (None | str | Unset):
        status (ListAgreementsStatusType0 | None | Unset):
        kind (ListAgreementsKindType0 | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementsPublic | Problem]
    """

    kwargs = _get_kwargs(
        party=party,
        area_id=area_id,
        status=status,
        kind=kind,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    party: None | str | Unset = UNSET,
    area_id: None | str | Unset = UNSET,
    status: ListAgreementsStatusType0 | None | Unset = UNSET,
    kind: ListAgreementsKindType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> AgreementsPublic | Problem | None:
    """List Agreements

     Agreements the caller may read: its own, its prefecture's (prefectures), or all (national, auditor).

    Args:
        party (None | str | Unset): agreements this government is party to
        area_id (None | str | Unset):
        status (ListAgreementsStatusType0 | None | Unset):
        kind (ListAgreementsKindType0 | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementsPublic | Problem
    """

    return sync_detailed(
        client=client,
        party=party,
        area_id=area_id,
        status=status,
        kind=kind,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    party: None | str | Unset = UNSET,
    area_id: None | str | Unset = UNSET,
    status: ListAgreementsStatusType0 | None | Unset = UNSET,
    kind: ListAgreementsKindType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[AgreementsPublic | Problem]:
    """List Agreements

     Agreements the caller may read: its own, its prefecture's (prefectures), or all (national, auditor).

    Args:
        party (None | str | Unset): agreements this government is party to
        area_id (None | str | Unset):
        status (ListAgreementsStatusType0 | None | Unset):
        kind (ListAgreementsKindType0 | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementsPublic | Problem]
    """

    kwargs = _get_kwargs(
        party=party,
        area_id=area_id,
        status=status,
        kind=kind,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    party: None | str | Unset = UNSET,
    area_id: None | str | Unset = UNSET,
    status: ListAgreementsStatusType0 | None | Unset = UNSET,
    kind: ListAgreementsKindType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> AgreementsPublic | Problem | None:
    """List Agreements

     Agreements the caller may read: its own, its prefecture's (prefectures), or all (national, auditor).

    Args:
        party (None | str | Unset): agreements this government is party to
        area_id (None | str | Unset):
        status (ListAgreementsStatusType0 | None | Unset):
        kind (ListAgreementsKindType0 | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementsPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            party=party,
            area_id=area_id,
            status=status,
            kind=kind,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
