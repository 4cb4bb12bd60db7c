"""Harbor core: its ConfigMap, Deployment and Service, and the wiring of every value it reads."""

from __future__ import annotations

import configparser

import pytest
from fast_yaml import load_yaml
from support import (
    EXTERNAL_URL,
    NEWEST_KUBERNETES,
    RESTRICTED_CONTAINER,
    SECRETS_PATH,
    Built,
    Workload,
    assert_mounted,
    assert_pod_settings,
    assert_service_selects,
    build_component,
    find,
    http_probe,
    k8s_resources,
    synced_keys,
    validated_kinds,
)

from constructs.harbor._components.checksum import CONFIG_CHECKSUM, checksum
from constructs.harbor._components.constants import REDIS_DB_CORE, REDIS_DB_REGISTRY
from constructs.harbor._components.core import Core, render_ini
from constructs.harbor.harbor_secrets import REGISTRY_USER
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import HarborImages, HarborReplicas, HarborResources, LogLevel, ProxySettings

NAME = "harbor-core"


CORE = Workload("Deployment", NAME, ("core",))


def build(**context_fields) -> Built:
    return build_component(Core, **context_fields)


@pytest.fixture(scope="module")
def manifests(built: Built) -> list[dict]:
    return built.manifests


def env_values(manifests: list[dict]) -> dict[str, object]:
    """Each env var of the core container, a configMapKeyRef resolved to the ConfigMap's value,
    a secretKeyRef kept as (Secret, key)."""
    resolved: dict[str, object] = {}
    for var in CORE.container(manifests)["env"]:
        assert var["name"] not in resolved, f"env var {var['name']} set twice"
        source = var.get("valueFrom", {})
        if "configMapKeyRef" in source:
            ref = source["configMapKeyRef"]
            data = find(manifests, "ConfigMap", ref["name"])["data"]
            assert ref["key"] in data, f"{var['name']} reads key {ref['key']!r} that ConfigMap {ref['name']} lacks"
            resolved[var["name"]] = data[ref["key"]]
        elif "secretKeyRef" in source:
            ref = source["secretKeyRef"]
            resolved[var["name"]] = (ref["name"], ref["key"])
        else:
            resolved[var["name"]] = var["value"]
    return resolved




def test_objects_pass_the_kubernetes_schemas_strictly(manifests):
    own = [m for m in manifests if m["metadata"]["name"].startswith(NAME)]
    assert validated_kinds(own, NEWEST_KUBERNETES) == {"ConfigMap", "Deployment", "Service"}


# ---- Service and ports -------------------------------------------------------------------------

def test_service_is_the_endpoints_handle(built, manifests):
    ctx, core, _ = built
    assert core.service is ctx.endpoints.core
    svc = find(manifests, "Service", ctx.endpoints.core.service)
    assert svc["spec"]["ports"] == [{"name": "http-web", "port": ctx.endpoints.core.port, "targetPort": 8080,
                                     "protocol": "TCP"}]
    assert svc["spec"]["ports"][0]["port"] == 80


def test_service_selects_the_core_pods(manifests):
    assert_service_selects(manifests, NAME, CORE)


def test_container_listens_on_8080(manifests):
    assert CORE.container(manifests)["ports"] == [{"containerPort": 8080, "name": "http", "protocol": "TCP"}]


def test_handles_are_exposed(built):
    _, core, _ = built
    assert core.config_map.name == NAME
    assert core.deployment.name == NAME


# ---- environment -------------------------------------------------------------------------------

ENDPOINT_ENV = [
    ("CORE_URL", lambda c: c.endpoints.core.url),
    ("TOKEN_SERVICE_URL", lambda c: f"{c.endpoints.core.url}/service/token"),
    ("JOBSERVICE_URL", lambda c: c.endpoints.jobservice.url),
    ("REGISTRY_URL", lambda c: c.endpoints.registry.url),
    ("REGISTRY_CONTROLLER_URL", lambda c: c.endpoints.registryctl.url),
    ("PORTAL_URL", lambda c: c.endpoints.portal.url),
    ("TRIVY_ADAPTER_URL", lambda c: c.endpoints.trivy.url),
    ("POSTGRESQL_HOST", lambda c: c.endpoints.database.host),
    ("POSTGRESQL_PORT", lambda c: str(c.endpoints.database.port)),
    ("_REDIS_URL_CORE", lambda c: c.endpoints.redis_url(REDIS_DB_CORE)),
    ("_REDIS_URL_REG", lambda c: c.endpoints.redis_url(REDIS_DB_REGISTRY)),
    ("EXT_ENDPOINT", lambda c: c.external_url),
    ("LOG_LEVEL", lambda c: c.log_level.value),
    ("NO_PROXY", lambda c: c.no_proxy()),
]


@pytest.mark.parametrize("name, expected", ENDPOINT_ENV, ids=[n for n, _ in ENDPOINT_ENV])
def test_addresses_come_from_the_handles(ctx, manifests, name, expected):
    assert env_values(manifests)[name] == expected(ctx)


# What these resolve to for instance `harbor`: the addresses the official chart gives core.
@pytest.mark.parametrize("name, value", [
    ("CORE_URL", "http://harbor-core:80"),
    ("TOKEN_SERVICE_URL", "http://harbor-core:80/service/token"),
    ("REGISTRY_URL", "http://harbor-registry:5000"),
    ("REGISTRY_CONTROLLER_URL", "http://harbor-registry:8080"),
    ("TRIVY_ADAPTER_URL", "http://harbor-trivy:8080"),
    ("POSTGRESQL_HOST", "harbor-database"),
    ("POSTGRESQL_PORT", "5432"),
    ("_REDIS_URL_CORE", "redis://harbor-redis:6379/0?idle_timeout_seconds=30"),
    ("_REDIS_URL_REG", "redis://harbor-redis:6379/2?idle_timeout_seconds=30"),
    ("EXT_ENDPOINT", EXTERNAL_URL),
])
def test_addresses_match_the_chart(manifests, name, value):
    assert env_values(manifests)[name] == value


@pytest.mark.parametrize("name, value", [
    ("DATABASE_TYPE", "postgresql"),
    ("POSTGRESQL_USERNAME", "postgres"),
    ("POSTGRESQL_DATABASE", "registry"),
    ("POSTGRESQL_SSLMODE", "disable"),
    ("POSTGRESQL_MAX_IDLE_CONNS", "100"),
    # the bundled database's 1024 sessions, less 3 it keeps and a migrator's, over the 3 pools of a
    # rolling update (core and its surge pod; jobservice on a ReadWriteOnce volume is recreated):
    # connection_budget.py
    ("POSTGRESQL_MAX_OPEN_CONNS", str((1024 - 3 - 1) // 3)),
    ("CORE_LOCAL_URL", "http://127.0.0.1:8080"),
    ("WITH_TRIVY", "true"),
    ("REGISTRY_STORAGE_PROVIDER_NAME", "filesystem"),
    ("LOG_LEVEL", "info"),
    ("CONFIG_PATH", "/etc/core/app.conf"),
    ("REGISTRY_CREDENTIAL_USERNAME", REGISTRY_USER),
    ("QUOTA_UPDATE_PROVIDER", "db"),
    ("HTTP_PROXY", ""),
    ("HTTPS_PROXY", ""),
    ("PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE",
     "docker-hub,harbor,azure-acr,ali-acr,aws-ecr,google-gcr,docker-registry,github-ghcr,jfrog-artifactory"),
    ("REPLICATION_ADAPTER_WHITELIST",
     "ali-acr,aws-ecr,azure-acr,docker-hub,docker-registry,github-ghcr,google-gcr,harbor,huawei-SWR,"
     "jfrog-artifactory,tencent-tcr,volcengine-cr"),
])
def test_settings(manifests, name, value):
    assert env_values(manifests)[name] == value


CONFIG_ENV = {
    "DATABASE_TYPE", "POSTGRESQL_HOST", "POSTGRESQL_PORT", "POSTGRESQL_USERNAME", "POSTGRESQL_DATABASE",
    "POSTGRESQL_SSLMODE", "POSTGRESQL_MAX_IDLE_CONNS", "POSTGRESQL_MAX_OPEN_CONNS", "EXT_ENDPOINT", "CORE_URL",
    "JOBSERVICE_URL", "REGISTRY_URL", "TOKEN_SERVICE_URL", "CORE_LOCAL_URL", "WITH_TRIVY", "TRIVY_ADAPTER_URL",
    "REGISTRY_STORAGE_PROVIDER_NAME", "LOG_LEVEL", "CONFIG_PATH", "_REDIS_URL_CORE",
    "_REDIS_URL_REG", "PORTAL_URL", "REGISTRY_CONTROLLER_URL", "REGISTRY_CREDENTIAL_USERNAME",
    "PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE", "REPLICATION_ADAPTER_WHITELIST", "QUOTA_UPDATE_PROVIDER",
    "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
}
SECRET_ENV = {
    "CORE_SECRET": "core_secret",
    "JOBSERVICE_SECRET": "jobservice_secret",
    "HARBOR_ADMIN_PASSWORD": "admin_password",
    "POSTGRESQL_PASSWORD": "database_password",
    "REGISTRY_CREDENTIAL_PASSWORD": "registry_password",
    "CSRF_KEY": "csrf_key",
}


def test_env_is_exactly_the_listed_variables(manifests):
    assert set(env_values(manifests)) == CONFIG_ENV | set(SECRET_ENV)


def test_config_map_holds_app_conf_and_the_env_keys(manifests):
    assert set(find(manifests, "ConfigMap", NAME)["data"]) == CONFIG_ENV | {"app.conf"}


def test_app_conf_never_becomes_an_env_var(manifests):
    # envFrom over a ConfigMap that holds app.conf would export it as a variable named "app.conf"
    container = CORE.container(manifests)
    assert "envFrom" not in container
    assert "app.conf" not in env_values(manifests)


@pytest.mark.parametrize("env_name, handle", sorted(SECRET_ENV.items()))
def test_secrets_come_from_the_synced_handles(ctx, manifests, env_name, handle):
    ref = getattr(ctx.secrets, handle)
    assert env_values(manifests)[env_name] == (ref.secret, ref.key)
    assert (ref.secret, ref.key) in synced_keys(manifests), f"{env_name}: {ref} is not synced"


def test_admin_password_is_wired_to_openbao(manifests):
    """core env -> secretKeyRef -> SecretProviderClass secretObjects -> objectName -> the OpenBao field."""
    (var,) = [v for v in CORE.container(manifests)["env"] if v["name"] == "HARBOR_ADMIN_PASSWORD"]
    ref = var["valueFrom"]["secretKeyRef"]
    assert ref == {"name": "harbor-admin", "key": "HARBOR_ADMIN_PASSWORD"}

    spc = find(manifests, "SecretProviderClass", "secrets")
    (secret_object,) = [o for o in spc["spec"]["secretObjects"] if o["secretName"] == ref["name"]]
    (item,) = [d for d in secret_object["data"] if d["key"] == ref["key"]]

    objects_param = load_yaml(spc["spec"]["parameters"]["objects"])
    (source,) = [o for o in objects_param if o["objectName"] == item["objectName"]]
    assert source["secretPath"] == SECRETS_PATH
    assert source["secretKey"] == "HARBOR_ADMIN_PASSWORD"


def test_without_trivy_core_does_not_name_a_scanner():
    manifests = build(trivy=None).manifests
    env = env_values(manifests)
    assert env["WITH_TRIVY"] == "false"
    assert "TRIVY_ADAPTER_URL" not in env
    assert "TRIVY_ADAPTER_URL" not in find(manifests, "ConfigMap", NAME)["data"]


def test_proxy_settings_reach_core():
    proxy = ProxySettings(http_proxy="http://proxy.example.com:3128", https_proxy="http://proxy.example.com:3128",
                          no_proxy=("corp.example.com",))
    ctx, _, manifests = build(proxy=proxy)
    env = env_values(manifests)
    assert env["HTTP_PROXY"] == env["HTTPS_PROXY"] == "http://proxy.example.com:3128"
    no_proxy = env["NO_PROXY"].split(",")
    assert no_proxy[-1] == "corp.example.com"
    assert {ctx.endpoints.core.service, ctx.endpoints.registry.service, ctx.endpoints.database.service} <= set(no_proxy)


# ---- files -------------------------------------------------------------------------------------

def test_app_conf_content(manifests):
    text = find(manifests, "ConfigMap", NAME)["data"]["app.conf"]
    parser = configparser.ConfigParser()
    # Beego reads keys before any section header as its default section; configparser needs a header
    parser.read_string("[top]\n" + text)
    assert dict(parser["top"]) == {"appname": "Harbor", "runmode": "prod", "enablegzip": "true"}
    assert parser.sections() == ["top", "prod"]
    assert dict(parser["prod"]) == {"httpport": "8080"}
    assert not text.startswith("[")


def test_render_ini():
    text = render_ini({"a": True, "b": 1}, {"s": {"c": False, "d": "x"}, "t": {}})
    assert text == "a = true\nb = 1\n\n[s]\nc = false\nd = x\n\n[t]\n"


MOUNTS = [
    # mount path, volume, subPath, read-only
    ("/etc/core/app.conf", "config", "app.conf", True),
    ("/etc/core/key", "secret-key", "key", True),
    ("/etc/core/private_key.pem", "token-service-private-key", "private_key.pem", True),
    ("/tmp", "tmp", None, False),
]


@pytest.mark.parametrize("path, volume, sub_path, read_only", MOUNTS, ids=[m[0] for m in MOUNTS])
def test_mounts(manifests, path, volume, sub_path, read_only):
    assert_mounted(CORE.container(manifests), path, volume=volume, sub_path=sub_path, read_only=read_only)


def test_mounts_are_exactly_these(manifests):
    assert sorted(m["mountPath"] for m in CORE.container(manifests)["volumeMounts"]) == sorted(m[0] for m in MOUNTS)


def volumes(manifests: list[dict]) -> dict[str, dict]:
    return {v["name"]: v for v in CORE.pod(manifests)["volumes"]}


@pytest.mark.parametrize("volume, handle, file_name", [
    ("secret-key", "secret_key", "key"),
    ("token-service-private-key", "token_private_key", "private_key.pem"),
])
def test_secret_files_come_from_the_synced_handles(ctx, manifests, volume, handle, file_name):
    ref = getattr(ctx.secrets, handle)
    source = volumes(manifests)[volume]["secret"]
    assert source["secretName"] == ref.secret
    assert source["items"] == [{"key": ref.key, "path": file_name}]
    assert (ref.secret, ref.key) in synced_keys(manifests)


def test_config_volume_is_the_core_config_map(manifests):
    assert volumes(manifests)["config"]["configMap"]["name"] == NAME


def test_writable_paths_are_empty_dirs(manifests):
    vols = volumes(manifests)
    writable = [m for m in CORE.container(manifests)["volumeMounts"] if not m.get("readOnly")]
    assert writable and all("emptyDir" in vols[m["name"]] for m in writable)


# ---- pod and container -------------------------------------------------------------------------

def test_read_only_root_and_restricted(manifests):
    container = CORE.container(manifests)
    assert container["securityContext"] == RESTRICTED_CONTAINER
    # the image's entrypoint writes the CA bundle into the root filesystem; the binary itself does not
    assert container["command"] == ["/harbor/harbor_core"]


def test_working_dir_is_where_the_image_keeps_migrations_and_icons(manifests):
    # relative paths: "migrations/postgresql/" (src/common/dao/pgsql.go), "./icons/*.png"
    # (src/controller/icon/controller.go); the image copies both into /harbor (make/photon/core/Dockerfile)
    assert CORE.container(manifests)["workingDir"] == "/harbor"


@pytest.mark.parametrize("name", ["PORT", "CHART_CACHE_DRIVER"])
def test_settings_core_does_not_read_are_not_set(manifests, name):
    # core listens on app.conf's httpport; ChartMuseum, whose cache CHART_CACHE_DRIVER chose, left in 2.8
    assert name not in env_values(manifests)
    assert name not in find(manifests, "ConfigMap", NAME)["data"]


def test_pod_settings(manifests):
    spec = CORE.pod(manifests)
    # core exits within 3 s of SIGTERM whatever runs (test_runtime_contracts): the default grace period
    assert_pod_settings(spec, user=10000, grace=None)
    assert spec["enableServiceLinks"] is False


def test_image(manifests):
    container = CORE.container(manifests)
    assert container["image"] == "docker.io/goharbor/harbor-core:v2.15.1"
    assert container["imagePullPolicy"] == "IfNotPresent"


def test_image_from_a_mirror():
    manifests = build(images=HarborImages(registry="mirror.example.com/dockerhub")).manifests
    assert CORE.container(manifests)["image"] == "mirror.example.com/dockerhub/goharbor/harbor-core:v2.15.1"


@pytest.mark.parametrize("probe, expected", [
    ("startupProbe", http_probe("/api/v2.0/ping", initial=10, failure=360)),
    ("livenessProbe", http_probe("/api/v2.0/ping", initial=0, failure=2)),
    ("readinessProbe", http_probe("/api/v2.0/ping", initial=0, failure=2)),
])
def test_probes(manifests, probe, expected):
    assert CORE.container(manifests)[probe] == expected


def test_resources_follow_the_context(ctx, manifests):
    assert CORE.container(manifests)["resources"] == k8s_resources(ctx.resources.core)


def test_custom_resources():
    custom = Resources(cpu_request="250m", memory_request="512Mi", cpu_limit="2", memory_limit="2Gi")
    manifests = build(resources=HarborResources(core=custom)).manifests
    assert CORE.container(manifests)["resources"] == {"requests": {"cpu": "250m", "memory": "512Mi"},
                                                      "limits": {"cpu": "2", "memory": "2Gi"}}


@pytest.mark.parametrize("replicas", [1, 3])
def test_replicas_roll(replicas):
    manifests = build(replicas=HarborReplicas(core=replicas)).manifests
    spec = find(manifests, "Deployment", NAME)["spec"]
    assert spec["replicas"] == replicas
    assert spec["strategy"]["type"] == "RollingUpdate"


def test_pod_annotations_pass_through():
    manifests = build(pod_annotations={"reloader.stakater.com/search": "true"}).manifests
    annotations = find(manifests, "Deployment", NAME)["spec"]["template"]["metadata"]["annotations"]
    assert annotations["reloader.stakater.com/search"] == "true"
    assert CONFIG_CHECKSUM in annotations


# ---- checksum ----------------------------------------------------------------------------------

def test_checksum_is_over_the_config_map(manifests):
    assert CORE.config_checksum(manifests) == checksum(find(manifests, "ConfigMap", NAME)["data"])


def test_checksum_is_stable_for_the_same_input(manifests):
    again = build().manifests
    assert CORE.config_checksum(again) == CORE.config_checksum(manifests)


@pytest.mark.parametrize("change", [
    {"log_level": LogLevel.DEBUG},
    {"trivy": None},
    {"external_url": "https://registry.example.com"},
    {"proxy": ProxySettings(http_proxy="http://proxy.example.com:3128")},
], ids=["log_level", "trivy", "external_url", "proxy"])
def test_checksum_changes_with_the_config(manifests, change):
    changed = build(**change).manifests
    assert CORE.config_checksum(changed) != CORE.config_checksum(manifests)
