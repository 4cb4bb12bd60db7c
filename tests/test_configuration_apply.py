"""The configuration job's applier, run for real (a subprocess, standard library only) against a fake Harbor.

The fake validates every request and answer against Harbor's API definition (tests/upstream.py); every test
ends by asserting that it saw no violation. Retry pauses and the health deadline are shrunk through
the applier's environment so that the whole file runs in seconds.
"""

from __future__ import annotations

import ast
import base64
import datetime
import ipaddress
import json
import os
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import fake_harbor
import pytest

from constructs.harbor.configuration import (
    HarborConfiguration,
    Project,
    ProjectPolicy,
    ProxyCacheProject,
    RegistryCredential,
    RegistryEndpoint,
    RegistryType,
    SystemSettings,
    VulnerabilitySeverity,
)
from constructs.harbor.configuration._shipping import (
    EXIT_AUTH,
    EXIT_CONFLICT,
    EXIT_HARBOR,
    EXIT_INPUT,
    EXIT_SKIPPED,
    EXIT_UNHEALTHY,
    applier_dir,
    applier_files,
)
from constructs.harbor.kit.handles import SecretKeyRef

fake_harbor.skip_module_unless_usable()

from fake_harbor import FakeHarbor

pytestmark = fake_harbor.MARKS

USER_ENV = "HARBOR_REGISTRY_DOCKERHUB_ACCESS_KEY"
TOKEN_ENV = "HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET"
TOKEN = "dckr_pat_not-a-real-token-42"

DOCKERHUB = RegistryEndpoint(
    name="dockerhub", type=RegistryType.DOCKER_HUB, description="Docker Hub",
    credential=RegistryCredential(access_key=SecretKeyRef(secret="harbor-upstream", key="DOCKERHUB_USER"),
                                  access_secret=SecretKeyRef(secret="harbor-upstream", key="DOCKERHUB_TOKEN")))
GHCR = RegistryEndpoint(name="ghcr", type=RegistryType.GITHUB_GHCR)
QUAY = RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io")
K8S = RegistryEndpoint(name="k8s", type=RegistryType.DOCKER_REGISTRY, url="https://registry.k8s.io")

HOMELAB = HarborConfiguration(
    endpoints=(DOCKERHUB, GHCR, QUAY, K8S),
    projects=(
        ProxyCacheProject(name="dockerhub", endpoint=DOCKERHUB, public=True, storage_quota="50Gi",
                          bandwidth_kbps=100_000, max_upstream_connections=10),
        ProxyCacheProject(name="ghcr", endpoint=GHCR, public=True),
        ProxyCacheProject(name="quay", endpoint=QUAY, public=True),
        ProxyCacheProject(name="k8s", endpoint=K8S, public=True,
                          policy=ProjectPolicy(auto_scan=False)),
        Project(name="library", storage_quota="20Gi",
                policy=ProjectPolicy(prevent_vulnerable=True, severity=VulnerabilitySeverity.CRITICAL,
                                     auto_sbom_generation=True)),
    ),
    system=SystemSettings(scan_all_schedule="0 0 2 * * *", gc_schedule="0 0 3 * * 6"),
)
GIB = 2**30
# the interpreter that runs the applier; point it at a python3.13 to match the Job's image
PYTHON = os.environ.get("HARBOR_CONFIG_TEST_PYTHON") or sys.executable


@dataclass
class Run:
    code: int
    out: str
    elapsed: float




@pytest.fixture
def apply(fake: FakeHarbor, tmp_path: Path):
    """Run the real applier folder against the fake, as the Job does; returns exit code, output and wall time."""
    counter = iter(range(1_000))

    def run(config: HarborConfiguration | str = HOMELAB, *, env: dict[str, str] | None = None,
            timeout: float = 60) -> Run:
        document = tmp_path / f"declaration-{next(counter)}.json"
        document.write_text(config if isinstance(config, str) else config.to_json())
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HARBOR_URL": fake.url,
            "HARBOR_ADMIN_PASSWORD": fake.password,
            "HARBOR_CONFIG_FILE": str(document),
            "HARBOR_HEALTH_DEADLINE_SECONDS": "5",
            "HARBOR_HEALTH_INTERVAL_SECONDS": "0.05",
            "HARBOR_RETRY_ATTEMPTS": "4",
            "HARBOR_RETRY_DELAY_SECONDS": "0.01",
            "HARBOR_RETRY_MAX_DELAY_SECONDS": "0.05",
            "HARBOR_REQUEST_TIMEOUT_SECONDS": "5",
            USER_ENV: "madhan",
            TOKEN_ENV: TOKEN,
            **(env or {}),
        }
        environment = {k: v for k, v in environment.items() if v is not None}
        start = time.monotonic()
        # -I -S: no site-packages, no user site, no PYTHON* variables: the standard library alone, as
        # on the python:3.13-alpine image the Job runs
        done = subprocess.run([PYTHON, "-I", "-S", str(applier_dir())], env=environment,
                              capture_output=True, text=True, timeout=timeout)
        return Run(done.returncode, done.stdout + done.stderr, time.monotonic() - start)

    return run


def lines(out: str, text: str) -> list[str]:
    return [line for line in out.splitlines() if text in line]


# ---- the applier itself ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(applier_files()))
def test_every_module_imports_only_the_standard_library_and_its_siblings(path):
    siblings = {Path(p).stem for p in applier_files()}
    tree = ast.parse(applier_files()[path])
    modules = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
               for alias in node.names}
    modules |= {node.module.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.level == 0}
    outside = modules - set(sys.stdlib_module_names)
    assert not outside, f"{path} imports what is not in the standard library: {outside}"
    relative = {(node.module or alias.name).split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.level > 0 for alias in node.names}
    assert relative <= siblings, f"{path} imports from outside the applier: {relative - siblings}"
    assert all(node.level <= 1 for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)), \
        f"{path} imports from above the applier's folder"


def test_applier_files_are_the_files_the_job_runs():
    files = applier_files()
    assert files == {path: (applier_dir().parent / path).read_text(encoding="utf-8") for path in files}
    assert "applier/__main__.py" in files


# ---- the fake holds Harbor's API definition to account -----------------------------------------------------

def exchange(fake: FakeHarbor, method: str, path: str, body: object = None,
             password: str | None = None) -> tuple[int, object]:
    """One API call to the fake: the status and the decoded answer (None when empty)."""
    token = base64.b64encode(f"{fake.user}:{password or fake.password}".encode()).decode()
    request = urllib.request.Request(fake.url + "/api/v2.0" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    return status, json.loads(raw) if raw.strip() else None


def call(fake: FakeHarbor, method: str, path: str, body: object = None, password: str | None = None) -> int:
    return exchange(fake, method, path, body, password)[0]


def message(answer: object) -> str:
    """The message of Harbor's {"errors": [{"code", "message"}]}."""
    assert isinstance(answer, dict) and answer.get("errors"), answer
    return answer["errors"][0]["message"]


def test_the_fake_refuses_a_quota_above_1024_tib_like_harbor(fake: FakeHarbor) -> None:
    # ValidateQuotaLimit (src/lib/quota_storage_limit.go), called by project creation and UpdateQuota
    status, answer = exchange(fake, "POST", "/projects", {"project_name": "big", "storage_limit": 2**50 + 1})
    assert status == 400 and "exceeded 1024TB" in json.dumps(answer)
    assert exchange(fake, "POST", "/projects", {"project_name": "big", "storage_limit": 2**50})[0] == 201


def test_the_fake_s_api_document_is_valid_swagger() -> None:
    # Harbor's API definition as the fake amends it (closed schemas, the handlers' answers), checked
    # against the Swagger 2.0 schema once here rather than in every process that starts a fake
    from swagger_spec_validator.common import SwaggerValidationError

    spec, routes = fake_harbor.load_api(fake_harbor.SWAGGER, validate_document=True)
    assert len(routes) > 200
    broken = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": {"responses": 7}}}}
    with pytest.raises(SwaggerValidationError):
        type(spec).from_dict(broken, config={"validate_swagger_spec": True})


@pytest.mark.parametrize("method, path, body, complaint", [
    ("POST", "/projects", {"project_name": "x", "speed_kb": 5}, "request does not match"),
    ("POST", "/projects", {"project_name": "x", "metadata": {"public": True}}, "request does not match"),
    ("POST", "/projects", {"project_name": "x", "storage_limit": "50Gi"}, "request does not match"),
    ("PUT", "/registries/1", {"credential": {"access_key": "a"}}, "request does not match"),
    ("GET", "/projects?page_size=500", None, "request does not match"),
    ("GET", "/projects?nmae=x", None, "query parameters not in the API definition"),
    ("PUT", "/projects/x/settings", {}, "no such operation"),
])
def test_the_fake_flags_requests_outside_the_api_definition(fake, method, path, body, complaint):
    assert call(fake, method, path, body) in (400, 404)
    assert len(fake.violations) == 1 and complaint in fake.violations[0], fake.violations
    fake.violations.clear()


def test_the_fake_flags_answers_outside_the_api_definition(fake, monkeypatch):
    monkeypatch.setattr(fake, "_registry_view", lambda r: {"id": str(r["id"]), "name": r["name"]})
    fake.add_registry("hub", "docker-hub", "https://hub.docker.com")
    assert call(fake, "GET", "/registries") == 200
    assert len(fake.violations) == 1 and "response does not match" in fake.violations[0], fake.violations
    fake.violations.clear()


@pytest.mark.parametrize("path, what", [("/system/gc/schedule", "gc"), ("/system/scanAll/schedule", "scan all")])
@pytest.mark.parametrize("cron, error", [
    ("5 0 3 * * 6", "the 1st field (indicating Seconds of time) of the cron setting must be 0"),
    ("00 0 3 * * 6", "the 1st field (indicating Seconds of time) of the cron setting must be 0"),
    ("0 3 * * 6", "expected exactly 6 fields, found 5"),
    ("", "empty cron string is invalid"),
])
def test_the_fake_refuses_crons_as_harbors_schedule_handlers_do(fake, path, what, cron, error):
    """ValidateCronString (src/common/utils/utils.go), called by the gc.go and scan_all.go handlers: 400."""
    status, answer = exchange(fake, "PUT", path, {"schedule": {"type": "Custom", "cron": cron}, "parameters": {}})
    assert status == 400
    assert message(answer).startswith(f"invalid cron string for scheduled {what}: {cron}, error: {error}")
    assert fake.gc is None and fake.scan_all is None
    assert call(fake, "PUT", path, {"schedule": {"type": "Custom", "cron": "0 0 3 * * 6"}, "parameters": {}}) == 200


@pytest.mark.parametrize("sent, stored", [
    ("https://mirror.example.com/cache/?page=2#top", "https://mirror.example.com/cache/"),
    ("https://robot:s3cret@mirror.example.com:5000", "https://mirror.example.com:5000"),
    ("https://mirror.example.com/team%2Fcache", "https://mirror.example.com/team/cache"),
    ("HTTPS://mirror.example.com//", "https://mirror.example.com"),
    ("  mirror.example.com/ ", "http://mirror.example.com"),
])
def test_the_fake_stores_registry_urls_as_harbor_does(fake, sent, stored):
    """ValidateHTTPURL (src/lib/endpoint.go): scheme://host + decoded path, on create and on update."""
    body = {"name": "mirror", "type": "docker-registry", "url": sent}
    assert call(fake, "POST", "/registries", body) == 201
    assert fake.registry("mirror")["url"] == stored
    registry_id = fake.registry("mirror")["id"]
    assert call(fake, "PUT", f"/registries/{registry_id}", {"url": "https://other.example.com"}) == 200
    assert call(fake, "PUT", f"/registries/{registry_id}", {"url": sent}) == 200
    assert fake.registry("mirror")["url"] == stored


def gc_job_parameters(fake: FakeHarbor) -> dict:
    status, answer = exchange(fake, "GET", "/system/gc/schedule")
    assert status == 200
    return json.loads(answer["job_parameters"])


def test_the_fake_reads_gc_parameters_as_harbors_handler_does(fake):
    """Booleans and an integer, which the API definition types as objects: gc.go's kick() reads them."""
    sent = {"delete_untagged": True, "workers": 3, "dry_run": True, "delete_tag": False}
    assert call(fake, "PUT", "/system/gc/schedule", {"schedule": {"type": "Custom", "cron": "0 0 3 * * 6"},
                                                    "parameters": sent}) == 200
    assert fake.violations == []
    # GET reports the schedule's extra attributes only (src/controller/gc/controller.go CreateSchedule)
    _status, answer = exchange(fake, "GET", "/system/gc/schedule")
    assert answer["job_parameters"] == '{"delete_tag":false,"delete_untagged":true,"workers":3}'
    assert fake.gc["policy"]["dry_run"] is True


@pytest.mark.parametrize("parameters, stored", [
    ({"delete_untagged": "true", "workers": "3", "dry_run": "true"}, {"delete_tag": False, "delete_untagged": False,
                                                                      "workers": 0}),
    (None, {"delete_tag": False, "delete_untagged": False, "workers": 0}),
    ({"workers": 10, "delete_tag": True}, {"delete_tag": True, "delete_untagged": False, "workers": 10}),
])
def test_the_fake_ignores_gc_parameters_of_other_types_as_harbor_does(fake, parameters, stored):
    body = {"schedule": {"type": "Custom", "cron": "0 0 3 * * 6"}}
    if parameters is not None:
        body["parameters"] = parameters
    assert call(fake, "PUT", "/system/gc/schedule", body) == 200
    assert gc_job_parameters(fake) == stored


@pytest.mark.parametrize("workers, error", [
    (11, "Error: Invalid number of workers:11. Workers must be greater than 0 and less than or equal to 10."),
    (0, "Error: Invalid number of workers:0. Workers must be greater than 0 and less than or equal to 10."),
    (2.5, "bad request: workers should be integer format"),
])
def test_the_fake_refuses_gc_workers_as_harbors_handler_does(fake, workers, error):
    status, answer = exchange(fake, "PUT", "/system/gc/schedule", {
        "schedule": {"type": "Custom", "cron": "0 0 3 * * 6"}, "parameters": {"workers": workers}})
    assert status == 400 and message(answer) == error
    assert fake.gc is None


def test_the_fake_pings_the_upstream_on_create_and_update_as_harbor_does(fake):
    """validate() in src/controller/registry/controller.go: a failed ping is a 400, and nothing is stored."""
    fake.unreachable = {"mirror.example.com"}
    body = {"name": "mirror", "type": "docker-registry", "url": "https://mirror.example.com"}
    status, answer = exchange(fake, "POST", "/registries", body)
    assert status == 400 and message(answer) == "the registry is unhealthy"
    assert fake.registry("mirror") is None
    fake.unreachable.clear()
    assert call(fake, "POST", "/registries", body) == 201
    fake.unreachable = {"mirror.example.com"}
    registry_id = fake.registry("mirror")["id"]
    status, answer = exchange(fake, "PUT", f"/registries/{registry_id}", {"description": "any change at all"})
    assert status == 400 and message(answer) == "the registry is unhealthy"
    assert fake.registry("mirror")["description"] == ""


def test_the_fake_checks_basic_auth(fake):
    assert call(fake, "GET", "/registries", password="wrong") == 401
    assert call(fake, "GET", "/registries") == 200


# ---- first, second and third run -------------------------------------------------------------------------

def test_first_run_creates_the_declared_state(fake, apply):
    result = apply()
    assert result.code == 0, result.out

    registries = {name: fake.registry(name) for name in ("dockerhub", "ghcr", "quay", "k8s")}
    assert {n: (r["type"], r["url"]) for n, r in registries.items()} == {
        "dockerhub": ("docker-hub", "https://hub.docker.com"), "ghcr": ("github-ghcr", "https://ghcr.io"),
        "quay": ("docker-registry", "https://quay.io"), "k8s": ("docker-registry", "https://registry.k8s.io")}
    assert registries["dockerhub"]["access_key"] == "madhan" and registries["dockerhub"]["access_secret"] == TOKEN
    assert registries["dockerhub"]["description"].startswith("Docker Hub [managed-by=harbor-gitops credential=")
    assert registries["ghcr"]["description"] == "[managed-by=harbor-gitops]"

    for name in ("dockerhub", "ghcr", "quay", "k8s"):
        project = fake.project(name)
        assert project["registry_id"] == registries[name]["id"], name
        assert project["metadata"]["public"] == "true"
        assert fake.label_names(name) == {"harbor-gitops"}
    dockerhub = fake.project("dockerhub")["metadata"]
    assert dockerhub["auto_scan"] == "true" and dockerhub["prevent_vul"] == "false"
    assert dockerhub["proxy_speed_kb"] == "100000" and dockerhub["max_upstream_conn"] == "10"
    assert fake.project("k8s")["metadata"]["auto_scan"] == "false"
    assert fake.quota("dockerhub") == 50 * GIB and fake.quota("ghcr") == -1

    # Harbor's own `library` project is declared: adopted, made private, scanned on push
    library = fake.project("library")["metadata"]
    assert library == {"public": "false", "auto_scan": "true", "prevent_vul": "true", "severity": "critical",
                       "enable_content_trust_cosign": "false", "auto_sbom_generation": "true"}
    assert fake.quota("library") == 20 * GIB
    assert fake.label_names("library") == {"harbor-gitops"}

    assert fake.scan_all == {"type": "Custom", "cron": "0 0 2 * * *"}
    assert fake.gc["type"] == "Custom" and fake.gc["cron"] == "0 0 3 * * 6"

    assert len(lines(result.out, "created registry")) == 4
    assert len(lines(result.out, "created project")) == 4
    assert lines(result.out, "adopted project library")
    assert lines(result.out, "set scan-all schedule") and lines(result.out, "set garbage-collection schedule")
    assert TOKEN not in result.out


def test_second_run_writes_nothing_and_says_so(fake, apply):
    assert apply().code == 0
    fake.reset_counts()
    result = apply()
    assert result.code == 0, result.out
    assert fake.writes == []
    assert len(lines(result.out, "nothing changed")) == 1
    assert not lines(result.out, "created") and not lines(result.out, "updated")


def test_drift_is_repaired_on_the_next_run(fake, apply):
    assert apply().code == 0
    # changes made behind the job's back, in the UI say
    fake.project("dockerhub")["metadata"]["auto_scan"] = "false"
    fake.project("library")["metadata"]["public"] = "true"
    fake.registry("quay")["url"] = "https://quay.example.com"
    fake.set_quota("library", 5 * GIB)
    fake.scan_all = None
    fake.reset_counts()

    result = apply()
    assert result.code == 0, result.out
    assert fake.project("dockerhub")["metadata"]["auto_scan"] == "true"
    assert fake.project("library")["metadata"]["public"] == "false"
    assert fake.registry("quay")["url"] == "https://quay.io"
    assert fake.quota("library") == 20 * GIB
    assert fake.scan_all == {"type": "Custom", "cron": "0 0 2 * * *"}
    assert len(fake.writes) == 5, fake.writes
    assert lines(result.out, "updated project dockerhub: auto_scan 'false' -> 'true'")
    assert lines(result.out, "updated registry quay: url 'https://quay.example.com' -> 'https://quay.io'")
    assert lines(result.out, "storage quota")
    assert lines(result.out, "done: 5 changes applied")

    fake.reset_counts()
    again = apply()
    assert again.code == 0 and fake.writes == [] and lines(again.out, "nothing changed")


def test_a_url_harbor_respells_is_declared_in_harbors_spelling(fake, apply):
    """Harbor lower-cases the scheme and drops trailing slashes: the second run must not PUT the URL again."""
    shouty = RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="HTTPS://quay.io//")
    config = replace(HOMELAB, endpoints=(DOCKERHUB, GHCR, shouty, K8S), projects=tuple(
        replace(p, endpoint=shouty) if isinstance(p, ProxyCacheProject) and p.endpoint == QUAY else p
        for p in HOMELAB.projects))
    assert apply(config).code == 0
    assert fake.registry("quay")["url"] == "https://quay.io"
    fake.reset_counts()
    again = apply(config)
    assert again.code == 0, again.out
    assert fake.writes == [] and lines(again.out, "nothing changed")


def test_gc_parameters_are_sent_as_harbors_handler_reads_them(fake, apply):
    assert apply().code == 0
    assert fake.gc["policy"] == {"delete_untagged": True, "delete_tag": False, "workers": 1, "dry_run": False}
    assert gc_job_parameters(fake) == {"delete_tag": False, "delete_untagged": True, "workers": 1}


@pytest.mark.parametrize("stored, change", [
    ({"delete_tag": False, "delete_untagged": True, "workers": 4}, "workers 4 -> 1"),
    ({"delete_tag": False, "delete_untagged": False, "workers": 1}, "delete_untagged false -> true"),
    ({"delete_tag": True, "delete_untagged": True, "workers": 1}, "delete_tag true -> false"),
    # what the earlier job's `parameters: {}` left behind
    ({"delete_tag": False, "delete_untagged": False, "workers": 0}, "delete_untagged false -> true, workers 0 -> 1"),
])
def test_a_changed_gc_parameter_is_repaired(fake, apply, stored, change):
    assert apply().code == 0
    fake.gc["parameters"] = stored      # changed in the UI, say
    fake.reset_counts()
    result = apply()
    assert result.code == 0, result.out
    assert fake.writes == [("PUT", "/api/v2.0/system/gc/schedule")]
    assert lines(result.out, f"parameters: {change}"), result.out
    assert gc_job_parameters(fake) == {"delete_tag": False, "delete_untagged": True, "workers": 1}
    fake.reset_counts()
    assert apply().code == 0 and fake.writes == []


def test_a_changed_gc_declaration_is_applied_once(fake, apply):
    assert apply().code == 0
    tuned = replace(HOMELAB, system=replace(HOMELAB.system, gc_delete_untagged=False, gc_workers=5))
    fake.reset_counts()
    result = apply(tuned)
    assert result.code == 0, result.out
    assert fake.writes == [("PUT", "/api/v2.0/system/gc/schedule")]
    assert gc_job_parameters(fake) == {"delete_tag": False, "delete_untagged": False, "workers": 5}
    fake.reset_counts()
    again = apply(tuned)
    assert again.code == 0 and fake.writes == [] and lines(again.out, "nothing changed")


def test_a_rotated_token_is_sent_again_and_never_printed(fake, apply):
    assert apply().code == 0
    fake.reset_counts()
    rotated = "dckr_pat_rotated-99"
    result = apply(env={TOKEN_ENV: rotated})
    assert result.code == 0, result.out
    assert fake.registry("dockerhub")["access_secret"] == rotated
    assert [method for method, _ in fake.writes] == ["PUT"]
    assert lines(result.out, "updated registry dockerhub: credential")
    assert rotated not in result.out and TOKEN not in result.out


def test_a_declared_endpoint_without_credential_drops_the_stored_one(fake, apply):
    assert apply().code == 0
    anonymous = replace(DOCKERHUB, credential=None)
    config = replace(HOMELAB, endpoints=(anonymous, GHCR, QUAY, K8S), projects=tuple(
        replace(p, endpoint=anonymous) if isinstance(p, ProxyCacheProject) and p.endpoint == DOCKERHUB else p
        for p in HOMELAB.projects))
    result = apply(config)
    assert result.code == 0, result.out
    assert fake.registry("dockerhub")["access_key"] == "" and fake.registry("dockerhub")["access_secret"] == ""
    assert fake.registry("dockerhub")["description"] == "Docker Hub [managed-by=harbor-gitops]"


def test_health_that_turns_healthy_later_is_waited_for(fake, apply):
    # unhealthy for the first two answers, then healthy: counted, not timed, so a slow start cannot race it
    fake.unhealthy_answers = 2
    result = apply()
    assert result.code == 0, result.out
    assert lines(result.out, "not healthy yet") and lines(result.out, "Harbor is healthy")


# ---- upstreams Harbor cannot reach ---------------------------------------------------------------------------

def test_an_unreachable_upstream_is_skipped_with_its_cache_and_the_rest_applied(fake, apply):
    fake.unreachable = {"quay.io"}
    result = apply()
    assert result.code == EXIT_SKIPPED, result.out
    # the endpoint and the proxy cache bound to it are skipped ...
    assert fake.registry("quay") is None and fake.project("quay") is None
    assert lines(result.out, "skipped registry quay: Harbor refused to create it")
    assert lines(result.out, "'the registry is unhealthy'")
    assert lines(result.out, "skipped project quay: a proxy cache of registry quay")
    (summary,) = lines(result.out, "ERROR")
    assert "registries quay" in summary and "proxy caches bound to them: quay" in summary and "retried" in summary
    # ... and everything else is applied
    for name in ("dockerhub", "ghcr", "k8s"):
        assert fake.registry(name) is not None and fake.project(name) is not None, name
    assert fake.project("library")["metadata"]["prevent_vul"] == "true"
    assert fake.scan_all is not None and fake.gc is not None

    fake.unreachable.clear()
    fake.reset_counts()
    later = apply()
    assert later.code == 0, later.out
    assert fake.project("quay")["registry_id"] == fake.registry("quay")["id"]
    assert lines(later.out, "created registry quay") and lines(later.out, "created project quay")
    assert not lines(later.out, "skipped")
    fake.reset_counts()
    assert apply().code == 0 and fake.writes == []


def test_an_update_that_fails_on_the_upstream_skips_the_registry_and_its_cache(fake, apply):
    assert apply().code == 0
    fake.project("dockerhub")["metadata"]["auto_scan"] = "false"
    fake.project("library")["metadata"]["public"] = "true"
    fake.unreachable = {"hub.docker.com"}
    rotated = "dckr_pat_rotated-77"
    result = apply(env={TOKEN_ENV: rotated})
    assert result.code == EXIT_SKIPPED, result.out
    # Docker Hub with a credential logs in while Harbor builds its adapter: a 500, not the 400 of a ping
    assert lines(result.out, "skipped registry dockerhub: Harbor failed to update it with HTTP 500")
    assert fake.registry("dockerhub")["access_secret"] == TOKEN
    assert fake.project("dockerhub")["metadata"]["auto_scan"] == "false"      # its cache waits too
    assert fake.project("library")["metadata"]["public"] == "false"           # the rest is repaired
    assert rotated not in result.out

    fake.unreachable.clear()
    later = apply(env={TOKEN_ENV: rotated})
    assert later.code == 0, later.out
    assert fake.registry("dockerhub")["access_secret"] == rotated
    assert fake.project("dockerhub")["metadata"]["auto_scan"] == "true"


UPSTREAM_HARBOR = RegistryEndpoint(name="upstream", type=RegistryType.HARBOR, url="https://harbor.upstream.example")


@pytest.mark.parametrize(("endpoint", "answer"), [
    # built offline; the health check's failed ping is a 400
    (QUAY, "answered HTTP 400 'the registry is unhealthy'"),
    # built by reaching the upstream (a login, /api/version): Harbor answers 500
    (DOCKERHUB, "failed to create it with HTTP 500 'UNKNOWN: internal server error'"),
    (UPSTREAM_HARBOR, "failed to create it with HTTP 500 'UNKNOWN: internal server error'"),
], ids=["docker-registry", "docker-hub-with-credential", "harbor"])
def test_every_way_harbor_refuses_an_unreachable_upstream_skips_it(fake, apply, endpoint, answer):
    declaration = replace(HOMELAB, endpoints=(*HOMELAB.endpoints, UPSTREAM_HARBOR), projects=(
        *HOMELAB.projects, ProxyCacheProject(name="upstream", endpoint=UPSTREAM_HARBOR)))
    fake.unreachable = {urlsplit(endpoint.url).hostname}
    result = apply(declaration)
    assert result.code == EXIT_SKIPPED, result.out
    assert lines(result.out, f"skipped registry {endpoint.name}: Harbor") and lines(result.out, answer)
    assert fake.registry(endpoint.name) is None and fake.project(endpoint.name) is None
    others = [e.name for e in declaration.endpoints if e is not endpoint]
    assert all(fake.registry(name) is not None and fake.project(name) is not None for name in others), result.out


def test_another_refusal_of_a_registry_still_stops_the_run(fake, apply, monkeypatch):
    """Only Harbor's failed ping is skipped; any other 400 is a real error."""
    def refuse(params: dict, query: dict):
        from fake_harbor import ApiError
        raise ApiError(400, "the max length of name is 64")
    monkeypatch.setattr(fake, "op_createRegistry", refuse)
    result = apply()
    assert result.code == EXIT_HARBOR, result.out
    assert "the max length of name is 64" in result.out and not lines(result.out, "skipped")


# ---- Harbor behind a private CA ------------------------------------------------------------------------------

@dataclass
class Pki:
    ca: Path                        # the throwaway CA's certificate, PEM
    server: ssl.SSLContext          # serves a certificate for 127.0.0.1 that this CA signed


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    """A CA made for this test run alone, and a server certificate it signed for 127.0.0.1."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = tmp_path_factory.mktemp("pki")
    now = datetime.datetime.now(datetime.UTC)

    def name(text: str):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("throwaway test CA")).issuer_name(name("throwaway test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(hours=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(name("harbor-core")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    (folder / "ca.crt").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "tls.crt").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (folder / "tls.key").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                       serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(folder / "tls.crt", folder / "tls.key")
    return Pki(ca=folder / "ca.crt", server=server)


@pytest.fixture
def tls_fake(pki):
    """The fake Harbor again, over HTTPS with the throwaway CA's certificate."""
    harbor = FakeHarbor().start(tls=pki.server)
    try:
        yield harbor
    finally:
        harbor.stop()
    assert harbor.violations == [], "\n".join(harbor.violations)


def test_https_with_a_private_ca_fails_without_harbor_ca_file(tls_fake, apply):
    result = apply(env={"HARBOR_URL": tls_fake.url, "HARBOR_HEALTH_DEADLINE_SECONDS": "0.5"})
    assert result.code == EXIT_UNHEALTHY, result.out
    assert "CERTIFICATE_VERIFY_FAILED" in result.out and "set HARBOR_CA_FILE" in result.out
    assert tls_fake.requests == []          # no request got past the handshake


def test_https_with_a_private_ca_works_with_harbor_ca_file(tls_fake, apply, pki):
    env = {"HARBOR_URL": tls_fake.url, "HARBOR_CA_FILE": str(pki.ca)}
    result = apply(env=env)
    assert result.code == 0, result.out
    assert tls_fake.registry("dockerhub") is not None and tls_fake.project("library") is not None
    tls_fake.reset_counts()
    again = apply(env=env)
    assert again.code == 0 and tls_fake.writes == [] and lines(again.out, "nothing changed")


@pytest.mark.parametrize("content", [None, "not a certificate\n"])
def test_an_unusable_harbor_ca_file_is_bad_input(tls_fake, apply, tmp_path, content):
    bundle = tmp_path / "ca.crt"
    if content is not None:
        bundle.write_text(content)
    result = apply(env={"HARBOR_URL": tls_fake.url, "HARBOR_CA_FILE": str(bundle)})
    assert result.code == EXIT_INPUT, result.out
    assert f"HARBOR_CA_FILE {bundle} is not a readable PEM CA bundle" in result.out
    assert "Traceback" not in result.out and tls_fake.requests == []


# ---- prune --------------------------------------------------------------------------------------------------

def without_k8s(prune: bool) -> HarborConfiguration:
    return replace(HOMELAB, prune=prune, endpoints=(DOCKERHUB, GHCR, QUAY),
                   projects=tuple(p for p in HOMELAB.projects if p.name != "k8s"))


def with_scratch() -> HarborConfiguration:
    return replace(HOMELAB, projects=(*HOMELAB.projects, Project(name="scratch")))


def test_prune_off_keeps_what_is_no_longer_declared(fake, apply):
    assert apply(with_scratch()).code == 0
    fake.add_project("manual")
    fake.reset_counts()
    result = apply(replace(without_k8s(prune=False)))
    assert result.code == 0, result.out
    assert fake.writes == []
    for name in ("scratch", "k8s", "manual"):
        assert fake.project(name) is not None, name
    assert fake.registry("k8s") is not None
    assert lines(result.out, "kept project scratch") and lines(result.out, "kept registry k8s")
    assert not lines(result.out, "manual")
    assert lines(result.out, "nothing changed")


def test_prune_on_deletes_only_what_the_job_owns(fake, apply):
    assert apply(with_scratch()).code == 0
    hand_registry = fake.add_registry("mirror", "docker-registry", "https://mirror.example.com",
                                      description="made by hand")
    fake.add_project("manual")
    fake.add_project("mirror-cache", registry_id=hand_registry["id"])
    fake.project("scratch")["repo_count"] = 3       # an owned project that still holds images
    fake.reset_counts()

    result = apply(without_k8s(prune=True))
    assert result.code == 0, result.out
    assert fake.project("k8s") is None and fake.registry("k8s") is None
    assert fake.project("scratch") is not None          # not empty: kept, with a warning
    assert lines(result.out, "kept project scratch") and lines(result.out, "contains repositories")
    for name in ("manual", "mirror-cache", "library", "dockerhub"):
        assert fake.project(name) is not None, name
    assert fake.registry("mirror") is not None
    assert sorted(m for m, _ in fake.writes) == ["DELETE", "DELETE"]
    assert lines(result.out, "deleted project k8s") and lines(result.out, "deleted registry k8s")

    fake.project("scratch")["repo_count"] = 0
    fake.reset_counts()
    emptied = apply(without_k8s(prune=True))
    assert emptied.code == 0 and fake.project("scratch") is None
    assert fake.writes == [("DELETE", "/api/v2.0/projects/scratch")]


# ---- failures ------------------------------------------------------------------------------------------------

def test_rejected_password_explains_first_boot(fake, apply):
    fake.reject_credentials = True
    result = apply()
    assert result.code == EXIT_AUTH, result.out
    assert "401" in result.out and "first boot" in result.out and "OpenBao" in result.out
    assert fake.writes == []


def test_a_500_that_recovers_is_retried(fake, apply):
    fake.fail_next(3)
    result = apply()
    assert result.code == 0, result.out
    assert len(lines(result.out, "retrying")) == 3
    assert fake.project("dockerhub") is not None and fake.scan_all is not None


def test_a_500_that_persists_fails_after_bounded_attempts(fake, apply):
    fake.always_fail = True
    result = apply()
    assert result.code == EXIT_HARBOR, result.out
    assert "failed 4 times" in result.out and "HTTP 500" in result.out
    assert len(lines(result.out, "retrying")) == 3
    assert result.elapsed < 10


def test_health_that_never_turns_healthy_fails_within_the_deadline(fake, apply):
    fake.healthy = False
    # a fraction of a second, as the setting allows: the run waits it out, the suite need not
    result = apply(env={"HARBOR_HEALTH_DEADLINE_SECONDS": "0.5"})
    assert result.code == EXIT_UNHEALTHY, result.out
    assert "did not report healthy within 0.5s" in result.out
    assert "database: dial tcp: connection refused" in result.out
    assert 0.5 <= result.elapsed < 3.5, result.elapsed
    assert fake.writes == []


def test_a_regular_project_holding_a_proxy_cache_name_stops_the_run(fake, apply):
    fake.add_project("dockerhub")
    result = apply()
    assert result.code == EXIT_CONFLICT, result.out
    assert "project 'dockerhub' exists as a regular project" in result.out
    assert fake.writes == []          # checked before the first write


def test_a_proxy_cache_holding_a_regular_project_name_stops_the_run(fake, apply):
    upstream = fake.add_registry("elsewhere", "docker-registry", "https://registry.example.com")
    fake.add_project("cache", registry_id=upstream["id"])
    result = apply(replace(HOMELAB, projects=(*HOMELAB.projects, Project(name="cache"))))
    assert result.code == EXIT_CONFLICT, result.out
    assert "project 'cache' exists as a proxy cache (of registry 'elsewhere')" in result.out
    assert fake.writes == []


def test_a_proxy_cache_bound_to_another_registry_stops_the_run(fake, apply):
    other = fake.add_registry("mirror", "docker-registry", "https://mirror.example.com")
    fake.add_project("dockerhub", registry_id=other["id"])
    result = apply()
    assert result.code == EXIT_CONFLICT, result.out
    assert "project 'dockerhub' is a proxy cache of registry 'mirror'" in result.out
    assert fake.writes == []


def test_a_hand_made_registry_with_the_declared_name_is_adopted(fake, apply):
    fake.add_registry("quay", "docker-registry", "https://quay.io/", description="added in the UI")
    result = apply()
    assert result.code == 0, result.out
    assert fake.registry("quay")["description"] == "[managed-by=harbor-gitops]"
    assert lines(result.out, "updated registry quay: adopted (ownership marker added), description")
    assert len([r for r in fake.registries.values() if r["name"] == "quay"]) == 1


def test_a_registry_of_another_type_stops_the_run(fake, apply):
    fake.add_registry("quay", "quay", "https://quay.io")
    result = apply()
    assert result.code == EXIT_CONFLICT, result.out
    assert "registry 'quay' exists with type 'quay'" in result.out
    assert fake.writes == []


def test_a_cron_harbor_refuses_stops_the_run_with_harbors_message(fake, apply):
    """The model refuses it first; a document written by hand meets Harbor's own check."""
    document = json.loads(HOMELAB.to_json())
    document["system"]["gc_schedule"] = "30 0 3 * * 6"
    result = apply(json.dumps(document))
    assert result.code == EXIT_HARBOR, result.out
    assert "HTTP 400" in result.out and "Seconds of time" in result.out
    assert fake.gc is None
    assert fake.scan_all == {"type": "Custom", "cron": "0 0 2 * * *"}


def test_a_missing_credential_variable_stops_before_any_call(fake, apply):
    result = apply(env={TOKEN_ENV: None})
    assert result.code == EXIT_INPUT, result.out
    assert TOKEN_ENV in result.out and "dockerhub" in result.out
    assert fake.requests == []


# what the access kinds read of a document (version 3), empty
ACCESS_PART = ('"authentication": null, "robot_name_prefix": "robot$", "robots": [], "members": [], '
               '"settings": {"configurations": {}, "cve_allowlist": null}')


@pytest.mark.parametrize("document, message", [
    ("{not json", "is not JSON"),
    ('{"version": 4, "prune": false, "registries": [], "projects": [], "system": {}}', "version 4 is not 3"),
    ('{"version": 2, "prune": false, "registries": [], "projects": [], "system": {}}', "version 2 is not 3"),
    ('{"version": 3, "prune": "no", "registries": [], "projects": [], "system": {}}', "prune has the wrong type"),
    ('{"version": 3, "prune": false, "registries": [], "projects": [], ' + ACCESS_PART + ', "system": '
     '{"scan_all_schedule": null, "gc_schedule": null, "gc_parameters": {"delete_untagged": true, "workers": "1", '
     '"dry_run": false}}}',
     "gc_parameters.workers has the wrong type"),
])
def test_a_bad_document_stops_before_any_call(fake, apply, document, message):
    result = apply(document)
    assert result.code == EXIT_INPUT, result.out
    assert message in result.out
    assert fake.requests == []
