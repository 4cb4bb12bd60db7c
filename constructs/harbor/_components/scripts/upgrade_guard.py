"""Harbor's upgrade guard: refuse to change Harbor's version without a recent database backup.

Run as an Argo CD PreSync hook (python3 -I upgrade_guard.py), standard library only, before anything
of the sync is applied. Why: Harbor's core migrates the database schema at its first start on a new
version (src/core/main.go runs migration.Migrate in the default mode), and the schema cannot go back
(Harbor ships no down migrations, make/migrations/postgresql/); a migration that fails half way
leaves `schema_migrations` dirty and core refuses to start. The backup taken before the change is the
way back, so the change waits for one.

Decision, read from the Kubernetes API with the pod's service account:
1. the core Deployment does not exist: a first installation, nothing to lose: allow;
2. its pod template's version label equals the version being synced: no version change: allow;
3. the version being synced is older: Harbor does not downgrade a schema: refuse;
4. otherwise the newest successful backup (see SOURCES) must be younger than the limit: allow or refuse.

Environment:
  GUARD_NAMESPACE          the namespace of Harbor's objects
  GUARD_DEPLOYMENT         the core Deployment, e.g. harbor-core
  GUARD_VERSION_LABEL      the pod template label holding Harbor's version (app.kubernetes.io/version)
  GUARD_TARGET_VERSION     the version being synced, e.g. v2.15.1
  GUARD_MAX_AGE_SECONDS    the oldest backup that still allows a version change
  GUARD_SOURCES            JSON list of where backups are recorded:
                           {"kind": "CronJob", "name": ..., "jobLabels": {...}}: the CronJob's
                             lastSuccessfulTime and the completed Jobs with those labels (a Job made by
                             `kubectl create job --from=cronjob/...` carries them, and older Kubernetes
                             releases leave it out of the CronJob's status: kubernetes/kubernetes#118530);
                           {"kind": "ObjectStore", "name": ..., "server": ...}: a Barman Cloud
                             ObjectStore's lastSuccessfulBackupTime for that server
  GUARD_API_URL            the API server (default https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT)
  GUARD_TOKEN_DIR          token and ca.crt (default /var/run/secrets/kubernetes.io/serviceaccount)
Exit codes: 0 allowed, 1 refused, 2 the guard could not decide (API error, bad input).
"""

from __future__ import annotations

import json
import os
import re
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

EXIT_ALLOWED, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2
DEFAULT_TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"


class GuardError(Exception):
    """The guard cannot decide; the sync must not go on blindly."""


def say(message: str) -> None:
    print(f"upgrade-guard: {message}", flush=True)


class Api:
    """GET requests to the Kubernetes API with the service account's token."""

    def __init__(self, url: str, token_dir: Path) -> None:
        self.url = url.rstrip("/")
        token_file = token_dir / "token"
        self.token = token_file.read_text().strip() if token_file.is_file() else ""
        ca = token_dir / "ca.crt"
        self.context = ssl.create_default_context(cafile=str(ca)) if ca.is_file() else None

    def get(self, path: str) -> dict[str, Any] | None:
        """The object at `path`, or None when it does not exist (404)."""
        request = urllib.request.Request(self.url + path, headers={"Accept": "application/json"})
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=30, context=self.context) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise GuardError(f"GET {path} answered {error.code}: {error.read().decode(errors='replace')[:300]}") \
                from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise GuardError(f"GET {path} failed: {error}") from None


def parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def version_key(version: str) -> tuple[int, ...] | None:
    """(2, 15, 1) for "v2.15.1"; None for a tag that is no release number (no ordering then)."""
    found = re.fullmatch(r"v?(\d+)\.(\d+)\.(\d+)", version)
    return tuple(int(part) for part in found.groups()) if found else None


def cron_job_backups(api: Api, namespace: str, source: dict[str, Any]) -> list[tuple[datetime, str]]:
    found: list[tuple[datetime, str]] = []
    name = source["name"]
    cron_job = api.get(f"/apis/batch/v1/namespaces/{namespace}/cronjobs/{name}")
    when = parse_time(((cron_job or {}).get("status") or {}).get("lastSuccessfulTime"))
    if when is not None:
        found.append((when, f"CronJob {name}'s last success"))
    selector = ",".join(f"{key}={value}" for key, value in sorted((source.get("jobLabels") or {}).items()))
    if selector:
        jobs = api.get(f"/apis/batch/v1/namespaces/{namespace}/jobs?"
                       + urllib.parse.urlencode({"labelSelector": selector})) or {}
        for job in jobs.get("items") or []:
            status = job.get("status") or {}
            complete = any(c.get("type") == "Complete" and c.get("status") == "True"
                           for c in status.get("conditions") or [])
            when = parse_time(status.get("completionTime"))
            if complete and when is not None:
                found.append((when, f"Job {job.get('metadata', {}).get('name')}"))
    return found


def object_store_backups(api: Api, namespace: str, source: dict[str, Any]) -> list[tuple[datetime, str]]:
    name, server = source["name"], source["server"]
    store = api.get(f"/apis/barmancloud.cnpg.io/v1/namespaces/{namespace}/objectstores/{name}") or {}
    window = (((store.get("status") or {}).get("serverRecoveryWindow") or {}).get(server) or {})
    when = parse_time(window.get("lastSuccessfulBackupTime"))
    return [(when, f"ObjectStore {name}'s last base backup of {server}")] if when is not None else []


READERS = {"CronJob": cron_job_backups, "ObjectStore": object_store_backups}


def decide(api: Api, env: dict[str, str], now: datetime) -> int:
    namespace, deployment = env["GUARD_NAMESPACE"], env["GUARD_DEPLOYMENT"]
    target, label = env["GUARD_TARGET_VERSION"], env["GUARD_VERSION_LABEL"]
    max_age = int(env["GUARD_MAX_AGE_SECONDS"])
    sources = json.loads(env["GUARD_SOURCES"])
    if not isinstance(sources, list) or not sources or any(s.get("kind") not in READERS for s in sources):
        raise GuardError(f"GUARD_SOURCES must list CronJob or ObjectStore sources, got {sources!r}")

    running = api.get(f"/apis/apps/v1/namespaces/{namespace}/deployments/{deployment}")
    if running is None:
        say(f"Deployment {deployment} does not exist: a first installation, nothing to protect; allowed")
        return EXIT_ALLOWED
    labels = ((((running.get("spec") or {}).get("template") or {}).get("metadata") or {}).get("labels") or {})
    current = labels.get(label, "")
    if current == target:
        say(f"Harbor stays at {target}: no schema migration can run; allowed")
        return EXIT_ALLOWED
    old, new = version_key(current), version_key(target)
    if old is not None and new is not None and new < old:
        say(f"REFUSED: this sync moves Harbor from {current} down to {target}. Harbor cannot downgrade its "
            "database schema (it ships no down migrations): restore the backup taken before the upgrade first "
            "(README, 'Restore the database from a backup'), then sync the older version")
        return EXIT_REFUSED

    backups = [found for source in sources for found in READERS[source["kind"]](api, namespace, source)]
    limit = f"{max_age // 3600} h" if max_age % 3600 == 0 else f"{max_age} s"
    if not backups:
        say(f"REFUSED: this sync moves Harbor from {current or 'an unknown version'} to {target}, and core will "
            "migrate the database at its first start, but no successful database backup is recorded. Take one "
            "now (README, 'Upgrading Harbor'), wait for it to complete, then sync again")
        return EXIT_REFUSED
    newest, where = max(backups)
    age = int((now - newest).total_seconds())
    if age > max_age:
        say(f"REFUSED: this sync moves Harbor from {current or 'an unknown version'} to {target}, and the newest "
            f"database backup ({where}, {newest.isoformat()}) is {age // 3600} h {age % 3600 // 60} min old, "
            f"older than the limit of {limit}. Take a backup now (README, 'Upgrading Harbor'), wait for it to "
            "complete, then sync again")
        return EXIT_REFUSED
    say(f"Harbor moves from {current or 'an unknown version'} to {target}; the newest database backup ({where}, "
        f"{newest.isoformat()}) is {age // 60} min old, within {limit}; allowed")
    return EXIT_ALLOWED


def main() -> int:
    env = dict(os.environ)
    try:
        host = env.get("KUBERNETES_SERVICE_HOST", "")
        host = f"[{host}]" if ":" in host else host   # an IPv6 address in a URL
        url = env.get("GUARD_API_URL") or f"https://{host}:{env.get('KUBERNETES_SERVICE_PORT', '443')}"
        if not url or url.startswith("https://:"):
            raise GuardError("neither GUARD_API_URL nor KUBERNETES_SERVICE_HOST is set")
        api = Api(url, Path(env.get("GUARD_TOKEN_DIR") or DEFAULT_TOKEN_DIR))
        return decide(api, env, datetime.now(UTC))
    except GuardError as error:
        say(f"cannot decide, so the sync stops: {error}")
        return EXIT_ERROR
    except (KeyError, ValueError) as error:
        say(f"cannot decide, so the sync stops: bad or missing setting {error}")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
