"""Event handlers of the finance service, keyed by CloudEvents type."""

from renkei_common.events.consumer import Handler
from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated

from renkei_finance.consumers.agreements import on_agreement_in_force, on_agreement_terminated

HANDLERS: dict[str, Handler] = {
    AgreementSigned.type_name(): on_agreement_in_force,
    AgreementAmended.type_name(): on_agreement_in_force,
    AgreementTerminated.type_name(): on_agreement_terminated,
}
