import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.overdue_reports_public import OverdueReportsPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: str,
    on: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["municipality_code"] = municipality_code

    json_on: None | str | Unset
    if isinstance(on, Unset):
        json_on = UNSET
    elif isinstance(on, datetime.date):
        json_on = on.isoformat()
    else:
        json_on = on
    params["on"] = json_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/annual-reports/overdue",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OverdueReportsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = OverdueReportsPublic.from_dict(response.json())

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
) -> Response[OverdueReportsPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    on: datetime.date | None | Unset = UNSET,
) -> Response[OverdueReportsPublic | Problem]:
    """Overdue

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        on (datetime.date | None | Unset): default today (JST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverdueReportsPublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        on=on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    on: datetime.date | None | Unset = UNSET,
) -> OverdueReportsPublic | Problem | None:
    """Overdue

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        on (datetime.date | None | Unset): default today (JST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverdueReportsPublic | Problem
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        on=on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    on: datetime.date | None | Unset = UNSET,
) -> Response[OverdueReportsPublic | Problem]:
    """Overdue

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        on (datetime.date | None | Unset): default today (JST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverdueReportsPublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        on=on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    on: datetime.date | None | Unset = UNSET,
) -> OverdueReportsPublic | Problem | None:
    """Overdue

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        on (datetime.date | None | Unset): default today (JST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverdueReportsPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            on=on,
        )
    ).parsed
