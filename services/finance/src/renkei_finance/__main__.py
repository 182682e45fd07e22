"""`python -m renkei_finance serve|migrate|downgrade`."""

from renkei_common.cli import main

from renkei_finance.config import Settings
from renkei_finance.main import service_spec

if __name__ == "__main__":
    main(spec=service_spec, settings=Settings, app_factory="renkei_finance.main:create_app")
