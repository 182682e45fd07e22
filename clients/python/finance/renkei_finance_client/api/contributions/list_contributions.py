from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contributions_public import ContributionsPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int,
    municipality: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_municipality: None | str | Unset
    if isinstance(municipality, Unset):
        json_municipality = UNSET
    else:
        json_municipality = municipality
    params["municipality"] = json_municipality

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contributions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContributionsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ContributionsPublic.from_dict(response.json())

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
) -> Response[ContributionsPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    municipality: None | str | Unset = UNSET,
) -> Response[ContributionsPublic | Problem]:
    """List Contributions

     Contributions of the members the caller may see; finance never recomputes a share (issue 11 §4).

    Args:
        fiscal_year (int):
        municipality (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContributionsPublic | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        municipality=municipality,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    municipality: None | str | Unset = UNSET,
) -> ContributionsPublic | Problem | None:
    """List Contributions

     Contributions of the members the caller may see; finance never recomputes a share (issue 11 §4).

    Args:
        fiscal_year (int):
        municipality (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContributionsPublic | Problem
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        municipality=municipality,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    municipality: None | str | Unset = UNSET,
) -> Response[ContributionsPublic | Problem]:
    """List Contributions

     Contributions of the members the caller may see; finance never recomputes a share (issue 11 §4).

    Args:
        fiscal_year (int):
        municipality (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContributionsPublic | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        municipality=municipality,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    municipality: None | str | Unset = UNSET,
) -> ContributionsPublic | Problem | None:
    """List Contributions

     Contributions of the members the caller may see; finance never recomputes a share (issue 11 §4).

    Args:
        fiscal_year (int):
        municipality (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContributionsPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            municipality=municipality,
        )
    ).parsed
