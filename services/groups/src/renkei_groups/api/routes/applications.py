"""Routes of /v1/applications: a group applies; its municipality reviews, designates or rejects."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse
from renkei_common.api_deps import Code, CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import Actor, CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, CsvRequested, column, export

from renkei_groups.api.presenters import application_public
from renkei_groups.api.routes.paths import GroupPath
from renkei_groups.api.schemas.applications import (
    ApplicationCreate,
    ApplicationPublic,
    ApplicationsPublic,
    DecisionIn,
    SubmitIn,
    WithdrawIn,
)
from renkei_groups.domain.kinds import ApplicationStatus
from renkei_groups.service_layer import applications as use_cases
from renkei_groups.service_layer.commands import Decide, DraftApplication, SubmitApplication, Withdraw

router = APIRouter(prefix="/v1/applications", tags=["applications"])


def respond(row: Any, actor: Actor, response: Response) -> ApplicationPublic:
    set_etag(response, row.id, row.row_version)
    return application_public(row, actor)


@router.post("", status_code=201, response_model=ApplicationPublic, operation_id="draftApplication")
async def draft_application(
    body: ApplicationCreate, actor: CurrentActor, db: DbDep, response: Response
) -> ApplicationPublic:
    """A group (role `group`; its org is its id) drafts its application to its municipality."""
    row = await use_cases.draft_application(db=db, actor=actor, command=to_command(DraftApplication, body))
    response.headers["Location"] = f"/v1/applications/{row.id}"
    return respond(row, actor, response)


# The CSV export (e.g. `?status=designated`: the 指定地域共同活動団体 of a municipality or prefecture):
# counts only, never a member's or the representative's personal data.
CSV_COLUMNS = (
    column("id", "団体ID"),
    column("municipality_code", "市町村コード"),
    column("status", "状態"),
    column("name", "名称"),
    column("office", "事務所"),
    column("area", "区域"),
    column("member_summary.members", "構成員数", lambda a: a.member_summary.members),
    column("member_summary.organisations", "うち団体の数", lambda a: a.member_summary.organisations),
    column("submitted_on", "申請日"),
    column("decided_on", "決定日"),
    column("designated_on", "指定日"),
    column("revoked_on", "指定取消日"),
    column("created_at", "作成日時"),
)


@router.get("", response_model=ApplicationsPublic, operation_id="listApplications", responses=CSV_RESPONSES)
async def list_applications(
    actor: CurrentActor,
    db: DbDep,
    csv: CsvRequested,
    municipality_code: Annotated[Code | None, Query()] = None,
    status: Annotated[ApplicationStatus | None, Query()] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> ApplicationsPublic | StreamingResponse:
    """The applications the caller may read, with member counts only; GET one for its members."""

    async def page(after: str | None, size: int) -> tuple[list[ApplicationPublic], str | None]:
        rows, following = await use_cases.list_groups(
            db=db, actor=actor, municipality_code=municipality_code, status=status, cursor=after, limit=size
        )
        return [application_public(r, actor, with_members=False) for r in rows], following

    if csv is not None:
        return await export(page, CSV_COLUMNS, charset=csv, filename="groups", cursor=cursor)
    data, next_cursor = await page(cursor, limit)
    return ApplicationsPublic(data=data, next_cursor=next_cursor)


@router.get("/{group_id}", response_model=ApplicationPublic, operation_id="getApplication")
async def get_application(
    group_id: GroupPath, actor: CurrentActor, db: DbDep, response: Response
) -> ApplicationPublic:
    """The application with its findings; members' personal data only for the group and its municipality."""
    return respond(await use_cases.get_group(db=db, actor=actor, group_id=group_id), actor, response)


@router.put("/{group_id}", response_model=ApplicationPublic, operation_id="editApplication")
async def edit_draft(
    group_id: GroupPath,
    body: ApplicationCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    row = await use_cases.update_draft(
        db=db, actor=actor, group_id=group_id, command=to_command(DraftApplication, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/submission", response_model=ApplicationPublic, operation_id="submitApplication")
async def submit(
    group_id: GroupPath,
    body: SubmitIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    """Submit; the ordinance in force on the submission date governs the application from then on."""
    row = await use_cases.submit_application(
        db=db, actor=actor, group_id=group_id, command=to_command(SubmitApplication, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/reopening", response_model=ApplicationPublic, operation_id="reopenApplication")
async def reopen(
    group_id: GroupPath, actor: CurrentActor, db: DbDep, response: Response, if_match: IfMatch = None
) -> ApplicationPublic:
    """After a rejection, withdrawal or revocation, the group drafts again (the history stays in the log)."""
    row = await use_cases.reopen(db=db, actor=actor, group_id=group_id, if_match=if_match)
    return respond(row, actor, response)


@router.post("/{group_id}/review", response_model=ApplicationPublic, operation_id="reviewApplication")
async def review(
    group_id: GroupPath, actor: CurrentActor, db: DbDep, response: Response, if_match: IfMatch = None
) -> ApplicationPublic:
    """The municipality takes it up; the ordinance checks run: met, not met (why), or needs judgement."""
    row = await use_cases.start_review(db=db, actor=actor, group_id=group_id, if_match=if_match)
    return respond(row, actor, response)


@router.post("/{group_id}/designation", response_model=ApplicationPublic, operation_id="designateApplication")
async def designate(
    group_id: GroupPath,
    body: DecisionIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    """指定, with reasons and its 告示. Emits GroupDesignated."""
    row = await use_cases.designate(
        db=db, actor=actor, group_id=group_id, command=to_command(Decide, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/rejection", response_model=ApplicationPublic, operation_id="rejectApplication")
async def reject(
    group_id: GroupPath,
    body: DecisionIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    row = await use_cases.reject(
        db=db, actor=actor, group_id=group_id, command=to_command(Decide, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/withdrawal", response_model=ApplicationPublic, operation_id="withdrawApplication")
async def withdraw(
    group_id: GroupPath,
    body: WithdrawIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    row = await use_cases.withdraw(
        db=db, actor=actor, group_id=group_id, command=to_command(Withdraw, body), if_match=if_match
    )
    return respond(row, actor, response)
