from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    municipality_code: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    limit: int | Unset = 500,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_municipality_code: None | str | Unset
    if isinstance(municipality_code, Unset):
        json_municipality_code = UNSET
    else:
        json_municipality_code = municipality_code
    params["municipality_code"] = json_municipality_code

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/public/ocds/release-package",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    municipality_code: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[Any | Problem]:
    """Release Package

     The no-bid contracts as an OCDS 1.1 release package.

    Args:
        municipality_code (None | str | Unset):
        fiscal_year (int | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        fiscal_year=fiscal_year,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    municipality_code: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    limit: int | Unset = 500,
) -> Any | Problem | None:
    """Release Package

     The no-bid contracts as an OCDS 1.1 release package.

    Args:
        municipality_code (None | str | Unset):
        fiscal_year (int | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        municipality_code=municipality_code,
        fiscal_year=fiscal_year,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    municipality_code: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[Any | Problem]:
    """Release Package

     The no-bid contracts as an OCDS 1.1 release package.

    Args:
        municipality_code (None | str | Unset):
        fiscal_year (int | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        municipality_code=municipality_code,
        fiscal_year=fiscal_year,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    municipality_code: None | str | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
    limit: int | Unset = 500,
) -> Any | Problem | None:
    """Release Package

     The no-bid contracts as an OCDS 1.1 release package.

    Args:
        municipality_code (None | str | Unset):
        fiscal_year (int | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            municipality_code=municipality_code,
            fiscal_year=fiscal_year,
            limit=limit,
        )
    ).parsed
