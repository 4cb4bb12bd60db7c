"""Plain helpers the tests share: the test site's facts, builders of small Harbor sites and of single
components, lookups in synthesized objects, and the check that bad input is refused.

Fixtures built on these live in conftest.py; these are plain functions so that parametrize tables
and module-level constants can call them too.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import cdk8s
import pytest
import verified
from conftest import REPO, SITES, Manifests, container_named, synth
from fast_yaml import load_yaml
from kubernetes_validate import utils as kv_utils
from realsoftware import unavailable

from constructs.harbor import HarborImages, HarborRegistry, HarborSecrets, Resources, Storage, harbor_synced_secrets
from constructs.harbor._components.checksum import CONFIG_CHECKSUM, checksum
from constructs.harbor._components.context import HarborContext
from constructs.harbor._components.endpoints import Endpoints
from constructs.harbor.kit import AppChart, GatewayRef, OpenBaoSecretSync, OpenBaoServer, SyncedSecret

# ---- the test site's facts -----------------------------------------------------------------------
# Made-up values, one of each, so that no test module keeps a copy that drifts from the others.

NAMESPACE = "harbor"                 # Harbor's namespace
APP_NAMESPACE = "apps"               # some other app's namespace, for the kit's constructs on their own
HOST = "harbor.example.com"
EXTERNAL_URL = f"https://{HOST}"
SECRETS_PATH = "secret/data/harbor"  # KV v2 API path of Harbor's secrets
SERVER = OpenBaoServer(address="http://openbao.openbao.svc:8200")
GATEWAY = GatewayRef(name="public", namespace="gateway")

# the Kubernetes schemas every object is held to: the oldest release the library supports and the
# newest schema set the installed kubernetes-validate ships
# kubernetes-validate reads and parses a kind's schema file and the whole _definitions.json (megabytes)
# for every object it validates: a second for one site's objects, three quarters of it parsing. The
# files never change within a run and the validators only read what they return, so each is parsed once.
kv_utils.schema_contents = functools.cache(kv_utils.schema_contents)

OLDEST_KUBERNETES = "1.27"
NEWEST_KUBERNETES = kv_utils.latest_version()
KUBERNETES_VERSIONS = (OLDEST_KUBERNETES, NEWEST_KUBERNETES)


# ---- upstream sources, where a developer has checked them out -------------------------------------
# ../src beside the repository, or UPSTREAM_SOURCES. They are large and come from GitHub, so CI does
# without them: the tables and configs then stand on their citations alone, and the cross-checks
# against the sources run wherever a developer has cloned them.

UPSTREAM_SOURCES = Path(os.environ.get("UPSTREAM_SOURCES") or REPO.parent / "src")
HARBOR_SRC = UPSTREAM_SOURCES / "harbor"
CLONE_HINT = ("git clone --branch {tag} https://github.com/goharbor/{repo} {path} (or set UPSTREAM_SOURCES to the "
              "folder holding it) to compare with it")


def harbor_source(path: str) -> str:
    """A file of Harbor v2.15.1's sources, or a skip that says how to check them out."""
    file = HARBOR_SRC / path
    if not file.is_file():
        pytest.skip(f"Harbor's sources at v2.15.1 are not at {HARBOR_SRC}: "
                    + CLONE_HINT.format(tag="v2.15.1", repo="harbor", path=HARBOR_SRC))
    return file.read_text()


# ---- tools outside Python, which scripts/check installs ----------------------------------------------
# Without one a test skips and says how to get it; in CI (env CI set) it fails (realsoftware.unavailable).

CDK8S_CLI = REPO / "node_modules" / ".bin" / "cdk8s"
CHECKOV = REPO / ".venv-checkov" / "bin" / "checkov"
CHECKOV_SKIPS = REPO / "checkov-skips.yaml"


def cdk8s_cli() -> Path:
    """The pinned cdk8s CLI (`npm ci`) with a Node on PATH to run it."""
    if not CDK8S_CLI.exists() or not shutil.which("node"):
        unavailable(f"pinned cdk8s CLI or node not found: {CDK8S_CLI} (run `npm ci`)")
    return CDK8S_CLI


def checkov_skips() -> dict[str, str]:
    """checkov-skips.yaml: check id -> why the check cannot apply."""
    skips = load_yaml(CHECKOV_SKIPS.read_text()) or {}
    assert isinstance(skips, dict), f"{CHECKOV_SKIPS.name} must be a mapping of check id to reason"
    return skips


def checkov_reports(synthesized: Callable[[str], Path], site: str) -> list[dict]:
    """checkov's JSON report on the Kubernetes manifests `site` synthesized, with no check skipped.

    Callers filter the skips of checkov-skips.yaml themselves, so that one run serves both the check
    that the manifests pass and the check that every skip is still needed. checkov spends three of
    its three seconds starting, so one run covers every site of `SITES` (the folder holding their
    folders) and each site's part is cut from it by path. Across pytest-xdist workers the first
    test runs it under a lock and the others read what it kept; the report is kept by the hash of
    the manifests, checkov's version and its options (tests/verified.py): the same bytes give the
    same report.
    """
    if not CHECKOV.exists():
        unavailable(f"checkov not found: {CHECKOV} (run scripts/check to install it)")
    folders = [synthesized(name) for name in sorted(SITES)]
    scanned = folders[0].parent
    assert all(folder.parent == scanned for folder in folders), folders
    command = [str(CHECKOV), "-d", str(scanned), "--framework", "kubernetes", "--skip-download", "--quiet",
               "--compact", "-o", "json"]
    # checkov's version by its installed distribution (asking checkov itself takes it a second and a half)
    installed = sorted(p.name for p in CHECKOV.parent.parent.glob("lib/python*/site-packages/checkov-*.dist-info"))
    key = verified.digest(" ".join(command[2:]).replace(str(scanned), "<folder>"), folders, "\n".join(installed))
    kept = verified.VERIFIED / f"checkov-{key}.json"
    kept.parent.mkdir(parents=True, exist_ok=True)
    with open(kept.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if verified.already_verified("checkov", key) and kept.exists():
            reports = json.loads(kept.read_text())
        else:
            result = subprocess.run(command, capture_output=True, text=True, timeout=300)
            assert result.returncode in (0, 1), f"checkov crashed ({result.returncode}):\n{result.stderr[-3000:]}"
            report = json.loads(result.stdout)
            reports = report if isinstance(report, list) else [report]
            kept.write_text(json.dumps(reports))
            verified.record_verified("checkov", key)
    return [site_part(entry, site) for entry in reports]


def site_part(entry: dict, site: str) -> dict:
    """One site's part of a checkov report on the folder of all sites: its checks and parse errors,
    with a summary counted from them (checkov names files by their path below the scanned folder)."""
    prefix = f"/{site}/"
    results = {kind: [c for c in checks if str(c.get("file_path", "")).startswith(prefix)]
               for kind, checks in entry.get("results", {}).items() if kind != "parsing_errors"}
    errors = [path for path in entry.get("results", {}).get("parsing_errors", []) if str(path).startswith(prefix)]
    resources = {(c["file_path"], c.get("resource")) for checks in results.values() for c in checks}
    return {"check_type": entry.get("check_type"), "results": {**results, "parsing_errors": errors},
            "summary": {"resource_count": len(resources), "parsing_errors": len(errors),
                        "failed": len(results.get("failed_checks", [])),
                        "passed": len(results.get("passed_checks", []))}}


# ---- small sites ---------------------------------------------------------------------------------

def harbor_sync(chart: AppChart, *, id: str = "secrets", role: str = "harbor", path: str = SECRETS_PATH,
                instance: str = "harbor", trivy_github_token: bool = False, database_password: bool = True,
                extra_secrets: Iterable[SyncedSecret] = (), reload_on_rotation: bool = False) -> OpenBaoSecretSync:
    """Harbor's secret sync in `chart`: `harbor_synced_secrets` at `path`, then `extra_secrets`."""
    declared = harbor_synced_secrets(path, instance=instance, trivy_github_token=trivy_github_token,
                                     database_password=database_password)
    return OpenBaoSecretSync(chart, id, server=SERVER, role=role, secrets=[*declared, *extra_secrets],
                             reload_on_rotation=reload_on_rotation)


def synced_chart(*, app: cdk8s.App | None = None, chart_id: str = "site", namespace: str = NAMESPACE,
                 default_deny: bool = False, **sync_options: Any) -> tuple[cdk8s.App, AppChart, OpenBaoSecretSync]:
    """An app (or `app`) with one chart that holds Harbor's secret sync (`sync_options`: harbor_sync's)."""
    app = app if app is not None else cdk8s.App()
    chart = AppChart(app, chart_id, namespace=namespace, default_deny=default_deny)
    return app, chart, harbor_sync(chart, **sync_options)


@dataclass(frozen=True)
class HarborSite:
    """What `harbor_site` built: read it by name (`site.chart`, `site.harbor`)."""

    app: cdk8s.App
    chart: AppChart
    sync: OpenBaoSecretSync
    harbor: HarborRegistry

    def manifests(self) -> Manifests:
        """The chart synthesized and parsed, without validation (cdk8s.Testing.synth)."""
        return synth(self.chart)


def harbor_site(*, app: cdk8s.App | None = None, chart_id: str = "site", namespace: str = NAMESPACE,
                default_deny: bool = False, harbor_id: str = "harbor", instance: str = "harbor",
                sync_instance: str | None = None, trivy_github_token: bool = False, database_password: bool = True,
                extra_secrets: Iterable[SyncedSecret] = (), **props: Any) -> HarborSite:
    """A chart with Harbor's secret sync and one HarborRegistry; `props` are HarborRegistry's and
    override its defaults here (external_url=EXTERNAL_URL, secrets from the sync).

    The sync declares the Secrets of `sync_instance`, by default `instance`: a test of a bad
    `instance` keeps a good sync, so that HarborRegistry's own check is the one that speaks.
    """
    sync_instance = instance if sync_instance is None else sync_instance
    app, chart, sync = synced_chart(app=app, chart_id=chart_id, namespace=namespace, default_deny=default_deny,
                                    instance=sync_instance, trivy_github_token=trivy_github_token,
                                    database_password=database_password, extra_secrets=extra_secrets)
    props.setdefault("external_url", EXTERNAL_URL)
    props.setdefault("secrets", HarborSecrets.from_sync(sync, instance=sync_instance))
    return HarborSite(app, chart, sync, HarborRegistry(chart, harbor_id, instance=instance, **props))


# ---- single components -----------------------------------------------------------------------------

def harbor_chart(namespace: str = NAMESPACE, **context_fields: Any) -> tuple[cdk8s.Chart, HarborContext]:
    """A chart with the Harbor secret sync, and a context wired to it; fields override defaults."""
    _, chart, sync = synced_chart(namespace=namespace,
                                  trivy_github_token=context_fields.pop("trivy_github_token", False))
    ctx = HarborContext(instance="harbor", external_url=context_fields.pop("external_url", EXTERNAL_URL),
                        secrets=HarborSecrets.from_sync(sync), endpoints=Endpoints.for_instance("harbor"),
                        **context_fields)
    return chart, ctx


class Built(NamedTuple):
    """One component built on a context: the context, the construct, and its chart's objects."""

    ctx: HarborContext
    component: Any
    manifests: list[dict]


def build_component(component: Callable[..., Any], *args: Any, **context_fields: Any) -> Built:
    """`component(chart, <its name in lower case>, ctx, *args)` in a chart of its own (`harbor_chart`)."""
    chart, ctx = harbor_chart(**context_fields)
    made = component(chart, component.__name__.lower(), ctx, *args)
    return Built(ctx, made, objects(chart))


def objects(chart: cdk8s.Chart) -> list[dict]:
    return cdk8s.Testing.synth(chart)


def find(manifests: list[dict], kind: str, name: str) -> dict:
    for manifest in manifests:
        if manifest["kind"] == kind and manifest["metadata"]["name"] == name:
            return manifest
    raise AssertionError(f"no {kind} {name!r} in {[(m['kind'], m['metadata']['name']) for m in manifests]}")


def pod_of(manifests: list[dict], kind: str, name: str) -> dict:
    """The pod spec of workload `kind` `name`."""
    return find(manifests, kind, name)["spec"]["template"]["spec"]


@dataclass(frozen=True)
class Workload:
    """A component's Deployment or StatefulSet among synthesized objects, and the containers its pod runs."""

    kind: str
    name: str
    containers: tuple[str, ...]

    def get(self, manifests: list[dict]) -> dict:
        return find(manifests, self.kind, self.name)

    def pod(self, manifests: list[dict]) -> dict:
        return pod_of(manifests, self.kind, self.name)

    def config_checksum(self, manifests: list[dict]) -> str:
        """The checksum of its configuration on the pod template, which rolls the pods when it changes."""
        return self.get(manifests)["spec"]["template"]["metadata"]["annotations"][CONFIG_CHECKSUM]

    def claim_templates(self, manifests: list[dict]) -> list[dict]:
        return self.get(manifests)["spec"]["volumeClaimTemplates"]

    def container(self, manifests: list[dict], name: str | None = None) -> dict:
        """The container `name` (an init container too), by default the pod's only one; the pod must
        run exactly `containers`."""
        spec = self.pod(manifests)
        running = [c["name"] for c in spec["containers"]]
        assert running == list(self.containers), f"{self.kind} {self.name} runs {running}, not {self.containers}"
        if name is None:
            assert len(self.containers) == 1, f"{self.kind} {self.name} runs {running}: name one"
            name = self.containers[0]
        return container_named(spec, name)


# ---- what every component's objects share ----------------------------------------------------------

# Pod Security "restricted", and a read-only root: the securityContext of every Harbor container
RESTRICTED_CONTAINER = {
    "allowPrivilegeEscalation": False, "privileged": False, "readOnlyRootFilesystem": True, "runAsNonRoot": True,
    "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"},
}


def assert_restricted(container: dict) -> None:
    """The container's securityContext says all of RESTRICTED_CONTAINER (and may say more)."""
    security = container["securityContext"]
    assert {key: security.get(key) for key in RESTRICTED_CONTAINER} == RESTRICTED_CONTAINER, \
        f"container {container['name']}: {security}"


def assert_pod_settings(spec: dict, user: int, grace: int | None = 120) -> None:
    """What every Harbor pod sets: its image's user as user, group and fsGroup, non-root, the time it
    gets to stop (`grace` seconds, None for Kubernetes' default), and no ServiceAccount token."""
    security = spec["securityContext"]
    assert (security["runAsUser"], security["runAsGroup"], security["fsGroup"]) == (user, user, user)
    assert security["runAsNonRoot"] is True
    assert spec.get("terminationGracePeriodSeconds") == grace
    assert spec["automountServiceAccountToken"] is False


def assert_claim(spec: dict, storage: Storage) -> None:
    """A PersistentVolumeClaim spec (or a claim template's) asks for what `storage` says; without a
    storage class it names none, so that the cluster's default class serves it."""
    assert spec["accessModes"] == [storage.access.value]
    assert spec["resources"]["requests"]["storage"] == storage.size
    if storage.storage_class is None:
        assert "storageClassName" not in spec
    else:
        assert spec["storageClassName"] == storage.storage_class


def assert_existing_claim_mounted(manifests: list[dict], workload: Workload, volume: str, claim: str) -> None:
    """An existing claim replaces what the component would make: no PersistentVolumeClaim object, no
    claim template, and the pod's volume `volume` is that claim."""
    assert not [m for m in manifests if m["kind"] == "PersistentVolumeClaim"]
    assert not workload.get(manifests)["spec"].get("volumeClaimTemplates")
    volumes = {v["name"]: v for v in workload.pod(manifests)["volumes"]}
    assert volumes[volume]["persistentVolumeClaim"] == {"claimName": claim}


def assert_service_selects(manifests: list[dict], service: str, workload: Workload) -> None:
    """Service `service` selects the workload's pods: its selector is the workload's own, and the pods carry it."""
    selector = find(manifests, "Service", service)["spec"]["selector"]
    spec = workload.get(manifests)["spec"]
    assert spec["selector"]["matchLabels"] == selector
    assert selector.items() <= spec["template"]["metadata"]["labels"].items()


def named(manifests: list[dict], name: str) -> list[dict]:
    """Every object called `name`, whatever its kind."""
    return [m for m in manifests if m["metadata"]["name"] == name]


def validated_kinds(objects: list[dict], version: str) -> set[str]:
    """The kinds of `objects`, each of which must pass the Kubernetes `version` schema with unknown
    fields refused (kubernetes-validate)."""
    assert objects, "no object to validate"
    for obj in objects:
        kv_utils.validate(obj, version, strict=True)
    return {obj["kind"] for obj in objects}


def assert_claim_templates_survive_an_upgrade(workload: Workload, build: Callable[..., Built],
                                              manifests: list[dict]) -> None:
    """A StatefulSet's volumeClaimTemplates are immutable: if a Harbor upgrade changed them, the API
    server would reject the update and Argo CD could not sync. base.claim_template labels them with
    the full label set, app.kubernetes.io/version included; the fix belongs to base.py."""
    upgraded = build(images=HarborImages(tag="v2.15.2")).manifests
    assert workload.claim_templates(upgraded) == workload.claim_templates(manifests)


def k8s_resources(wanted: Resources) -> dict:
    """A container's `resources` as Kubernetes spells `wanted`."""
    return {"requests": {"cpu": wanted.cpu_request, "memory": wanted.memory_request},
            "limits": {"cpu": wanted.cpu_limit, "memory": wanted.memory_limit}}


def http_probe(path: str, *, initial: int, failure: int = 3, port: int = 8080) -> dict:
    """An HTTP probe as Harbor's components declare it, every 10 s with a 1 s timeout."""
    return {"httpGet": {"path": path, "port": port, "scheme": "HTTP"}, "initialDelaySeconds": initial,
            "periodSeconds": 10, "failureThreshold": failure, "timeoutSeconds": 1, "successThreshold": 1}


def assert_mounted(container: dict, path: str, *, volume: str, sub_path: str | None, read_only: bool) -> None:
    """The container mounts `volume` at `path`, once, with that subPath and read-only flag."""
    mounts = [m for m in container["volumeMounts"] if m["mountPath"] == path]
    assert len(mounts) == 1, f"container {container['name']} mounts {len(mounts)} volumes at {path}"
    (mount,) = mounts
    assert mount["name"] == volume
    assert mount.get("subPath") == sub_path
    assert mount.get("readOnly", False) is read_only


def assert_nginx_reads_its_config_map(manifests: list[dict], workload: Workload) -> None:
    """An nginx pod (entry point, portal): nginx.conf by subPath from the ConfigMap of the workload's
    name, scratch space on an emptyDir, and that ConfigMap's checksum on the pod template."""
    template = workload.get(manifests)["spec"]["template"]
    mounts = {m["mountPath"]: m for m in workload.container(manifests)["volumeMounts"]}
    volumes = {v["name"]: v for v in template["spec"]["volumes"]}
    assert mounts["/etc/nginx/nginx.conf"]["subPath"] == "nginx.conf"
    assert volumes[mounts["/etc/nginx/nginx.conf"]["name"]]["configMap"]["name"] == workload.name
    assert "emptyDir" in volumes[mounts["/tmp"]["name"]]
    data = find(manifests, "ConfigMap", workload.name)["data"]
    assert workload.config_checksum(manifests) == checksum(data)


def synced_keys(manifests: list[dict]) -> set[tuple[str, str]]:
    """(Secret, key) pairs that the SecretProviderClasses of a chart sync."""
    return {(obj["secretName"], item["key"])
            for spc in manifests if spc["kind"] == "SecretProviderClass"
            for obj in spc["spec"].get("secretObjects", []) for item in obj.get("data", [])}


# ---- bad input -------------------------------------------------------------------------------------

def refusal(make: Callable[[], object], field: str) -> str:
    """The message of the ValueError that `make()` raises, which must name `field`."""
    with pytest.raises(ValueError, match=re.escape(field)) as error:
        make()
    return str(error.value)
