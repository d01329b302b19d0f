"""A service's AsyncAPI 3 document as data: what it publishes and consumes, schemas and examples."""
from __future__ import annotations

import copy
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema
import yaml


class AsyncApiDocument:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.document: dict[str, Any] = yaml.safe_load(self.path.read_text(encoding="utf-8"))

    def _resolve(self, node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node and isinstance(node["$ref"], str) and node["$ref"].startswith("#/"):
                target: Any = self.document
                for part in node["$ref"][2:].split("/"):
                    target = target[part.replace("~1", "/").replace("~0", "~")]
                return self._resolve(copy.deepcopy(target))
            return {key: self._resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [self._resolve(item) for item in node]
        return node

    @cached_property
    def _messages_by_action(self) -> dict[str, dict[str, dict[str, Any]]]:
        result: dict[str, dict[str, dict[str, Any]]] = {"send": {}, "receive": {}}
        for operation in (self.document.get("operations") or {}).values():
            channel = self._resolve(operation["channel"])
            for message in (channel.get("messages") or {}).values():
                result[operation["action"]][message["name"]] = message
        return result

    def published_types(self) -> set[str]:
        return set(self._messages_by_action["send"])

    def consumed_types(self) -> set[str]:
        return set(self._messages_by_action["receive"])

    def message(self, event_type: str) -> dict[str, Any]:
        for messages in self._messages_by_action.values():
            if event_type in messages:
                return messages[event_type]
        raise KeyError(f"{event_type} is not in {self.path.name}")

    def payload_schema(self, event_type: str) -> dict[str, Any]:
        return self.message(event_type)["payload"]

    def examples(self, event_type: str) -> list[dict[str, Any]]:
        return [example["payload"] for example in self.message(event_type).get("examples", [])]

    def validate(self, event_type: str, data: dict[str, Any]) -> None:
        """Raise `jsonschema.ValidationError` when `data` breaks the documented payload schema."""
        schema = self.payload_schema(event_type)
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
