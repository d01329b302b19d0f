"""The CloudEvents envelope: what goes on the wire, and what is refused."""
from __future__ import annotations

import json
import math
import re
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tandem_shared.envelope import CONTENT_TYPE, SPEC_VERSION, Event, InvalidEnvelope, utc_rfc3339

CLOUDEVENT_ATTRIBUTES = {"specversion", "id", "source", "type", "time", "subject", "datacontenttype", "correlationid", "data"}


def a_valid_envelope() -> dict:
    return Event(type="catalog.mission.published", source="catalog", subject="42", data={"title": "Été", "seats": 3}).to_dict()


def test_an_event_survives_a_round_trip_through_json_unchanged():
    event = Event(
        type="approval.request.approved",
        source="approval",
        subject="7f3c",
        data={"title": "Convention de stage — Élodie", "days": [1, 2], "nested": {"ok": True, "none": None}, "rate": 12.5},
        correlationid="corr-1",
    )

    again = Event.from_json(event.to_json())

    assert again == event
    assert Event.from_json(event.to_json().encode("utf-8")) == event
    assert Event.from_json(event.to_dict()) == event


def test_the_wire_form_carries_exactly_the_cloudevents_attributes_plus_correlationid():
    event = Event(type="catalog.mission.published", source="catalog", subject="42", data={"a": 1})

    wire = json.loads(event.to_json())

    assert set(wire) == CLOUDEVENT_ATTRIBUTES
    assert wire["specversion"] == SPEC_VERSION == "1.0"
    assert wire["datacontenttype"] == "application/json"
    assert CONTENT_TYPE == "application/cloudevents+json"
    assert uuid.UUID(wire["id"])  # a real UUID
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", wire["time"])
    parsed_time = datetime.fromisoformat(wire["time"].replace("Z", "+00:00"))
    assert abs(parsed_time - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_the_correlation_id_defaults_to_the_event_id_and_is_kept_when_given():
    alone = Event(type="catalog.mission.published", source="catalog", subject="1", data={})
    caused = Event(type="catalog.mission.published", source="catalog", subject="1", data={}, correlationid="upstream")

    assert alone.correlationid == alone.id
    assert caused.correlationid == "upstream"
    assert Event.from_json(caused.to_json()).correlationid == "upstream"


def test_two_events_get_different_ids():
    first = Event(type="catalog.mission.published", source="catalog", subject="1", data={})
    second = Event(type="catalog.mission.published", source="catalog", subject="1", data={})

    assert first.id != second.id


def test_data_is_plain_json_with_no_type_wrappers():
    data = {
        "when": utc_rfc3339(datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)),
        "day": date(2026, 11, 26).isoformat(),
        "id": str(uuid.UUID("12345678-1234-5678-1234-567812345678")),
        "amount": str(Decimal("12.50")),
        "list": [{"x": 1}],
    }
    event = Event(type="catalog.mission.published", source="catalog", subject="1", data=data)

    text = event.to_json()

    assert "__type__" not in text
    assert json.loads(text)["data"] == data
    assert json.loads(text)["data"]["when"] == "2026-11-26T09:30:00.000Z"


@pytest.mark.parametrize(
    "value",
    [datetime(2026, 1, 1, tzinfo=timezone.utc), uuid.uuid4(), Decimal("1.5"), date(2026, 1, 1)],
    ids=["datetime", "uuid", "decimal", "date"],
)
def test_an_event_whose_data_is_not_plain_json_cannot_be_serialised(value):
    # kombu's JSON would wrap these in {"__type__": ...}; ours refuses, so nobody ever publishes that.
    event = Event(type="catalog.mission.published", source="catalog", subject="1", data={"value": value})

    with pytest.raises(TypeError):
        event.to_json()


def test_nan_is_refused_because_it_is_not_json():
    event = Event(type="catalog.mission.published", source="catalog", subject="1", data={"x": math.nan})

    with pytest.raises(ValueError):
        event.to_json()


def test_utc_rfc3339_refuses_naive_datetimes_and_converts_offsets_to_z():
    with pytest.raises(ValueError):
        utc_rfc3339(datetime(2026, 1, 1, 12, 0))

    paris = timezone(timedelta(hours=1))
    assert utc_rfc3339(datetime(2026, 1, 1, 13, 0, tzinfo=paris)) == "2026-01-01T12:00:00.000Z"


def _without(key: str) -> dict:
    envelope = a_valid_envelope()
    del envelope[key]
    return envelope


def _with(**changes) -> dict:
    return {**a_valid_envelope(), **changes}


INVALID_ENVELOPES = {
    "not json": b"this is not json",
    "truncated json": b'{"specversion": "1.0", ',
    "a json array": b"[1, 2, 3]",
    "a json string": b'"hello"',
    "undecodable bytes": b"\xff\xfe\x00",
    "empty body": b"",
    "empty object": {},
    **{f"missing {key}": _without(key) for key in sorted(CLOUDEVENT_ATTRIBUTES)},
    "specversion 0.3": _with(specversion="0.3"),
    "empty id": _with(id=""),
    "empty source": _with(source=""),
    "type without three parts": _with(type="catalog.published"),
    "type with capitals": _with(type="Catalog.Mission.Published"),
    "type with spaces": _with(type="catalog.mission published"),
    "datacontenttype xml": _with(datacontenttype="application/xml"),
    "data is a list": _with(data=[1, 2]),
    "data is a string": _with(data="{}"),
    "data is null": _with(data=None),
    "id is a number": _with(id=12),
}


@pytest.mark.parametrize("body", list(INVALID_ENVELOPES.values()), ids=list(INVALID_ENVELOPES))
def test_an_invalid_envelope_raises_invalid_envelope(body):
    with pytest.raises(InvalidEnvelope):
        Event.from_json(body)


def test_invalid_envelope_is_a_value_error_so_generic_handlers_still_catch_it():
    assert issubclass(InvalidEnvelope, ValueError)


def test_unknown_attributes_are_ignored_rather_than_refused():
    envelope = _with(dataschema="https://example.org/schema.json", extension="x")

    event = Event.from_json(envelope)

    assert event.type == "catalog.mission.published"
    assert "extension" not in event.to_dict()


def test_an_event_data_reading_keeps_its_fields_ignores_the_others_and_refuses_what_does_not_fit():
    from marshmallow import ValidationError, fields

    from tandem_shared.envelope import EventData

    class Registered(EventData):
        person_id = fields.String(required=True)
        first_name = fields.String(required=True)

    class RegisteredWithCompany(Registered):
        company_id = fields.String(required=True)

    event = Event(type="engagement.person.registered", source="/t", subject="p-1",
                  data={"person_id": "p-1", "first_name": "Camille", "company_id": "c-1", "added_later": True})
    assert Registered.of(event) == {"person_id": "p-1", "first_name": "Camille"}
    # Each class reads with its own fields (one instance per class, not one shared along the inheritance).
    assert RegisteredWithCompany.of(event) == {"person_id": "p-1", "first_name": "Camille", "company_id": "c-1"}
    assert Registered.of(event) == {"person_id": "p-1", "first_name": "Camille"}
    with pytest.raises(ValidationError) as refused:
        Registered.of(Event(type="engagement.person.registered", source="/t", subject="p-2", data={"person_id": "p-2"}))
    assert refused.value.messages == {"first_name": ["Missing data for required field."]}
