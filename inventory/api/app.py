"""The read-only JSON API: one table of lists, each one line naming the function that builds its rows.

Every list is also CSV (``?format=csv``: the exports module's CSV, UTF-8 with BOM, ``;``, formulas neutralised).
A snapshot never changes, so what is read under ``/snapshots/{id}/`` carries an ETag and a long-lived
Cache-Control, and ``If-None-Match`` answers 304 without reading anything. Errors are problem details
(RFC 9457) in the language of ``Accept-Language``. Every request but the health check, the OpenAPI document and
the documentation page carries a read token (``Authorization: Bearer …``).
"""
from __future__ import annotations

import hashlib
import html
import json
import logging
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from inventory import reference, texts
from inventory.analysis import base
from inventory.outputs import exports
from inventory.api import tokens
from inventory.outputs import listings
from inventory.store import SCHEMA_FINGERPRINT, Store, StoreBusy

log = logging.getLogger("inventory.api")

PREFIX = "/api/v1"
IMMUTABLE = "private, max-age=31536000, immutable"  # private: the answers need a token
FRESH = "no-cache"


@dataclass(frozen=True)
class Param:
    """A query parameter of a list: its allowed values (the first is the default; None: optional)."""

    name: str
    values: tuple[str | None, ...]
    description: str


LEVEL = Param("level", tuple(base.LEVELS), "territory level of the cells")
SOURCE = Param("source", (None, *reference.SOURCES), "need source (all when absent)")
FORMAT = Param("format", ("json", "csv"), "json, or csv as French Excel opens it (UTF-8 BOM, ';')")


@dataclass(frozen=True)
class Listing:
    """A list of one snapshot: the function giving its rows (store, snapshot id, **params) → DataFrame."""

    rows: Callable[..., pd.DataFrame]
    params: tuple[Param, ...]
    summary: str


# The lists under /snapshots/{id}/: one line each. organisations is for the lead to wire when its module lands.
LISTS: dict[str, Listing] = {
    "matrix": Listing(listings.matrix, (LEVEL, SOURCE), "One row per territory × theme: the numbers of `matrix --json`"),
    "pathways": Listing(listings.pathways, (LEVEL, SOURCE), "Support pathways per cell with needs (`pathways --json`)"),
    "commitments": Listing(listings.commitments, (), "Commitments, late ones first (`commitments --json`)"),
    "results": Listing(listings.results, (LEVEL, SOURCE), "Declared results per cell (`results --json`)"),
    "signals": Listing(listings.signals, (), "Signals between this snapshot and the import before it (`signals --json`)"),
}


# --- problems ---------------------------------------------------------------------------------------------
class Problem(Exception):
    """An answer in RFC 9457 form: ``title`` and ``detail`` are text keys' values in the request's language."""

    def __init__(self, status: int, slug: str, title: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail, self.headers = status, slug, title, detail, headers or {}

    def response(self, request: Request) -> JSONResponse:
        body = {"type": f"{PREFIX}/docs#problem-{self.slug}", "title": self.title, "status": self.status,
                "detail": self.detail, "instance": request.url.path}
        return JSONResponse(body, status_code=self.status, media_type="application/problem+json",
                            headers={"Content-Language": texts.language(), **self.headers})


def language(request: Request) -> str:
    """The first language of ``Accept-Language`` (by q-value) that the texts speak; French otherwise."""
    ranked = []
    for k, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, k, tag.strip().lower().split("-")[0]))
    return next((tag for _, _, tag in sorted(ranked) if tag in texts.LANGUAGES), texts.DEFAULT)


def _choice(request: Request, p: Param) -> str | None:
    value = request.query_params.get(p.name)
    if value is None or value == "":
        return p.values[0]
    if value not in p.values:
        allowed = ", ".join(v for v in p.values if v is not None)
        raise Problem(400, "bad-parameter", texts.API_BAD_REQUEST,
                      texts.API_BAD_PARAMETER.format(value=value, name=p.name, allowed=allowed))
    return value


# --- answers ----------------------------------------------------------------------------------------------
def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """For CSV: a cell holding a list of {territoire, thematique} becomes ``REG-84 numerique`` items."""
    out = frame.copy()
    for col in out.columns:
        if any(isinstance(v, list) and v and isinstance(v[0], dict) for v in out[col]):
            out[col] = [[" ".join(str(x) for x in d.values()) for d in v] if isinstance(v, list) else v
                        for v in out[col]]
    return out


def _rows_response(frame: pd.DataFrame, fmt: str, name: str, headers: dict[str, str]) -> Response:
    if fmt == "csv":
        return Response(exports.csv_bytes(_flat(frame)), media_type="text/csv; charset=utf-8",
                        headers={**headers, "Content-Disposition": f'inline; filename="{name}.csv"'})
    return _json(listings.records(frame), headers)


def _json(obj: Any, headers: dict[str, str]) -> Response:
    body = json.dumps(obj, ensure_ascii=False, default=str).encode("utf-8")
    return Response(body, media_type="application/json", headers=headers)


class Api:
    """The API over one Store (read-only: no DDL, reopened when a publish replaced the file)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # every request goes through here: language, token, problems
    def handle(self, request: Request, answer: Callable[[Request], Response], *, token: bool = True) -> Response:
        with texts.speaking(language(request)):
            try:
                if token:
                    self._authorise(request)
                return answer(request)
            except Problem as problem:
                return problem.response(request)
            except StoreBusy:
                return Problem(503, "busy", texts.API_BUSY, texts.API_BUSY_DETAIL, {"Retry-After": "5"})\
                    .response(request)
            except Exception:  # never a traceback to a client; the log keeps it
                log.exception("API error on %s", request.url.path)
                return Problem(500, "server-error", texts.API_SERVER_ERROR, texts.API_SERVER_ERROR_DETAIL)\
                    .response(request)

    def _authorise(self, request: Request) -> None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or tokens.owner(self.store, token.strip()) is None:
            raise Problem(401, "unauthorized", texts.API_UNAUTHORIZED, texts.API_UNAUTHORIZED_DETAIL,
                          {"WWW-Authenticate": 'Bearer realm="inventaire"'})

    def _snapshot(self, request: Request):
        raw = request.path_params["snapshot_id"]
        snap = self.store.snapshot(int(raw)) if raw.isdigit() else None
        if snap is None:
            raise Problem(404, "unknown-snapshot", texts.API_NOT_FOUND, texts.API_UNKNOWN_SNAPSHOT.format(id=raw))
        return snap

    def _immutable(self, request: Request, snap, build: Callable[[dict[str, str]], Response]) -> Response:
        """An answer about one snapshot: its ETag names the snapshot (id, date written, checksum), the file's layout
        and the request's path and query, so it is known before any row is read."""
        query = "&".join(f"{k}={v}" for k, v in sorted(request.query_params.multi_items()))
        key = "|".join(map(str, (snap.id, snap.created_at, snap.sha256, SCHEMA_FINGERPRINT, request.url.path, query)))
        etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Cache-Control": IMMUTABLE, "Vary": "Authorization"}
        wanted = [t.strip() for t in request.headers.get("if-none-match", "").split(",")]
        if etag in wanted or f"W/{etag}" in wanted or "*" in wanted:
            return Response(status_code=304, headers=headers)
        return build(headers)

    # the routes' answers
    def health(self, request: Request) -> Response:
        self.store.active_snapshot_id()  # the file opens and answers
        return _json({"status": "ok"}, {"Cache-Control": "no-store"})

    def snapshots(self, request: Request) -> Response:
        # labels the tool wrote come in the request's language (inventory.snapshot_labels)
        rows = listings.snapshots(self.store)
        headers = {"Cache-Control": FRESH, "Vary": "Authorization, Accept-Language"}
        if _choice(request, FORMAT) == "csv":  # one column per count, as a spreadsheet wants them
            frame = pd.DataFrame([{**{k: v for k, v in r.items() if k != "counts"}, **r["counts"]} for r in rows])
            return _rows_response(frame, "csv", "snapshots", headers)
        return _json(rows, headers)

    def listing(self, name: str) -> Callable[[Request], Response]:
        spec = LISTS[name]

        def answer(request: Request) -> Response:
            snap = self._snapshot(request)
            fmt = _choice(request, FORMAT)
            params = {p.name: _choice(request, p) for p in spec.params}
            return self._immutable(request, snap, lambda headers: _rows_response(
                spec.rows(self.store, snap.id, **params), fmt, f"{name}-{snap.id}", headers))

        return answer

    def sheet(self, request: Request) -> Response:
        snap = self._snapshot(request)
        fmt = _choice(request, FORMAT)
        name = request.path_params["sheet"]
        if name not in listings.SHEETS:
            raise Problem(404, "unknown-sheet", texts.API_NOT_FOUND,
                          texts.API_UNKNOWN_SHEET.format(sheet=name, sheets=", ".join(listings.SHEETS)))
        return self._immutable(request, snap, lambda headers: _rows_response(
            listings.sheet(self.store, snap.id, name), fmt, f"{name}-{snap.id}", headers))

    def openapi(self, request: Request) -> Response:
        return _json(openapi_document(), {"Cache-Control": FRESH})

    def docs(self, request: Request) -> Response:
        return HTMLResponse(docs_page(openapi_document()), headers={
            "Cache-Control": FRESH,
            "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                                       "connect-src 'self'; base-uri 'none'; form-action 'none'",
        })


def create_app(store: Store) -> Starlette:
    api = Api(store)

    def route(path: str, answer: Callable[[Request], Response], token: bool = True) -> Route:
        return Route(PREFIX + path, lambda request: api.handle(request, answer, token=token), methods=["GET"])

    routes = [
        route("/health", api.health, token=False),
        route("/openapi.json", api.openapi, token=False),
        route("/docs", api.docs, token=False),
        route("/snapshots", api.snapshots),
        *(route(f"/snapshots/{{snapshot_id}}/{name}", api.listing(name)) for name in LISTS),
        route("/snapshots/{snapshot_id}/sheets/{sheet}", api.sheet),
    ]

    def not_found(request: Request, exc: HTTPException) -> Response:
        with texts.speaking(language(request)):
            if exc.status_code == 405:
                return Problem(405, "method-not-allowed", texts.API_METHOD_NOT_ALLOWED, texts.API_READ_ONLY,
                               {"Allow": "GET"}).response(request)
            return Problem(exc.status_code, "not-found", texts.API_NOT_FOUND,
                           texts.API_NO_ROUTE.format(path=request.url.path)).response(request)

    return Starlette(routes=routes, exception_handlers={HTTPException: not_found})


# --- the OpenAPI document and its offline page ----------------------------------------------------------
def _param(p: Param) -> dict[str, Any]:
    values = [v for v in p.values if v is not None]
    schema: dict[str, Any] = {"type": "string", "enum": values}
    if p.values[0] is not None:
        schema["default"] = p.values[0]
    return {"name": p.name, "in": "query", "required": False, "description": p.description, "schema": schema}


SNAPSHOT_ID = {"name": "snapshot_id", "in": "path", "required": True, "schema": {"type": "integer"},
               "description": "a snapshot's id (GET /snapshots)"}
PROBLEM = {"description": "problem details (RFC 9457)",
           "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _rows(summary: str, params: list[dict], *, immutable: bool = True) -> dict[str, Any]:
    responses: dict[str, Any] = {
        "200": {"description": "the rows" + (" (ETag, Cache-Control: immutable)" if immutable else ""),
                "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
                            "text/csv": {"schema": {"type": "string"}}}},
        "401": PROBLEM, "404": PROBLEM, "400": PROBLEM,
    }
    if immutable:
        responses["304"] = {"description": "not modified (If-None-Match matched the ETag)"}
    return {"get": {"summary": summary, "parameters": params, "responses": responses,
                    "security": [{"bearer": []}]}}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document, built from the table of lists (one home for what the API serves)."""
    paths: dict[str, Any] = {
        f"{PREFIX}/health": {"get": {"summary": "Whether the API answers (no token)", "security": [],
                                     "responses": {"200": {"description": '{"status": "ok"}'}}}},
        f"{PREFIX}/snapshots": {"get": {
            "summary": "The snapshots (`snapshots --json`): id, label, as_of, created_at, active, counts; not cached",
            "security": [{"bearer": []}], "parameters": [_param(FORMAT)],
            "responses": {"200": {"description": "the snapshots",
                                  "content": {"application/json": {"schema": {"type": "array"}}}},
                          "401": PROBLEM}}},
    }
    for name, spec in LISTS.items():
        paths[f"{PREFIX}/snapshots/{{snapshot_id}}/{name}"] = _rows(
            spec.summary, [SNAPSHOT_ID, *(_param(p) for p in spec.params), _param(FORMAT)])
    paths[f"{PREFIX}/snapshots/{{snapshot_id}}/sheets/{{sheet}}"] = _rows(
        "The contract's rows of one sheet, in its columns' and its file's order",
        [SNAPSHOT_ID, {"name": "sheet", "in": "path", "required": True, "description": "a sheet of the contract",
                       "schema": {"type": "string", "enum": list(listings.SHEETS)}}, _param(FORMAT)])
    return {
        "openapi": "3.1.0",
        "info": {"title": texts.API_TITLE, "version": "1",
                 "description": "Read-only. JSON, or CSV with ?format=csv. A snapshot never changes: its URLs carry "
                                "an ETag and a long-lived Cache-Control. Errors are problem details (RFC 9457) in "
                                "French or English (Accept-Language)."},
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "python -m inventory token create --name NAME"}},
            "schemas": {"Problem": {"type": "object", "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "detail": {"type": "string"}, "instance": {"type": "string"}}}},
        },
    }


_DOCS_SCRIPT = """
const tokenBox = document.getElementById('token');
tokenBox.value = sessionStorage.getItem('inventory-token') || '';
tokenBox.addEventListener('input', () => sessionStorage.setItem('inventory-token', tokenBox.value));
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let path = form.dataset.path;
    const query = new URLSearchParams();
    for (const field of form.querySelectorAll('[data-in]')) {
      if (!field.value) continue;
      if (field.dataset.in === 'path') path = path.replace('{' + field.name + '}', encodeURIComponent(field.value));
      else query.set(field.name, field.value);
    }
    const url = path + (query.toString() ? '?' + query : '');
    const out = form.querySelector('output');
    out.textContent = 'GET ' + url + ' …';
    try {
      const headers = tokenBox.value ? {'Authorization': 'Bearer ' + tokenBox.value} : {};
      const r = await fetch(url, {headers});
      const body = await r.text();
      out.textContent = 'GET ' + url + '\\n' + r.status + ' ' + (r.headers.get('content-type') || '') + '\\n\\n'
        + body.slice(0, 4000) + (body.length > 4000 ? '\\n…' : '');
    } catch (e) { out.textContent = String(e); }
  });
}
"""

_DOCS_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}
section{border:1px solid #ccd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
code{background:#eef;padding:0 .2rem} label{display:inline-block;margin:.2rem 1rem .2rem 0}
output{display:block;white-space:pre-wrap;font-family:monospace;background:#f6f6f8;margin-top:.5rem;max-height:20rem;
overflow:auto} button{font-size:1rem}
"""


def docs_page(doc: dict[str, Any]) -> str:
    """The documentation page: the OpenAPI document as HTML, with a form per path that calls it. Everything is
    in the page (no script, style or font from elsewhere), so it works offline."""
    e = html.escape
    sections = []
    for k, (path, item) in enumerate(doc["paths"].items()):
        op = item["get"]
        fields = []
        for p in op.get("parameters", []):
            schema = p["schema"]
            if "enum" in schema:
                options = ([""] if p["in"] == "query" else []) + schema["enum"]
                chosen = schema.get("default")
                control = (f'<select name="{e(p["name"])}" data-in="{p["in"]}">'
                           + "".join(f'<option{" selected" if o == chosen else ""}>{e(str(o))}</option>'
                                     for o in options) + "</select>")
            else:
                control = f'<input name="{e(p["name"])}" data-in="{p["in"]}" size="6">'
            fields.append(f'<label>{e(p["name"])} {control}</label>')
        params = f'<p>{e(texts.API_DOCS_PARAMETERS)}: {"".join(fields)}</p>' if fields else ""
        sections.append(
            f'<section id="op-{k}"><h2><code>GET {e(path)}</code></h2><p>{e(op["summary"])}</p>'
            f'<form class="try" data-path="{e(path)}">{params}<button type="submit">{e(texts.API_DOCS_TRY)}</button>'
            f'<output aria-label="{e(texts.API_DOCS_RESPONSE)}"></output></form></section>')
    problems = "".join(f'<li id="problem-{slug}"><code>{slug}</code></li>' for slug in (
        "unauthorized", "unknown-snapshot", "unknown-sheet", "bad-parameter", "not-found", "method-not-allowed",
        "busy", "server-error"))
    return (f'<!doctype html><html lang="{texts.language()}"><head><meta charset="utf-8">'
            f'<title>{e(texts.API_DOCS_TITLE)}</title><style>{_DOCS_STYLE}</style></head><body>'
            f'<h1>{e(texts.API_DOCS_TITLE)}</h1><p>{e(texts.API_DOCS_INTRO)}</p>'
            f'<p><label>{e(texts.API_DOCS_TOKEN)} <input id="token" type="password" size="50" autocomplete="off">'
            f'</label> <a href="{PREFIX}/openapi.json">{e(texts.API_DOCS_SPEC)}</a></p>'
            + "".join(sections) + f'<h2>Problems</h2><ul>{problems}</ul>'
            f'<script>{_DOCS_SCRIPT}</script></body></html>')


def serve(store: Store, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(store), host=host, port=port, log_level="warning", server_header=False)
