"""Input refusals as engagement answers them: 422 problem documents that name the fields at fault."""
from __future__ import annotations

from flask_smorest import abort


def field_error(field: str, message: str, status: int = 422):
    abort(status, message="Certaines données sont invalides : vérifie les champs signalés.", errors={field: [message]})


def dates_error(errors: dict[int, list[str]], field: str = "dates") -> None:
    """Date errors: `errors: {"dates": {"<position in the request>": ["…", …]}}`, and one sentence for the whole."""
    messages = list(dict.fromkeys(message for found in errors.values() for message in found))
    if len(messages) == 1:
        detail = messages[0]
    else:
        count = len(errors)
        detail = f"{count} date{'s' if count > 1 else ''} ne convien{'nent' if count > 1 else 't'} pas : " + " ".join(messages)
    abort(422, message=detail, errors={field: {str(index): found for index, found in errors.items()}})
