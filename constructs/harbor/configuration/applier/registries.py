"""Registry endpoints: the upstreams that proxy-cache projects pull from, with their credentials.

Harbor reaches a registry's upstream whenever one is created or updated, and refuses the change while
it cannot reach it or log in. Such a registry is skipped (and, by projects, the proxy caches bound to
it); the run goes on and ends with EXIT_SKIPPED.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os

from .client import Harbor, flag, location_id
from .context import Kind, Run
from .declaration import need
from .errors import Conflict, HarborError, InputError
from .ownership import MARKER, marked_description

# How Harbor v2.15.1 refuses a registry whose upstream it cannot reach or log in to, on create and
# update (src/controller/registry/controller.go validate, IsHealthy):
# - HTTP 400 with this text when the health check of the built adapter fails (most types);
# - HTTP 500 "internal server error" when building the adapter already fails, because it reaches the
#   upstream: Docker Hub with a credential logs in (pkg/reg/adapter/dockerhub/client.go NewClient), a
#   Harbor upstream answers /api/version (harbor/base/client.go NewClient), Ali ACR pings
#   (aliacr/adapter.go newAdapter). That error has no code, so src/lib/http/error.go answers 500 and
#   logs the cause in core's log only.
UNHEALTHY_REGISTRY = "the registry is unhealthy"

log = logging.getLogger("harbor-config")


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


def registry_id(harbor: Harbor, name: str) -> int:
    for registry in harbor.list_all("/registries"):
        if registry["name"] == name:
            return registry["id"]
    raise HarborError(f"registry {name!r} was created but Harbor does not list it")


class Registries(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        for registry in need(doc, "registries", list, "the document"):
            where = f"registry {registry.get('name')!r}" if isinstance(registry, dict) else "a registry"
            for key, kind in (("name", str), ("type", str), ("url", str), ("insecure", bool), ("description", str)):
                need(registry, key, kind, where)
            credential = need(registry, "credential", (dict, type(None)), where)
            if credential is not None:
                need(credential, "access_key_env", str, where + ".credential")
                need(credential, "access_secret_env", str, where + ".credential")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.credentials = read_credentials(doc)

    def fingerprint(self, run: Run, name: str) -> str | None:
        """A keyed hash of a registry's credential, kept in its description.

        Harbor never returns a stored secret (it answers "*****"), so a token rotated in OpenBao would
        go unnoticed; comparing fingerprints notices it without storing anything that reveals the token.
        The key is the admin password: changing it re-sends each credential once, which is harmless.
        """
        if name not in self.credentials:
            return None
        access_key, secret = self.credentials[name]
        digest = hmac.new(run.key, f"{access_key}\0{secret}".encode(), hashlib.sha256).hexdigest()
        return digest[:16]

    def description(self, run: Run, registry: dict) -> str:
        return marked_description(registry["description"], self.fingerprint(run, registry["name"]))

    def inspect(self, run: Run) -> None:
        """A registry's type cannot change: a name taken by a registry of another type stops the run."""
        run.registries = {r["name"]: r for r in run.harbor.list_all("/registries")}
        for registry in self.doc["registries"]:
            current = run.registries.get(registry["name"])
            if current is not None and current.get("type") != registry["type"]:
                raise Conflict(f"registry {registry['name']!r} exists with type {current.get('type')!r}, the "
                               f"declaration says {registry['type']!r}; Harbor cannot change a registry's type: "
                               "delete it in Harbor or give the declared endpoint another name")

    def apply(self, run: Run) -> None:
        ids = run.registry_ids
        for registry in self.doc["registries"]:
            name = registry["name"]
            description = self.description(run, registry)
            credential = self.credentials.get(name)
            current = run.registries.get(name)
            if current is None:
                body = {"name": name, "type": registry["type"], "url": registry["url"],
                        "insecure": registry["insecure"], "description": description}
                if credential:
                    body["credential"] = {"type": "basic", "access_key": credential[0], "access_secret": credential[1]}
                try:
                    _, headers, _ = run.harbor.request("POST", "/registries", body=body, create=True)
                except HarborError as error:
                    self.skip_unhealthy(run, registry, error, "create")
                    continue
                ids[name] = location_id(headers) or registry_id(run.harbor, name)
                run.action("created registry %s (%s %s%s)", name, registry["type"], registry["url"],
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
                if current_key != credential[0] or old_fingerprint != self.fingerprint(run, name):
                    update.update(credential_type="basic", access_key=credential[0], access_secret=credential[1])
                    changed.append("credential")
            elif current_key:
                update.update(credential_type="basic", access_key="", access_secret="")
                changed.append("credential removed")
            if update:
                try:
                    run.harbor.request("PUT", f"/registries/{current['id']}", body=update)
                except HarborError as error:
                    self.skip_unhealthy(run, registry, error, "update")
                    continue
                run.action("updated registry %s: %s", name, ", ".join(changed))

    def skip_unhealthy(self, run: Run, registry: dict, error: HarborError, verb: str) -> None:
        """Record a registry whose create or update Harbor refused because it could not reach or log in to
        the upstream (UNHEALTHY_REGISTRY); any other error stops the run."""
        if error.status == 400 and UNHEALTHY_REGISTRY in error.detail:
            # a failed ping is a refused connection, a TLS or DNS failure, or a login the upstream rejects
            reason = (f"Harbor refused to {verb} it: it pings {registry['url']} first and answered HTTP 400 "
                      f"{UNHEALTHY_REGISTRY!r} (upstream unreachable, or it refused the credential)")
        elif error.status is not None and error.status >= 500:
            # an answer, retried like every 5xx; a Harbor that does not answer at all stops the run
            reason = (f"Harbor failed to {verb} it with HTTP {error.status} {error.detail!r}, after retries: it "
                      f"reaches {registry['url']} while it builds the {registry['type']} adapter (a login, "
                      "a version check), so the upstream is unreachable or refused the credential, unless "
                      "core's log (`kubectl logs deploy/harbor-core`) names another cause")
        else:
            raise error
        run.skipped[registry["name"]] = reason
        log.warning("skipped registry %s: %s", registry["name"], reason)

    def prune(self, run: Run) -> None:
        """Owned registries no longer declared; kept while a remaining project still uses one."""
        prune = self.doc["prune"]
        declared = {r["name"] for r in self.doc["registries"]}
        for name, current in sorted(run.registries.items()):
            if name in declared or not MARKER.search(current.get("description") or ""):
                continue
            if not prune:
                log.info("kept registry %s: owned by this job and no longer declared, but prune is off", name)
                continue
            users = sorted(p for p, v in run.projects.items() if (v.get("registry_id") or 0) == current["id"])
            if users:
                log.warning("kept registry %s: no longer declared, but proxy caches still use it: %s", name,
                            ", ".join(users))
                continue
            try:
                run.harbor.request("DELETE", f"/registries/{current['id']}")
            except HarborError as error:
                if error.status != 412:
                    raise
                log.warning("kept registry %s: no longer declared, but Harbor refuses to delete it: %s", name, error)
                continue
            del run.registries[name]
            run.action("deleted registry %s (owned, no longer declared)", name)
