"""Routes of /v1/groups/{id}: the effects of a designation, and its supervision."""

from __future__ import annotations

from fastapi import APIRouter, Response
from renkei_common.api_deps import DbDep, IfMatch, to_command
from renkei_common.auth import CurrentActor

from renkei_groups.api.routes.applications import respond
from renkei_groups.api.routes.paths import GroupPath
from renkei_groups.api.schemas.applications import ApplicationPublic
from renkei_groups.api.schemas.effects import (
    ChangeIn,
    ContractIn,
    ContractPublic,
    CoordinationIn,
    CoordinationPublic,
    EffectsPublic,
    LeaseIn,
    LeasePublic,
    ReportIn,
    ReportPublic,
    RevocationIn,
    RevocationPublic,
    SupervisionActIn,
    SupervisionActPublic,
    SupportIn,
    SupportPublic,
)
from renkei_groups.service_layer import effects, supervision
from renkei_groups.service_layer.commands import (
    AwardContract,
    FileReport,
    GrantLease,
    GrantSupport,
    IssueSupervisionAct,
    RecordChange,
    RequestCoordination,
    Revoke,
)

router = APIRouter(prefix="/v1/groups", tags=["groups"])


@router.get("/{group_id}/effects", response_model=EffectsPublic, operation_id="getGroupEffects")
async def list_effects(group_id: GroupPath, actor: CurrentActor, db: DbDep) -> EffectsPublic:
    """Support, coordination requests, leases and contracts recorded for the group."""
    found = await effects.effects_of(db=db, actor=actor, group_id=group_id)
    return EffectsPublic.model_validate(found, from_attributes=True)


@router.post("/{group_id}/changes", response_model=ApplicationPublic, operation_id="recordGroupChange")
async def record_change(
    group_id: GroupPath,
    body: ChangeIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    """A notified change of name, office or representative, with its 告示. Emits GroupDesignationChanged."""
    row = await effects.record_change(
        db=db, actor=actor, group_id=group_id, command=to_command(RecordChange, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post(
    "/{group_id}/supports", status_code=201, response_model=SupportPublic, operation_id="supportGroup"
)
async def grant_support(
    group_id: GroupPath, body: SupportIn, actor: CurrentActor, db: DbDep, if_match: IfMatch = None
) -> SupportPublic:
    """A grant in integer yen, or information provided. Emits GroupSupportGranted."""
    row = await effects.grant_support(
        db=db, actor=actor, group_id=group_id, command=to_command(GrantSupport, body), if_match=if_match
    )
    return SupportPublic.model_validate(row)


@router.post(
    "/{group_id}/coordination-requests",
    status_code=201,
    response_model=CoordinationPublic,
    operation_id="requestCoordination",
)
async def request_coordination(
    group_id: GroupPath, body: CoordinationIn, actor: CurrentActor, db: DbDep, response: Response
) -> CoordinationPublic:
    """調整の求め by the group. Emits CoordinationRequested."""
    row = await effects.request_coordination(
        db=db, actor=actor, group_id=group_id, command=to_command(RequestCoordination, body)
    )
    response.headers["Location"] = f"/v1/coordination-requests/{row.id}"
    return CoordinationPublic.model_validate(row)


@router.post("/{group_id}/leases", status_code=201, response_model=LeasePublic, operation_id="leaseToGroup")
async def grant_lease(
    group_id: GroupPath, body: LeaseIn, actor: CurrentActor, db: DbDep, if_match: IfMatch = None
) -> LeasePublic:
    """行政財産の貸付け; never overlapping another lease of the same part. Emits PropertyLeaseGranted."""
    row = await effects.grant_lease(
        db=db, actor=actor, group_id=group_id, command=to_command(GrantLease, body), if_match=if_match
    )
    return LeasePublic.model_validate(row)


@router.post(
    "/{group_id}/contracts",
    status_code=201,
    response_model=ContractPublic,
    operation_id="awardContract",
)
async def award_contract(
    group_id: GroupPath, body: ContractIn, actor: CurrentActor, db: DbDep, if_match: IfMatch = None
) -> ContractPublic:
    """随意契約による委託. Emits ContractAwarded; published as an OCDS release."""
    row = await effects.award_contract(
        db=db, actor=actor, group_id=group_id, command=to_command(AwardContract, body), if_match=if_match
    )
    return ContractPublic.model_validate(row)


@router.post(
    "/{group_id}/annual-reports",
    status_code=201,
    response_model=ReportPublic,
    operation_id="fileAnnualReport",
)
async def file_report(
    group_id: GroupPath, body: ReportIn, actor: CurrentActor, db: DbDep, if_match: IfMatch = None
) -> ReportPublic:
    """The group's annual report of a fiscal year. Emits AnnualReportFiled."""
    row = await supervision.file_report(
        db=db, actor=actor, group_id=group_id, command=to_command(FileReport, body), if_match=if_match
    )
    return ReportPublic.model_validate(row)


@router.post(
    "/{group_id}/supervision-acts",
    status_code=201,
    response_model=SupervisionActPublic,
    operation_id="superviseGroup",
)
async def issue_act(
    group_id: GroupPath, body: SupervisionActIn, actor: CurrentActor, db: DbDep, if_match: IfMatch = None
) -> SupervisionActPublic:
    """報告の求め or 措置命令. Emits SupervisionActIssued."""
    row = await supervision.issue_act(
        db=db,
        actor=actor,
        group_id=group_id,
        command=to_command(IssueSupervisionAct, body),
        if_match=if_match,
    )
    return SupervisionActPublic.model_validate(row)


@router.post("/{group_id}/revocation", response_model=RevocationPublic, operation_id="revokeDesignation")
async def revoke(
    group_id: GroupPath, body: RevocationIn, actor: CurrentActor, db: DbDep, if_match: IfMatch = None
) -> RevocationPublic:
    """指定の取消し with its 告示; lists the leases and contracts still running. Emits …Revoked."""
    done = await supervision.revoke(
        db=db, actor=actor, group_id=group_id, command=to_command(Revoke, body), if_match=if_match
    )
    return RevocationPublic(
        group_id=done.group.id,
        status=done.group.status,
        revoked_on=body.revoked_on,
        active_leases=[LeasePublic.model_validate(r) for r in done.active_leases],
        active_contracts=[ContractPublic.model_validate(c) for c in done.active_contracts],
    )
