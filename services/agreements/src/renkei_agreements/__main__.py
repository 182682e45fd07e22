"""`python -m renkei_agreements serve|migrate|downgrade`."""

from renkei_common.cli import main

from renkei_agreements.config import Settings
from renkei_agreements.main import service_spec

if __name__ == "__main__":
    main(spec=service_spec, settings=Settings, app_factory="renkei_agreements.main:create_app")
