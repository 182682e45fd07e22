from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_page_events_item import EventPageEventsItem


T = TypeVar("T", bound="EventPage")


@_attrs_define
class EventPage:
    """A page of the feed. Each event is a structured-mode CloudEvent; `next_after` is the next cursor.

    Platform roles (`service`, `operator`) see every event; any other caller only the events it may see
    (ADR 0011), so a page can be shorter than `limit`, even empty, while `next_after` moves on.

        Attributes:
            events (list[EventPageEventsItem]):
            next_after (int): pass as `after` to read on from here
    """

    events: list[EventPageEventsItem]
    next_after: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        next_after = self.next_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
                "next_after": next_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_page_events_item import EventPageEventsItem  # noqa: PLC0415

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventPageEventsItem.from_dict(events_item_data)

            events.append(events_item)

        next_after = d.pop("next_after")

        event_page = cls(
            events=events,
            next_after=next_after,
        )

        event_page.additional_properties = d
        return event_page

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
