from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.shared_service_create import SharedServiceCreate
from ...models.shared_service_public import SharedServicePublic
from ...types import Response


def _get_kwargs(
    *,
    body: SharedServiceCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/shared-services",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SharedServicePublic | None:
    if response.status_code == 201:
        response_201 = SharedServicePublic.from_dict(response.json())

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
) -> Response[Problem | SharedServicePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SharedServiceCreate,
) -> Response[Problem | SharedServicePublic]:
    """Register Shared Service

     Register a shared facility or joint task; the caller must be its lead member.

    Args:
        body (SharedServiceCreate): A shared facility (公共施設の集約化・共同利用) or a joint task (事務の共同実施)
            and its members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharedServicePublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SharedServiceCreate,
) -> Problem | SharedServicePublic | None:
    """Register Shared Service

     Register a shared facility or joint task; the caller must be its lead member.

    Args:
        body (SharedServiceCreate): A shared facility (公共施設の集約化・共同利用) or a joint task (事務の共同実施)
            and its members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharedServicePublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SharedServiceCreate,
) -> Response[Problem | SharedServicePublic]:
    """Register Shared Service

     Register a shared facility or joint task; the caller must be its lead member.

    Args:
        body (SharedServiceCreate): A shared facility (公共施設の集約化・共同利用) or a joint task (事務の共同実施)
            and its members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharedServicePublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SharedServiceCreate,
) -> Problem | SharedServicePublic | None:
    """Register Shared Service

     Register a shared facility or joint task; the caller must be its lead member.

    Args:
        body (SharedServiceCreate): A shared facility (公共施設の集約化・共同利用) or a joint task (事務の共同実施)
            and its members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharedServicePublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
