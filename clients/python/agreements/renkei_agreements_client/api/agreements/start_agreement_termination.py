from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreement_public import AgreementPublic
from ...models.problem import Problem
from ...models.termination_create import TerminationCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    agreement_id: str,
    *,
    body: TerminationCreate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/agreements/{agreement_id}/termination".format(
            agreement_id=quote(str(agreement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgreementPublic | Problem | None:
    if response.status_code == 201:
        response_201 = AgreementPublic.from_dict(response.json())

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
) -> Response[AgreementPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    agreement_id: str,
    *,
    client: AuthenticatedClient,
    body: TerminationCreate,
    if_match: None | str | Unset = UNSET,
) -> Response[AgreementPublic | Problem]:
    """Start Agreement Termination

     Open the termination procedure; the agreement stays in force until its last step.

    Args:
        agreement_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (TerminationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementPublic | Problem]
    """

    kwargs = _get_kwargs(
        agreement_id=agreement_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agreement_id: str,
    *,
    client: AuthenticatedClient,
    body: TerminationCreate,
    if_match: None | str | Unset = UNSET,
) -> AgreementPublic | Problem | None:
    """Start Agreement Termination

     Open the termination procedure; the agreement stays in force until its last step.

    Args:
        agreement_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (TerminationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementPublic | Problem
    """

    return sync_detailed(
        agreement_id=agreement_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    agreement_id: str,
    *,
    client: AuthenticatedClient,
    body: TerminationCreate,
    if_match: None | str | Unset = UNSET,
) -> Response[AgreementPublic | Problem]:
    """Start Agreement Termination

     Open the termination procedure; the agreement stays in force until its last step.

    Args:
        agreement_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (TerminationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementPublic | Problem]
    """

    kwargs = _get_kwargs(
        agreement_id=agreement_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agreement_id: str,
    *,
    client: AuthenticatedClient,
    body: TerminationCreate,
    if_match: None | str | Unset = UNSET,
) -> AgreementPublic | Problem | None:
    """Start Agreement Termination

     Open the termination procedure; the agreement stays in force until its last step.

    Args:
        agreement_id (str):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (TerminationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementPublic | Problem
    """

    return (
        await asyncio_detailed(
            agreement_id=agreement_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
