from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actual_public import ActualPublic
from ...models.actual_put import ActualPut
from ...models.measure import Measure
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    fiscal_year: int,
    recipient_code: str,
    measure: Measure,
    *,
    body: ActualPut,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/actuals/{fiscal_year}/{recipient_code}/{measure}".format(
            fiscal_year=quote(str(fiscal_year), safe=""),
            recipient_code=quote(str(recipient_code), safe=""),
            measure=quote(str(measure), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActualPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ActualPublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ActualPublic.from_dict(response.json())

        return response_201

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
) -> Response[ActualPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fiscal_year: int,
    recipient_code: str,
    measure: Measure,
    *,
    client: AuthenticatedClient,
    body: ActualPut,
    if_match: None | str | Unset = UNSET,
) -> Response[ActualPublic | Problem]:
    """Put Actual

     Record the decided amount (national only); audited and versioned.

    Args:
        fiscal_year (int):
        recipient_code (str):
        measure (Measure):
        if_match (None | str | Unset):
        body (ActualPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActualPublic | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        recipient_code=recipient_code,
        measure=measure,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fiscal_year: int,
    recipient_code: str,
    measure: Measure,
    *,
    client: AuthenticatedClient,
    body: ActualPut,
    if_match: None | str | Unset = UNSET,
) -> ActualPublic | Problem | None:
    """Put Actual

     Record the decided amount (national only); audited and versioned.

    Args:
        fiscal_year (int):
        recipient_code (str):
        measure (Measure):
        if_match (None | str | Unset):
        body (ActualPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActualPublic | Problem
    """

    return sync_detailed(
        fiscal_year=fiscal_year,
        recipient_code=recipient_code,
        measure=measure,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    fiscal_year: int,
    recipient_code: str,
    measure: Measure,
    *,
    client: AuthenticatedClient,
    body: ActualPut,
    if_match: None | str | Unset = UNSET,
) -> Response[ActualPublic | Problem]:
    """Put Actual

     Record the decided amount (national only); audited and versioned.

    Args:
        fiscal_year (int):
        recipient_code (str):
        measure (Measure):
        if_match (None | str | Unset):
        body (ActualPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActualPublic | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        recipient_code=recipient_code,
        measure=measure,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fiscal_year: int,
    recipient_code: str,
    measure: Measure,
    *,
    client: AuthenticatedClient,
    body: ActualPut,
    if_match: None | str | Unset = UNSET,
) -> ActualPublic | Problem | None:
    """Put Actual

     Record the decided amount (national only); audited and versioned.

    Args:
        fiscal_year (int):
        recipient_code (str):
        measure (Measure):
        if_match (None | str | Unset):
        body (ActualPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActualPublic | Problem
    """

    return (
        await asyncio_detailed(
            fiscal_year=fiscal_year,
            recipient_code=recipient_code,
            measure=measure,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
