"""Tandem quiz service."""
