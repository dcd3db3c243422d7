"""The web: ``create_app(db)`` gives the FastAPI application ``cable serve`` runs."""

from .app import create_app

__all__ = ["create_app"]
