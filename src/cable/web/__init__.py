"""The web: ``create_app(db)`` gives the FastAPI application ``cable serve`` runs."""

from .app import create_app

__all__ = ["app_from_environment", "create_app"]


def app_from_environment():
    """The application over the store ``CABLE_DB`` names, with settings from the environment:
    what each process of ``cable serve --workers N`` runs."""
    from ..settings import Settings

    settings = Settings.load()
    return create_app(settings.db, settings=settings)
