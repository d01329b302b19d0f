"""Root conftest: the fixtures every service's tests share."""
pytest_plugins = ["tandem_shared.pytest_plugin"]
