"""Lifecycle of a bilateral agreement (連携協約, LAA art. 252-2): procedures, their ordered steps, versions.

Conclusion (締結), amendment (変更) and termination (廃止) each go through the same procedure: consultation
(協議), a council resolution (議会の議決) in each party, conclusion, a public notice (告示) by each party, and
the notification (届出) by each party to its own authority (art. 252-2 para. 2), on its own day or jointly.
Only a complete procedure changes what is in force, so neither party can amend or terminate alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.i18n import msg


class Step(StrEnum):
    CONSULTATION = "consultation"  # 協議
    COUNCIL_RESOLUTION = "council_resolution"  # 議会の議決, in each party
    CONCLUSION = "conclusion"  # 締結
    PUBLIC_NOTICE = "public_notice"  # 告示, by each party
    NOTIFICATION = "notification"  # 届出 to 総務大臣 or 都道府県知事, by each party


STEP_ORDER: tuple[Step, ...] = tuple(Step)
# Taken by each party on its own, with its number (議案番号, 告示番号): the record names the party.
PER_PARTY_STEPS = frozenset({Step.COUNCIL_RESOLUTION, Step.PUBLIC_NOTICE})
# Each party notifies its own authority, on its own day (the record names the party) or together with the
# other (a joint record without a party covers both); a document number is optional.
EACH_PARTY_OR_JOINT_STEPS = frozenset({Step.NOTIFICATION})
_SLOTTED_PER_PARTY = PER_PARTY_STEPS | EACH_PARTY_OR_JOINT_STEPS


class Purpose(StrEnum):
    CONCLUSION = "conclusion"
    AMENDMENT = "amendment"
    TERMINATION = "termination"


class Status(StrEnum):
    DRAFT = "draft"  # the conclusion procedure is under way
    IN_FORCE = "in_force"
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"  # the conclusion procedure was abandoned before conclusion


@dataclass(frozen=True)
class StepRecord:
    step: Step
    on: date
    party: str | None = None
    number: str | None = None


@dataclass(frozen=True)
class Slot:
    """One thing a procedure needs: a step, and for per-party steps the party that must take it."""

    step: Step
    party: str | None = None

    def __str__(self) -> str:
        return f"{self.step.value} of {self.party}" if self.party else self.step.value


@dataclass(frozen=True)
class Procedure:
    purpose: Purpose
    version: int  # the version it creates (conclusion, amendment) or ends (termination)
    parties: tuple[str, str]
    records: tuple[StepRecord, ...] = ()
    effective_on: date | None = None
    withdrawn_on: date | None = None

    def slots(self) -> list[Slot]:
        return [
            Slot(step, party)
            for step in STEP_ORDER
            for party in (self.parties if step in _SLOTTED_PER_PARTY else (None,))
        ]

    def done(self) -> set[Slot]:
        return {slot for r in self.records for slot in _covered(r, self.parties)}

    def outstanding(self) -> list[Slot]:
        done = self.done()
        return [slot for slot in self.slots() if slot not in done]

    def next_slots(self) -> list[Slot]:
        """What may be recorded now: the outstanding slots of the earliest unfinished step."""
        outstanding = self.outstanding()
        return [s for s in outstanding if s.step == outstanding[0].step] if outstanding else []

    @property
    def complete(self) -> bool:
        return self.withdrawn_on is None and not self.outstanding()

    @property
    def open(self) -> bool:
        return self.withdrawn_on is None and bool(self.outstanding())

    def date_of(self, step: Step) -> date | None:
        """The day the step was done: for a step of each party, the day the last party took it."""
        dates = [r.on for r in self.records if r.step == step]
        return max(dates) if dates else None

    def record_of(self, step: Step, party: str) -> StepRecord | None:
        """The record by which `party` took `step`: its own, or a joint one."""
        return next((r for r in self.records if Slot(step, party) in _covered(r, self.parties)), None)

    @property
    def takes_effect_on(self) -> date | None:
        notified = self.date_of(Step.NOTIFICATION)
        return None if notified is None else (self.effective_on or notified)

    def record(self, record: StepRecord) -> Procedure:
        """This procedure with `record` added; refuses a step out of order, twice, or for a non-party."""
        if self.withdrawn_on is not None:
            raise StateConflict(
                msg("agreements.procedure_withdrawn", purpose_value=self.purpose.value),
                rule="procedure_withdrawn",
            )
        slots = _slots_of(record, self.parties)
        taken = [s for s in slots if s in self.done()]
        if taken:
            raise StateConflict(
                msg("agreements.step_already_recorded", value=taken[0]),
                rule="step_already_recorded",
                step=str(taken[0]),
            )
        slot = slots[0]
        earlier = [s for s in self.outstanding() if STEP_ORDER.index(s.step) < STEP_ORDER.index(slot.step)]
        if earlier:
            missing = ", ".join(str(s) for s in earlier)
            raise StateConflict(
                msg("agreements.step_out_of_order", slot=slot, missing=missing),
                rule="step_out_of_order",
                # The same {step, party} shape as a procedure's next_steps, so a client reads both alike.
                missing=[{"step": s.step.value, "party": s.party} for s in earlier],
            )
        previous = [r.on for r in self.records if STEP_ORDER.index(r.step) < STEP_ORDER.index(slot.step)]
        if previous and record.on < max(previous):
            what = record.step.value if record.party is None else str(slot)
            raise RuleViolation(
                "on",
                "not_before_previous_step",
                msg(
                    "agreements.not_before_previous_step", what=what, record_on=record.on, value=max(previous)
                ),
            )
        if slot.step == Step.CONCLUSION and self.effective_on and record.on > self.effective_on:
            raise RuleViolation(
                "on",
                "not_after_effective_date",
                msg(
                    "agreements.not_after_effective_date", record_on=record.on, effective_on=self.effective_on
                ),
            )
        return replace(self, records=(*self.records, record))

    def withdraw(self, on: date) -> Procedure:
        if not self.open:
            raise StateConflict(msg("agreements.no_open_procedure"), rule="no_open_procedure")
        if self.date_of(Step.CONCLUSION) is not None:
            raise StateConflict(
                msg("agreements.already_concluded"),
                rule="already_concluded",
            )
        return replace(self, withdrawn_on=on)


def _covered(record: StepRecord, parties: tuple[str, str]) -> tuple[Slot, ...]:
    """The slots an accepted record fills: a joint record of a step of each party fills both."""
    if record.step in EACH_PARTY_OR_JOINT_STEPS and record.party is None:
        return tuple(Slot(record.step, party) for party in parties)
    return (Slot(record.step, record.party),)


def _slots_of(record: StepRecord, parties: tuple[str, str]) -> tuple[Slot, ...]:
    """The slots `record` would fill, or a RuleViolation when it names a party it must not (or none)."""
    if record.step in EACH_PARTY_OR_JOINT_STEPS:
        if record.party is not None and record.party not in parties:
            raise RuleViolation(
                "party",
                "party_of_agreement",
                msg(
                    "agreements.party_of_agreement",
                    record_step_value=record.step.value,
                    value=", ".join(parties),
                ),
            )
        return _covered(record, parties)
    if record.step in PER_PARTY_STEPS:
        if record.party not in parties:
            raise RuleViolation(
                "party",
                "party_of_agreement",
                msg(
                    "agreements.party_of_agreement_2",
                    record_step_value=record.step.value,
                    value=", ".join(parties),
                ),
            )
        if not record.number:
            raise RuleViolation(
                "number", "required", msg("agreements.required", record_step_value=record.step.value)
            )
        return (Slot(record.step, record.party),)
    if record.party is not None:
        raise RuleViolation(
            "party", "not_per_party", msg("agreements.not_per_party", record_step_value=record.step.value)
        )
    return (Slot(record.step),)


@dataclass(frozen=True)
class Signed:
    version: int
    concluded_on: date
    in_force_on: date


@dataclass(frozen=True)
class Amended:
    version: int
    previous_version: int
    concluded_on: date
    in_force_on: date


@dataclass(frozen=True)
class Terminated:
    version: int
    terminated_on: date


Outcome = Signed | Amended | Terminated


@dataclass(frozen=True)
class StepResult:
    lifecycle: AgreementLifecycle
    procedure: Procedure
    outcome: Outcome | None


@dataclass(frozen=True)
class AgreementLifecycle:
    """What is in force and what is under way; every change returns a new value."""

    parties: tuple[str, str]
    status: Status
    latest_version: int
    in_force_version: int | None = None
    procedure: Procedure | None = None  # the open one, if any

    @classmethod
    def draft(cls, parties: tuple[str, str], *, effective_on: date | None = None) -> AgreementLifecycle:
        procedure = Procedure(Purpose.CONCLUSION, 1, parties, effective_on=effective_on)
        return cls(parties=parties, status=Status.DRAFT, latest_version=1, procedure=procedure)

    def record_step(self, record: StepRecord) -> StepResult:
        if self.procedure is None:
            raise StateConflict(
                msg("agreements.no_open_procedure_2", status_value=self.status.value),
                rule="no_open_procedure",
            )
        procedure = self.procedure.record(record)
        if not procedure.complete:
            return StepResult(replace(self, procedure=procedure), procedure, None)
        concluded_on = procedure.date_of(Step.CONCLUSION)
        effective = procedure.takes_effect_on
        assert concluded_on is not None and effective is not None
        outcome: Outcome
        if procedure.purpose == Purpose.TERMINATION:
            outcome = Terminated(procedure.version, effective)
            state = replace(self, status=Status.TERMINATED, procedure=None)
        elif procedure.purpose == Purpose.AMENDMENT:
            assert self.in_force_version is not None
            outcome = Amended(procedure.version, self.in_force_version, concluded_on, effective)
            state = replace(self, in_force_version=procedure.version, procedure=None)
        else:
            outcome = Signed(procedure.version, concluded_on, effective)
            state = replace(self, status=Status.IN_FORCE, in_force_version=procedure.version, procedure=None)
        return StepResult(state, procedure, outcome)

    def _ensure_can_start(self, what: str) -> None:
        if self.status != Status.IN_FORCE:
            raise StateConflict(
                msg("agreements.not_in_force", what=what, status_value=self.status.value),
                rule="not_in_force",
            )
        if self.procedure is not None:
            raise StateConflict(
                msg("agreements.procedure_under_way", procedure_purpose_value=self.procedure.purpose.value),
                rule="procedure_under_way",
            )

    def start_amendment(self, *, effective_on: date | None = None) -> AgreementLifecycle:
        self._ensure_can_start("amendment")
        version = self.latest_version + 1
        procedure = Procedure(Purpose.AMENDMENT, version, self.parties, effective_on=effective_on)
        return replace(self, latest_version=version, procedure=procedure)

    def start_termination(self, *, effective_on: date | None = None) -> AgreementLifecycle:
        self._ensure_can_start("termination")
        assert self.in_force_version is not None
        procedure = Procedure(
            Purpose.TERMINATION, self.in_force_version, self.parties, effective_on=effective_on
        )
        return replace(self, procedure=procedure)

    def withdraw(self, on: date) -> StepResult:
        if self.procedure is None:
            raise StateConflict(msg("agreements.no_open_procedure_3"), rule="no_open_procedure")
        procedure = self.procedure.withdraw(on)
        status = Status.WITHDRAWN if procedure.purpose == Purpose.CONCLUSION else self.status
        return StepResult(replace(self, status=status, procedure=None), procedure, None)
