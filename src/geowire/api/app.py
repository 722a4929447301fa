"""The HTTP API and the web page. Reads the store; never runs the pipeline itself."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from geowire import __version__
from geowire.export.formats import to_geojson
from geowire.store.repository import EventFilter, Store

WEB_DIR = Path(str(resources.files("geowire") / "web"))


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="geowire", version=__version__,
                  description="Events coded from news, with places, actors, dates, attribution and evidence.")

    @app.exception_handler(HTTPException)
    async def problem(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"type": "about:blank", "title": exc.detail, "status": exc.status_code},
                            status_code=exc.status_code, media_type="application/problem+json")

    @app.exception_handler(Exception)
    async def crash(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse({"type": "about:blank", "title": "internal error", "status": 500},
                            status_code=500, media_type="application/problem+json")

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__, "articles": store.stats()["articles"]}

    @app.get("/api/events", summary="Events as an RFC 7946 GeoJSON FeatureCollection")
    def events(
        since: Annotated[str | None, Query(description="earliest event date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="latest event date, YYYY-MM-DD")] = None,
        type: Annotated[str | None, Query(description="PLOVER event type")] = None,
        country: Annotated[str | None, Query(description="ISO alpha-3 of source or target")] = None,
        actor: Annotated[str | None, Query(description="text in the source or target")] = None,
        certainty: Annotated[str | None, Query()] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        flt = EventFilter(since=since, until=until, type=type, country=country, actor=actor, certainty=certainty,
                          min_confidence=min_confidence, bbox=_parse_bbox(bbox), limit=limit, offset=offset)
        return Response(to_geojson(store.events(flt)), media_type="application/geo+json")

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict:
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict:
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return found

    @app.get("/api/stats")
    def stats() -> dict:
        return store.stats()

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers=_SECURITY_HEADERS)

    app.mount("/static", StaticFiles(directory=WEB_DIR / "static", check_dir=False), name="static")
    return app


_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
}


def _parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
    return west, south, east, north


def openapi_json(store: Store) -> str:
    return json.dumps(create_app(store).openapi(), indent=2)
