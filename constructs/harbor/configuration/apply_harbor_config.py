#!/usr/bin/env python3
"""Apply a declared Harbor configuration (registries, projects, schedules) through Harbor's REST API.

Runs as a Kubernetes Job after each Argo CD sync, on a stock Python image: standard library only,
one file. It is idempotent: it creates what is missing, updates what differs, and a second run makes
no write at all and says so. Every action is one log line.

Environment:
  HARBOR_URL                       Harbor's base URL, e.g. http://harbor-core.harbor.svc (required)
  HARBOR_ADMIN_USER                Harbor user with system-admin rights (default: admin)
  HARBOR_ADMIN_PASSWORD            its password (required)
  HARBOR_CONFIG_FILE               path of the JSON declaration (required)
  HARBOR_HEALTH_DEADLINE_SECONDS   how long to wait for /api/v2.0/health to say healthy (default 600)
  HARBOR_HEALTH_INTERVAL_SECONDS   pause between two health checks (default 5)
  HARBOR_RETRY_ATTEMPTS            attempts per request on 5xx answers and connection errors (default 5)
  HARBOR_RETRY_DELAY_SECONDS       first pause between attempts, doubled each time (default 1)
  HARBOR_RETRY_MAX_DELAY_SECONDS   longest pause between attempts (default 30)
  HARBOR_REQUEST_TIMEOUT_SECONDS   timeout of one HTTP request (default 30)
  HARBOR_CA_FILE                   PEM CA bundle that verifies an https HARBOR_URL, instead of the
                                   system CAs (for a Harbor behind a private CA; default: system CAs)
  plus, for each registry with a credential, the two variables the declaration names.

Ownership, which decides what `prune` may delete:
  - a registry is owned when its description ends with "[managed-by=harbor-gitops]" (or
    "[managed-by=harbor-gitops credential=<16 hex>]", the fingerprint of its credential);
  - a project is owned when it carries the project label "harbor-gitops".
  The job writes these marks on everything it creates, and on declared objects it finds (adoption).
  Without prune nothing is ever deleted; with prune, owned objects the declaration no longer lists
  are deleted, except a project that still holds repositories, or a registry a project still uses
  (both are reported and kept).

Unreachable upstreams: Harbor pings a registry's upstream whenever one is created or updated, and
refuses the change (HTTP 400 "the registry is unhealthy") while it cannot reach it or log in. Such a
registry is skipped, with the proxy-cache projects bound to it; everything else is applied, the
skips are listed, and the run ends with exit code 6, so that the sync is marked failed and retried.

Exit codes: 0 applied (or nothing to do), 1 bad input, 2 Harbor not healthy in time, 3 credentials
rejected, 4 a name is taken by an object of another kind, 5 Harbor kept failing or refused a change,
6 everything applied except registries whose upstream Harbor could not ping (and their caches).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import logging
import os
import re
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

API = "/api/v2.0"
DOCUMENT_VERSION = 2
MARKER_NAME = "harbor-gitops"
MARKER = re.compile(r"\s*\[managed-by=harbor-gitops(?: credential=([0-9a-f]{16}))?\]$")
LABEL_NAME = "harbor-gitops"
LABEL_DESCRIPTION = ("Managed by the harbor-gitops configuration job: declared in Git; deleted by the job "
                     "(when prune is on) once the declaration no longer lists it.")
PAGE_SIZE = 100
# Harbor answers these for a schedule that exists; "None" (or nothing) means no schedule.
SCHEDULED = ("Hourly", "Daily", "Weekly", "Custom", "Schedule")
# What GET /system/gc/schedule reports of the GC parameters (job_parameters): the GC controller's
# CreateSchedule (src/controller/gc/controller.go) keeps only these; dry_run is not among them.
GC_REPORTED = ("delete_tag", "delete_untagged", "workers")

EXIT_INPUT, EXIT_UNHEALTHY, EXIT_AUTH, EXIT_CONFLICT, EXIT_HARBOR, EXIT_SKIPPED = 1, 2, 3, 4, 5, 6
# What Harbor answers (HTTP 400) when the ping of a registry's upstream fails on create or update:
# the registry controller's validate(), src/controller/registry/controller.go.
UNHEALTHY_REGISTRY = "the registry is unhealthy"

log = logging.getLogger("harbor-config")


class Failure(Exception):
    """Stops the run; the message is printed as is and the exit code tells the kind."""

    exit_code = EXIT_HARBOR


class InputError(Failure):
    exit_code = EXIT_INPUT


class Unhealthy(Failure):
    exit_code = EXIT_UNHEALTHY


class AuthFailure(Failure):
    exit_code = EXIT_AUTH


class Conflict(Failure):
    exit_code = EXIT_CONFLICT


class HarborError(Failure):
    exit_code = EXIT_HARBOR

    def __init__(self, message: str, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail            # Harbor's own error text, "CODE: message"


class Skipped(Failure):
    """Everything else was applied; some registries (and their caches) could not be."""

    exit_code = EXIT_SKIPPED


class Transient(Exception):
    """A connection error or a 5xx answer: worth another attempt."""


# ---- settings ----------------------------------------------------------------------------------------

def env_number(name: str, default: float, *, minimum: float = 0) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise InputError(f"{name} must be at least {minimum}, got {raw!r}")
    return value


def env_required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise InputError(f"{name} is not set")
    return value


class Settings:
    def __init__(self) -> None:
        self.url = env_required("HARBOR_URL").rstrip("/")
        if self.url.endswith(API):
            self.url = self.url[: -len(API)]
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"HARBOR_URL must be an http(s) URL such as http://harbor-core, got {self.url!r}")
        self.user = os.environ.get("HARBOR_ADMIN_USER") or "admin"
        self.password = env_required("HARBOR_ADMIN_PASSWORD")
        self.config_file = env_required("HARBOR_CONFIG_FILE")
        self.health_deadline = env_number("HARBOR_HEALTH_DEADLINE_SECONDS", 600)
        self.health_interval = env_number("HARBOR_HEALTH_INTERVAL_SECONDS", 5)
        self.attempts = int(env_number("HARBOR_RETRY_ATTEMPTS", 5, minimum=1))
        self.retry_delay = env_number("HARBOR_RETRY_DELAY_SECONDS", 1)
        self.retry_max_delay = env_number("HARBOR_RETRY_MAX_DELAY_SECONDS", 30)
        self.timeout = env_number("HARBOR_REQUEST_TIMEOUT_SECONDS", 30, minimum=0.1)
        self.ca_file = os.environ.get("HARBOR_CA_FILE") or None


# ---- the declaration ---------------------------------------------------------------------------------

def _need(obj: object, key: str, kind: type | tuple, where: str) -> object:
    if not isinstance(obj, dict) or key not in obj:
        raise InputError(f"declaration: {where} has no {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputError(f"declaration: {where}.{key} has the wrong type: {value!r}")
    return value


def load_declaration(path: str) -> dict:
    """Read and check the document that HarborConfiguration.to_json() wrote."""
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except OSError as error:
        raise InputError(f"cannot read HARBOR_CONFIG_FILE {path}: {error}") from None
    except ValueError as error:
        raise InputError(f"HARBOR_CONFIG_FILE {path} is not JSON: {error}") from None
    if _need(doc, "version", int, "the document") != DOCUMENT_VERSION:
        raise InputError(f"declaration version {doc['version']!r} is not {DOCUMENT_VERSION}: this script is older "
                         "or newer than the library that wrote the document")
    _need(doc, "prune", bool, "the document")
    for registry in _need(doc, "registries", list, "the document"):
        where = f"registry {registry.get('name')!r}" if isinstance(registry, dict) else "a registry"
        for key, kind in (("name", str), ("type", str), ("url", str), ("insecure", bool), ("description", str)):
            _need(registry, key, kind, where)
        credential = _need(registry, "credential", (dict, type(None)), where)
        if credential is not None:
            _need(credential, "access_key_env", str, where + ".credential")
            _need(credential, "access_secret_env", str, where + ".credential")
    names = {r["name"] for r in doc["registries"]}
    for project in _need(doc, "projects", list, "the document"):
        where = f"project {project.get('name')!r}" if isinstance(project, dict) else "a project"
        _need(project, "name", str, where)
        _need(project, "public", bool, where)
        _need(project, "storage_limit", int, where)
        policy = _need(project, "policy", dict, where)
        for key in ("auto_scan", "prevent_vulnerable", "enable_content_trust_cosign", "auto_sbom_generation"):
            _need(policy, key, bool, where + ".policy")
        _need(policy, "severity", str, where + ".policy")
        proxy = _need(project, "proxy_cache", (dict, type(None)), where)
        if proxy is not None:
            if _need(proxy, "registry", str, where + ".proxy_cache") not in names:
                raise InputError(f"declaration: {where} is a proxy cache of registry {proxy['registry']!r}, "
                                 "which the declaration does not list")
            _need(proxy, "bandwidth_kbps", int, where + ".proxy_cache")
            _need(proxy, "max_upstream_connections", int, where + ".proxy_cache")
    system = _need(doc, "system", dict, "the document")
    for key in ("scan_all_schedule", "gc_schedule"):
        _need(system, key, (str, type(None)), "system")
    gc = _need(system, "gc_parameters", dict, "system")
    _need(gc, "delete_untagged", bool, "system.gc_parameters")
    _need(gc, "workers", int, "system.gc_parameters")
    _need(gc, "dry_run", bool, "system.gc_parameters")
    return doc


def read_credentials(doc: dict) -> dict[str, tuple[str, str]]:
    """Registry name -> (access key, secret) from the variables the document names; all must be set."""
    found = {}
    for registry in doc["registries"]:
        credential = registry["credential"]
        if credential is None:
            continue
        values = []
        for key in ("access_key_env", "access_secret_env"):
            name = credential[key]
            value = os.environ.get(name, "")
            if not value:
                raise InputError(f"registry {registry['name']!r}: environment variable {name} is empty or not set "
                                 "(it should come from the synced Secret)")
            values.append(value)
        found[registry["name"]] = (values[0], values[1])
    return found


# ---- HTTP --------------------------------------------------------------------------------------------

def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Verification against `ca_file` alone when given (create_default_context then skips the system
    CAs), otherwise against the system CAs; an unreadable or non-PEM bundle is bad input."""
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ValueError) as error:       # ssl.SSLError is an OSError
        raise InputError(f"HARBOR_CA_FILE {ca_file} is not a readable PEM CA bundle: {error}") from None


def error_text(raw: bytes) -> str:
    """Harbor's {"errors": [{"code", "message"}]} as one line, or the start of whatever came back."""
    try:
        errors = json.loads(raw.decode("utf-8")).get("errors") or []
        text = "; ".join(f"{e.get('code', '')}: {e.get('message', '')}" for e in errors)
        if text:
            return text
    except (ValueError, AttributeError, UnicodeDecodeError):
        pass
    return raw[:200].decode("utf-8", "replace").strip() or "(empty answer)"


class Harbor:
    """A small client: basic auth, JSON in and out, bounded retries with exponential backoff."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        token = base64.b64encode(f"{settings.user}:{settings.password}".encode()).decode()
        self.auth = f"Basic {token}"
        self.context = None
        if settings.url.startswith("https://") or settings.ca_file:
            self.context = tls_context(settings.ca_file)
            if not settings.url.startswith("https://"):
                log.info("HARBOR_CA_FILE is set but HARBOR_URL is plain http: the CA bundle is not used")

    def _once(self, method: str, path: str, query: dict | None, body: object, headers: dict | None,
              timeout: float, auth: bool) -> tuple[int, dict, bytes]:
        url = self.settings.url + API + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", self.auth)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=timeout, context=self.context) as response:
                return response.status, dict(response.headers.items()), response.read()
        except urllib.error.HTTPError as error:
            raw = error.read()
            if error.code >= 500:
                raise Transient(f"HTTP {error.code}: {error_text(raw)}") from None
            return error.code, dict(error.headers.items()), raw
        except (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            hint = ""
            if isinstance(reason, ssl.SSLCertVerificationError):
                hint = (f" (HARBOR_CA_FILE {self.settings.ca_file} does not hold the CA that signed Harbor's "
                        "certificate)" if self.settings.ca_file else " (Harbor's certificate is not signed by a "
                        "system CA: set HARBOR_CA_FILE to the CA bundle that signed it)")
            raise Transient(f"{type(reason).__name__}: {reason}{hint}") from None

    def request(self, method: str, path: str, *, query: dict | None = None, body: object = None,
                headers: dict | None = None, create: bool = False) -> tuple[int, dict, object]:
        """One API call; 5xx and connection errors are retried, other errors stop the run.

        `create`: a 409 Conflict on a retried attempt means an earlier attempt did create the object
        (the answer was lost on the way back), so it counts as success.
        """
        attempts = self.settings.attempts
        for attempt in range(1, attempts + 1):
            try:
                status, answer_headers, raw = self._once(method, path, query, body, headers,
                                                         self.settings.timeout, auth=True)
            except Transient as error:
                if attempt == attempts:
                    raise HarborError(f"{method} {API}{path} failed {attempts} times, giving up; last error: "
                                      f"{error}") from None
                delay = min(self.settings.retry_max_delay, self.settings.retry_delay * 2 ** (attempt - 1))
                log.warning("%s %s%s: %s; retrying in %.2fs (attempt %d of %d)", method, API, path, error, delay,
                            attempt + 1, attempts)
                time.sleep(delay)
                continue
            if status == 401:
                raise AuthFailure(
                    f"Harbor rejected the password of user {self.settings.user!r} (HTTP 401 on {method} {API}{path}). "
                    "Harbor reads HARBOR_ADMIN_PASSWORD only on its first boot, when it creates the admin account: "
                    "a password changed later in OpenBao is not applied to Harbor. Change it in Harbor as well "
                    "(UI: the user menu > Change Password), or put the current one back into OpenBao.")
            if status == 403:
                raise HarborError(f"{method} {API}{path}: user {self.settings.user!r} is not allowed (HTTP 403); "
                                  "the job needs a Harbor system administrator", status)
            if status == 409 and create and attempt > 1:
                return status, answer_headers, None
            if status >= 400:
                detail = error_text(raw)
                raise HarborError(f"{method} {API}{path} answered HTTP {status}: {detail}", status, detail)
            text = raw.decode("utf-8").strip() if raw else ""
            try:
                payload = json.loads(text) if text else None
            except ValueError:
                raise HarborError(f"{method} {API}{path} answered something that is not JSON: {text[:200]!r}") from None
            return status, answer_headers, payload
        raise AssertionError("unreachable")  # pragma: no cover

    def get(self, path: str, query: dict | None = None, headers: dict | None = None) -> object:
        return self.request("GET", path, query=query, headers=headers)[2]

    def list_all(self, path: str, query: dict | None = None) -> list:
        """Every item of a paged list."""
        items: list = []
        page = 1
        while True:
            batch = self.get(path, {**(query or {}), "page": page, "page_size": PAGE_SIZE}) or []
            items.extend(batch)
            if len(batch) < PAGE_SIZE:
                return items
            page += 1

    def wait_healthy(self, deadline: float, interval: float) -> None:
        """Poll /health (no auth) until Harbor says "healthy"; fail once `deadline` seconds have passed."""
        end = time.monotonic() + deadline
        last = "no answer yet"
        log.info("waiting up to %gs for %s%s/health to report healthy", deadline, self.settings.url, API)
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise Unhealthy(f"Harbor at {self.settings.url} did not report healthy within {deadline:g}s; "
                                f"last answer: {last}")
            try:
                status, _, raw = self._once("GET", "/health", None, None, None,
                                            min(self.settings.timeout, remaining), auth=False)
                report = json.loads(raw.decode("utf-8")) if status == 200 and raw else {}
                if not isinstance(report, dict):
                    report = {}
                if report.get("status") == "healthy":
                    log.info("Harbor is healthy")
                    return
                sick = [f"{c.get('name')}: {c.get('error') or c.get('status')}"
                        for c in report.get("components") or [] if isinstance(c, dict) and c.get("status") != "healthy"]
                now = f"HTTP {status}, status {report.get('status')!r}" + (f" ({', '.join(sick)})" if sick else "")
            except (Transient, ValueError, UnicodeDecodeError) as error:
                now = str(error)
            if now != last:
                log.info("not healthy yet: %s", now)
                last = now
            time.sleep(max(0.0, min(interval, end - time.monotonic())))


# ---- reconciliation ------------------------------------------------------------------------------------

def flag(value: bool) -> str:
    return "true" if value else "false"


def location_id(headers: dict) -> int | None:
    """The numeric id at the end of a Location header (…/registries/7)."""
    location = next((v for k, v in headers.items() if k.lower() == "location"), "")
    tail = location.rstrip("/").rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else None


class Applier:
    def __init__(self, harbor: Harbor, doc: dict, credentials: dict[str, tuple[str, str]], key: str) -> None:
        self.harbor = harbor
        self.doc = doc
        self.credentials = credentials
        self.key = key.encode("utf-8")       # keys the credential fingerprints (see fingerprint())
        self.changes = 0
        self.skipped: dict[str, str] = {}    # registry name -> why it was skipped
        self.skipped_projects: list[str] = []

    def action(self, message: str, *args: object) -> None:
        self.changes += 1
        log.info(message, *args)

    # -- what the declaration wants, in Harbor's terms --

    def fingerprint(self, name: str) -> str | None:
        """A keyed hash of a registry's credential, kept in its description.

        Harbor never returns a stored secret (it answers "*****"), so a token rotated in OpenBao would
        go unnoticed; comparing fingerprints notices it without storing anything that reveals the token.
        The key is the admin password: changing it re-sends each credential once, which is harmless.
        """
        if name not in self.credentials:
            return None
        access_key, secret = self.credentials[name]
        digest = hmac.new(self.key, f"{access_key}\0{secret}".encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[:16]

    def description(self, registry: dict) -> str:
        fingerprint = self.fingerprint(registry["name"])
        marker = f"[managed-by={MARKER_NAME}" + (f" credential={fingerprint}]" if fingerprint else "]")
        return f"{registry['description']} {marker}" if registry["description"] else marker

    @staticmethod
    def metadata(project: dict) -> dict[str, str]:
        policy = project["policy"]
        wanted = {
            "public": flag(project["public"]),
            "auto_scan": flag(policy["auto_scan"]),
            "prevent_vul": flag(policy["prevent_vulnerable"]),
            "severity": policy["severity"],
            "enable_content_trust_cosign": flag(policy["enable_content_trust_cosign"]),
            "auto_sbom_generation": flag(policy["auto_sbom_generation"]),
        }
        proxy = project["proxy_cache"]
        if proxy is not None:
            # Harbor ignores these two on regular projects, so they are sent only for proxy caches
            wanted["proxy_speed_kb"] = str(proxy["bandwidth_kbps"])
            wanted["max_upstream_conn"] = str(proxy["max_upstream_connections"])
        return wanted

    # -- the run --

    def run(self) -> None:
        registries = {r["name"]: r for r in self.harbor.list_all("/registries")}
        projects = {p["name"]: p for p in self.harbor.list_all("/projects")}
        self.check_conflicts(registries, projects)
        registry_ids = self.apply_registries(registries)
        self.apply_projects(projects, registry_ids)
        self.prune(registries, projects)
        self.apply_system()
        if self.skipped:
            log.info("applied %d changes; skipped registries: %s; skipped proxy caches: %s", self.changes,
                     ", ".join(sorted(self.skipped)), ", ".join(self.skipped_projects) or "none")
            raise Skipped(
                "not everything was applied: registries " + ", ".join(sorted(self.skipped)) + " (Harbor could not "
                "ping their upstream)" + (", and the proxy caches bound to them: " + ", ".join(self.skipped_projects)
                                          if self.skipped_projects else "")
                + "; everything else is applied. Failing so that the sync is retried: a later run applies them "
                "once Harbor reaches the upstream (check its address, the network policy and the credential)")
        if self.changes == 0:
            log.info("nothing changed: Harbor already matches the declaration (%d registries, %d projects)",
                     len(self.doc["registries"]), len(self.doc["projects"]))
        else:
            log.info("done: %d changes applied", self.changes)

    def check_conflicts(self, registries: dict, projects: dict) -> None:
        """Names taken by an object of another kind stop the run before its first write."""
        ids = {r["id"]: name for name, r in registries.items()}
        for registry in self.doc["registries"]:
            current = registries.get(registry["name"])
            if current is not None and current.get("type") != registry["type"]:
                raise Conflict(f"registry {registry['name']!r} exists with type {current.get('type')!r}, the "
                               f"declaration says {registry['type']!r}; Harbor cannot change a registry's type: "
                               "delete it in Harbor or give the declared endpoint another name")
        for project in self.doc["projects"]:
            current = projects.get(project["name"])
            if current is None:
                continue
            bound = current.get("registry_id") or 0
            proxy = project["proxy_cache"]
            if proxy is not None and not bound:
                raise Conflict(f"project {project['name']!r} exists as a regular project, but the declaration makes "
                               f"it a proxy cache of registry {proxy['registry']!r}; Harbor cannot turn one into the "
                               "other: rename the declared proxy cache, or delete the existing project")
            if proxy is None and bound:
                raise Conflict(f"project {project['name']!r} exists as a proxy cache (of registry "
                               f"{ids.get(bound, bound)!r}), but the declaration makes it a regular project; Harbor "
                               "cannot turn one into the other: rename the declared project, or delete the "
                               "existing proxy cache")
            if proxy is not None and ids.get(bound) != proxy["registry"]:
                raise Conflict(f"project {project['name']!r} is a proxy cache of registry {ids.get(bound, bound)!r}, "
                               f"the declaration binds it to {proxy['registry']!r}; Harbor cannot rebind a proxy "
                               "cache: rename the declared project, or delete the existing one")

    def apply_registries(self, registries: dict) -> dict[str, int]:
        ids = {}
        for registry in self.doc["registries"]:
            name = registry["name"]
            description = self.description(registry)
            credential = self.credentials.get(name)
            current = registries.get(name)
            if current is None:
                body = {"name": name, "type": registry["type"], "url": registry["url"],
                        "insecure": registry["insecure"], "description": description}
                if credential:
                    body["credential"] = {"type": "basic", "access_key": credential[0], "access_secret": credential[1]}
                try:
                    _, headers, _ = self.harbor.request("POST", "/registries", body=body, create=True)
                except HarborError as error:
                    self.skip_unhealthy(registry, error, "create")
                    continue
                ids[name] = location_id(headers) or self.registry_id(name)
                self.action("created registry %s (%s %s%s)", name, registry["type"], registry["url"],
                            ", with credential" if credential else "")
                continue
            ids[name] = current["id"]
            update: dict = {}
            changed = []
            if (current.get("url") or "").rstrip("/") != registry["url"]:
                update["url"] = registry["url"]
                changed.append(f"url {current.get('url')!r} -> {registry['url']!r}")
            if bool(current.get("insecure")) != registry["insecure"]:
                update["insecure"] = registry["insecure"]
                changed.append(f"insecure -> {flag(registry['insecure'])}")
            current_description = current.get("description") or ""
            mark = MARKER.search(current_description)
            if current_description != description:
                update["description"] = description
                if mark is None:
                    changed.append("adopted (ownership marker added)")
                if MARKER.sub("", current_description) != registry["description"]:
                    changed.append("description")
            current_key = (current.get("credential") or {}).get("access_key") or ""
            if credential:
                # Harbor never returns the secret: it is re-sent when the user or the fingerprint differ
                old_fingerprint = mark.group(1) if mark else None
                if current_key != credential[0] or old_fingerprint != self.fingerprint(name):
                    update.update(credential_type="basic", access_key=credential[0], access_secret=credential[1])
                    changed.append("credential")
            elif current_key:
                update.update(credential_type="basic", access_key="", access_secret="")
                changed.append("credential removed")
            if update:
                try:
                    self.harbor.request("PUT", f"/registries/{current['id']}", body=update)
                except HarborError as error:
                    self.skip_unhealthy(registry, error, "update")
                    continue
                self.action("updated registry %s: %s", name, ", ".join(changed))
        return ids

    def skip_unhealthy(self, registry: dict, error: HarborError, verb: str) -> None:
        """Record a registry whose create or update Harbor refused because its upstream failed the ping;
        any other error stops the run."""
        if error.status != 400 or UNHEALTHY_REGISTRY not in error.detail:
            raise error
        # a failed ping is a refused connection, a TLS or DNS failure, or a login the upstream rejects
        reason = (f"Harbor refused to {verb} it: it pings {registry['url']} first and answered HTTP 400 "
                  f"{UNHEALTHY_REGISTRY!r} (upstream unreachable, or it refused the credential)")
        self.skipped[registry["name"]] = reason
        log.warning("skipped registry %s: %s", registry["name"], reason)

    def registry_id(self, name: str) -> int:
        for registry in self.harbor.list_all("/registries"):
            if registry["name"] == name:
                return registry["id"]
        raise HarborError(f"registry {name!r} was created but Harbor does not list it")

    def project_id(self, name: str) -> int:
        for project in self.harbor.list_all("/projects", {"name": name}):
            if project["name"] == name:        # the name filter is a fuzzy match
                return project["project_id"]
        raise HarborError(f"project {name!r} was created but Harbor does not list it")

    def owned(self, project_id: int) -> bool:
        labels = self.harbor.list_all("/labels", {"scope": "p", "project_id": project_id, "name": LABEL_NAME})
        return any(label.get("name") == LABEL_NAME for label in labels)

    def mark(self, project_id: int) -> None:
        self.harbor.request("POST", "/labels", create=True, body={
            "name": LABEL_NAME, "description": LABEL_DESCRIPTION, "color": "#48960C", "scope": "p",
            "project_id": project_id})

    def apply_projects(self, projects: dict, registry_ids: dict[str, int]) -> None:
        by_name = {"X-Is-Resource-Name": "true"}
        for project in self.doc["projects"]:
            name = project["name"]
            wanted = self.metadata(project)
            proxy = project["proxy_cache"]
            if proxy is not None and proxy["registry"] in self.skipped:
                self.skipped_projects.append(name)
                log.warning("skipped project %s: a proxy cache of registry %s, which was skipped", name,
                            proxy["registry"])
                continue
            current = projects.get(name)
            if current is None:
                body = {"project_name": name, "metadata": wanted, "storage_limit": project["storage_limit"]}
                if proxy is not None:
                    body["registry_id"] = registry_ids[proxy["registry"]]
                _, headers, _ = self.harbor.request("POST", "/projects", body=body, create=True)
                project_id = location_id(headers) or self.project_id(name)
                self.mark(project_id)
                self.action("created project %s (%s)", name, f"proxy cache of registry {proxy['registry']}"
                            if proxy else "regular")
                continue
            project_id = current["project_id"]
            metadata = current.get("metadata") or {}
            changed = {key: value for key, value in wanted.items() if metadata.get(key) != value}
            if changed:
                self.harbor.request("PUT", f"/projects/{name}", headers=by_name, body={"metadata": changed})
                self.action("updated project %s: %s", name, ", ".join(
                    f"{key} {repr(metadata[key]) if key in metadata else 'unset'} -> {value!r}"
                    for key, value in sorted(changed.items())))
            self.apply_quota(name, project_id, project["storage_limit"])
            if not self.owned(project_id):
                self.mark(project_id)
                self.action("adopted project %s (label %s added: the job now owns it)", name, LABEL_NAME)

    def apply_quota(self, name: str, project_id: int, limit: int) -> None:
        quotas = self.harbor.list_all("/quotas", {"reference": "project", "reference_id": str(project_id)})
        if not quotas:
            log.warning("project %s has no quota in Harbor (per-project quotas disabled?): storage limit not applied",
                        name)
            return
        quota = quotas[0]
        current = (quota.get("hard") or {}).get("storage")
        if current != limit:
            self.harbor.request("PUT", f"/quotas/{quota['id']}", body={"hard": {"storage": limit}})
            self.action("updated project %s: storage quota %s -> %s bytes", name, current, limit)

    def prune(self, registries: dict, projects: dict) -> None:
        """Delete (prune on) or report (prune off) what the job owns and the declaration dropped."""
        prune = self.doc["prune"]
        declared = {p["name"] for p in self.doc["projects"]}
        remaining = dict(projects)
        for name, current in sorted(projects.items()):
            if name in declared or not self.owned(current["project_id"]):
                continue
            if not prune:
                log.info("kept project %s: owned by this job and no longer declared, but prune is off", name)
                continue
            check = self.harbor.get(f"/projects/{name}/_deletable", headers={"X-Is-Resource-Name": "true"}) or {}
            if not check.get("deletable"):
                log.warning("kept project %s: no longer declared, but Harbor cannot delete it: %s", name,
                            check.get("message") or "not deletable")
                continue
            self.harbor.request("DELETE", f"/projects/{name}", headers={"X-Is-Resource-Name": "true"})
            del remaining[name]
            self.action("deleted project %s (owned, no longer declared)", name)
        declared = {r["name"] for r in self.doc["registries"]}
        for name, current in sorted(registries.items()):
            if name in declared or not MARKER.search(current.get("description") or ""):
                continue
            if not prune:
                log.info("kept registry %s: owned by this job and no longer declared, but prune is off", name)
                continue
            users = sorted(p for p, v in remaining.items() if (v.get("registry_id") or 0) == current["id"])
            if users:
                log.warning("kept registry %s: no longer declared, but proxy caches still use it: %s", name,
                            ", ".join(users))
                continue
            try:
                self.harbor.request("DELETE", f"/registries/{current['id']}")
            except HarborError as error:
                if error.status != 412:
                    raise
                log.warning("kept registry %s: no longer declared, but Harbor refuses to delete it: %s", name, error)
                continue
            self.action("deleted registry %s (owned, no longer declared)", name)

    def apply_system(self) -> None:
        system = self.doc["system"]
        if system["scan_all_schedule"] is not None:
            self.apply_schedule("scan-all", "/system/scanAll/schedule", system["scan_all_schedule"])
        if system["gc_schedule"] is not None:
            gc = system["gc_parameters"]
            # Harbor's GC handler reads `parameters` as a map of any JSON values (kick() in
            # src/server/v2.0/handler/gc.go): the flags must be JSON booleans and workers a JSON integer,
            # or they are silently ignored. delete_tag is not declared; it is sent as false, which is also
            # what Harbor stores when it is absent, so that the comparison covers all it reports.
            parameters = {"delete_untagged": gc["delete_untagged"], "delete_tag": False, "workers": gc["workers"],
                          "dry_run": gc["dry_run"]}
            self.apply_schedule("garbage-collection", "/system/gc/schedule", system["gc_schedule"], parameters)

    def apply_schedule(self, what: str, path: str, cron: str, parameters: dict | None = None) -> None:
        try:
            current = self.harbor.get(path) or {}
        except HarborError as error:
            if error.status == 412:
                raise HarborError(f"cannot read the {what} schedule: {error} (a scan-all schedule needs a "
                                  "default scanner such as Trivy)", 412) from None
            raise
        schedule = (current.get("schedule") or {}) if isinstance(current, dict) else {}
        scheduled = schedule.get("type") in SCHEDULED
        differences = []
        if scheduled and parameters is not None:
            reported = reported_parameters(current.get("job_parameters"))
            for key in GC_REPORTED:
                if not same_json(reported.get(key), parameters[key]):
                    differences.append(f"{key} {json.dumps(reported.get(key))} -> {json.dumps(parameters[key])}")
        if scheduled and schedule.get("cron") == cron and not differences:
            return
        body: dict = {"schedule": {"type": "Custom", "cron": cron}}
        if parameters is not None:
            body["parameters"] = parameters
        self.harbor.request("PUT", path, body=body)
        before = f"{schedule.get('type')} {schedule.get('cron')!r}" if scheduled else "none"
        self.action("set %s schedule to %r (was %s)%s", what, cron, before,
                    f"; parameters: {', '.join(differences)}" if differences else "")


def reported_parameters(text: object) -> dict:
    """GET /system/gc/schedule's job_parameters, a JSON object in a string; {} when it is not one."""
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        value = None
    return value if isinstance(value, dict) else {}


def same_json(a: object, b: object) -> bool:
    """Equal as JSON values: True is not 1, and 0 is not False."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def main() -> int:
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s",
                        datefmt="%Y-%m-%dT%H:%M:%S%z")
    try:
        settings = Settings()
        doc = load_declaration(settings.config_file)
        credentials = read_credentials(doc)
        harbor = Harbor(settings)
        harbor.wait_healthy(settings.health_deadline, settings.health_interval)
        Applier(harbor, doc, credentials, settings.password).run()
    except Failure as failure:
        log.error("%s", failure)
        return failure.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
