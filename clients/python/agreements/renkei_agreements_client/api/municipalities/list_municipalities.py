from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.flag import Flag
from ...models.kind import Kind
from ...models.municipalities_public import MunicipalitiesPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    prefecture: None | str | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    flag: Flag | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_prefecture: None | str | Unset
    if isinstance(prefecture, Unset):
        json_prefecture = UNSET
    else:
        json_prefecture = prefecture
    params["prefecture"] = json_prefecture

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, Kind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_flag: None | str | Unset
    if isinstance(flag, Unset):
        json_flag = UNSET
    elif isinstance(flag, Flag):
        json_flag = flag.value
    else:
        json_flag = flag
    params["flag"] = json_flag

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
        "url": "/v1/municipalities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MunicipalitiesPublic | Problem | None:
    if response.status_code == 200:
        response_200 = MunicipalitiesPublic.from_dict(response.json())

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
) -> Response[MunicipalitiesPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    prefecture: None | str | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    flag: Flag | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[MunicipalitiesPublic | Problem]:
    """List Municipalities

     Prefectures and municipalities in code order; public reference data, readable by every caller.

    With `Accept: text/csv` every matching row from `cursor` on, as CSV (see the 200 response).

    Args:
        prefecture (None | str | Unset): 01–47
        kind (Kind | None | Unset):
        flag (Flag | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalitiesPublic | Problem]
    """

    kwargs = _get_kwargs(
        prefecture=prefecture,
        kind=kind,
        flag=flag,
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
    prefecture: None | str | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    flag: Flag | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> MunicipalitiesPublic | Problem | None:
    """List Municipalities

     Prefectures and municipalities in code order; public reference data, readable by every caller.

    With `Accept: text/csv` every matching row from `cursor` on, as CSV (see the 200 response).

    Args:
        prefecture (None | str | Unset): 01–47
        kind (Kind | None | Unset):
        flag (Flag | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalitiesPublic | Problem
    """

    return sync_detailed(
        client=client,
        prefecture=prefecture,
        kind=kind,
        flag=flag,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    prefecture: None | str | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    flag: Flag | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[MunicipalitiesPublic | Problem]:
    """List Municipalities

     Prefectures and municipalities in code order; public reference data, readable by every caller.

    With `Accept: text/csv` every matching row from `cursor` on, as CSV (see the 200 response).

    Args:
        prefecture (None | str | Unset): 01–47
        kind (Kind | None | Unset):
        flag (Flag | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MunicipalitiesPublic | Problem]
    """

    kwargs = _get_kwargs(
        prefecture=prefecture,
        kind=kind,
        flag=flag,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    prefecture: None | str | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    flag: Flag | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> MunicipalitiesPublic | Problem | None:
    """List Municipalities

     Prefectures and municipalities in code order; public reference data, readable by every caller.

    With `Accept: text/csv` every matching row from `cursor` on, as CSV (see the 200 response).

    Args:
        prefecture (None | str | Unset): 01–47
        kind (Kind | None | Unset):
        flag (Flag | None | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MunicipalitiesPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            prefecture=prefecture,
            kind=kind,
            flag=flag,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
