from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cost_public import CostPublic
from ...models.problem import Problem
from ...models.recruitment_cost_create import RecruitmentCostCreate
from ...types import Response


def _get_kwargs(
    recruitment_id: str,
    *,
    body: RecruitmentCostCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/recruitments/{recruitment_id}/costs".format(
            recruitment_id=quote(str(recruitment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CostPublic | Problem | None:
    if response.status_code == 201:
        response_201 = CostPublic.from_dict(response.json())

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
) -> Response[CostPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recruitment_id: str,
    *,
    client: AuthenticatedClient,
    body: RecruitmentCostCreate,
) -> Response[CostPublic | Problem]:
    """Record Cost

     Record one recruitment cost item (advertising, examination, ...) in integer yen.

    Args:
        recruitment_id (str):
        body (RecruitmentCostCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CostPublic | Problem]
    """

    kwargs = _get_kwargs(
        recruitment_id=recruitment_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recruitment_id: str,
    *,
    client: AuthenticatedClient,
    body: RecruitmentCostCreate,
) -> CostPublic | Problem | None:
    """Record Cost

     Record one recruitment cost item (advertising, examination, ...) in integer yen.

    Args:
        recruitment_id (str):
        body (RecruitmentCostCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CostPublic | Problem
    """

    return sync_detailed(
        recruitment_id=recruitment_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    recruitment_id: str,
    *,
    client: AuthenticatedClient,
    body: RecruitmentCostCreate,
) -> Response[CostPublic | Problem]:
    """Record Cost

     Record one recruitment cost item (advertising, examination, ...) in integer yen.

    Args:
        recruitment_id (str):
        body (RecruitmentCostCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CostPublic | Problem]
    """

    kwargs = _get_kwargs(
        recruitment_id=recruitment_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recruitment_id: str,
    *,
    client: AuthenticatedClient,
    body: RecruitmentCostCreate,
) -> CostPublic | Problem | None:
    """Record Cost

     Record one recruitment cost item (advertising, examination, ...) in integer yen.

    Args:
        recruitment_id (str):
        body (RecruitmentCostCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CostPublic | Problem
    """

    return (
        await asyncio_detailed(
            recruitment_id=recruitment_id,
            client=client,
            body=body,
        )
    ).parsed
