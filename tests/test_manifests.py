"""The validation harness over the synthesized apps: schemas, policies, golden files, invariants.

Everything here runs once per app of the repository (conftest.SITES: the homelab main.py and the
high-availability example examples/ha_site.py), reading the session's synthesis of it, so a change
to the library or to an app is checked by tools nobody here wrote (Kubernetes OpenAPI schemas, the
CRDs' own schemas, checkov) and by the invariants of docs/design.md, each failure naming the object.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    REPO,
    SITES,
    Manifest,
    Manifests,
    Site,
    all_containers,
    containers,
    crd_errors,
    diff_folders,
    folder_bytes,
    pod_spec,
    pod_template,
    synthesized_manifests,
    workloads,
)
from kubernetes_validate import utils as kv_utils
from support import CHECKOV_SKIPS, NEWEST_KUBERNETES, OLDEST_KUBERNETES, checkov_reports, checkov_skips

from constructs.harbor.kit import synthesize
from constructs.harbor.kit.longhorn import LONGHORN_NAMESPACE

# API groups served by CRDs: their objects are checked against the pinned CRDs' schemas (tests/upstream.py),
# everything else against the Kubernetes OpenAPI schemas that kubernetes-validate ships.
CUSTOM_GROUPS = {"gateway.networking.k8s.io", "secrets-store.csi.x-k8s.io", "postgresql.cnpg.io", "barmancloud.cnpg.io",
                 "longhorn.io"}
CUSTOM_GROUPS.add("monitoring.coreos.com")     # HarborMetrics: ServiceMonitor, PrometheusRule
CLUSTER_SCOPED = {
    "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
    "StorageClass", "PriorityClass", "IngressClass", "GatewayClass", "CSIDriver", "RuntimeClass",
    "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
}
CSI_DRIVER = "secrets-store.csi.k8s.io"
SYNC_WAVE = "argocd.argoproj.io/sync-wave"
REQUIRED_LABELS = ("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component",
                   "app.kubernetes.io/managed-by")
DNS_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")


# ---- one run per app ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def synth_dir(site: Site, synthesized) -> Path:
    """This module's synth_dir: the app of `site` (conftest's is the homelab alone)."""
    return synthesized(site.name)


@pytest.fixture(scope="module")
def manifests(synth_dir: Path) -> Manifests:
    return synthesized_manifests(synth_dir)


def test_every_app_of_the_repository_is_validated() -> None:
    # a new app under examples/ or beside main.py must join SITES, or nothing here checks it
    scripts = {REPO / "main.py", *(REPO / "examples").glob("*.py")}
    assert scripts == {s.script for s in SITES.values()}, sorted(map(str, scripts))


def group_of(obj: dict) -> str:
    api_version = obj.get("apiVersion", "")
    return api_version.split("/")[0] if "/" in api_version else ""


def is_custom(obj: dict) -> bool:
    return group_of(obj) in CUSTOM_GROUPS


# ---- schemas -------------------------------------------------------------------------------------

def test_newest_kubernetes_is_newer_than_oldest() -> None:
    # guards the version lookup itself: an empty or odd schema set would make the next test vacuous
    assert kv_utils.major_minor(NEWEST_KUBERNETES) != OLDEST_KUBERNETES
    assert OLDEST_KUBERNETES in {kv_utils.major_minor(v) for v in kv_utils.all_versions()}


@pytest.mark.parametrize("version", [OLDEST_KUBERNETES, NEWEST_KUBERNETES])
def test_builtin_objects_pass_strict_kubernetes_schemas(manifests: Manifests, version: str) -> None:
    problems = []
    checked = 0
    for m in manifests:
        if is_custom(m.obj):
            continue
        try:
            kv_utils.validate(m.obj, version, strict=True)
            checked += 1
        except kv_utils.ValidationError as error:
            path = ".".join(map(str, error.path)) or "<root>"
            problems.append(f"{m}: {path}: {error.message}")
        except kv_utils.SchemaNotFoundError as error:
            problems.append(f"{m}: {error.message} (a custom kind? add its group to CUSTOM_GROUPS and its CRD)")
    assert checked > 0, "no built-in object was validated"
    assert not problems, f"strict Kubernetes {version} schema violations:\n  " + "\n  ".join(problems)


def test_strict_kubernetes_schema_rejects_unknown_fields(manifests: Manifests, site: Site) -> None:
    namespace = manifests.get("Namespace", site.namespace)
    bogus = copy.deepcopy(namespace.obj)
    bogus["metadata"]["bogusField"] = "x"
    with pytest.raises(kv_utils.ValidationError):
        kv_utils.validate(bogus, NEWEST_KUBERNETES, strict=True)


def test_custom_resources_pass_their_crd_schemas(manifests: Manifests, crd_schemas: dict) -> None:
    custom = [m for m in manifests if is_custom(m.obj)]
    assert custom, "the app has no custom resource (expected at least its SecretProviderClass)"
    problems = [f"{m}: {error}" for m in custom for error in crd_errors(crd_schemas, m.obj)]
    assert not problems, "CRD schema violations:\n  " + "\n  ".join(problems)


def test_crd_schemas_reject_unknown_fields(manifests: Manifests, crd_schemas: dict) -> None:
    custom = [m for m in manifests if is_custom(m.obj)]
    assert custom
    for m in custom:
        top = copy.deepcopy(m.obj)
        top["spec"]["bogusField"] = "x"
        assert any("bogusField" in e for e in crd_errors(crd_schemas, top)), f"{m}: spec.bogusField accepted"
        meta = copy.deepcopy(m.obj)
        meta["bogusTopLevel"] = 1
        assert crd_errors(crd_schemas, meta), f"{m}: a bogus top-level field was accepted"


def test_crd_schemas_reject_unknown_nested_fields(manifests: Manifests, crd_schemas: dict) -> None:
    for spc in manifests.of_kind("SecretProviderClass"):
        for i, _ in enumerate(spc.obj["spec"].get("secretObjects", [])):
            nested = copy.deepcopy(spc.obj)
            nested["spec"]["secretObjects"][i]["bogusNested"] = True
            errors = crd_errors(crd_schemas, nested)
            assert any("bogusNested" in e for e in errors), f"{spc}: secretObjects[{i}].bogusNested accepted"


def test_every_object_is_checked_by_one_schema(manifests: Manifests) -> None:
    # a custom group listed here without a pinned CRD fails the CRD test; anything else must be
    # a built-in kind that kubernetes-validate knows
    unknown = []
    for m in manifests:
        if is_custom(m.obj):
            continue
        try:
            kv_utils.validate(m.obj, NEWEST_KUBERNETES, strict=False)
        except kv_utils.SchemaNotFoundError:
            unknown.append(str(m))
        except kv_utils.ValidationError:
            pass  # reported by the strict test
    assert not unknown, f"objects no schema checks: {unknown}"


# ---- checkov -------------------------------------------------------------------------------------

def test_checkov_skips_have_reasons() -> None:
    skips = checkov_skips()
    for check, reason in skips.items():
        assert re.fullmatch(r"CKV2?_K8S_\d+", str(check)), f"{check!r} is not a checkov Kubernetes check id"
        assert isinstance(reason, str), f"{check}: the reason must be text, got {reason!r}"
        sentence = reason.strip()
        assert len(sentence.split()) >= 5 and sentence[0].isupper() and sentence.endswith("."), (
            f"{check}: the reason must be a written sentence (capitalised, at least five words, ending "
            f"with '.'), got {reason!r}")


def test_checkov_passes(site: Site, synthesized) -> None:
    skips = set(checkov_skips())
    reports = checkov_reports(synthesized, site.name)
    failed, scanned, parse_errors = [], 0, 0
    for entry in reports:
        summary = entry.get("summary", entry)
        scanned += summary.get("resource_count", 0)
        parse_errors += summary.get("parsing_errors", 0)
        for check in entry.get("results", {}).get("failed_checks", []):
            if check["check_id"] in skips:
                continue   # listed in checkov-skips.yaml with its reason
            failed.append(f"{check['check_id']} {check.get('check_name', '')}: {check.get('resource')} "
                          f"in {check.get('file_path')}")
    assert parse_errors == 0, f"checkov could not parse {parse_errors} files:\n{json.dumps(reports)[-3000:]}"
    assert scanned > 0, f"checkov scanned no resource in {synthesized(site.name)}:\n{json.dumps(reports)[-3000:]}"
    assert not failed, ("checkov checks failed (fix the manifests, or list a check that cannot apply in "
                        f"{CHECKOV_SKIPS.name} with its reason):\n  " + "\n  ".join(sorted(failed)))


# ---- golden files and determinism ----------------------------------------------------------------

def test_dist_is_what_the_app_synthesizes(synth_dir: Path, site: Site) -> None:
    committed = REPO / "dist" / site.name
    command = f"python {site.script.relative_to(REPO)}"
    assert committed.is_dir(), f"{committed} is missing: run `{command}` and commit dist/"
    problems = diff_folders(folder_bytes(committed), folder_bytes(synth_dir))
    assert not problems, (f"dist/{site.name}/ is not what the app synthesizes now; run `{command}` "
                          "and commit dist/:\n  " + "\n  ".join(problems))


def test_synthesis_is_deterministic_in_process(synth_dir: Path, tmp_path: Path, site: Site) -> None:
    again = tmp_path / site.name
    synthesize(site.build, again)
    problems = diff_folders(folder_bytes(synth_dir), folder_bytes(again))
    assert not problems, "two syntheses in one process differ:\n  " + "\n  ".join(problems)


def test_synthesis_is_deterministic_across_processes(synth_dir: Path, tmp_path: Path, site: Site) -> None:
    # another process with another hash seed: set and dict orderings must not leak into the output
    env = dict(os.environ, CDK8S_OUTDIR=str(tmp_path), PYTHONHASHSEED="12345")
    result = subprocess.run([sys.executable, str(site.script)], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    problems = diff_folders(folder_bytes(synth_dir), folder_bytes(tmp_path / site.name))
    assert not problems, "a synthesis in another process differs:\n  " + "\n  ".join(problems)


# ---- no secret material --------------------------------------------------------------------------

def all_objects(manifests: Manifests):
    for m in manifests:
        yield m, m.obj
        for item in m.obj.get("items", []) if m.kind.endswith("List") else []:
            yield m, item


def test_no_secret_objects(manifests: Manifests, synth_dir: Path) -> None:
    secrets = [str(m) for m, obj in all_objects(manifests) if obj.get("kind") == "Secret"]
    assert not secrets, f"Secrets must come from OpenBao through a secret sync, found: {secrets}"
    raw = [p.name for p in synth_dir.glob("*.yaml") if re.search(r"^\s*-?\s*kind:\s*Secret\s*$", p.read_text(), re.M)]
    assert not raw, f"'kind: Secret' in {raw}"


# ---- invariants over every object ----------------------------------------------------------------

def test_names_are_dns_1123_and_short(manifests: Manifests) -> None:
    bad = [f"{m}: {m.name!r}" for m in manifests
           if not (len(m.name) <= 63 and DNS_SUBDOMAIN.fullmatch(m.name))]
    assert not bad, "names that are not DNS-1123 or longer than 63 characters:\n  " + "\n  ".join(bad)


def test_namespaced_objects_have_their_namespace(manifests: Manifests, site: Site) -> None:
    missing = [str(m) for m in manifests if m.kind not in CLUSTER_SCOPED and not m.namespace]
    stray = [str(m) for m in manifests if m.kind in CLUSTER_SCOPED and "namespace" in m.obj.get("metadata", {})]
    assert not missing, f"namespaced objects without metadata.namespace: {missing}"
    assert not stray, f"cluster-scoped objects with a metadata.namespace: {stray}"
    assert manifests.get("Namespace", site.namespace)
    namespaces = {m.name for m in manifests.of_kind("Namespace")}
    # Longhorn reads RecurringJobs in its own namespace only (kit/longhorn.py): the one place outside the app's
    elsewhere = [str(m) for m in manifests if m.namespace and m.namespace not in namespaces
                 and not (m.kind == "RecurringJob" and m.namespace == LONGHORN_NAMESPACE)]
    assert not elsewhere, f"objects in a namespace the app does not create: {elsewhere}"


def image_problem(image: str) -> str | None:
    if not image or image != image.strip():
        return "empty or padded"
    if "@sha256:" in image:
        return None
    last = image.rsplit("/", 1)[-1]
    if ":" not in last:
        return "untagged"
    tag = last.rsplit(":", 1)[1]
    if not tag or tag == "latest":
        return f"tag {tag!r}"
    return None


@pytest.mark.parametrize("image, ok", [
    ("registry.k8s.io/pause:3.10", True), ("goharbor/harbor-core:v2.15.1", True),
    ("localhost:5000/app@sha256:" + "0" * 64, True), ("nginx", False), ("nginx:latest", False),
    ("localhost:5000/nginx", False), ("docker.io/library/nginx:", False),
])
def test_image_rule(image: str, ok: bool) -> None:
    assert (image_problem(image) is None) is ok


def test_images_are_pinned(manifests: Manifests) -> None:
    bad, seen = [], 0
    for m, container in all_containers(manifests):
        seen += 1
        problem = image_problem(container.get("image", ""))
        if problem:
            bad.append(f"{m} container {container.get('name')}: image {container.get('image')!r} is {problem}")
    assert seen > 0, "no container in the output"
    assert not bad, "images must carry an exact tag:\n  " + "\n  ".join(bad)


def test_every_secret_provider_class_is_mounted(manifests: Manifests) -> None:
    mounted = {
        (m.namespace, (volume.get("csi") or {}).get("volumeAttributes", {}).get("secretProviderClass"))
        for m, spec in workloads(manifests) for volume in spec.get("volumes", [])
        if (volume.get("csi") or {}).get("driver") == CSI_DRIVER
    }
    unmounted = [str(spc) for spc in manifests.of_kind("SecretProviderClass")
                 if (spc.namespace, spc.name) not in mounted]
    assert not unmounted, ("SecretProviderClasses no pod mounts (the CSI driver writes their Secrets only while "
                           f"a pod mounts them): {unmounted}")


# What the CloudNativePG 1.30.0 operator writes for a Cluster, written out here from its sources
# (pkg/specs/secrets.go, internal/controller/cluster_create.go, pkg/certs/certs.go), independent of
# the library: `<cluster>-app` for the owner that `bootstrap.initdb` creates, and `<cluster>-ca`
# unless the Cluster brings its own server CA.
CNPG_APP_KEYS = ("username", "user", "password", "dbname", "host", "port", "pgpass", "uri", "jdbc-uri", "fqdn-uri",
                 "fqdn-jdbc-uri")
CNPG_CA_KEYS = ("ca.crt", "ca.key")


def cnpg_produced(cluster: Manifest) -> set[tuple[str | None, str, str]]:
    spec = cluster.obj.get("spec") or {}
    produced = set()
    if "initdb" in (spec.get("bootstrap") or {"initdb": {}}):
        produced |= {(cluster.namespace, f"{cluster.name}-app", key) for key in CNPG_APP_KEYS}
    if not (spec.get("certificates") or {}).get("serverCASecret"):
        produced |= {(cluster.namespace, f"{cluster.name}-ca", key) for key in CNPG_CA_KEYS}
    return produced


def produced_secrets(manifests: Manifests) -> set[tuple[str | None, str, str]]:
    """Every (namespace, Secret, key) that comes into being without a `kind: Secret` in the output:
    the secret syncs' Secrets, and the Secrets a CloudNativePG operator writes for its Clusters."""
    synced = {
        (spc.namespace, secret_object["secretName"], data["key"])
        for spc in manifests.of_kind("SecretProviderClass")
        for secret_object in spc.obj["spec"].get("secretObjects", [])
        for data in secret_object.get("data", [])
    }
    return synced.union(*(cnpg_produced(c) for c in manifests.of_kind("Cluster")
                          if c.obj.get("apiVersion", "").startswith("postgresql.cnpg.io/")))


def test_cnpg_produced_secrets() -> None:
    cluster = Manifest("x", {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster",
                             "metadata": {"name": "db", "namespace": "ns"},
                             "spec": {"bootstrap": {"initdb": {"database": "app", "owner": "app"}}}})
    produced = cnpg_produced(cluster)
    assert ("ns", "db-app", "password") in produced and ("ns", "db-ca", "ca.crt") in produced
    assert ("ns", "db-superuser", "password") not in produced
    recovered = Manifest("x", {**cluster.obj, "spec": {"bootstrap": {"recovery": {"source": "old"}},
                                                       "certificates": {"serverCASecret": "mine"}}})
    assert cnpg_produced(recovered) == set()


def secret_reads(spec: dict) -> list[tuple[str, str | None, str]]:
    """(Secret name, key or None for 'any key', where) for every way a pod spec reads a Secret."""
    reads = []
    for container in containers(spec):
        where = f"container {container.get('name')}"
        for env in container.get("env", []):
            ref = (env.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                reads.append((ref["name"], ref["key"], f"{where} env {env['name']}"))
        for source in container.get("envFrom", []):
            if source.get("secretRef"):
                reads.append((source["secretRef"]["name"], None, f"{where} envFrom"))
    for volume in spec.get("volumes", []):
        sources = []
        if volume.get("secret"):
            sources.append(volume["secret"])
        for projected in (volume.get("projected") or {}).get("sources", []):
            if projected.get("secret"):
                sources.append({"secretName": projected["secret"]["name"], "items": projected["secret"].get("items")})
        for source in sources:
            items = source.get("items") or [{"key": None}]
            for item in items:
                reads.append((source["secretName"], item["key"], f"volume {volume['name']}"))
    return reads


def test_every_secret_read_is_synced(manifests: Manifests) -> None:
    produced = produced_secrets(manifests)
    names = {(namespace, name) for namespace, name, _ in produced}
    missing = []
    for m, spec in workloads(manifests):
        for name, key, where in secret_reads(spec):
            ok = (m.namespace, name) in names if key is None else (m.namespace, name, key) in produced
            if not ok:
                missing.append(f"{m} {where} reads Secret {name!r} key {key!r}")
    assert not missing, ("Secrets read by pods that no SecretProviderClass (or CloudNativePG Cluster) produces:\n  "
                         + "\n  ".join(missing))


def test_secret_read_detection() -> None:
    # the walker above must see every way of reading a Secret, or the invariant passes vacuously
    spec = {
        "containers": [{"name": "c", "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"name": "s1", "key": "k1"}}}],
                        "envFrom": [{"secretRef": {"name": "s2"}}]}],
        "volumes": [{"name": "v", "secret": {"secretName": "s3", "items": [{"key": "k3", "path": "p"}]}},
                    {"name": "w", "projected": {"sources": [{"secret": {"name": "s4"}}]}}],
    }
    found = {(name, key) for name, key, _ in secret_reads(spec)}
    assert found == {("s1", "k1"), ("s2", None), ("s3", "k3"), ("s4", None)}


def test_every_route_backend_exists(manifests: Manifests) -> None:
    ports = {(svc.namespace, svc.name): {p.get("port") for p in svc.obj.get("spec", {}).get("ports", [])}
             for svc in manifests.of_kind("Service")}
    missing = []
    for route in manifests.of_kind("HTTPRoute"):
        for i, rule in enumerate(route.obj["spec"].get("rules", [])):
            for ref in rule.get("backendRefs", []):
                if ref.get("group", "") != "" or ref.get("kind", "Service") != "Service":
                    missing.append(f"{route} rule {i}: backend {ref} is not a Service")
                    continue
                key = (ref.get("namespace", route.namespace), ref["name"])
                if ref.get("port") not in ports.get(key, set()):
                    missing.append(f"{route} rule {i}: no Service {key[0]}/{key[1]} with port {ref.get('port')}")
    assert not missing, "route backends that do not exist in the output:\n  " + "\n  ".join(missing)


def test_workloads_carry_standard_labels(manifests: Manifests) -> None:
    bad = []
    for m in manifests:
        template = pod_template(m.obj)
        if template is None:
            continue
        template_labels = (template.get("metadata") or {}).get("labels") or {}
        for where, labels in (("metadata", m.labels), ("pod template", template_labels)):
            missing = [label for label in REQUIRED_LABELS if not labels.get(label)]
            if missing:
                bad.append(f"{m} {where} lacks {missing}")
    assert not bad, "workloads without the app.kubernetes.io labels:\n  " + "\n  ".join(bad)


def secret_sync_objects(manifests: Manifests) -> list[Manifest]:
    """Each SecretProviderClass with the objects of the same sync (same namespace, instance and component)."""
    def key(m: Manifest) -> tuple:
        return m.namespace, m.labels.get("app.kubernetes.io/instance"), m.labels.get("app.kubernetes.io/component")

    keys = {key(spc) for spc in manifests.of_kind("SecretProviderClass")}
    return [m for m in manifests if m.kind == "SecretProviderClass" or (
        m.kind != "Namespace" and m.labels.get("app.kubernetes.io/instance") and key(m) in keys)]


def wave(m: Manifest) -> int:
    return int(m.annotations.get(SYNC_WAVE, "0"))  # Argo CD's default wave is 0


def test_sync_waves_order_namespace_secrets_workloads(manifests: Manifests) -> None:
    namespaces = manifests.of_kind("Namespace")
    syncs = secret_sync_objects(manifests)
    sync_ids = {id(m) for m in syncs}
    workloads = [m for m in manifests if m.kind in ("Deployment", "StatefulSet") and id(m) not in sync_ids]
    assert namespaces and syncs
    unannotated = [str(m) for m in [*namespaces, *syncs] if SYNC_WAVE not in m.annotations]
    assert not unannotated, f"objects without an explicit {SYNC_WAVE}: {unannotated}"
    late = [f"{n} (wave {wave(n)}) >= {s} (wave {wave(s)})" for n in namespaces for s in syncs if wave(n) >= wave(s)]
    assert not late, "the Namespace must come before the secret sync:\n  " + "\n  ".join(late)
    early = [f"{w} (wave {wave(w)}) <= {s} (wave {wave(s)})" for w in workloads for s in [*namespaces, *syncs]
             if wave(w) <= wave(s)]
    assert not early, "workloads must start after the Namespace and the synced Secrets:\n  " + "\n  ".join(early)


def test_workloads_have_probes(manifests: Manifests) -> None:
    # backs the CKV_K8S_8/9 entries of checkov-skips.yaml: only the secret sync's pause pods go without
    sync_ids = {id(m) for m in secret_sync_objects(manifests)}
    bad = []
    for m in manifests:
        if m.kind not in ("Deployment", "StatefulSet", "DaemonSet") or id(m) in sync_ids:
            continue
        for container in pod_spec(m.obj).get("containers", []):
            for probe in ("livenessProbe", "readinessProbe"):
                if probe not in container:
                    bad.append(f"{m} container {container.get('name')} has no {probe}")
    assert not bad, "\n  ".join(["workloads without probes:", *bad])
