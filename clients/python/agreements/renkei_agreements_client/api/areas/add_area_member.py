from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.area_public import AreaPublic
from ...models.member_create import MemberCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    area_id: str,
    *,
    body: MemberCreate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/areas/{area_id}/members".format(
            area_id=quote(str(area_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AreaPublic | Problem | None:
    if response.status_code == 201:
        response_201 = AreaPublic.from_dict(response.json())

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
) -> Response[AreaPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    area_id: str,
    *,
    client: AuthenticatedClient,
    body: MemberCreate,
    if_match: None | str | Unset = UNSET,
) -> Response[AreaPublic | Problem]:
    """Add Area Member

     Add a member for a period (the centre only). Emits AreaUpdated.

    Args:
        area_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (MemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AreaPublic | Problem]
    """

    kwargs = _get_kwargs(
        area_id=area_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    area_id: str,
    *,
    client: AuthenticatedClient,
    body: MemberCreate,
    if_match: None | str | Unset = UNSET,
) -> AreaPublic | Problem | None:
    """Add Area Member

     Add a member for a period (the centre only). Emits AreaUpdated.

    Args:
        area_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (MemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AreaPublic | Problem
    """

    return sync_detailed(
        area_id=area_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    area_id: str,
    *,
    client: AuthenticatedClient,
    body: MemberCreate,
    if_match: None | str | Unset = UNSET,
) -> Response[AreaPublic | Problem]:
    """Add Area Member

     Add a member for a period (the centre only). Emits AreaUpdated.

    Args:
        area_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (MemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AreaPublic | Problem]
    """

    kwargs = _get_kwargs(
        area_id=area_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    area_id: str,
    *,
    client: AuthenticatedClient,
    body: MemberCreate,
    if_match: None | str | Unset = UNSET,
) -> AreaPublic | Problem | None:
    """Add Area Member

     Add a member for a period (the centre only). Emits AreaUpdated.

    Args:
        area_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (MemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AreaPublic | Problem
    """

    return (
        await asyncio_detailed(
            area_id=area_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
