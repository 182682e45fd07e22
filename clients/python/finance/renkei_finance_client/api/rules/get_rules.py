from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.measure import Measure
from ...models.problem import Problem
from ...models.rules_public import RulesPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    measure: Measure | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_measure: None | str | Unset
    if isinstance(measure, Unset):
        json_measure = UNSET
    elif isinstance(measure, Measure):
        json_measure = measure.value
    else:
        json_measure = measure
    params["measure"] = json_measure

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rules",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RulesPublic | None:
    if response.status_code == 200:
        response_200 = RulesPublic.from_dict(response.json())

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
) -> Response[Problem | RulesPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    measure: Measure | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
) -> Response[Problem | RulesPublic]:
    """Get Rules

     Every row in force: the shipped file overlaid with the rows national put.

    Args:
        measure (Measure | None | Unset):
        fiscal_year (int | None | Unset): rows in force in this FY

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulesPublic]
    """

    kwargs = _get_kwargs(
        measure=measure,
        fiscal_year=fiscal_year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    measure: Measure | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
) -> Problem | RulesPublic | None:
    """Get Rules

     Every row in force: the shipped file overlaid with the rows national put.

    Args:
        measure (Measure | None | Unset):
        fiscal_year (int | None | Unset): rows in force in this FY

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulesPublic
    """

    return sync_detailed(
        client=client,
        measure=measure,
        fiscal_year=fiscal_year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    measure: Measure | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
) -> Response[Problem | RulesPublic]:
    """Get Rules

     Every row in force: the shipped file overlaid with the rows national put.

    Args:
        measure (Measure | None | Unset):
        fiscal_year (int | None | Unset): rows in force in this FY

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulesPublic]
    """

    kwargs = _get_kwargs(
        measure=measure,
        fiscal_year=fiscal_year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    measure: Measure | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,
) -> Problem | RulesPublic | None:
    """Get Rules

     Every row in force: the shipped file overlaid with the rows national put.

    Args:
        measure (Measure | None | Unset):
        fiscal_year (int | None | Unset): rows in force in this FY

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulesPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            measure=measure,
            fiscal_year=fiscal_year,
        )
    ).parsed
