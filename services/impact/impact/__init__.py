"""Tandem impact service."""
