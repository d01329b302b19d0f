"""What every Tandem service does, checked against impact: health, readiness, OpenAPI, migrations, contract."""
from tandem_shared.service_tests import *  # noqa: F401,F403
