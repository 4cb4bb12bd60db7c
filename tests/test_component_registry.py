"""The registry component: one pod with `registry` and `registryctl`, its config, claim and Service."""

from __future__ import annotations

import pytest
from fast_yaml import load_yaml
from support import (
    KUBERNETES_VERSIONS,
    Built,
    Workload,
    assert_claim,
    assert_existing_claim_mounted,
    assert_pod_settings,
    assert_restricted,
    assert_service_selects,
    build_component,
    find,
    harbor_chart,
    k8s_resources,
    named,
    synced_keys,
    validated_kinds,
)

from constructs.harbor._components.checksum import checksum
from constructs.harbor._components.constants import REDIS_DB_REGISTRY
from constructs.harbor._components.registry import Registry
from constructs.harbor.settings import AccessMode, HarborReplicas, HarborStorage, LogLevel, ProxySettings, Storage

NAME = "harbor-registry"


REGISTRY = Workload("Deployment", NAME, ("registry", "registryctl"))


def build(**context_fields) -> Built:
    return build_component(Registry, **context_fields)


def config(manifests: list[dict], file: str = "config.yml") -> dict:
    return load_yaml(find(manifests, "ConfigMap", NAME)["data"][file])




def dig(tree: dict, dotted: str):
    for part in dotted.split("."):
        assert isinstance(tree, dict) and part in tree, f"no {dotted!r} in config.yml (stopped at {part!r})"
        tree = tree[part]
    return tree


@pytest.fixture(scope="module")
def manifests(built: Built) -> list[dict]:
    return built.manifests


# ---- workload -----------------------------------------------------------------------------------

def test_one_deployment_with_registry_and_registryctl(manifests: list[dict]) -> None:
    deployment = find(manifests, "Deployment", NAME)
    assert deployment["spec"]["replicas"] == 1
    names = [c["name"] for c in deployment["spec"]["template"]["spec"]["containers"]]
    assert names == ["registry", "registryctl"]
    assert [m["metadata"]["name"] for m in manifests if m["kind"] == "Deployment"
            and m["metadata"]["labels"].get("app.kubernetes.io/component") == "registry"] == [NAME]


@pytest.mark.parametrize(("name", "image", "ports"), [
    ("registry", "docker.io/goharbor/registry-photon:v2.15.1", [5000]),
    ("registryctl", "docker.io/goharbor/harbor-registryctl:v2.15.1", [8080]),
])
def test_container_image_and_ports(manifests: list[dict], name: str, image: str, ports: list[int]) -> None:
    c = REGISTRY.container(manifests, name)
    assert c["image"] == image
    assert c["imagePullPolicy"] == "IfNotPresent"
    # the debug port 5001 listens on localhost only, so it is not declared
    assert [p["containerPort"] for p in c["ports"]] == ports


def test_selector_matches_pod_labels(manifests: list[dict]) -> None:
    assert_service_selects(manifests, NAME, REGISTRY)
    # a selector is immutable
    assert "app.kubernetes.io/version" not in REGISTRY.get(manifests)["spec"]["selector"]["matchLabels"]


def test_service_ports_and_targets(built: Built) -> None:
    ctx, registry, manifests = built
    service = find(manifests, "Service", NAME)
    assert service["spec"]["type"] == "ClusterIP"
    ports = {p["name"]: (p["port"], p["targetPort"]) for p in service["spec"]["ports"]}
    assert ports == {"http-registry": (5000, 5000), "http-controller": (8080, 8080)}
    # the handles the construct hands out are the Service and its ports
    assert registry.service == ctx.endpoints.registry
    assert registry.controller == ctx.endpoints.registryctl
    assert (registry.service.service, registry.service.port) == (NAME, 5000)
    assert (registry.controller.service, registry.controller.port) == (NAME, 8080)
    # every target is a port a container of the pod declares
    declared = {p["containerPort"] for c in REGISTRY.pod(manifests)["containers"] for p in c.get("ports", [])}
    assert {target for _, target in ports.values()} <= declared


def test_handles_name_the_objects(built: Built) -> None:
    _, registry, _manifests = built
    assert registry.claim_name == NAME
    assert registry.deployment.metadata.name == NAME
    assert registry.config_map.metadata.name == NAME


# ---- config.yml ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value"), [
    ("version", "0.1"),
    ("log.level", "info"),
    ("log.fields.service", "registry"),
    ("storage.filesystem.rootdirectory", "/storage"),
    ("storage.cache.layerinfo", "redis"),
    ("storage.maintenance.uploadpurging.enabled", True),
    ("storage.maintenance.uploadpurging.age", "168h"),
    ("storage.maintenance.uploadpurging.interval", "24h"),
    ("storage.maintenance.uploadpurging.dryrun", False),
    ("storage.delete.enabled", True),
    ("storage.redirect.disable", False),
    ("redis.addr", "harbor-redis:6379"),
    ("redis.db", 2),
    ("redis.readtimeout", "10s"),
    ("redis.writetimeout", "10s"),
    ("redis.dialtimeout", "10s"),
    ("redis.pool.maxidle", 100),
    ("redis.pool.maxactive", 500),
    ("redis.pool.idletimeout", "60s"),
    ("http.addr", ":5000"),
    ("http.relativeurls", False),
    ("http.draintimeout", "110s"),
    ("http.debug.addr", "localhost:5001"),
    ("auth.htpasswd.realm", "harbor-registry-basic-realm"),
    ("auth.htpasswd.path", "/etc/registry/passwd"),
    ("validation.disabled", True),
    ("compatibility.schema1.enabled", True),
])
def test_config_yml(manifests: list[dict], key: str, value: object) -> None:
    assert dig(config(manifests), key) == value


def test_the_drain_ends_before_the_kubelet_kills(manifests: list[dict]) -> None:
    # distribution drains requests in flight for http.draintimeout after SIGTERM (registry/registry.go);
    # the kubelet sends SIGKILL when the grace period ends, so the drain must end first
    drain = dig(config(manifests), "http.draintimeout")
    assert drain.endswith("s") and drain[:-1].isdigit(), drain
    pod = find(manifests, "Deployment", NAME)["spec"]["template"]["spec"]
    assert 0 < int(drain[:-1]) < pod["terminationGracePeriodSeconds"]


def test_config_yml_top_level_keys(manifests: list[dict]) -> None:
    assert list(config(manifests)) == ["version", "log", "storage", "redis", "http", "auth", "validation",
                                       "compatibility"]


def test_redis_address_is_the_redis_endpoint(built: Built) -> None:
    ctx, _, manifests = built
    redis = config(manifests)["redis"]
    assert redis["addr"] == f"{ctx.endpoints.redis.host}:{ctx.endpoints.redis.port}"
    assert redis["db"] == REDIS_DB_REGISTRY
    assert "password" not in redis


def test_config_holds_no_secret(manifests: list[dict]) -> None:
    parsed = config(manifests)
    assert "secret" not in parsed["http"]
    for text in find(manifests, "ConfigMap", NAME)["data"].values():
        assert "secret" not in text.lower()


def test_http_secret_comes_from_the_environment(built: Built) -> None:
    ctx, _, manifests = built
    env = {e["name"]: e for e in REGISTRY.container(manifests, "registry")["env"]}
    ref = env["REGISTRY_HTTP_SECRET"]["valueFrom"]["secretKeyRef"]
    assert (ref["name"], ref["key"]) == (ctx.secrets.registry_http_secret.secret, ctx.secrets.registry_http_secret.key)


@pytest.mark.parametrize(("level", "registry", "registryctl"), [
    (LogLevel.DEBUG, "debug", "debug"),
    (LogLevel.INFO, "info", "info"),
    # distribution knows only error, warn, info and debug (see test_component_log_levels.py)
    (LogLevel.WARNING, "warn", "warning"),
    (LogLevel.ERROR, "error", "error"),
    (LogLevel.FATAL, "error", "fatal"),
])
def test_log_level_reaches_registry_config_and_registryctl_env(level: LogLevel, registry: str,
                                                                registryctl: str) -> None:
    manifests = build(log_level=level).manifests
    assert config(manifests)["log"]["level"] == registry
    env = {e["name"]: e.get("value") for e in REGISTRY.container(manifests, "registryctl")["env"]}
    assert env["LOG_LEVEL"] == registryctl


def test_ctl_config(manifests: list[dict]) -> None:
    # no log_level: registryctl parses it and never reads it; LOG_LEVEL in its env sets its logger
    assert config(manifests, "ctl-config.yml") == {
        "protocol": "http",
        "port": 8080,
        "registry_config": "/etc/registry/config.yml",
    }


def test_config_map_holds_exactly_the_two_files(manifests: list[dict]) -> None:
    assert sorted(find(manifests, "ConfigMap", NAME)["data"]) == ["config.yml", "ctl-config.yml"]


# ---- environment and secrets ---------------------------------------------------------------------

@pytest.mark.parametrize(("name", "variable", "handle"), [
    ("registry", "REGISTRY_HTTP_SECRET", "registry_http_secret"),
    ("registryctl", "CORE_SECRET", "core_secret"),
    ("registryctl", "JOBSERVICE_SECRET", "jobservice_secret"),
])
def test_secret_env_reads_a_synced_key(built: Built, name: str, variable: str, handle: str) -> None:
    ctx, _, manifests = built
    env = {e["name"]: e for e in REGISTRY.container(manifests, name)["env"]}
    assert variable in env, f"{name} has no env {variable}"
    ref = env[variable]["valueFrom"]["secretKeyRef"]
    expected = getattr(ctx.secrets, handle)
    assert (ref["name"], ref["key"]) == (expected.secret, expected.key)
    assert (ref["name"], ref["key"]) in synced_keys(manifests), \
        f"{name} env {variable} reads Secret {ref['name']} key {ref['key']}, which no SecretProviderClass syncs"


def test_every_secret_the_pod_reads_is_synced(manifests: list[dict]) -> None:
    produced = synced_keys(manifests)
    spec = REGISTRY.pod(manifests)
    read = {(e["valueFrom"]["secretKeyRef"]["name"], e["valueFrom"]["secretKeyRef"]["key"])
            for c in spec["containers"] for e in c.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})}
    read |= {(v["secret"]["secretName"], item["key"])
             for v in spec["volumes"] if "secret" in v for item in v["secret"]["items"]}
    assert read, "the registry pod reads no secret at all"
    assert read <= produced, f"not synced: {sorted(read - produced)}"


def test_env_names(manifests: list[dict]) -> None:
    assert [e["name"] for e in REGISTRY.container(manifests, "registry")["env"]] == [
        "REGISTRY_HTTP_SECRET", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"]
    assert [e["name"] for e in REGISTRY.container(manifests, "registryctl")["env"]] == [
        "LOG_LEVEL", "CORE_SECRET", "JOBSERVICE_SECRET"]


def test_registryctl_does_not_get_the_http_secret(manifests: list[dict]) -> None:
    # registryctl parses the registry's config for its storage driver only
    # (src/registryctl/config/config.go setStorageDriver); http.secret signs the registry's uploads
    assert "REGISTRY_HTTP_SECRET" not in {e["name"] for e in REGISTRY.container(manifests, "registryctl")["env"]}


def test_proxy_settings_reach_the_registry() -> None:
    manifests = build(proxy=ProxySettings(http_proxy="http://proxy.lan:3128",
                                          https_proxy="http://proxy.lan:3128", no_proxy=("example.lan",))).manifests
    env = {e["name"]: e.get("value") for e in REGISTRY.container(manifests, "registry")["env"]}
    assert env["HTTP_PROXY"] == env["HTTPS_PROXY"] == "http://proxy.lan:3128"
    no_proxy = env["NO_PROXY"].split(",")
    # redis must never go through the proxy
    assert {"harbor-redis", "harbor-core", "localhost", "example.lan"} <= set(no_proxy)


def test_no_secret_value_and_no_secret_object(manifests: list[dict]) -> None:
    assert not [m for m in manifests if m["kind"] == "Secret"]
    for c in REGISTRY.pod(manifests)["containers"]:
        for e in c.get("env", []):
            if e["name"].endswith("SECRET"):
                assert "value" not in e, f"{c['name']} env {e['name']} holds a literal"


# ---- volumes and mounts ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "path", "volume", "sub_path"), [
    ("registry", "/storage", "registry-data", None),
    ("registry", "/etc/registry/config.yml", "registry-config", "config.yml"),
    ("registry", "/etc/registry/passwd", "registry-htpasswd", "passwd"),
    ("registry", "/tmp", "tmp", None),
    ("registryctl", "/storage", "registry-data", None),
    ("registryctl", "/etc/registry/config.yml", "registry-config", "config.yml"),
    ("registryctl", "/etc/registryctl/config.yml", "registry-config", "ctl-config.yml"),
    ("registryctl", "/tmp", "tmp", None),
])
def test_mounts(manifests: list[dict], name: str, path: str, volume: str, sub_path: str | None) -> None:
    mounts = {m["mountPath"]: m for m in REGISTRY.container(manifests, name)["volumeMounts"]}
    assert path in mounts, f"{name} mounts nothing at {path}"
    assert mounts[path]["name"] == volume
    assert mounts[path].get("subPath") == sub_path


def test_every_mount_has_a_volume_and_every_volume_is_mounted(manifests: list[dict]) -> None:
    spec = REGISTRY.pod(manifests)
    volumes = {v["name"] for v in spec["volumes"]}
    mounted = {m["name"] for c in spec["containers"] for m in c["volumeMounts"]}
    assert mounted == volumes


def test_htpasswd_is_one_file_from_the_synced_secret(built: Built) -> None:
    ctx, _, manifests = built
    volumes = {v["name"]: v for v in REGISTRY.pod(manifests)["volumes"]}
    secret = volumes["registry-htpasswd"]["secret"]
    assert secret["secretName"] == ctx.secrets.registry_htpasswd.secret
    assert secret["items"] == [{"key": ctx.secrets.registry_htpasswd.key, "path": "passwd"}]
    assert (secret["secretName"], ctx.secrets.registry_htpasswd.key) in synced_keys(manifests)
    # readable by the harbor user through the fsGroup, by nobody else
    assert secret["defaultMode"] & 0o007 == 0
    # registryctl never reads the password file
    assert "registry-htpasswd" not in {m["name"] for m in REGISTRY.container(manifests, "registryctl")["volumeMounts"]}


def test_config_and_data_volumes(manifests: list[dict]) -> None:
    volumes = {v["name"]: v for v in REGISTRY.pod(manifests)["volumes"]}
    assert volumes["registry-config"]["configMap"]["name"] == NAME
    assert volumes["registry-data"]["persistentVolumeClaim"]["claimName"] == NAME
    assert "emptyDir" in volumes["tmp"]


# ---- probes -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "probe", "path", "port", "delay"), [
    ("registry", "livenessProbe", "/", 5000, 300),
    ("registry", "readinessProbe", "/", 5000, 1),
    ("registryctl", "livenessProbe", "/api/health", 8080, 300),
    ("registryctl", "readinessProbe", "/api/health", 8080, 1),
])
def test_probes(manifests: list[dict], name: str, probe: str, path: str, port: int, delay: int) -> None:
    p = REGISTRY.container(manifests, name)[probe]
    assert p["httpGet"] == {"path": path, "port": port, "scheme": "HTTP"}
    assert p["initialDelaySeconds"] == delay


# ---- security, resources, pod settings -------------------------------------------------------------

def test_pod_settings(manifests: list[dict]) -> None:
    spec = REGISTRY.pod(manifests)
    assert_pod_settings(spec, user=10000)
    assert spec["enableServiceLinks"] is False
    assert spec["securityContext"]["fsGroupChangePolicy"] == "OnRootMismatch"


@pytest.mark.parametrize("name", ["registry", "registryctl"])
def test_container_is_restricted_with_a_read_only_root(manifests: list[dict], name: str) -> None:
    assert_restricted(REGISTRY.container(manifests, name))


@pytest.mark.parametrize(("name", "command"), [
    # the entrypoint's CA-bundle step writes to the root filesystem; the binaries run directly
    ("registry", ["/usr/bin/registry_DO_NOT_USE_GC", "serve", "/etc/registry/config.yml"]),
    ("registryctl", ["/home/harbor/harbor_registryctl", "-c", "/etc/registryctl/config.yml"]),
])
def test_command_reads_the_mounted_config(manifests: list[dict], name: str, command: list[str]) -> None:
    c = REGISTRY.container(manifests, name)
    assert c["command"] == command
    mounted = {m["mountPath"] for m in c["volumeMounts"]}
    assert command[-1] in mounted


@pytest.mark.parametrize(("name", "field"), [("registry", "registry"), ("registryctl", "registryctl")])
def test_resources(built: Built, name: str, field: str) -> None:
    ctx, _, manifests = built
    assert REGISTRY.container(manifests, name)["resources"] == k8s_resources(getattr(ctx.resources, field))


# ---- storage and strategy ------------------------------------------------------------------------------

def test_default_claim(manifests: list[dict]) -> None:
    assert_claim(find(manifests, "PersistentVolumeClaim", NAME)["spec"], Storage(size="5Gi"))


@pytest.mark.parametrize("storage", [
    Storage(size="50Gi", access=AccessMode.READ_WRITE_MANY, storage_class="longhorn"),
    Storage(size="20Gi", access=AccessMode.READ_WRITE_ONCE, storage_class="local-path"),
])
def test_claim_follows_storage(storage: Storage) -> None:
    _, registry, manifests = build(storage=HarborStorage(registry=storage))
    assert_claim(find(manifests, "PersistentVolumeClaim", NAME)["spec"], storage)
    assert registry.claim_name == NAME


def test_existing_claim_replaces_the_claim() -> None:
    _, registry, manifests = build(storage=HarborStorage(registry=Storage(size="50Gi", existing_claim="images")))
    assert_existing_claim_mounted(manifests, REGISTRY, "registry-data", "images")
    assert registry.claim_name == "images"


@pytest.mark.parametrize(("access", "replicas", "strategy"), [
    (AccessMode.READ_WRITE_ONCE, 1, "Recreate"),
    (AccessMode.READ_WRITE_ONCE_POD, 1, "Recreate"),
    (AccessMode.READ_WRITE_MANY, 1, "RollingUpdate"),
    (AccessMode.READ_WRITE_MANY, 2, "RollingUpdate"),
])
def test_strategy_follows_access_mode(access: AccessMode, replicas: int, strategy: str) -> None:
    manifests = build(storage=HarborStorage(registry=Storage(size="5Gi", access=access)),
                      replicas=HarborReplicas(registry=replicas)).manifests
    deployment = find(manifests, "Deployment", NAME)
    assert deployment["spec"]["replicas"] == replicas
    assert deployment["spec"]["strategy"]["type"] == strategy
    if strategy == "RollingUpdate":
        # never two pods short: a new pod is up before an old one goes
        assert deployment["spec"]["strategy"]["rollingUpdate"] == {"maxSurge": 1, "maxUnavailable": 0}


@pytest.mark.parametrize("access", [AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD])
def test_single_attach_storage_with_two_replicas_is_an_error(access: AccessMode) -> None:
    chart, ctx = harbor_chart(storage=HarborStorage(registry=Storage(size="5Gi", access=access)),
                              replicas=HarborReplicas(registry=2))
    with pytest.raises(ValueError, match=rf"HarborStorage\.registry\.access.*{access.value}"):
        Registry(chart, "registry", ctx)
    # raised before any object was added to the chart
    assert chart.node.try_find_child("registry") is None


def test_rwo_with_two_replicas_names_the_field_and_mode() -> None:
    chart, ctx = harbor_chart(replicas=HarborReplicas(registry=2))
    with pytest.raises(ValueError) as error:
        Registry(chart, "registry", ctx)
    assert "HarborStorage.registry.access" in str(error.value)
    assert "'ReadWriteOnce'" in str(error.value)


# ---- checksum -----------------------------------------------------------------------------------------

def test_checksum_is_over_the_config_map_data(manifests: list[dict]) -> None:
    assert REGISTRY.config_checksum(manifests) == checksum(find(manifests, "ConfigMap", NAME)["data"])


def test_checksum_is_stable_for_the_same_input(manifests: list[dict]) -> None:
    again = build().manifests
    assert REGISTRY.config_checksum(again) == REGISTRY.config_checksum(manifests)
    assert find(again, "ConfigMap", NAME) == find(manifests, "ConfigMap", NAME)


def test_checksum_changes_with_the_log_level(manifests: list[dict]) -> None:
    debug = build(log_level=LogLevel.DEBUG).manifests
    assert REGISTRY.config_checksum(debug) != REGISTRY.config_checksum(manifests)


def test_pod_annotations_sit_beside_the_checksum(manifests: list[dict]) -> None:
    marked = build(pod_annotations={"reloader.stakater.com/search": "true"}).manifests
    annotations = find(marked, "Deployment", NAME)["spec"]["template"]["metadata"]["annotations"]
    assert annotations == {"reloader.stakater.com/search": "true", "checksum/config": REGISTRY.config_checksum(manifests)}


def test_checksum_ignores_what_the_config_does_not_hold(manifests: list[dict]) -> None:
    # replicas and resources roll the pods on their own; they must not touch the config checksum
    other = build(storage=HarborStorage(registry=Storage(size="5Gi", access=AccessMode.READ_WRITE_MANY)),
                  replicas=HarborReplicas(registry=3)).manifests
    assert REGISTRY.config_checksum(other) == REGISTRY.config_checksum(manifests)


# ---- schema ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_objects_pass_strict_kubernetes_schemas(manifests: list[dict], version: str) -> None:
    assert validated_kinds(named(manifests, NAME), version) == {"ConfigMap", "PersistentVolumeClaim", "Service",
                                                                "Deployment"}
