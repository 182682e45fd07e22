from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cost_sharing_public import CostSharingPublic
from ...models.cost_sharing_put import CostSharingPut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    shared_service_id: str,
    fiscal_year: int,
    *,
    body: CostSharingPut,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/shared-services/{shared_service_id}/cost-sharings/{fiscal_year}".format(
            shared_service_id=quote(str(shared_service_id), safe=""),
            fiscal_year=quote(str(fiscal_year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CostSharingPublic | Problem | None:
    if response.status_code == 200:
        response_200 = CostSharingPublic.from_dict(response.json())

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
) -> Response[CostSharingPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    shared_service_id: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: CostSharingPut,
    if_match: None | str | Unset = UNSET,
) -> Response[CostSharingPublic | Problem]:
    """Agree Cost Sharing

     Agree a year's cost sharing to the yen, per cost class (建設費, 運営費, 維持管理費) and basis (均等割,
    人口割, 利用割, 基準財政需要額割, 累積搬入量割), with the stated rounding. Emits CostSharingAgreed.

    Args:
        shared_service_id (str):
        fiscal_year (int):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (CostSharingPut): 当該年度の負担金の按分: `classes` (経費区分ごと) か、従来の `cost_yen` と `weights`
            のどちらか一方。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CostSharingPublic | Problem]
    """

    kwargs = _get_kwargs(
        shared_service_id=shared_service_id,
        fiscal_year=fiscal_year,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    shared_service_id: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: CostSharingPut,
    if_match: None | str | Unset = UNSET,
) -> CostSharingPublic | Problem | None:
    """Agree Cost Sharing

     Agree a year's cost sharing to the yen, per cost class (建設費, 運営費, 維持管理費) and basis (均等割,
    人口割, 利用割, 基準財政需要額割, 累積搬入量割), with the stated rounding. Emits CostSharingAgreed.

    Args:
        shared_service_id (str):
        fiscal_year (int):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (CostSharingPut): 当該年度の負担金の按分: `classes` (経費区分ごと) か、従来の `cost_yen` と `weights`
            のどちらか一方。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CostSharingPublic | Problem
    """

    return sync_detailed(
        shared_service_id=shared_service_id,
        fiscal_year=fiscal_year,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    shared_service_id: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: CostSharingPut,
    if_match: None | str | Unset = UNSET,
) -> Response[CostSharingPublic | Problem]:
    """Agree Cost Sharing

     Agree a year's cost sharing to the yen, per cost class (建設費, 運営費, 維持管理費) and basis (均等割,
    人口割, 利用割, 基準財政需要額割, 累積搬入量割), with the stated rounding. Emits CostSharingAgreed.

    Args:
        shared_service_id (str):
        fiscal_year (int):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (CostSharingPut): 当該年度の負担金の按分: `classes` (経費区分ごと) か、従来の `cost_yen` と `weights`
            のどちらか一方。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CostSharingPublic | Problem]
    """

    kwargs = _get_kwargs(
        shared_service_id=shared_service_id,
        fiscal_year=fiscal_year,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    shared_service_id: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: CostSharingPut,
    if_match: None | str | Unset = UNSET,
) -> CostSharingPublic | Problem | None:
    """Agree Cost Sharing

     Agree a year's cost sharing to the yen, per cost class (建設費, 運営費, 維持管理費) and basis (均等割,
    人口割, 利用割, 基準財政需要額割, 累積搬入量割), with the stated rounding. Emits CostSharingAgreed.

    Args:
        shared_service_id (str):
        fiscal_year (int):
        if_match (None | str | Unset): ETag from a GET; the write is refused (412) if it changed
        body (CostSharingPut): 当該年度の負担金の按分: `classes` (経費区分ごと) か、従来の `cost_yen` と `weights`
            のどちらか一方。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CostSharingPublic | Problem
    """

    return (
        await asyncio_detailed(
            shared_service_id=shared_service_id,
            fiscal_year=fiscal_year,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
