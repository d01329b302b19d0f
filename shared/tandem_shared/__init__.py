"""Tandem's shared mechanisms: nothing here knows what a mission or a person is."""
