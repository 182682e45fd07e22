from enum import StrEnum


class SharedServicePublicCategory(StrEnum):
    FACILITY = "facility"
    JOINT_TASK = "joint_task"

    def __str__(self) -> str:
        return str(self.value)
