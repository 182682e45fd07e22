from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_entries_public import AuditEntriesPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_resource_type: None | str | Unset
    if isinstance(resource_type, Unset):
        json_resource_type = UNSET
    else:
        json_resource_type = resource_type
    params["resource_type"] = json_resource_type

    json_resource_id: None | str | Unset
    if isinstance(resource_id, Unset):
        json_resource_id = UNSET
    else:
        json_resource_id = resource_id
    params["resource_id"] = json_resource_id

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEntriesPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AuditEntriesPublic.from_dict(response.json())

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
) -> Response[AuditEntriesPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> Response[AuditEntriesPublic | Problem]:
    """List Audit Entries

     Who changed what, when, from what to what; oldest first.

    Args:
        resource_type (None | str | Unset):
        resource_id (None | str | Unset):
        after (int | Unset): id of the last entry already read Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntriesPublic | Problem]
    """

    kwargs = _get_kwargs(
        resource_type=resource_type,
        resource_id=resource_id,
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> AuditEntriesPublic | Problem | None:
    """List Audit Entries

     Who changed what, when, from what to what; oldest first.

    Args:
        resource_type (None | str | Unset):
        resource_id (None | str | Unset):
        after (int | Unset): id of the last entry already read Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntriesPublic | Problem
    """

    return sync_detailed(
        client=client,
        resource_type=resource_type,
        resource_id=resource_id,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> Response[AuditEntriesPublic | Problem]:
    """List Audit Entries

     Who changed what, when, from what to what; oldest first.

    Args:
        resource_type (None | str | Unset):
        resource_id (None | str | Unset):
        after (int | Unset): id of the last entry already read Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntriesPublic | Problem]
    """

    kwargs = _get_kwargs(
        resource_type=resource_type,
        resource_id=resource_id,
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> AuditEntriesPublic | Problem | None:
    """List Audit Entries

     Who changed what, when, from what to what; oldest first.

    Args:
        resource_type (None | str | Unset):
        resource_id (None | str | Unset):
        after (int | Unset): id of the last entry already read Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntriesPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            resource_type=resource_type,
            resource_id=resource_id,
            after=after,
            limit=limit,
        )
    ).parsed
