"""Tandem notifier service."""
