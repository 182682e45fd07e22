import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.profile_public import ProfilePublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: str,
    effective_on: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["municipality_code"] = municipality_code

    json_effective_on: None | str | Unset
    if isinstance(effective_on, Unset):
        json_effective_on = UNSET
    elif isinstance(effective_on, datetime.date):
        json_effective_on = effective_on.isoformat()
    else:
        json_effective_on = effective_on
    params["effective_on"] = json_effective_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ordinance-profiles/default",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProfilePublic | None:
    if response.status_code == 200:
        response_200 = ProfilePublic.from_dict(response.json())

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
) -> Response[Problem | ProfilePublic]:
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
    effective_on: datetime.date | None | Unset = UNSET,
) -> Response[Problem | ProfilePublic]:
    """Shipped Default

     The profile a municipality starts from: only the requirements art. 260-49 names.

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        effective_on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProfilePublic]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        effective_on=effective_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    effective_on: datetime.date | None | Unset = UNSET,
) -> Problem | ProfilePublic | None:
    """Shipped Default

     The profile a municipality starts from: only the requirements art. 260-49 names.

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        effective_on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProfilePublic
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        effective_on=effective_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    effective_on: datetime.date | None | Unset = UNSET,
) -> Response[Problem | ProfilePublic]:
    """Shipped Default

     The profile a municipality starts from: only the requirements art. 260-49 names.

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        effective_on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProfilePublic]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        effective_on=effective_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality_code: str,
    effective_on: datetime.date | None | Unset = UNSET,
) -> Problem | ProfilePublic | None:
    """Shipped Default

     The profile a municipality starts from: only the requirements art. 260-49 names.

    Args:
        municipality_code (str): 6-digit 団体コード with check digit
        effective_on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProfilePublic
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            effective_on=effective_on,
        )
    ).parsed
