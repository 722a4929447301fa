"""Linguistic analysis: the spaCy model, loaded once per process."""
