from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rule_public import RulePublic
from ...models.rule_put import RulePut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    rule_id: str,
    *,
    body: RulePut,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/rules/{rule_id}".format(
            rule_id=quote(str(rule_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RulePublic | None:
    if response.status_code == 200:
        response_200 = RulePublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = RulePublic.from_dict(response.json())

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
) -> Response[Problem | RulePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rule_id: str,
    *,
    client: AuthenticatedClient,
    body: RulePut,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RulePublic]:
    """Put Rule Row

     Add a row or override a shipped one (national only); audited, versioned, and every line recomputed.

    Args:
        rule_id (str): e.g. metropolitan_partner_special.fy2021
        if_match (None | str | Unset):
        body (RulePut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulePublic]
    """

    kwargs = _get_kwargs(
        rule_id=rule_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rule_id: str,
    *,
    client: AuthenticatedClient,
    body: RulePut,
    if_match: None | str | Unset = UNSET,
) -> Problem | RulePublic | None:
    """Put Rule Row

     Add a row or override a shipped one (national only); audited, versioned, and every line recomputed.

    Args:
        rule_id (str): e.g. metropolitan_partner_special.fy2021
        if_match (None | str | Unset):
        body (RulePut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulePublic
    """

    return sync_detailed(
        rule_id=rule_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    rule_id: str,
    *,
    client: AuthenticatedClient,
    body: RulePut,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RulePublic]:
    """Put Rule Row

     Add a row or override a shipped one (national only); audited, versioned, and every line recomputed.

    Args:
        rule_id (str): e.g. metropolitan_partner_special.fy2021
        if_match (None | str | Unset):
        body (RulePut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulePublic]
    """

    kwargs = _get_kwargs(
        rule_id=rule_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rule_id: str,
    *,
    client: AuthenticatedClient,
    body: RulePut,
    if_match: None | str | Unset = UNSET,
) -> Problem | RulePublic | None:
    """Put Rule Row

     Add a row or override a shipped one (national only); audited, versioned, and every line recomputed.

    Args:
        rule_id (str): e.g. metropolitan_partner_special.fy2021
        if_match (None | str | Unset):
        body (RulePut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulePublic
    """

    return (
        await asyncio_detailed(
            rule_id=rule_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
