"""An in-process stand-in for the part of Harbor's REST API that the configuration job uses.

It keeps state (registries, projects with their quotas and labels, the scan-all and GC schedules),
checks HTTP basic auth, and validates every request and every response against Harbor's own API
definition (../shared or the download cache: tests/upstream.py). The definition is Swagger 2.0, which
bravado-core validates; in memory, every object schema that lists properties is closed
(`additionalProperties: false`), so that a misspelt field name is a violation instead of being
silently ignored the way Harbor ignores it.

Behaviour copied from Harbor 2.15.1, where the tests depend on it:
- list filters `name` are fuzzy (substring) matches, lists are paged (page, page_size <= 100);
- POST /projects: metadata.public defaults to "false", proxy keys are dropped from regular projects,
  proxy_speed_kb / max_upstream_conn must parse as int32, storage_limit 0 or absent means the default
  (-1), a proxy cache needs a registry of a permitted type, and gets a retention policy (retention_id);
- PUT /projects merges metadata and ignores storage_limit (quotas change through /quotas);
- registries answer their secret as "*****"; a project holding repositories cannot be deleted (412);
- registry URLs are stored as ValidateHTTPURL rewrites them (scheme://host + decoded path);
- schedule crons pass ValidateCronString or get its 400 (seconds must be "0");
- a schedule that does not exist is a 200 with an empty body;
- PUT /system/gc/schedule reads `parameters` as Harbor's handler does (booleans and integers, which
  the API definition's types forbid, see `_follow_handlers`), and GET answers in job_parameters only
  what Harbor stores for a schedule: delete_tag, delete_untagged and workers.
- creating or updating a registry makes Harbor ping the upstream first (the registry controller's
  validate(), src/controller/registry/controller.go): for a host listed in `unreachable` the answer is
  its 400 "the registry is unhealthy", and nothing is stored.

Tag retention, immutable tag rules, the audit-log purge schedule, CVE allowlists and quota usage live in
tests/fake_harbor_retention.py (the mixin RetentionFake, which says what it copies from Harbor).

Failure hooks: `reject_credentials` (401 everywhere), `fail_next(n)` (n answers 500, then normal),
`always_fail` (every API call 500), `healthy = False` (/health says unhealthy forever), `unreachable`
(upstream host names Harbor cannot ping).
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import re
import ssl
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import upstream
from fake_harbor_access import AccessApi, follow_access_handlers
from fake_harbor_errors import Refusal
from fake_harbor_retention import RetentionFake, follow_retention_handlers
from fast_yaml import load_yaml

# ../shared/reference, else the cache of scripts/fetch-upstream; None where neither has it
SWAGGER = upstream.path(upstream.SWAGGER_NAME)
# bravado-core still calls jsonschema's deprecated resolver API, once per validated schema: the marks
# of every test module that drives the fake (`pytestmark = fake_harbor.MARKS`)
MARKS = pytest.mark.filterwarnings("ignore:Accessing Validator.resolver is deprecated:DeprecationWarning")


def skip_module_unless_usable() -> None:
    """Skip the calling test module where the fake cannot run: without Harbor's API definition (it
    validates every request against it) or without bravado-core, which does the validating."""
    if SWAGGER is None:
        pytest.skip(upstream.missing("Harbor's API definition, which the fake Harbor validates against"),
                    allow_module_level=True)
    pytest.importorskip("bravado_core", reason="bravado-core (test extra) validates the fake's traffic")

BASE_PATH = "/api/v2.0"
WRITE_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH"})
# core's PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE in Harbor 2.15.1 (no more quay)
PERMITTED_PROXY_TYPES = ("docker-hub", "harbor", "azure-acr", "ali-acr", "aws-ecr", "google-gcr", "docker-registry",
                         "github-ghcr", "jfrog-artifactory")
# registry adapters Harbor knows (for POST /registries), a superset of the above
ADAPTERS = (*PERMITTED_PROXY_TYPES, "quay", "huawei-SWR", "tencent-tcr", "volcengine-cr", "gitlab", "dtr")
PROJECT_NAME = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")
TIME = "2025-01-01T00:00:00.000Z"
INT32 = 2**31 - 1


def _close_schema(schema: Any) -> None:
    """An object schema that lists properties rejects unknown ones (nothing here uses allOf)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return
    if isinstance(schema.get("properties"), dict):
        schema.setdefault("additionalProperties", False)
        for child in schema["properties"].values():
            _close_schema(child)
    _close_schema(schema.get("items"))
    _close_schema(schema.get("additionalProperties"))


def _close_document(document: dict) -> None:
    """Close every schema: definitions, body parameters and responses, shared or inline."""
    for schema in (document.get("definitions") or {}).values():
        _close_schema(schema)
    for parameter in (document.get("parameters") or {}).values():
        _close_schema(parameter.get("schema"))
    for response in (document.get("responses") or {}).values():
        _close_schema(response.get("schema"))
    for path_item in (document.get("paths") or {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters") or []:
                _close_schema(parameter.get("schema"))
            for response in (operation.get("responses") or {}).values():
                _close_schema(response.get("schema"))


def _follow_handlers(document: dict) -> None:
    """Where the API definition and Harbor's Go handlers disagree, the handlers win.

    - Schedule.parameters types its values as objects, but Harbor's UI sends booleans and a number
      there, and the GC handler reads `dry_run`, `delete_untagged`, `delete_tag` as JSON booleans and
      `workers` as a JSON number (src/server/v2.0/handler/gc.go, kick()): go-swagger generates
      map[string]interface{} for it and checks no value. Any JSON value is accepted here.
    """
    schedule = document["definitions"]["Schedule"]["properties"]["parameters"]
    schedule["additionalProperties"] = {}
    follow_retention_handlers(document)
    follow_access_handlers(document)     # robots, configurations, members: fake_harbor_access.py


@dataclass
class Route:
    method: str
    pattern: re.Pattern
    literal_segments: int
    op: Any


@functools.cache
def load_api(path: Path = SWAGGER, *, validate_document: bool = False) -> tuple[Any, tuple[Route, ...]]:
    """The validating spec and the routes, built once per process (parsing takes a second or two).

    The document itself, as the fake amends it, is checked against the Swagger 2.0 schema by one test
    (test_the_fake_s_api_document_is_valid_swagger, `validate_document`), not in every process:
    that check alone took a second of each pytest-xdist worker.
    """

    document = load_yaml(path.read_text(encoding="utf-8"))
    _close_document(document)
    _follow_handlers(document)
    with warnings.catch_warnings():
        # the document has `$ref` with sibling `description`s, which the validator warns about, and
        # bravado-core still uses jsonschema's deprecated RefResolver
        warnings.simplefilter("ignore")
        from bravado_core.spec import Spec

        spec = Spec.from_dict(document, origin_url=path.as_uri(), config={
            "validate_swagger_spec": validate_document, "validate_requests": True, "validate_responses": True,
            "use_models": False})
    routes = []
    for resource in spec.resources.values():
        for op in resource.operations.values():
            segments = op.path_name.strip("/").split("/")
            regex = "/".join(f"(?P<{s[1:-1]}>[^/]+)" if s.startswith("{") else re.escape(s) for s in segments)
            trailing = "/" if op.path_name.endswith("/") else ""
            routes.append(Route(op.http_method.upper(), re.compile(re.escape(BASE_PATH) + "/" + regex + trailing),
                                sum(not s.startswith("{") for s in segments), op))
    # a literal segment wins over a parameter: /system/gc/schedule is not /system/gc/{gc_id}
    routes.sort(key=lambda r: -r.literal_segments)
    return spec, tuple(routes)


# Query parameters a handler reads from the raw URL besides those of the API definition (the handlers
# win): ListUsers matches `username` and `email` fuzzily (src/server/v2.0/handler/user.go at v2.15.1).
HANDLER_QUERY: dict[str, set[str]] = {"listUsers": {"username", "email"}}

# ValidateQuotaLimit (src/lib/quota_storage_limit.go), which project creation and UpdateQuota call
QUOTA_MAX = 1125899906842624


def quota_too_large(limit: int) -> str:
    return f"exceeded 1024TB, which is 1125899906842624 Bytes, value={limit}"


class _Request:
    """What bravado-core reads from an incoming request."""

    def __init__(self, path: dict, query: dict, headers: Any, raw: bytes) -> None:
        self.path, self.query, self.headers, self.form, self.files = path, query, headers, {}, {}
        self.raw = raw

    def json(self, **_: Any) -> Any:
        return json.loads(self.raw.decode("utf-8"))


class _Response:
    """What bravado-core reads from an outgoing response."""

    def __init__(self, text: str, headers: dict) -> None:
        self.content_type, self.text, self.headers, self.raw_bytes = "application/json", text, headers, text.encode()

    def json(self, **_: Any) -> Any:
        return json.loads(self.text)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, Any] = field(default_factory=dict)


def harbor_cron_error(cron: str) -> str | None:
    """What ValidateCronString (src/common/utils/utils.go) says about `cron`, or None when it passes.

    It parses with robfig/cron (seconds, minute, hour, day of month, month, day of week: exactly six
    fields, split on any whitespace), then splits on single spaces and, when that gives six parts,
    refuses a first (seconds) part other than "0". Only the field count of the parse is modelled here.
    """
    if not cron:
        return "empty cron string is invalid"
    fields = cron.split()
    if len(fields) != 6:
        return f"expected exactly 6 fields, found {len(fields)}: {fields}"
    parts = cron.split(" ")
    if len(parts) == 6 and parts[0] != "0":
        return "the 1st field (indicating Seconds of time) of the cron setting must be 0"
    return None


def scheduled_cron(schedule: dict, what: str) -> str | None:
    """The cron of a schedule Harbor stores, or None for no schedule (type None or "None"); a cron that
    ValidateCronString refuses is Harbor's 400, which names `what` ("scheduled gc", ...)."""
    if schedule.get("type") in (None, "None"):
        return None
    cron = schedule.get("cron") or ""
    problem = harbor_cron_error(cron)
    if problem:
        raise ApiError(400, f"invalid cron string for {what}: {cron}, error: {problem}")
    return cron


def harbor_registry_url(value: str) -> str:
    """The URL Harbor stores for a registry: ValidateHTTPURL (src/lib/endpoint.go) on create and update.

    Spaces and trailing slashes trimmed, "http://" prepended without a scheme, then rebuilt from Go's
    url.Parse as scheme://host + decoded path: user info, query and fragment are dropped.
    """
    text = value.strip(" ").rstrip("/")
    if not text:
        raise ApiError(400, "empty string")
    if "://" not in text:
        text = "http://" + text
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        raise ApiError(400, f"invalid URL: parse {text!r}: net/url: invalid control character in URL")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise ApiError(400, f"invalid HTTP scheme: {parts.scheme}")
    if re.search(r"%(?![0-9A-Fa-f]{2})", parts.path):
        raise ApiError(400, f"invalid URL: parse {text!r}: invalid URL escape")
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{unquote(parts.path)}"


def _errors(status: int, message: str) -> dict:
    codes = {400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT",
             412: "PRECONDITION", 500: "UNKNOWN"}
    return {"errors": [{"code": codes.get(status, "UNKNOWN"), "message": message}]}


class FakeHarbor(RetentionFake, AccessApi):
    """Harbor's state and API for the configuration job; start() serves it on 127.0.0.1, a free port.

    The retention part is RetentionFake's (fake_harbor_retention.py); the access part (configurations,
    robots, members, users and groups) is AccessApi's (fake_harbor_access.py)."""

    def forget_project(self, project_id: int) -> None:
        """A deleted project takes its retention policy, immutable rules, allowlist, robots and members."""
        RetentionFake.forget_project(self, project_id)
        AccessApi.forget_project(self, project_id)

    def __init__(self, *, user: str = "admin", password: str = "Harbor12345", swagger: Path = SWAGGER) -> None:
        self.user, self.password = user, password
        self.spec, self.routes = load_api(swagger)
        self.lock = threading.RLock()
        self.ids = itertools.count(1)
        self.registries: dict[int, dict] = {}
        self.projects: dict[int, dict] = {}
        self.quotas: dict[int, dict] = {}
        self.labels: dict[int, dict] = {}
        self.scan_all: dict | None = None
        self.gc: dict | None = None
        self.requests: list[tuple[str, str]] = []
        self.violations: list[str] = []
        # failure hooks
        self.reject_credentials = False
        self.always_fail = False
        self.healthy = True
        # answers of "unhealthy" still to give before /health turns healthy by itself (None: as `healthy` says)
        self.unhealthy_answers: int | None = None
        self.unreachable: set[str] = set()
        self._fail_remaining = 0
        self._server: ThreadingHTTPServer | None = None
        self._scheme = "http"
        self.init_retention(cron_error=harbor_cron_error)
        self._init_access()
        # like a fresh installation: Harbor creates the public project `library`
        self.add_project("library", public=True)

    # ---- lifecycle ---------------------------------------------------------------------------------

    def start(self, *, tls: ssl.SSLContext | None = None) -> FakeHarbor:
        """Serve on 127.0.0.1; with `tls` (a server context holding the certificate), over HTTPS."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:  # keep pytest output clean
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, text, headers = fake.handle(self.command, self.path, self.headers, raw)
                data = text.encode("utf-8")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, str(value))
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._scheme = "http"
        if tls is not None:
            # a client that rejects the certificate fails its handshake in accept(), which the server
            # shrugs off (an OSError) before serving the next connection
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self._scheme = "https"
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, name="fake-harbor",
                         daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeHarbor:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"{self._scheme}://127.0.0.1:{self._server.server_address[1]}"

    # ---- hooks and inspection for tests ------------------------------------------------------------

    def fail_next(self, count: int) -> None:
        """The next `count` API calls (not /health) answer 500; later ones work again."""
        with self.lock:
            self._fail_remaining = count

    @property
    def writes(self) -> list[tuple[str, str]]:
        with self.lock:
            return [r for r in self.requests if r[0] in WRITE_METHODS]

    def reset_counts(self) -> None:
        with self.lock:
            self.requests.clear()

    def project(self, name: str) -> dict | None:
        return next((p for p in self.projects.values() if p["name"] == name), None)

    def registry(self, name: str) -> dict | None:
        return next((r for r in self.registries.values() if r["name"] == name), None)

    def quota(self, name: str) -> int | None:
        project = self.project(name)
        quota = next((q for q in self.quotas.values() if q["project_id"] == project["project_id"]), None) \
            if project else None
        return None if quota is None else quota["storage"]

    def set_quota(self, name: str, storage: int) -> None:
        project = self.project(name)
        for quota in self.quotas.values():
            if quota["project_id"] == project["project_id"]:
                quota["storage"] = storage

    def label_names(self, name: str) -> set[str]:
        project = self.project(name)
        return {label["name"] for label in self.labels.values() if label["project_id"] == project["project_id"]}

    def add_registry(self, name: str, type: str, url: str, *, description: str = "",
                     credential: tuple[str, str] | None = None, insecure: bool = False) -> dict:
        with self.lock:
            registry_id = next(self.ids)
            self.registries[registry_id] = {
                "id": registry_id, "name": name, "type": type, "url": url, "description": description,
                "insecure": insecure, "access_key": credential[0] if credential else "",
                "access_secret": credential[1] if credential else ""}
            return self.registries[registry_id]

    def add_project(self, name: str, *, registry_id: int | None = None, public: bool = False,
                    metadata: dict[str, str] | None = None, storage_limit: int = -1, repo_count: int = 0,
                    label: str | None = None) -> dict:
        """A project that exists before the job runs (made by hand, or by an earlier version)."""
        with self.lock:
            project_id = next(self.ids)
            self.projects[project_id] = {
                "project_id": project_id, "name": name, "registry_id": registry_id or 0,
                "metadata": {"public": "true" if public else "false", **(metadata or {})},
                "repo_count": repo_count}
            self.quotas[next(self.ids)] = {"project_id": project_id, "storage": storage_limit}
            if label:
                self.labels[next(self.ids)] = {"name": label, "description": "", "color": "", "scope": "p",
                                               "project_id": project_id}
            return self.projects[project_id]

    # ---- HTTP --------------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Any, raw: bytes) -> tuple[int, str, dict]:
        with self.lock:
            self.requests.append((method, urlsplit(target).path))
            try:
                status, text, answer_headers = self._handle(method, target, headers, raw)
                # beego's session cookie, on every answer (fake_harbor_access.py)
                return status, text, {**answer_headers, **self.session_cookie()}
            except Exception as error:  # a bug of the fake: make it loud, not a hang
                self.violations.append(f"{method} {target}: the fake failed: {type(error).__name__}: {error}")
                return 500, json.dumps(_errors(500, "fake failure")), {}

    def _handle(self, method: str, target: str, headers: Any, raw: bytes) -> tuple[int, str, dict]:
        from bravado_core.exception import SwaggerMappingError
        from bravado_core.request import unmarshal_request
        from jsonschema.exceptions import ValidationError

        split = urlsplit(target)
        route, path_params = self._route(method, split.path)
        if route is None:
            self.violations.append(f"{method} {split.path}: no such operation in the API definition")
            return 404, json.dumps(_errors(404, "no such operation")), {}
        op = route.op
        what = f"{method} {split.path} ({op.operation_id})"
        query = {key: values[-1] for key, values in parse_qs(split.query, keep_blank_values=True).items()}
        declared = {param.name for param in op.params.values()} | HANDLER_QUERY.get(op.operation_id, set())
        unknown = sorted(set(query) - declared)
        if unknown:
            self.violations.append(f"{what}: query parameters not in the API definition: {unknown}")
            return 400, json.dumps(_errors(400, f"unknown query parameters {unknown}")), {}
        if raw and (headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            self.violations.append(f"{what}: body sent as {headers.get('Content-Type')!r}, not application/json")

        if op.operation_id != "getHealth":
            if self.always_fail or self._fail_remaining > 0:
                self._fail_remaining = max(0, self._fail_remaining - 1)
                return self._answer(op, what, Answer(500, _errors(500, "injected failure")))
            # Harbor's middlewares in their order: CSRF, authentication, read-only (fake_harbor_access.py)
            refused = self.csrf_refusal(method, split.path, headers)
            if refused is None and (self.reject_credentials or headers.get("Authorization") != self._expected_auth()):
                return self._answer(op, what, Answer(401, _errors(401, "unauthorized")))
            refused = refused or self.read_only_refusal(method, split.path)
            if refused is not None:
                return self._answer(op, what, Answer(refused.status, refused.body()))
        try:
            params = unmarshal_request(_Request(path_params, query, headers, raw), op)
        except (ValidationError, SwaggerMappingError, ValueError) as error:
            # answered as is: the violation is the request's, whatever the operation's listed answers
            self.violations.append(f"{what}: request does not match the API definition: {error}")
            return 400, json.dumps(_errors(400, str(error).splitlines()[0])), {}
        handler = getattr(self, f"op_{op.operation_id}", None)
        if handler is None:
            self.violations.append(f"{what}: the fake does not implement this operation")
            return 404, json.dumps(_errors(404, "not implemented by the fake")), {}
        try:
            answer = handler(params, query)
        except ApiError as error:
            answer = Answer(error.status, _errors(error.status, str(error)))
        except Refusal as refusal:
            answer = Answer(refusal.status, refusal.body())
        return self._answer(op, what, answer)

    def _route(self, method: str, path: str) -> tuple[Route | None, dict]:
        for route in self.routes:
            if route.method == method:
                match = route.pattern.fullmatch(path)
                if match:
                    return route, match.groupdict()
        return None, {}

    def _expected_auth(self) -> str:
        return "Basic " + base64.b64encode(f"{self.user}:{self.password}".encode()).decode()

    def _answer(self, op: Any, what: str, answer: Answer) -> tuple[int, str, dict]:
        """Serialize, then validate status, body and headers against the operation's responses."""
        from bravado_core.exception import MatchingResponseNotFound, SwaggerMappingError
        from bravado_core.response import get_response_spec, validate_response_body
        from bravado_core.validate import validate_object
        from jsonschema.exceptions import ValidationError

        headers = {"X-Request-Id": f"fake-{len(self.requests)}", **answer.headers}
        text = "" if answer.body is None else json.dumps(answer.body)
        try:
            response_spec = get_response_spec(answer.status, op)
        except MatchingResponseNotFound:
            self.violations.append(f"{what}: answers HTTP {answer.status}, which the API definition does not list")
            return answer.status, text, headers
        try:
            # go-swagger sends no body when a handler sets no payload, also where a schema is declared
            # (Harbor does so for a schedule that does not exist); a body that is sent must match
            if text:
                validate_response_body(op, response_spec, _Response(text, headers))
            for name, header_spec in (self.spec.deref(response_spec.get("headers")) or {}).items():
                if name in headers:
                    header_spec = self.spec.deref(header_spec)
                    value = headers[name]
                    if header_spec.get("type") == "integer":
                        value = int(value)
                    validate_object(self.spec, header_spec, value)
            for name in answer.headers:
                if name not in (response_spec.get("headers") or {}):
                    self.violations.append(f"{what}: header {name} is not declared for HTTP {answer.status}")
        except (ValidationError, SwaggerMappingError, ValueError) as error:
            self.violations.append(f"{what}: response does not match the API definition: "
                                   f"{str(error).splitlines()[0]}")
        return answer.status, text, headers

    # ---- views (what Harbor answers) ---------------------------------------------------------------

    @staticmethod
    def _page(items: list, params: dict) -> Answer:
        page, size = params.get("page") or 1, params.get("page_size") or 10
        chunk = items[(page - 1) * size: page * size]
        return Answer(200, chunk, {"X-Total-Count": len(items)})

    @staticmethod
    def _named(params: dict, name: str) -> bool:
        """Harbor's `name` query on a list: a substring of the name; no query matches everything."""
        return not params.get("name") or params["name"] in name

    def _listing(self, rows: Iterable[dict], id_key: str, view: Callable[[dict], dict], params: dict) -> Answer:
        """A page of `rows` in id order, shown by `view`, that the `name` query selects."""
        return self._page([view(row) for row in sorted(rows, key=lambda row: row[id_key])
                           if self._named(params, row["name"])], params)

    def _registry_view(self, r: dict) -> dict:
        view = {"id": r["id"], "name": r["name"], "type": r["type"], "url": r["url"], "insecure": r["insecure"],
                "description": r["description"], "status": "healthy", "creation_time": TIME, "update_time": TIME}
        if r["access_key"] or r["access_secret"]:
            view["credential"] = {"type": "basic", "access_key": r["access_key"],
                                  "access_secret": "*****" if r["access_secret"] else ""}
        return view

    def _project_view(self, p: dict) -> dict:
        view = {"project_id": p["project_id"], "owner_id": 1, "owner_name": self.user, "name": p["name"],
                "creation_time": TIME, "update_time": TIME, "deleted": False, "togglable": True,
                "current_user_role_id": 1, "current_user_role_ids": [1], "repo_count": p["repo_count"],
                "metadata": dict(p["metadata"]),
                "cve_allowlist": self.cve_allowlist_view(p)}
        if p["registry_id"]:
            view["registry_id"] = p["registry_id"]
        return view

    def _find_project(self, name_or_id: str, by_name: bool | None) -> dict:
        if not by_name and name_or_id.isdigit():
            project = self.projects.get(int(name_or_id))
        else:
            project = self.project(name_or_id)
        if project is None:
            raise ApiError(404, f"project {name_or_id} not found")
        return project

    # ---- operations (named op_<operationId>) ---------------------------------------------------------

    def op_getHealth(self, params: dict, query: dict) -> Answer:
        if self.unhealthy_answers is not None:
            self.healthy = self.unhealthy_answers <= 0
            self.unhealthy_answers -= 1
        if self.healthy:
            return Answer(200, {"status": "healthy", "components": [
                {"name": name, "status": "healthy"} for name in ("core", "database", "jobservice", "redis")]})
        return Answer(200, {"status": "unhealthy", "components": [
            {"name": "core", "status": "healthy"},
            {"name": "database", "status": "unhealthy", "error": "dial tcp: connection refused"}]})

    def op_listRegistries(self, params: dict, query: dict) -> Answer:
        return self._listing(self.registries.values(), "id", self._registry_view, params)

    def op_createRegistry(self, params: dict, query: dict) -> Answer:
        body = params["registry"]
        if not body.get("name") or not body.get("url") or not body.get("type"):
            raise ApiError(400, "name, type and url are required")
        if body["type"] not in ADAPTERS:
            raise ApiError(400, f"invalid registry type {body['type']}")
        url = harbor_registry_url(body["url"])
        credential = body.get("credential") or {}
        self._ping(url, body["type"], bool(credential.get("access_key") or credential.get("access_secret")))
        if self.registry(body["name"]):
            raise ApiError(409, f"registry {body['name']} already exists")
        registry = self.add_registry(body["name"], body["type"], url, description=body.get("description") or "",
                                     insecure=bool(body.get("insecure")),
                                     credential=(credential.get("access_key") or "",
                                                 credential.get("access_secret") or ""))
        return Answer(201, None, {"Location": f"{BASE_PATH}/registries/{registry['id']}"})

    def op_updateRegistry(self, params: dict, query: dict) -> Answer:
        registry = self.registries.get(params["id"])
        if registry is None:
            raise ApiError(404, f"registry {params['id']} not found")
        body = params["registry"]
        if body.get("name") is not None and body["name"] != registry["name"] and self.registry(body["name"]):
            raise ApiError(409, f"registry {body['name']} already exists")
        changes = {key: body[key] for key in ("name", "description", "url", "insecure", "access_key", "access_secret")
                   if body.get(key) is not None}
        # the controller validates the whole result, pinging the upstream, before it stores anything
        changes["url"] = harbor_registry_url(changes.get("url", registry["url"]))
        merged = {**registry, **changes}
        self._ping(changes["url"], registry["type"], bool(merged.get("access_key") or merged.get("access_secret")))
        registry.update(changes)
        return Answer(200)

    def _ping(self, url: str, type: str, has_credential: bool) -> None:
        """What validate() makes of an unreachable upstream on every create and update
        (src/controller/registry/controller.go validate, IsHealthy).

        Some adapters reach the upstream while Harbor builds them: Docker Hub logs in when it has a
        credential (pkg/reg/adapter/dockerhub/client.go NewClient), a Harbor reads /api/version
        (harbor/base/client.go NewClient), Ali ACR pings (aliacr/adapter.go newAdapter). That error
        carries no code, so the API answers 500 "internal server error" (src/lib/http/error.go
        apiError, SendError). Every other adapter is built offline and reports the failed ping of its
        health check as unhealthy, a 400.
        """
        if urlsplit(url).hostname not in self.unreachable:
            return
        if type in ("harbor", "ali-acr") or (type == "docker-hub" and has_credential):
            raise ApiError(500, "internal server error")
        raise ApiError(400, "the registry is unhealthy")

    def op_deleteRegistry(self, params: dict, query: dict) -> Answer:
        registry = self.registries.get(params["id"])
        if registry is None:
            raise ApiError(404, f"registry {params['id']} not found")
        users = [p["name"] for p in self.projects.values() if p["registry_id"] == registry["id"]]
        if users:
            raise ApiError(412, f"the registry is used by proxy cache projects {users}")
        del self.registries[registry["id"]]
        return Answer(200)

    def op_listProjects(self, params: dict, query: dict) -> Answer:
        return self._listing(self.projects.values(), "project_id", self._project_view, params)

    def op_createProject(self, params: dict, query: dict) -> Answer:
        body = params["project"]
        name = body.get("project_name") or ""
        if not PROJECT_NAME.fullmatch(name):
            raise ApiError(400, f"invalid project name {name!r}")
        if self.project(name):
            raise ApiError(409, f"project {name} already exists")
        metadata = {k: v for k, v in (body.get("metadata") or {}).items() if v is not None}
        metadata.setdefault("public", "false")
        if metadata["public"] not in ("true", "false"):
            raise ApiError(400, "metadata.public should only be 'true' or 'false'")
        registry_id = body.get("registry_id")
        if registry_id is None:
            metadata.pop("proxy_speed_kb", None)
            metadata.pop("max_upstream_conn", None)
        else:
            registry = self.registries.get(registry_id)
            if registry is None:
                raise ApiError(400, f"registry {registry_id} not found")
            if registry["type"] not in PERMITTED_PROXY_TYPES:
                raise ApiError(400, f"unsupported registry type {registry['type']}")
            for key in ("proxy_speed_kb", "max_upstream_conn"):
                if key in metadata and (not re.fullmatch(r"-?\d+", metadata[key]) or abs(int(metadata[key])) > INT32):
                    raise ApiError(400, f"metadata.{key} should be an int32, got {metadata[key]!r}")
        limit = body.get("storage_limit")
        if limit is not None and limit < -1:
            raise ApiError(400, "storage limit cannot be less than -1")
        if limit is not None and limit > QUOTA_MAX:
            raise ApiError(400, quota_too_large(limit))
        project = self.add_project(name, registry_id=registry_id, metadata=metadata,
                                   storage_limit=-1 if not limit else limit)
        if registry_id is not None:
            self.add_default_retention(project)
        return Answer(201, None, {"Location": f"{BASE_PATH}/projects/{project['project_id']}"})

    def op_updateProject(self, params: dict, query: dict) -> Answer:
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        metadata = {k: v for k, v in ((params["project"] or {}).get("metadata") or {}).items() if v is not None}
        if not project["registry_id"]:
            metadata.pop("proxy_speed_kb", None)
            metadata.pop("max_upstream_conn", None)
        if metadata.get("retention_id", project["metadata"].get("retention_id")) != \
                project["metadata"].get("retention_id"):
            raise ApiError(400, "the retention_id in the request's payload should be omitted")
        self.update_cve_allowlist(project, params["project"] or {})
        project["metadata"].update(metadata)
        return Answer(200)

    def op_deleteProject(self, params: dict, query: dict) -> Answer:
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        if project["repo_count"]:
            raise ApiError(412, "the project contains repositories, can not be deleted")
        del self.projects[project["project_id"]]
        self.forget_project(project["project_id"])      # its rules, policies, robots and members
        for table in (self.quotas, self.labels):
            for key in [k for k, v in table.items() if v["project_id"] == project["project_id"]]:
                del table[key]
        return Answer(200)

    def op_getProjectDeletable(self, params: dict, query: dict) -> Answer:
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        if project["repo_count"]:
            return Answer(200, {"deletable": False, "message": "the project contains repositories, can not be deleted"})
        return Answer(200, {"deletable": True})

    def op_listQuotas(self, params: dict, query: dict) -> Answer:
        items = []
        for quota_id, quota in sorted(self.quotas.items()):
            project = self.projects[quota["project_id"]]
            if params.get("reference") not in (None, "project"):
                continue
            if params.get("reference_id") not in (None, str(project["project_id"])):
                continue
            items.append({"id": quota_id, "ref": {"id": project["project_id"], "name": project["name"],
                                                  "owner_name": self.user},
                          "hard": {"storage": quota["storage"]}, "used": {"storage": quota.get("used", 0)},
                          "creation_time": TIME, "update_time": TIME})
        return self._page(items, params)

    def op_updateQuota(self, params: dict, query: dict) -> Answer:
        quota = self.quotas.get(params["id"])
        if quota is None:
            raise ApiError(404, f"quota {params['id']} not found")
        storage = ((params["hard"] or {}).get("hard") or {}).get("storage")
        if storage is None or storage == 0 or storage < -1:
            raise ApiError(400, f"invalid storage limit {storage!r}")
        if storage > QUOTA_MAX:
            raise ApiError(400, quota_too_large(storage))
        quota["storage"] = storage
        return Answer(200)

    def op_ListLabels(self, params: dict, query: dict) -> Answer:
        if params.get("scope") == "p" and not params.get("project_id"):
            raise ApiError(400, "project_id is required when scope is p")
        items = [{"id": label_id, "name": label["name"], "description": label["description"],
                  "color": label["color"], "scope": label["scope"], "project_id": label["project_id"],
                  "creation_time": TIME, "update_time": TIME}
                 for label_id, label in sorted(self.labels.items())
                 if (params.get("scope") in (None, label["scope"]))
                 and params.get("project_id") in (None, label["project_id"])
                 and self._named(params, label["name"])]
        return self._page(items, params)

    def op_CreateLabel(self, params: dict, query: dict) -> Answer:
        body = params["label"]
        if body.get("scope") == "g":        # a global label belongs to no project (handler/label.go)
            body = {**body, "project_id": 0}
        elif body.get("scope") != "p" or body.get("project_id") not in self.projects:
            raise ApiError(400, "a project label needs scope 'p' and an existing project_id")
        if not body.get("name"):
            raise ApiError(400, "a label needs a name")
        if any(l["name"] == body["name"] and l["project_id"] == body["project_id"] for l in self.labels.values()):
            raise ApiError(409, f"label {body['name']} already exists")
        label_id = next(self.ids)
        self.labels[label_id] = {"name": body["name"], "description": body.get("description") or "",
                                 "color": body.get("color") or "", "scope": body["scope"],
                                 "project_id": body["project_id"]}
        return Answer(201, None, {"Location": f"{BASE_PATH}/labels/{label_id}"})

    def op_getScanAllSchedule(self, params: dict, query: dict) -> Answer:
        if self.scan_all is None:
            return Answer(200)
        return Answer(200, {"id": 1, "status": "", "schedule": dict(self.scan_all), "creation_time": TIME,
                            "update_time": TIME})

    def op_updateScanAllSchedule(self, params: dict, query: dict) -> Answer:
        schedule = (params["schedule"] or {}).get("schedule") or {}
        if schedule.get("type") == "Manual":
            raise ApiError(400, "fail to update scan all schedule as wrong schedule type: Manual")
        # createOrUpdateScanAllSchedule (src/server/v2.0/handler/scan_all.go) validates first
        cron = scheduled_cron(schedule, "scheduled scan all")
        self.scan_all = None if cron is None else {"type": schedule["type"], "cron": cron}
        return Answer(200)

    def op_getGCSchedule(self, params: dict, query: dict) -> Answer:
        if self.gc is None:
            return Answer(200)
        # GCSchedule.ToSwagger (src/server/v2.0/handler/model/gc.go): job_kind holds the cron and
        # job_parameters the schedule's extra attributes, as Go's json.Marshal writes a map
        return Answer(200, {"id": 1, "job_name": "", "job_kind": self.gc["cron"],
                            "job_parameters": json.dumps(self.gc["parameters"], sort_keys=True, separators=(",", ":")),
                            "deleted": False, "job_status": "",
                            "schedule": {"type": self.gc["type"], "cron": self.gc["cron"]},
                            "creation_time": TIME, "update_time": TIME})

    def op_updateGCSchedule(self, params: dict, query: dict) -> Answer:
        body = params["schedule"] or {}
        # kick() (src/server/v2.0/handler/gc.go) starts from an empty map when `parameters` is absent and
        # takes each flag only when it is a JSON boolean, `workers` only when it is a JSON number
        parameters = body.get("parameters") or {}
        policy = {"dry_run": False, "delete_untagged": False, "delete_tag": False, "workers": 0}
        for key in ("dry_run", "delete_untagged", "delete_tag"):
            if isinstance(parameters.get(key), bool):
                policy[key] = parameters[key]
        workers = parameters.get("workers")
        if isinstance(workers, (int, float)) and not isinstance(workers, bool):
            if isinstance(workers, float) or not -2**63 <= workers < 2**63:     # json.Number.Int64() fails
                raise ApiError(400, "bad request: workers should be integer format")
            if not 0 < workers <= 10:                                          # validateWorkers()
                raise ApiError(400, f"Error: Invalid number of workers:{workers}. Workers must be greater than 0 "
                                    "and less than or equal to 10.")
            policy["workers"] = workers
        schedule = body.get("schedule") or {}
        # updateSchedule (src/server/v2.0/handler/gc.go) validates before it replaces the schedule
        cron = scheduled_cron(schedule, "scheduled gc")
        if cron is None:
            self.gc = None
            return Answer(200)
        # CreateSchedule (src/controller/gc/controller.go) keeps these three as the schedule's extra
        # attributes, which GET reports; dry_run lives only in the callback's policy, which GET does not show
        self.gc = {"type": schedule["type"], "cron": cron, "policy": policy,
                   "parameters": {key: policy[key] for key in ("delete_untagged", "delete_tag", "workers")}}
        return Answer(200)
