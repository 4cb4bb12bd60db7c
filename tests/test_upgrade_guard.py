"""The upgrade guard, run for real: the program the PreSync Job ships, against a fake Kubernetes API.

The Job's program (ConfigMap `harbor-upgrade-guard`, the bytes of dist/) runs with the Job's own
environment (its namespace filled in as the downward API would), pointed at an in-process API server
that answers what a cluster would: the running core Deployment, the backup CronJob's status and its
Jobs, or a CloudNativePG ObjectStore's status. Each case checks the exit code the sync depends on
(0 lets Argo CD go on, anything else stops the sync before an object changed) and the reason it prints.
The requests are checked too: the guard reads only what its Role grants.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import Manifests, container_named, pod_spec
from realsoftware import config_map_data

from constructs.harbor._components.upgrade_guard import EXIT_ALLOWED, EXIT_ERROR, EXIT_REFUSED

NOW = datetime.now(UTC)
TOKEN = "guard-test-token"


def stamp(hours_ago: float) -> str:
    """A time `hours_ago` before now, as the API writes times."""
    return (datetime.now(UTC) - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeApi:
    """Objects by API path; every request is recorded with its Authorization header."""

    def __init__(self) -> None:
        self.objects: dict[str, Any] = {}
        self.requests: list[tuple[str, str]] = []
        self.status_override: int | None = None
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                api.requests.append((self.path, self.headers.get("Authorization", "")))
                parts = urlsplit(self.path)
                body: Any = api.objects.get(parts.path)
                code = 200 if body is not None else 404
                if api.status_override is not None:
                    code, body = api.status_override, {"kind": "Status", "message": "forbidden"}
                elif parts.path.endswith("/jobs"):
                    wanted = dict(pair.split("=", 1) for pair in parse_qs(parts.query)["labelSelector"][0].split(","))
                    items = [j for j in api.objects.get(parts.path, {"items": []})["items"]
                             if wanted.items() <= j["metadata"]["labels"].items()]
                    code, body = 200, {"kind": "JobList", "items": items}
                data = json.dumps(body or {"kind": "Status", "code": 404}).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def api() -> Iterator[FakeApi]:
    server = FakeApi()
    try:
        yield server
    finally:
        server.close()


def guard_job(manifests: Manifests) -> dict[str, Any]:
    return container_named(pod_spec(manifests.get("Job", "harbor-upgrade-guard").obj), "upgrade-guard")


def run_guard(synth_dir: Path, manifests: Manifests, api: FakeApi, tmp_path: Path) -> subprocess.CompletedProcess:
    """The Job's command and env, the program from the ConfigMap, the token in a folder as projected."""
    container = guard_job(manifests)
    program = tmp_path / "upgrade_guard.py"
    program.write_text(config_map_data(synth_dir, "harbor-upgrade-guard")["upgrade_guard.py"])
    tokens = tmp_path / "token"
    tokens.mkdir(exist_ok=True)
    (tokens / "token").write_text(TOKEN)
    env = {"PATH": "/usr/bin:/bin", "GUARD_API_URL": api.url}
    for item in container["env"]:
        if "value" in item:
            env[item["name"]] = item["value"]
        else:
            assert item["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.namespace"
            env[item["name"]] = "harbor"
    env["GUARD_TOKEN_DIR"] = str(tokens)
    command = container["command"]
    assert command[:2] == ["python3", "-I"] and command[2].endswith("/upgrade_guard.py"), command
    return subprocess.run([sys.executable, "-I", str(program)], env=env, capture_output=True, text=True, timeout=60)


def core(version: str) -> dict[str, Any]:
    return {"kind": "Deployment", "spec": {"template": {"metadata": {"labels": {
        "app.kubernetes.io/name": "harbor", "app.kubernetes.io/version": version}}}}}


def backup_job(name: str, hours_ago: float | None, component: str = "database-backup") -> dict[str, Any]:
    labels = {"app.kubernetes.io/name": "harbor", "app.kubernetes.io/instance": "harbor",
              "app.kubernetes.io/component": component}
    status: dict[str, Any] = {"failed": 1, "conditions": [{"type": "Failed", "status": "True"}]}
    if hours_ago is not None:
        status = {"succeeded": 1, "completionTime": stamp(hours_ago),
                  "conditions": [{"type": "Complete", "status": "True"}]}
    return {"metadata": {"name": name, "labels": labels}, "status": status}


DEPLOYMENT = "/apis/apps/v1/namespaces/harbor/deployments/harbor-core"
CRON_JOB = "/apis/batch/v1/namespaces/harbor/cronjobs/harbor-database-backup"
JOBS = "/apis/batch/v1/namespaces/harbor/jobs"
TARGET = "v2.15.1"


def test_the_job_carries_the_synced_version_and_the_backup_sources(manifests: Manifests) -> None:
    env = {e["name"]: e.get("value") for e in guard_job(manifests)["env"]}
    assert env["GUARD_TARGET_VERSION"] == TARGET
    assert env["GUARD_DEPLOYMENT"] == "harbor-core"
    assert env["GUARD_MAX_AGE_SECONDS"] == str(26 * 3600)
    assert json.loads(env["GUARD_SOURCES"]) == [{"kind": "CronJob", "name": "harbor-database-backup", "jobLabels": {
        "app.kubernetes.io/component": "database-backup", "app.kubernetes.io/instance": "harbor",
        "app.kubernetes.io/name": "harbor"}}]


def test_a_first_installation_is_allowed(synth_dir, manifests, api, tmp_path) -> None:
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_ALLOWED, done.stdout + done.stderr
    assert "first installation" in done.stdout
    # the service account's token went with every request
    assert api.requests and all(auth == f"Bearer {TOKEN}" for _, auth in api.requests)


def test_a_sync_that_keeps_the_version_is_allowed_without_a_backup(synth_dir, manifests, api, tmp_path) -> None:
    api.objects[DEPLOYMENT] = core(TARGET)
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_ALLOWED, done.stdout
    assert "stays at v2.15.1" in done.stdout


def test_an_upgrade_without_any_backup_is_refused(synth_dir, manifests, api, tmp_path) -> None:
    api.objects[DEPLOYMENT] = core("v2.14.1")
    api.objects[JOBS] = {"items": [backup_job("harbor-database-backup-29000000", None)]}   # a failed one
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_REFUSED, done.stdout
    assert "REFUSED" in done.stdout and "no successful database backup" in done.stdout


def test_an_upgrade_with_a_stale_backup_is_refused(synth_dir, manifests, api, tmp_path) -> None:
    api.objects[DEPLOYMENT] = core("v2.14.1")
    api.objects[CRON_JOB] = {"status": {"lastSuccessfulTime": stamp(30)}}
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_REFUSED, done.stdout
    assert re.search(r"is 30 h [0-9]+ min old, older than the limit of 26 h", done.stdout), done.stdout


def test_an_upgrade_with_a_recent_backup_is_allowed(synth_dir, manifests, api, tmp_path) -> None:
    api.objects[DEPLOYMENT] = core("v2.14.1")
    api.objects[CRON_JOB] = {"status": {"lastSuccessfulTime": stamp(2)}}
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_ALLOWED, done.stdout
    assert "moves from v2.14.1 to v2.15.1" in done.stdout


def test_a_backup_run_by_hand_counts(synth_dir, manifests, api, tmp_path) -> None:
    """`kubectl create job --from=cronjob/...` (the runbook's step) copies the Job labels; the CronJob's
    status never counts that Job, the guard's label query does. A restore Job does not count."""
    api.objects[DEPLOYMENT] = core("v2.14.1")
    api.objects[CRON_JOB] = {"status": {"lastSuccessfulTime": stamp(50)}}
    api.objects[JOBS] = {"items": [backup_job("harbor-restore-1", 0.2, component="database-restore")]}
    assert run_guard(synth_dir, manifests, api, tmp_path).returncode == EXIT_REFUSED
    api.objects[JOBS]["items"].append(backup_job("harbor-backup-before-upgrade", 0.5))
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_ALLOWED, done.stdout
    assert "Job harbor-backup-before-upgrade" in done.stdout


def test_a_downgrade_is_refused_whatever_the_backups(synth_dir, manifests, api, tmp_path) -> None:
    api.objects[DEPLOYMENT] = core("v2.16.0")
    api.objects[CRON_JOB] = {"status": {"lastSuccessfulTime": stamp(0.1)}}
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_REFUSED, done.stdout
    assert "cannot downgrade" in done.stdout


def test_an_api_error_stops_the_sync(synth_dir, manifests, api, tmp_path) -> None:
    api.status_override = 403
    done = run_guard(synth_dir, manifests, api, tmp_path)
    assert done.returncode == EXIT_ERROR, done.stdout
    assert "cannot decide" in done.stdout and "403" in done.stdout


def test_the_guard_reads_only_what_its_role_grants(synth_dir, manifests, api, tmp_path) -> None:
    api.objects[DEPLOYMENT] = core("v2.14.1")
    run_guard(synth_dir, manifests, api, tmp_path)
    rules = manifests.get("Role", "harbor-upgrade-guard").obj["rules"]
    granted = {(r["apiGroups"][0], r["resources"][0], name, verb) for r in rules for verb in r["verbs"]
               for name in r.get("resourceNames") or [None]}
    for path, _ in api.requests:
        parts = urlsplit(path).path.strip("/").split("/")
        group = "" if parts[0] == "api" else parts[1]
        resource, name = (parts[-1], None) if parts[-1] == "jobs" else (parts[-2], parts[-1])
        verb = "list" if name is None else "get"
        assert (group or "", resource, name, verb) in granted or ("batch", resource, None, verb) in granted, \
            f"{path} is not granted by {rules}"


# ---- CloudNativePG: the ObjectStore records the base backups --------------------------------------

STORE = "/apis/barmancloud.cnpg.io/v1/namespaces/harbor/objectstores/harbor-database-backup"


def store(hours_ago: float) -> dict[str, Any]:
    return {"status": {"serverRecoveryWindow": {"harbor-database": {"lastSuccessfulBackupTime": stamp(hours_ago),
                                                                    "firstRecoverabilityPoint": stamp(700)}}}}


def test_the_ha_site_guard_reads_the_object_store(ha_dir, ha_manifests, api, tmp_path) -> None:
    env = {e["name"]: e.get("value") for e in guard_job(ha_manifests)["env"]}
    assert json.loads(env["GUARD_SOURCES"]) == [
        {"kind": "ObjectStore", "name": "harbor-database-backup", "server": "harbor-database"}]
    api.objects[DEPLOYMENT] = core("v2.14.1")
    api.objects[STORE] = store(40)
    refused = run_guard(ha_dir, ha_manifests, api, tmp_path)
    assert refused.returncode == EXIT_REFUSED, refused.stdout
    assert "ObjectStore harbor-database-backup's last base backup" in refused.stdout
    api.objects[STORE] = store(3)
    assert run_guard(ha_dir, ha_manifests, api, tmp_path).returncode == EXIT_ALLOWED
