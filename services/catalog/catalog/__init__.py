"""Tandem catalog service."""
