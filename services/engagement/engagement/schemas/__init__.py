"""Engagement's API shapes (marshmallow): what clients send and receive, one module per feature of the API
(`accounts`, `admin`, `workflow`, `proposals`) and what they share (`common`)."""
