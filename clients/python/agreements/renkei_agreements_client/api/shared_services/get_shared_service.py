from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.shared_service_public import SharedServicePublic
from ...types import Response


def _get_kwargs(
    shared_service_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/shared-services/{shared_service_id}".format(
            shared_service_id=quote(str(shared_service_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SharedServicePublic | None:
    if response.status_code == 200:
        response_200 = SharedServicePublic.from_dict(response.json())

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
) -> Response[Problem | SharedServicePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    shared_service_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SharedServicePublic]:
    """Get Shared Service

     The service with every year's cost sharing and each member's share in integer yen.

    Args:
        shared_service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharedServicePublic]
    """

    kwargs = _get_kwargs(
        shared_service_id=shared_service_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    shared_service_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | SharedServicePublic | None:
    """Get Shared Service

     The service with every year's cost sharing and each member's share in integer yen.

    Args:
        shared_service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharedServicePublic
    """

    return sync_detailed(
        shared_service_id=shared_service_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    shared_service_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SharedServicePublic]:
    """Get Shared Service

     The service with every year's cost sharing and each member's share in integer yen.

    Args:
        shared_service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharedServicePublic]
    """

    kwargs = _get_kwargs(
        shared_service_id=shared_service_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    shared_service_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | SharedServicePublic | None:
    """Get Shared Service

     The service with every year's cost sharing and each member's share in integer yen.

    Args:
        shared_service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharedServicePublic
    """

    return (
        await asyncio_detailed(
            shared_service_id=shared_service_id,
            client=client,
        )
    ).parsed
