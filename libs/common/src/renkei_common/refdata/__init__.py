"""Reference data: local-government codes and the registry of prefectures and municipalities."""

from .codes import (
    PREFECTURE_CODES,
    CodeRule,
    InvalidLocalGovernmentCode,
    check_digit,
    fold_full_width_digits,
    is_valid_code,
    prefecture_code_of,
    validate_code,
)
from .municipalities import (
    POPULATION_SOURCE,
    THREE_METROPOLITAN_PREFECTURES,
    Flag,
    Kind,
    LocalGovernment,
    Registry,
    UnknownLocalGovernment,
    load_registry,
)

__all__ = [
    "POPULATION_SOURCE",
    "PREFECTURE_CODES",
    "THREE_METROPOLITAN_PREFECTURES",
    "CodeRule",
    "Flag",
    "InvalidLocalGovernmentCode",
    "Kind",
    "LocalGovernment",
    "Registry",
    "UnknownLocalGovernment",
    "check_digit",
    "fold_full_width_digits",
    "is_valid_code",
    "load_registry",
    "prefecture_code_of",
    "validate_code",
]
