from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.areas_public import AreasPublic
from ...models.list_areas_area_type_type_0 import ListAreasAreaTypeType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    area_type: ListAreasAreaTypeType0 | None | Unset = UNSET,
    member: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_area_type: None | str | Unset
    if isinstance(area_type, Unset):
        json_area_type = UNSET
    elif isinstance(area_type, ListAreasAreaTypeType0):
        json_area_type = area_type.value
    else:
        json_area_type = area_type
    params["area_type"] = json_area_type

    json_member: None | str | Unset
    if isinstance(member, Unset):
        json_member = UNSET
    else:
        json_member = member
    params["member"] = json_member

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
        "url": "/v1/areas",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AreasPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AreasPublic.from_dict(response.json())

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
) -> Response[AreasPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    area_type: ListAreasAreaTypeType0 | None | Unset = UNSET,
    member: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[AreasPublic | Problem]:
    """List Areas

     Areas the caller may read, oldest first; with `Accept: text/csv` a row per member of each area.

    Args:
        area_type (ListAreasAreaTypeType0 | None | Unset):
        member (None | str | Unset): only areas this government is or was part of
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AreasPublic | Problem]
    """

    kwargs = _get_kwargs(
        area_type=area_type,
        member=member,
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
    area_type: ListAreasAreaTypeType0 | None | Unset = UNSET,
    member: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> AreasPublic | Problem | None:
    """List Areas

     Areas the caller may read, oldest first; with `Accept: text/csv` a row per member of each area.

    Args:
        area_type (ListAreasAreaTypeType0 | None | Unset):
        member (None | str | Unset): only areas this government is or was part of
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AreasPublic | Problem
    """

    return sync_detailed(
        client=client,
        area_type=area_type,
        member=member,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    area_type: ListAreasAreaTypeType0 | None | Unset = UNSET,
    member: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[AreasPublic | Problem]:
    """List Areas

     Areas the caller may read, oldest first; with `Accept: text/csv` a row per member of each area.

    Args:
        area_type (ListAreasAreaTypeType0 | None | Unset):
        member (None | str | Unset): only areas this government is or was part of
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AreasPublic | Problem]
    """

    kwargs = _get_kwargs(
        area_type=area_type,
        member=member,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    area_type: ListAreasAreaTypeType0 | None | Unset = UNSET,
    member: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> AreasPublic | Problem | None:
    """List Areas

     Areas the caller may read, oldest first; with `Accept: text/csv` a row per member of each area.

    Args:
        area_type (ListAreasAreaTypeType0 | None | Unset):
        member (None | str | Unset): only areas this government is or was part of
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AreasPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            area_type=area_type,
            member=member,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
