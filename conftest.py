"""Root conftest: the fixtures every service's tests share, and how `make test` groups them over processes."""
pytest_plugins = ["tandem_shared.pytest_plugin"]
