"""HarborRegistry as a whole: the homelab site's facts, wiring across components, and bad input."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import cdk8s
import pytest
import upstream
from conftest import Manifests, all_containers, containers, pod_spec, synth
from fast_yaml import load_yaml, load_yaml_all
from support import HOST, NAMESPACE, SECRETS_PATH, SERVER, harbor_site, harbor_sync, refusal, synced_chart

from constructs.harbor import (
    AccessMode,
    HarborImages,
    HarborRegistry,
    HarborReplicas,
    HarborSecrets,
    HarborStorage,
    ProxySettings,
    Resources,
    Storage,
    TrivySettings,
    harbor_synced_secrets,
)
from constructs.harbor.kit import AppChart, OpenBaoSecretSync, SyncedSecret

# the official chart's output for the homelab values: generated offline, no URL serves it (tests/upstream.py)
REFERENCE = "reference/upstream-chart-1.19.1-homelab.normalized.yaml"


def checksums(manifests: Manifests) -> dict[str, str]:
    return {m.name: (m.obj["spec"]["template"]["metadata"].get("annotations") or {}).get("checksum/config", "")
            for m in manifests if m.kind in ("Deployment", "StatefulSet")}


# ---- the homelab site ----------------------------------------------------------------------------

COMPONENTS = {
    "Deployment": {"harbor-core", "harbor-portal", "harbor-registry", "harbor-jobservice", "harbor-nginx",
                   "harbor-exporter"},
    "StatefulSet": {"harbor-database", "harbor-redis", "harbor-trivy"},
    "Service": {"harbor", "harbor-core", "harbor-portal", "harbor-registry", "harbor-jobservice", "harbor-trivy",
                "harbor-database", "harbor-redis", "harbor-exporter"},
}


@pytest.mark.parametrize("kind", sorted(COMPONENTS))
def test_every_component_is_deployed_under_the_charts_names(manifests: Manifests, kind: str) -> None:
    harbor = {m.name for m in manifests.of_kind(kind) if m.labels.get("app.kubernetes.io/name") == "harbor"}
    assert harbor == COMPONENTS[kind]


# the workloads and Services of the official chart 1.19.1 with release `harbor` (its reference render)
CHART_NAMES = {
    "Deployment": {"harbor-core", "harbor-jobservice", "harbor-nginx", "harbor-portal", "harbor-registry"},
    "StatefulSet": {"harbor-database", "harbor-redis", "harbor-trivy"},
    "Service": {"harbor", "harbor-core", "harbor-database", "harbor-jobservice", "harbor-portal", "harbor-redis",
                "harbor-registry", "harbor-trivy"},
}


def test_workload_and_service_names_match_the_official_chart(manifests: Manifests) -> None:
    """Operators' habits and docs carry over: the same names as the chart with release `harbor`.

    The chart's names are written above, so a clone without ../shared checks them too; where ../shared
    has the reference render, they are also compared with it.
    """
    for kind, chart_names in CHART_NAMES.items():
        ours = {m.name for m in manifests.of_kind(kind)}
        assert chart_names <= ours, f"{kind}: the chart has {sorted(chart_names - ours)} that we lack"
    render = upstream.shared_only(REFERENCE)
    if render is not None:
        reference = [d for d in load_yaml_all(render.read_text()) if d]
        for kind, chart_names in CHART_NAMES.items():
            rendered = {d["metadata"]["name"] for d in reference if d["kind"] == kind}
            assert rendered == chart_names, f"{kind}: the render {render} names {sorted(rendered)}"


def test_images_are_harbor_2_15_1_from_docker_hub(manifests: Manifests) -> None:
    for m in manifests:
        spec = pod_spec(m.obj)
        # the configuration Job runs a plain Python image; every Harbor component runs Harbor's own
        if spec is None or m.labels.get("app.kubernetes.io/name") != "harbor" or m.kind == "Job":
            continue
        for container in containers(spec):
            assert re.fullmatch(r"docker\.io/goharbor/[a-z-]+:v2\.15\.1", container["image"]), f"{m}: {container['image']}"


@pytest.mark.parametrize("claim, size, access", [
    ("harbor-registry", "50Gi", "ReadWriteMany"),
    ("harbor-jobservice", "1Gi", "ReadWriteMany"),
])
def test_shared_volumes_are_rwx_on_longhorn(manifests: Manifests, claim: str, size: str, access: str) -> None:
    spec = manifests.get("PersistentVolumeClaim", claim).obj["spec"]
    assert spec["accessModes"] == [access]
    assert spec["resources"]["requests"]["storage"] == size
    assert spec["storageClassName"] == "longhorn"


def test_database_volume_is_10gi_rwo_on_longhorn(manifests: Manifests) -> None:
    templates = manifests.get("StatefulSet", "harbor-database").obj["spec"]["volumeClaimTemplates"]
    (template,) = templates
    assert template["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert template["spec"]["resources"]["requests"]["storage"] == "10Gi"
    assert template["spec"]["storageClassName"] == "longhorn"


@pytest.mark.parametrize("deployment, container, requests, limits", [
    ("harbor-core", "core", ("100m", "256Mi"), ("1", "1Gi")),
    ("harbor-jobservice", "jobservice", ("100m", "128Mi"), ("500m", "512Mi")),
    ("harbor-registry", "registry", ("100m", "256Mi"), ("1", "1Gi")),
])
def test_homelab_resources(manifests: Manifests, deployment, container, requests, limits) -> None:
    spec = pod_spec(manifests.get("Deployment", deployment).obj)
    (found,) = [c for c in spec["containers"] if c["name"] == container]
    assert (found["resources"]["requests"]["cpu"], found["resources"]["requests"]["memory"]) == requests
    assert (found["resources"]["limits"]["cpu"], found["resources"]["limits"]["memory"]) == limits


def test_external_url_and_trivy_reach_core(manifests: Manifests) -> None:
    data = manifests.get("ConfigMap", "harbor-core").obj["data"]
    assert data["EXT_ENDPOINT"] == "https://harbor.madhan.app"
    assert data["WITH_TRIVY"] == "true"
    assert data["TRIVY_ADAPTER_URL"] == "http://harbor-trivy:8080"


def test_route_sends_the_site_host_to_the_entry_point(manifests: Manifests) -> None:
    route = manifests.get("HTTPRoute", "harbor").obj["spec"]
    assert route["hostnames"] == ["harbor.madhan.app"]
    assert route["parentRefs"] == [{"group": "gateway.networking.k8s.io", "kind": "Gateway",
                                    "name": "homelab-gateway", "namespace": "kube-system"}]
    (rule,) = route["rules"]
    assert rule["matches"] == [{"path": {"type": "PathPrefix", "value": "/"}}]
    assert rule["backendRefs"] == [{"group": "", "kind": "Service", "name": "harbor", "port": 80, "weight": 1}]
    service = manifests.get("Service", "harbor").obj["spec"]
    assert [(p["port"], p["targetPort"]) for p in service["ports"]] == [(80, 8080)]
    assert service["selector"]["app.kubernetes.io/component"] == "nginx"


def test_workloads_start_after_the_secret_sync(manifests: Manifests) -> None:
    wave = {m.name: int(m.annotations["argocd.argoproj.io/sync-wave"])
            for m in manifests if "argocd.argoproj.io/sync-wave" in m.annotations}
    sync = wave["harbor-secrets"]
    for m in manifests:
        if m.kind in ("Deployment", "StatefulSet") and m.labels.get("app.kubernetes.io/name") == "harbor":
            assert wave[m.name] > sync, f"{m} starts before the secret sync"


# ---- wiring across components --------------------------------------------------------------------

def test_admin_password_follows_the_wiring_to_openbao(manifests: Manifests) -> None:
    """core's HARBOR_ADMIN_PASSWORD -> Secret key -> SecretProviderClass object -> OpenBao path and field."""
    core = pod_spec(manifests.get("Deployment", "harbor-core").obj)
    (container,) = [c for c in core["containers"] if c["name"] == "core"]
    (env,) = [e for e in container["env"] if e["name"] == "HARBOR_ADMIN_PASSWORD"]
    ref = env["valueFrom"]["secretKeyRef"]
    filled_by = []
    for spc in manifests.of_kind("SecretProviderClass"):
        objects = {o["objectName"]: o for o in load_yaml(spc.obj["spec"]["parameters"]["objects"])}
        for secret in spc.obj["spec"]["secretObjects"]:
            if secret["secretName"] != ref["name"]:
                continue
            for item in secret["data"]:
                if item["key"] == ref["key"]:
                    source = objects[item["objectName"]]
                    filled_by.append((spc.name, source["secretPath"], source["secretKey"]))
    assert filled_by == [("harbor-secrets", SECRETS_PATH, "HARBOR_ADMIN_PASSWORD")]


def _addresses(text: str, services: set[str]) -> list[tuple[str, int | None, str]]:
    """(service, port or None, scheme) for every mention of a Service of the output in `text`."""
    found = []
    for match in re.finditer(r"(?:(https?|redis)://)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d+))?", text):
        scheme, host, port = match.groups()
        if host in services and (scheme or port):
            found.append((host, int(port) if port else None, scheme or ""))
    return found


def test_every_service_address_in_a_config_exists_with_that_port(manifests: Manifests) -> None:
    ports = {m.name: {p["port"] for p in m.obj["spec"]["ports"]} for m in manifests.of_kind("Service")}
    texts: list[tuple[str, str]] = []
    for m in manifests.of_kind("ConfigMap"):
        texts += [(f"{m} key {key}", value) for key, value in (m.obj.get("data") or {}).items()]
    for m, container in all_containers(manifests):
        texts += [(f"{m} env {e['name']}", e["value"]) for e in container.get("env", []) if "value" in e]
    checked = 0
    for where, text in texts:
        for service, port, scheme in _addresses(text, set(ports)):
            expected = port if port is not None else (80 if scheme == "http" else None)
            assert expected in ports[service], f"{where} names {service}:{expected}, the Service has {ports[service]}"
            checked += 1
    assert checked >= 15, f"only {checked} addresses found: the scan is not looking where the configs are"


def test_every_mounted_config_map_and_claim_exists(manifests: Manifests) -> None:
    config_maps = {m.name for m in manifests.of_kind("ConfigMap")}
    claims = {m.name for m in manifests.of_kind("PersistentVolumeClaim")}
    for m in manifests:
        spec = pod_spec(m.obj)
        if spec is None:
            continue
        templates = {t["metadata"]["name"] for t in m.obj["spec"].get("volumeClaimTemplates", [])}
        for volume in spec.get("volumes", []):
            if "configMap" in volume:
                assert volume["configMap"]["name"] in config_maps, f"{m} mounts a missing ConfigMap"
            if "persistentVolumeClaim" in volume:
                assert volume["persistentVolumeClaim"]["claimName"] in claims, f"{m} mounts a missing claim"
        for container in containers(spec):
            volumes = {v["name"] for v in spec.get("volumes", [])} | templates
            for mount in container.get("volumeMounts", []):
                assert mount["name"] in volumes, f"{m} container {container['name']} mounts {mount['name']}"
            for source in container.get("envFrom", []):
                if "configMapRef" in source:
                    assert source["configMapRef"]["name"] in config_maps, f"{m} reads a missing ConfigMap"
            for env in container.get("env", []):
                ref = env.get("valueFrom", {}).get("configMapKeyRef")
                if ref:
                    data = manifests.get("ConfigMap", ref["name"]).obj["data"]
                    assert ref["key"] in data, f"{m} env {env['name']} reads a missing key {ref['key']}"


def test_registry_password_and_htpasswd_come_from_one_openbao_secret(manifests: Manifests) -> None:
    """core and jobservice log in with the password whose bcrypt line the registry checks."""
    (spc,) = manifests.of_kind("SecretProviderClass")
    objects = {o["objectName"]: o["secretPath"] for o in load_yaml(spc.obj["spec"]["parameters"]["objects"])}
    (registry,) = [s for s in spc.obj["spec"]["secretObjects"] if s["secretName"] == "harbor-registry"]
    # the same OpenBao secret for both (the robots' secrets, also synced here, live at paths of their own)
    assert {objects[d["objectName"]] for d in registry["data"]} == {SECRETS_PATH}
    keys = {(s["secretName"], d["key"]) for s in spc.obj["spec"]["secretObjects"] for d in s["data"]}
    assert {("harbor-registry", "REGISTRY_CREDENTIAL_PASSWORD"), ("harbor-registry", "REGISTRY_HTPASSWD")} <= keys


# ---- behaviour of the construct -------------------------------------------------------------------

def test_entrypoint_handle_is_the_nginx_service() -> None:
    site = harbor_site()
    harbor = site.harbor
    assert (harbor.entrypoint.service, harbor.entrypoint.port) == ("harbor", 80)
    assert harbor.hostname == HOST
    assert site.manifests().get("Service", "harbor").obj["spec"]["ports"][0]["port"] == 80


def test_unchanged_config_keeps_every_checksum_and_a_change_rolls_only_its_pods() -> None:
    base = checksums(harbor_site().manifests())
    assert base == checksums(harbor_site().manifests())
    # the external URL reaches core's config and, by its scheme, nginx's X-Forwarded-Proto
    changed = checksums(harbor_site(external_url="http://registry.example.com").manifests())
    rolled = {name for name in base if base[name] != changed[name]}
    assert rolled == {"harbor-core", "harbor-nginx"}


def test_trivy_off_removes_the_scanner() -> None:
    manifests = harbor_site(trivy=None).manifests()
    assert manifests.find("StatefulSet", "harbor-trivy") is None
    assert manifests.find("Service", "harbor-trivy") is None
    assert manifests.get("ConfigMap", "harbor-core").obj["data"]["WITH_TRIVY"] == "false"


def test_image_registry_prefix_reaches_every_harbor_image() -> None:
    manifests = harbor_site(images=HarborImages(registry="harbor-mirror.example.com/dockerhub")).manifests()
    images = [c["image"] for m in manifests if m.labels.get("app.kubernetes.io/name") == "harbor"
              for c in containers(pod_spec(m.obj) or {})]
    assert images and all(i.startswith("harbor-mirror.example.com/dockerhub/goharbor/") for i in images)


def test_single_replica_rwo_registry_switches_to_recreate() -> None:
    manifests = harbor_site(storage=HarborStorage(registry=Storage(size="5Gi"))).manifests()
    assert manifests.get("Deployment", "harbor-registry").obj["spec"]["strategy"] == {"type": "Recreate"}


def test_rwx_registry_with_replicas_rolls() -> None:
    storage = HarborStorage(registry=Storage(size="5Gi", access=AccessMode.READ_WRITE_MANY))
    manifests = harbor_site(storage=storage, replicas=HarborReplicas(registry=2)).manifests()
    deployment = manifests.get("Deployment", "harbor-registry").obj["spec"]
    assert deployment["replicas"] == 2 and deployment["strategy"]["type"] == "RollingUpdate"


def test_two_instances_share_a_namespace_without_clashing() -> None:
    chart = AppChart(cdk8s.App(), "site", namespace=NAMESPACE)
    for instance in ("team-a", "team-b"):
        sync = harbor_sync(chart, id=f"{instance}-secrets", role=instance, path=f"secret/data/{instance}",
                           instance=instance)
        HarborRegistry(chart, instance, instance=instance, external_url=f"https://{instance}.example.com",
                       secrets=HarborSecrets.from_sync(sync, instance=instance))
    manifests = synth(chart)
    names = [(m.kind, m.name) for m in manifests]
    assert len(names) == len(set(names))
    assert manifests.get("ConfigMap", "team-b-core").obj["data"]["POSTGRESQL_HOST"] == "team-b-database"


# ---- bad input -----------------------------------------------------------------------------------

def _sync_without(key: str) -> HarborSecrets:
    chart = AppChart(cdk8s.App(), "partial", namespace=NAMESPACE)
    secrets = [SyncedSecret(s.name, keys={k: v for k, v in s.keys.items() if k != key})
               for s in harbor_synced_secrets(SECRETS_PATH) if set(s.keys) != {key}]
    sync = OpenBaoSecretSync(chart, "secrets", server=SERVER, role="harbor", secrets=secrets)
    return HarborSecrets.from_sync(sync)


BAD_INPUTS = [
    ("size-not-a-quantity", lambda: Storage(size="50GB"), "Storage.size", "50GB"),
    ("size-empty", lambda: Storage(size=""), "Storage.size", ""),
    # the API server rejects a claim of zero bytes; a milli-byte size is no size at all
    ("size-zero", lambda: Storage(size="0"), "Storage.size", "0"),
    ("size-zero-gi", lambda: Storage(size="0.0Gi"), "Storage.size", "0.0Gi"),
    ("size-milli", lambda: Storage(size="500m"), "Storage.size", "500m"),
    ("ipv6-not-bool", lambda: harbor_site(ipv6="no"), "HarborRegistry.ipv6", "no"),
    ("access-mode-unknown", lambda: Storage(access="ReadWriteSometimes"), "Storage.access", "ReadWriteSometimes"),
    ("storage-class-upper", lambda: Storage(storage_class="Longhorn"), "Storage.storage_class", "Longhorn"),
    ("existing-claim-invalid", lambda: Storage(existing_claim="my_claim"), "Storage.existing_claim", "my_claim"),
    ("url-without-scheme", lambda: harbor_site(external_url="harbor.example.com"),
     "HarborRegistry.external_url", "harbor.example.com"),
    ("url-with-path", lambda: harbor_site(external_url="https://example.com/harbor"),
     "HarborRegistry.external_url", "https://example.com/harbor"),
    ("url-ftp", lambda: harbor_site(external_url="ftp://harbor.example.com"),
     "HarborRegistry.external_url", "ftp://harbor.example.com"),
    ("url-upper-host", lambda: harbor_site(external_url="https://Harbor.example.com"),
     "HarborRegistry.external_url", "https://Harbor.example.com"),
    ("replicas-zero", lambda: HarborReplicas(core=0), "HarborReplicas.core", 0),
    ("replicas-negative", lambda: HarborReplicas(registry=-1), "HarborReplicas.registry", -1),
    ("rwo-registry-two-replicas",
     lambda: harbor_site(storage=HarborStorage(registry=Storage(size="50Gi")), replicas=HarborReplicas(registry=2)),
     "HarborStorage.registry.access", "ReadWriteOnce"),
    ("missing-secret-key", lambda: _sync_without("CSRF_KEY"), "HarborSecrets.from_sync('secrets').csrf_key",
     "harbor-core"),
    ("secret-not-a-handle", lambda: replace(harbor_site().harbor._context.secrets, csrf_key="harbor-core/CSRF_KEY"),
     "HarborSecrets.csrf_key", "harbor-core/CSRF_KEY"),
    ("cpu-not-a-quantity",
     lambda: Resources(cpu_request="1 core", memory_request="1Gi", cpu_limit="1", memory_limit="1Gi"),
     "Resources.cpu_request", "1 core"),
    ("trivy-timeout", lambda: TrivySettings(timeout="5 minutes"), "TrivySettings.timeout", "5 minutes"),
    ("trivy-no-severity", lambda: TrivySettings(severities=()), "TrivySettings.severities", ()),
    ("trivy-db-url", lambda: TrivySettings(db_repositories=("https://ghcr.io/aquasecurity/trivy-db",)),
     "TrivySettings.db_repositories", "https://ghcr.io/aquasecurity/trivy-db"),
    ("trivy-token-not-synced", lambda: harbor_site(trivy=TrivySettings(github_token=True)),
     "TrivySettings.github_token", "True"),
    ("image-tag-latest", lambda: HarborImages(tag="latest"), "HarborImages.tag", "latest"),
    ("image-registry-scheme", lambda: HarborImages(registry="https://mirror.example.com"),
     "HarborImages.registry", "https://mirror.example.com"),
    ("proxy-without-scheme", lambda: ProxySettings(http_proxy="proxy:3128"), "ProxySettings.http_proxy", "proxy:3128"),
    ("no-proxy-comma", lambda: ProxySettings(no_proxy=("a.local,b.local",)), "ProxySettings.no_proxy",
     "a.local,b.local"),
    ("instance-upper", lambda: harbor_site(instance="Harbor", sync_instance="harbor"), "HarborRegistry.instance",
     "Harbor"),
    ("instance-too-long", lambda: harbor_site(instance="h" * 41, sync_instance="harbor"), "HarborRegistry.instance",
     "h" * 41),
    ("log-level-unknown", lambda: harbor_site(log_level="verbose"), "HarborRegistry.log_level", "verbose"),
    ("storage-not-typed", lambda: harbor_site(storage={"registry": "50Gi"}), "HarborRegistry.storage",
     "{'registry': '50Gi'}"),
]


@pytest.mark.parametrize("build, field, bad", [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_names_field_and_value(build, field: str, bad) -> None:
    message = refusal(build, field)
    assert str(bad) in message, f"the message does not quote the bad value: {message}"


def test_bad_input_is_rejected_before_any_file_is_written(tmp_path: Path) -> None:
    from constructs.harbor.kit import synthesize

    target = tmp_path / "harbor"

    def broken(outdir: str) -> cdk8s.App:
        return harbor_site(storage=HarborStorage(registry=Storage(size="50Gi")), replicas=HarborReplicas(registry=2)).app

    with pytest.raises(ValueError, match=re.escape("HarborStorage.registry.access")):
        synthesize(broken, target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_ipv6_listen_is_a_setting_on_by_default() -> None:
    # nginx exits at start when it cannot bind [::] (a kernel booted with ipv6.disable=1)
    def listens(manifests: Manifests) -> dict[str, list[str]]:
        return {name: [line.strip() for line in manifests.get("ConfigMap", name, NAMESPACE).obj["data"]["nginx.conf"]
                       .splitlines() if line.strip().startswith("listen")]
                for name in ("harbor-nginx", "harbor-portal")}

    on, off = harbor_site().manifests(), harbor_site(ipv6=False).manifests()
    assert listens(on) == {name: ["listen 8080;", "listen [::]:8080;"] for name in ("harbor-nginx",
                                                                                            "harbor-portal")}
    assert listens(off) == {name: ["listen 8080;"] for name in ("harbor-nginx", "harbor-portal")}


# ---- secret rotation -----------------------------------------------------------------------------------

@pytest.mark.parametrize("reload", [True, False], ids=["reload-on-rotation", "no-reload"])
def test_workloads_restart_on_rotation_only_when_the_sync_reloads(reload: bool) -> None:
    # Harbor's pods read the synced values when they start, and several are shared between components:
    # with a sync that reloads on rotation, Stakater Reloader restarts every workload that reads one
    _, chart, sync = synced_chart(reload_on_rotation=reload)
    HarborRegistry(chart, "harbor", external_url=f"https://{HOST}", secrets=HarborSecrets.from_sync(sync))
    out = synth(chart)
    search = {"reloader.stakater.com/search": "true"}
    workloads = [*out.of_kind("Deployment"), *out.of_kind("StatefulSet")]
    readers = [w for w in workloads if w.name != f"{sync.name}-mount" and any(
        "secretKeyRef" in str(c) or "secret" in str(v) for c in containers(pod_spec(w.obj))
        for v in pod_spec(w.obj).get("volumes", []))]
    assert {"harbor-core", "harbor-jobservice", "harbor-registry", "harbor-database"} <= {w.name for w in readers}
    for workload in readers:
        annotations = workload.obj["metadata"].get("annotations", {})
        assert (search.items() <= annotations.items()) is reload, (workload.name, annotations)
    provider_class = out.get("SecretProviderClass", sync.name).obj
    for secret in provider_class["spec"]["secretObjects"]:
        assert ({"reloader.stakater.com/match": "true"}.items() <= (secret.get("annotations") or {}).items()) is reload


def test_reload_annotations_must_be_strings() -> None:
    secrets = HarborSecrets.from_sync(harbor_site().sync)
    with pytest.raises(ValueError, match=re.escape("HarborSecrets.reload_annotations")):
        replace(secrets, reload_annotations={"reloader.stakater.com/search": True})
