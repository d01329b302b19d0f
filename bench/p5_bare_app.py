"""P5's floor: a bare Flask + SQLAlchemy app, served by gunicorn the way the services are (bench/p5_memory.py).

One route that reads the database through a pooled SQLAlchemy engine and answers JSON, and /healthz: what any
Flask service on a relational database carries before its own code.
"""
import os

import sqlalchemy as sa
from flask import Flask, jsonify

app = Flask(__name__)
engine = sa.create_engine(os.environ["BARE_DATABASE_URL"], pool_pre_ping=True)


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")


@app.get("/items")
def items():
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT n, md5(n::text) AS label FROM generate_series(1, 20) AS n")).all()
    return jsonify(items=[{"n": n, "label": label} for n, label in rows])
