"""Harbor's REST API as the run uses it: basic auth, JSON in and out, bounded retries of 5xx answers and
connection errors, an explanation of a 401, and the wait for /health."""

from __future__ import annotations

import base64
import http.client
import json
import logging
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import AuthFailure, HarborError, InputError, Transient, Unhealthy

if TYPE_CHECKING:
    from .settings import Settings

API = "/api/v2.0"
PAGE_SIZE = 100
# What Harbor's read-only middleware answers (403 DENIED) to every write but PUT /configurations
# (src/server/middleware/readonly/readonly.go, src/core/middlewares/middlewares.go readonlySkippers)
READ_ONLY_MESSAGE = "The system is in read only mode"

log = logging.getLogger("harbor-config")


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
        # called before every write that read-only mode would refuse (system_settings.py lifts it there)
        self.before_write: Callable[[str, str], None] | None = None
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
                detail = error_text(raw)
                raise Transient(f"HTTP {error.code}: {detail}", error.code, detail) from None
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
                headers: dict | None = None, create: bool = False) -> tuple[int, dict, Any]:
        """One API call; 5xx and connection errors are retried, other errors stop the run.

        `create`: a 409 Conflict on a retried attempt means an earlier attempt did create the object
        (the answer was lost on the way back), so it counts as success.
        """
        if method != "GET" and self.before_write is not None and (method, path) != ("PUT", "/configurations"):
            self.before_write(method, path)
        attempts = self.settings.attempts
        for attempt in range(1, attempts + 1):
            try:
                status, answer_headers, raw = self._once(method, path, query, body, headers,
                                                         self.settings.timeout, auth=True)
            except Transient as error:
                if attempt == attempts:
                    raise HarborError(f"{method} {API}{path} failed {attempts} times, giving up; last error: "
                                      f"{error}", error.status, error.detail) from None
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
            detail = error_text(raw) if status >= 400 else ""
            if status == 403 and READ_ONLY_MESSAGE in detail:
                raise HarborError(f"{method} {API}{path}: Harbor is in read-only mode, which refuses every change "
                                  "(HTTP 403). The declaration leaves it alone: declare ConfigurationSettings("
                                  "read_only=...) so that the job lifts it for its own changes and sets it again "
                                  "last, or switch it off in Harbor (Administration > Configuration > System "
                                  "Settings > Repository Read Only)", status, detail)
            if status == 403:
                # Harbor's own reason goes along: a 403 is also how it refuses a setting locked by core's
                # CONFIG_OVERWRITE_JSON (src/controller/config/controller.go UpdateUserConfigs)
                raise HarborError(f"{method} {API}{path}: user {self.settings.user!r} is not allowed (HTTP 403); "
                                  f"the job needs a Harbor system administrator; Harbor answered: {detail}",
                                  status, detail)
            if status == 409 and create and attempt > 1:
                return status, answer_headers, None
            if status >= 400:
                raise HarborError(f"{method} {API}{path} answered HTTP {status}: {detail}", status, detail)
            text = raw.decode("utf-8").strip() if raw else ""
            try:
                payload = json.loads(text) if text else None
            except ValueError:
                raise HarborError(f"{method} {API}{path} answered something that is not JSON: {text[:200]!r}") from None
            return status, answer_headers, payload
        raise AssertionError("unreachable")  # pragma: no cover

    def get(self, path: str, query: dict | None = None, headers: dict | None = None) -> Any:
        return self.request("GET", path, query=query, headers=headers)[2]

    def list_all(self, path: str, query: dict | None = None, headers: dict | None = None) -> list:
        """Every item of a paged list."""
        items: list = []
        page = 1
        while True:
            batch = self.get(path, {**(query or {}), "page": page, "page_size": PAGE_SIZE}, headers) or []
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


def flag(value: bool) -> str:
    """A boolean as Harbor spells it in project metadata (and as the log prints it)."""
    return "true" if value else "false"


def location_id(headers: dict) -> int | None:
    """The numeric id at the end of a Location header (…/registries/7)."""
    location = next((v for k, v in headers.items() if k.lower() == "location"), "")
    tail = location.rstrip("/").rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else None
