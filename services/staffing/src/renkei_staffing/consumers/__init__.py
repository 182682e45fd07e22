"""Event handlers of the staffing service; REGISTRY is also where its subscriptions come from."""

from renkei_common.events.handlers import HandlerRegistry
from renkei_common.refdata.projection import government_handlers

from renkei_staffing.adapters.orm import Government
from renkei_staffing.consumers import agreements

REGISTRY = HandlerRegistry().include(government_handlers(Government)).include(agreements.registry)
