from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.comparisons_public import ComparisonsPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int,
    recipient: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_recipient: None | str | Unset
    if isinstance(recipient, Unset):
        json_recipient = UNSET
    else:
        json_recipient = recipient
    params["recipient"] = json_recipient

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/actuals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComparisonsPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ComparisonsPublic.from_dict(response.json())

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
) -> Response[ComparisonsPublic | Problem]:
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
    recipient: None | str | Unset = UNSET,
) -> Response[ComparisonsPublic | Problem]:
    """List Comparisons

     Estimate, actual and difference per recipient and measure, for the recipients the caller sees.

    Args:
        fiscal_year (int):
        recipient (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComparisonsPublic | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        recipient=recipient,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    recipient: None | str | Unset = UNSET,
) -> ComparisonsPublic | Problem | None:
    """List Comparisons

     Estimate, actual and difference per recipient and measure, for the recipients the caller sees.

    Args:
        fiscal_year (int):
        recipient (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComparisonsPublic | Problem
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        recipient=recipient,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    recipient: None | str | Unset = UNSET,
) -> Response[ComparisonsPublic | Problem]:
    """List Comparisons

     Estimate, actual and difference per recipient and measure, for the recipients the caller sees.

    Args:
        fiscal_year (int):
        recipient (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComparisonsPublic | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        recipient=recipient,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    recipient: None | str | Unset = UNSET,
) -> ComparisonsPublic | Problem | None:
    """List Comparisons

     Estimate, actual and difference per recipient and measure, for the recipients the caller sees.

    Args:
        fiscal_year (int):
        recipient (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComparisonsPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            recipient=recipient,
        )
    ).parsed
