from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_projections_public import GroupProjectionsPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_municipality: None | str | Unset
    if isinstance(municipality, Unset):
        json_municipality = UNSET
    else:
        json_municipality = municipality
    params["municipality"] = json_municipality

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

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
        "url": "/v1/projections/groups",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GroupProjectionsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = GroupProjectionsPublic.from_dict(response.json())

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
) -> Response[GroupProjectionsPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    municipality: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[GroupProjectionsPublic | Problem]:
    """List Groups

     Designated groups (指定地域共同活動団体) of municipalities the caller may see, with their funding.

    Args:
        municipality (None | str | Unset): only groups designated by this municipality
        fiscal_year (int | None | Unset): only the funding of this FY
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GroupProjectionsPublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality=municipality,
        fiscal_year=fiscal_year,
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
    municipality: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> GroupProjectionsPublic | Problem | None:
    """List Groups

     Designated groups (指定地域共同活動団体) of municipalities the caller may see, with their funding.

    Args:
        municipality (None | str | Unset): only groups designated by this municipality
        fiscal_year (int | None | Unset): only the funding of this FY
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GroupProjectionsPublic | Problem
    """

    return sync_detailed(
        client=client,
        municipality=municipality,
        fiscal_year=fiscal_year,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[GroupProjectionsPublic | Problem]:
    """List Groups

     Designated groups (指定地域共同活動団体) of municipalities the caller may see, with their funding.

    Args:
        municipality (None | str | Unset): only groups designated by this municipality
        fiscal_year (int | None | Unset): only the funding of this FY
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GroupProjectionsPublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality=municipality,
        fiscal_year=fiscal_year,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> GroupProjectionsPublic | Problem | None:
    """List Groups

     Designated groups (指定地域共同活動団体) of municipalities the caller may see, with their funding.

    Args:
        municipality (None | str | Unset): only groups designated by this municipality
        fiscal_year (int | None | Unset): only the funding of this FY
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GroupProjectionsPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality=municipality,
            fiscal_year=fiscal_year,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
