from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coverage_public import CoveragePublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: None | str | Unset = UNSET,
    unfilled_days: int | Unset = 90,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_municipality_code: None | str | Unset
    if isinstance(municipality_code, Unset):
        json_municipality_code = UNSET
    else:
        json_municipality_code = municipality_code
    params["municipality_code"] = json_municipality_code

    params["unfilled_days"] = unfilled_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/views/needs-coverage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoveragePublic | Problem | None:
    if response.status_code == 200:
        response_200 = CoveragePublic.from_dict(response.json())

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
) -> Response[CoveragePublic | Problem]:
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
    unfilled_days: int | Unset = 90,
) -> Response[CoveragePublic | Problem]:
    """Needs Coverage

    Args:
        municipality_code (None | str | Unset): 団体コード
        unfilled_days (int | Unset):  Default: 90.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoveragePublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        unfilled_days=unfilled_days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    unfilled_days: int | Unset = 90,
) -> CoveragePublic | Problem | None:
    """Needs Coverage

    Args:
        municipality_code (None | str | Unset): 団体コード
        unfilled_days (int | Unset):  Default: 90.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoveragePublic | Problem
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        unfilled_days=unfilled_days,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    unfilled_days: int | Unset = 90,
) -> Response[CoveragePublic | Problem]:
    """Needs Coverage

    Args:
        municipality_code (None | str | Unset): 団体コード
        unfilled_days (int | Unset):  Default: 90.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoveragePublic | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        unfilled_days=unfilled_days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    municipality_code: None | str | Unset = UNSET,
    unfilled_days: int | Unset = 90,
) -> CoveragePublic | Problem | None:
    """Needs Coverage

    Args:
        municipality_code (None | str | Unset): 団体コード
        unfilled_days (int | Unset):  Default: 90.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoveragePublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            unfilled_days=unfilled_days,
        )
    ).parsed
