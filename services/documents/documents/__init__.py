"""Tandem documents service."""
