from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_report_encoding import GetReportEncoding
from ...models.get_report_format import GetReportFormat
from ...models.level import Level
from ...models.problem import Problem
from ...models.report_public import ReportPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    level: Level,
    *,
    fiscal_year: int,
    format_: GetReportFormat | Unset = GetReportFormat.JSON,
    encoding: GetReportEncoding | Unset = GetReportEncoding.UTF_8,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_encoding: str | Unset = UNSET
    if not isinstance(encoding, Unset):
        json_encoding = encoding.value

    params["encoding"] = json_encoding

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/{level}".format(
            level=quote(str(level), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReportPublic | None:
    if response.status_code == 200:
        response_200 = ReportPublic.from_dict(response.json())

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
) -> Response[Problem | ReportPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    level: Level,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: GetReportFormat | Unset = GetReportFormat.JSON,
    encoding: GetReportEncoding | Unset = GetReportEncoding.UTF_8,
) -> Response[Problem | ReportPublic]:
    """Get Report

     Sums of the lines the caller may see, per group and measure, with Japanese headers for files.

    Args:
        level (Level):
        fiscal_year (int):
        format_ (GetReportFormat | Unset):  Default: GetReportFormat.JSON.
        encoding (GetReportEncoding | Unset): CSV only: UTF-8 with BOM, or CP932 Default:
            GetReportEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportPublic]
    """

    kwargs = _get_kwargs(
        level=level,
        fiscal_year=fiscal_year,
        format_=format_,
        encoding=encoding,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    level: Level,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: GetReportFormat | Unset = GetReportFormat.JSON,
    encoding: GetReportEncoding | Unset = GetReportEncoding.UTF_8,
) -> Problem | ReportPublic | None:
    """Get Report

     Sums of the lines the caller may see, per group and measure, with Japanese headers for files.

    Args:
        level (Level):
        fiscal_year (int):
        format_ (GetReportFormat | Unset):  Default: GetReportFormat.JSON.
        encoding (GetReportEncoding | Unset): CSV only: UTF-8 with BOM, or CP932 Default:
            GetReportEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportPublic
    """

    return sync_detailed(
        level=level,
        client=client,
        fiscal_year=fiscal_year,
        format_=format_,
        encoding=encoding,
    ).parsed


async def asyncio_detailed(
    level: Level,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: GetReportFormat | Unset = GetReportFormat.JSON,
    encoding: GetReportEncoding | Unset = GetReportEncoding.UTF_8,
) -> Response[Problem | ReportPublic]:
    """Get Report

     Sums of the lines the caller may see, per group and measure, with Japanese headers for files.

    Args:
        level (Level):
        fiscal_year (int):
        format_ (GetReportFormat | Unset):  Default: GetReportFormat.JSON.
        encoding (GetReportEncoding | Unset): CSV only: UTF-8 with BOM, or CP932 Default:
            GetReportEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportPublic]
    """

    kwargs = _get_kwargs(
        level=level,
        fiscal_year=fiscal_year,
        format_=format_,
        encoding=encoding,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    level: Level,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: GetReportFormat | Unset = GetReportFormat.JSON,
    encoding: GetReportEncoding | Unset = GetReportEncoding.UTF_8,
) -> Problem | ReportPublic | None:
    """Get Report

     Sums of the lines the caller may see, per group and measure, with Japanese headers for files.

    Args:
        level (Level):
        fiscal_year (int):
        format_ (GetReportFormat | Unset):  Default: GetReportFormat.JSON.
        encoding (GetReportEncoding | Unset): CSV only: UTF-8 with BOM, or CP932 Default:
            GetReportEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportPublic
    """

    return (
        await asyncio_detailed(
            level=level,
            client=client,
            fiscal_year=fiscal_year,
            format_=format_,
            encoding=encoding,
        )
    ).parsed
