"""`python -m renkei_staffing serve|migrate|downgrade`."""

from renkei_common.cli import main

from renkei_staffing.config import Settings
from renkei_staffing.main import service_spec

if __name__ == "__main__":
    main(spec=service_spec, settings=Settings, app_factory="renkei_staffing.main:create_app")
