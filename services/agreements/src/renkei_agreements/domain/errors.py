"""Domain errors now live in renkei_common.domain_errors; this module re-exports them (kit migration)."""

from renkei_common.domain_errors import DomainError, RuleViolation, StateConflict, Violation

__all__ = ["DomainError", "RuleViolation", "StateConflict", "Violation"]
