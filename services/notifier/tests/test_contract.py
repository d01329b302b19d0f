"""The notifier's AsyncAPI document and migrations agree with its code."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from notifier.models import Base


def test_every_consumed_example_matches_its_own_schema(service):
    for event_type in service.contract.consumed_types():
        for example in service.contract.examples(event_type):
            service.contract.validate(event_type, example)


def test_the_migrations_build_the_tables_the_models_describe(service):
    with service.runtime.db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
