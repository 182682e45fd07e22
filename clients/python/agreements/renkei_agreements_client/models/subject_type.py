from enum import StrEnum


class SubjectType(StrEnum):
    JOINT_TASK = "joint_task"
    POLICY_FIELD = "policy_field"
    SHARED_FACILITY = "shared_facility"
    STAFFING_COOPERATION = "staffing_cooperation"

    def __str__(self) -> str:
        return str(self.value)
