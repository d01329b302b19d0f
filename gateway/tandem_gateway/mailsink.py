"""The development SMTP sink: receives every e-mail Tandem sends and shows it at /dev/mail.

Used in the embedded mode (in-process) and in the local distributed mode (`python -m tandem_gateway.mailsink`).
Mails are kept in a SQLite file so a restart loses nothing.
"""
from __future__ import annotations

import argparse
import email
import email.policy
import json
import logging
import re
import socket
import sqlite3
import threading
import uuid
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from aiosmtpd.controller import Controller
from werkzeug.wrappers import Request, Response

_LINK = re.compile(r"https?://[^\s<>\"')]+")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


MAILBOX_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
.mail{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}.meta{color:#444;font-size:.9rem}
pre{white-space:pre-wrap;font-family:inherit}a{color:#0b57d0}
"""


class MailStore:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS mails (id TEXT PRIMARY KEY, received_at TEXT, sender TEXT,"
                " recipients TEXT, subject TEXT, text TEXT, raw BLOB)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def add(self, sender: str, recipients: list[str], raw: bytes) -> None:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        text = body.get_content() if body is not None else ""
        with self._lock, self._connect() as connection:
            connection.execute(
                "INSERT INTO mails VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    str(uuid.uuid4()),
                    datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                    sender,
                    json.dumps(recipients),
                    str(message.get("Subject", "")),
                    text,
                    raw,
                ),
            )

    def all(self) -> list[dict]:
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, received_at, sender, recipients, subject, text FROM mails ORDER BY received_at DESC"
            ).fetchall()
        return [
            {
                "id": row[0],
                "received_at": row[1],
                "from": row[2],
                "to": json.loads(row[3]),
                "subject": row[4],
                "text": row[5],
                "links": _LINK.findall(row[5] or ""),
            }
            for row in rows
        ]

    def raw(self, mail_id: str) -> bytes | None:
        with self._connect() as connection:
            row = connection.execute("SELECT raw FROM mails WHERE id = ?", (mail_id,)).fetchone()
        return row[0] if row else None


class _Handler:
    def __init__(self, store: MailStore):
        self.store = store

    async def handle_DATA(self, server, session, envelope):
        self.store.add(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


# aiosmtpd logs every SMTP conversation at INFO: noise next to the platform's own logs.
logging.getLogger("mail.log").setLevel(logging.WARNING)


class MailSink:
    """SMTP on `host:port`, plus a WSGI app for the mailbox pages."""

    def __init__(self, data_dir: Path, host: str = "127.0.0.1", port: int | None = None):
        self.store = MailStore(Path(data_dir) / "mailsink.db")
        self.host = host
        self.port = port or free_port(host)
        self._controller = Controller(_Handler(self.store), hostname=host, port=self.port)

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def wsgi_app(self, environ, start_response):
        request = Request(environ)
        path = request.path.rstrip("/")
        if request.method not in ("GET", "HEAD"):
            return Response("Méthode non autorisée", status=405)(environ, start_response)
        if path.endswith("/mail.json"):
            body = json.dumps({"items": self.store.all()}, ensure_ascii=False)
            return Response(body, content_type="application/json; charset=utf-8", headers={"Cache-Control": "no-store"})(environ, start_response)
        match = re.search(r"/mail/([0-9a-f-]{36})\.eml$", path)
        if match:
            raw = self.store.raw(match.group(1))
            if raw is None:
                return Response("Introuvable", status=404)(environ, start_response)
            return Response(raw, content_type="message/rfc822")(environ, start_response)
        if path.endswith("/mail.css"):
            # A file, not an inline <style>: the gateway's Content-Security-Policy allows the site's own styles only.
            return Response(MAILBOX_CSS, content_type="text/css; charset=utf-8")(environ, start_response)
        if path.endswith("/mail"):
            return Response(self._page(), content_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})(environ, start_response)
        return Response("Introuvable", status=404)(environ, start_response)

    def _page(self) -> str:
        mails = self.store.all()
        items = []
        for mail in mails:
            text = _LINK.sub(lambda m: f'<a href="{escape(m.group(0))}">{escape(m.group(0))}</a>', escape(mail["text"] or ""))
            items.append(
                f"""<article class="mail"><h2>{escape(mail['subject'])}</h2>
<p class="meta">À : {escape(', '.join(mail['to']))} · De : {escape(mail['from'])} · {escape(mail['received_at'])}
· <a href="mail/{mail['id']}.eml">source</a></p><pre>{text}</pre></article>"""
            )
        listing = "\n".join(items) or "<p>Aucun e-mail pour l'instant.</p>"
        return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Boîte de réception de développement — Tandem</title>
<link rel="stylesheet" href="mail.css"></head>
<body><header><h1>Boîte de réception de développement</h1>
<p>Tous les e-mails envoyés par Tandem en mode embarqué arrivent ici ({len(mails)}).</p></header>
<main>{listing}</main></body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Tandem's development SMTP sink and mailbox page.")
    parser.add_argument("--smtp-port", type=int, default=1025)
    parser.add_argument("--http-port", type=int, default=8025)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--data-dir", default="var")
    args = parser.parse_args()
    sink = MailSink(Path(args.data_dir), host=args.host, port=args.smtp_port)
    sink.start()
    from waitress import serve

    print(f"SMTP sink on {args.host}:{sink.port}; mailbox on http://{args.host}:{args.http_port}/dev/mail", flush=True)
    try:
        serve(sink.wsgi_app, host=args.host, port=args.http_port, threads=2)
    finally:
        sink.stop()


if __name__ == "__main__":
    main()
