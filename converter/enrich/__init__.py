"""Enrichment: actors (NER + aliases), topics (controlled vocabulary), description."""
