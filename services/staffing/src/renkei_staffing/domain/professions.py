"""Professions (職種) as data: what a specialist is, the licences it needs, whether the measure covers it.

The special allocation tax for recruiting and dispatching specialists (令和6年度～) names 保健師, 保育士,
税務 and 用地 as examples; 技術職員 and デジタル人材 are covered by separate measures (別途、地方交付税措置),
so their costs are recorded but reported as ineligible under this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True, slots=True)
class Profession:
    code: str  # stable machine code, e.g. "public_health_nurse"
    name: str  # 保健師
    required_licences: tuple[str, ...] = ()  # licence kinds every specialist of this profession holds
    covered_by_measure: bool = True  # False: 技術職員・デジタル人材 have separate measures
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)


# The professions named by the source, plus the forester of Nara's example; operators add more as data.
STANDARD_PROFESSIONS: tuple[Profession, ...] = (
    Profession("public_health_nurse", "保健師", ("public_health_nurse_licence", "nurse_licence")),
    Profession("childcare_worker", "保育士", ("childcare_worker_registration",)),
    Profession("local_tax", "税務", (), description="地方税の徴収等"),
    Profession("land_acquisition", "用地", (), description="道路建設に伴う買収等"),
    Profession("civil_engineer", "土木技師", (), covered_by_measure=False, description="技術職員: 別途措置"),
    Profession("digital", "デジタル人材", (), covered_by_measure=False, description="別途措置"),
    Profession("forester", "フォレスター", ("forester_certificate",), description="例: 奈良県フォレスター"),
    Profession("social_worker", "社会福祉士", ("social_worker_registration",)),
    Profession("registered_dietitian", "管理栄養士", ("registered_dietitian_licence",)),
)


def check_profession(profession: Profession) -> Profession:
    violations: list[Violation] = []
    if not CODE_PATTERN.match(profession.code):
        violations.append(Violation("code", "profession_code_format", msg("staffing.profession_code_format")))
    if not profession.name.strip():
        violations.append(Violation("name", "required", msg("staffing.required")))
    for index, licence in enumerate(profession.required_licences):
        if not CODE_PATTERN.match(licence):
            violations.append(
                Violation(
                    f"required_licences[{index}]", "licence_kind_format", msg("staffing.licence_kind_format")
                )
            )
    if len(set(profession.required_licences)) != len(profession.required_licences):
        violations.append(Violation("required_licences", "unique", msg("staffing.unique")))
    if violations:
        raise RuleViolation(violations=violations)
    return profession
