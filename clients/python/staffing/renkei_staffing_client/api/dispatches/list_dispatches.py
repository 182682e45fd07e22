from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dispatch_status import DispatchStatus
from ...models.dispatches_public import DispatchesPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: DispatchStatus | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    receiving_code: None | str | Unset = UNSET,
    employer_code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DispatchStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_flagged: bool | None | Unset
    if isinstance(flagged, Unset):
        json_flagged = UNSET
    else:
        json_flagged = flagged
    params["flagged"] = json_flagged

    json_receiving_code: None | str | Unset
    if isinstance(receiving_code, Unset):
        json_receiving_code = UNSET
    else:
        json_receiving_code = receiving_code
    params["receiving_code"] = json_receiving_code

    json_employer_code: None | str | Unset
    if isinstance(employer_code, Unset):
        json_employer_code = UNSET
    else:
        json_employer_code = employer_code
    params["employer_code"] = json_employer_code

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dispatches",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DispatchesPublic | Problem | None:
    if response.status_code == 200:
        response_200 = DispatchesPublic.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[DispatchesPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: DispatchStatus | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    receiving_code: None | str | Unset = UNSET,
    employer_code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[DispatchesPublic | Problem]:
    """List Dispatches

     Dispatches the caller takes part in; `?status=active&flagged=true` lists those needing action.

    Args:
        status (DispatchStatus | None | Unset):
        flagged (bool | None | Unset):
        receiving_code (None | str | Unset): 団体コード
        employer_code (None | str | Unset): 団体コード
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DispatchesPublic | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        flagged=flagged,
        receiving_code=receiving_code,
        employer_code=employer_code,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: DispatchStatus | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    receiving_code: None | str | Unset = UNSET,
    employer_code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> DispatchesPublic | Problem | None:
    """List Dispatches

     Dispatches the caller takes part in; `?status=active&flagged=true` lists those needing action.

    Args:
        status (DispatchStatus | None | Unset):
        flagged (bool | None | Unset):
        receiving_code (None | str | Unset): 団体コード
        employer_code (None | str | Unset): 団体コード
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DispatchesPublic | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        flagged=flagged,
        receiving_code=receiving_code,
        employer_code=employer_code,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: DispatchStatus | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    receiving_code: None | str | Unset = UNSET,
    employer_code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[DispatchesPublic | Problem]:
    """List Dispatches

     Dispatches the caller takes part in; `?status=active&flagged=true` lists those needing action.

    Args:
        status (DispatchStatus | None | Unset):
        flagged (bool | None | Unset):
        receiving_code (None | str | Unset): 団体コード
        employer_code (None | str | Unset): 団体コード
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DispatchesPublic | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        flagged=flagged,
        receiving_code=receiving_code,
        employer_code=employer_code,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: DispatchStatus | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    receiving_code: None | str | Unset = UNSET,
    employer_code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> DispatchesPublic | Problem | None:
    """List Dispatches

     Dispatches the caller takes part in; `?status=active&flagged=true` lists those needing action.

    Args:
        status (DispatchStatus | None | Unset):
        flagged (bool | None | Unset):
        receiving_code (None | str | Unset): 団体コード
        employer_code (None | str | Unset): 団体コード
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DispatchesPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            flagged=flagged,
            receiving_code=receiving_code,
            employer_code=employer_code,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
