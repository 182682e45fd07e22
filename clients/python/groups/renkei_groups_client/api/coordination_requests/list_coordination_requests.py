import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coordinations_public import CoordinationsPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: None | str | Unset = UNSET,
    overdue_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_municipality_code: None | str | Unset
    if isinstance(municipality_code, Unset):
        json_municipality_code = UNSET
    else:
        json_municipality_code = municipality_code
    params["municipality_code"] = json_municipality_code

    json_overdue_on: None | str | Unset
    if isinstance(overdue_on, Unset):
        json_overdue_on = UNSET
    elif isinstance(overdue_on, datetime.date):
        json_overdue_on = overdue_on.isoformat()
    else:
        json_overdue_on = overdue_on
    params["overdue_on"] = json_overdue_on

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
        "url": "/v1/coordination-requests",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoordinationsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = CoordinationsPublic.from_dict(response.json())

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
) -> Response[CoordinationsPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    overdue_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[CoordinationsPublic | Problem]:
    """List Requests

    Args:
        municipality_code (None | str | Unset):
        overdue_on (datetime.date | None | Unset): only those unanswered past due on this day
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationsPublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        overdue_on=overdue_on,
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
    municipality_code: None | str | Unset = UNSET,
    overdue_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> CoordinationsPublic | Problem | None:
    """List Requests

    Args:
        municipality_code (None | str | Unset):
        overdue_on (datetime.date | None | Unset): only those unanswered past due on this day
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationsPublic | Problem
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        overdue_on=overdue_on,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    overdue_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[CoordinationsPublic | Problem]:
    """List Requests

    Args:
        municipality_code (None | str | Unset):
        overdue_on (datetime.date | None | Unset): only those unanswered past due on this day
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationsPublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        overdue_on=overdue_on,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    overdue_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> CoordinationsPublic | Problem | None:
    """List Requests

    Args:
        municipality_code (None | str | Unset):
        overdue_on (datetime.date | None | Unset): only those unanswered past due on this day
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationsPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            overdue_on=overdue_on,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
