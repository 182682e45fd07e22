"""Who may do what with a group: the group itself, its municipality, and readers above them.

- The group's representative (role `group`, org = the group's id) writes its own application, reports and
  coordination requests;
- the municipality reviews, designates, supports, leases, contracts and revokes only its own groups;
- prefectures read the groups of their municipalities; `national` and `auditor` read all;
- members' personal data (names, addresses, contact) is shown only to the group and its municipality.
"""

from __future__ import annotations

from renkei_common.access import can_read, visible
from renkei_common.auth import Actor, ensure_can_write
from renkei_common.errors import FieldError, Forbidden
from renkei_common.i18n import msg
from sqlalchemy import ColumnElement, or_

from renkei_groups.adapters.orm import GroupRow


def is_the_group(actor: Actor, group_id: str) -> bool:
    return actor.has_role("group") and actor.org == group_id


def ensure_group_writer(actor: Actor, group_id: str, *, field: str = "path.group_id") -> None:
    """403 unless the caller is this group's representative."""
    ensure_can_write(actor)
    if not is_the_group(actor, group_id):
        message = msg("groups.acts_for_own_group", org=actor.org, group_id=group_id)
        raise Forbidden(message, errors=[FieldError(field=field, rule="acts_for_own_group", message=message)])


def can_read_group(actor: Actor, group: GroupRow) -> bool:
    return is_the_group(actor, group.id) or (
        not actor.has_role("group") and can_read(actor, [group.municipality_code])
    )


def ensure_can_read_group(actor: Actor, group: GroupRow) -> None:
    if not can_read_group(actor, group):
        raise Forbidden(
            msg("groups.access.organisation_may_not_read_group", actor_org=actor.org, group_id=group.id)
        )


def sees_personal_data(actor: Actor, group: GroupRow) -> bool:
    """The group and its own municipality; not prefectures, national or auditors."""
    return is_the_group(actor, group.id) or (
        actor.has_role("municipality") and actor.org == group.municipality_code
    )


def visible_groups(actor: Actor) -> ColumnElement[bool]:
    """A SQL filter on GroupRow: the caller's own group, or the groups of municipalities it reads."""
    if actor.has_role("group"):
        return GroupRow.id == actor.org
    return or_(visible(actor, [GroupRow.municipality_code]))
