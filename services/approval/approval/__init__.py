"""Tandem approval service."""
