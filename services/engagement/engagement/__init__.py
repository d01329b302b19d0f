"""Tandem engagement service."""
