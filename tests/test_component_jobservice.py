"""Harbor jobservice: its two ConfigMaps, job log claim, Deployment and Service, and their wiring."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from fast_yaml import load_yaml
from support import (
    NEWEST_KUBERNETES,
    RESTRICTED_CONTAINER,
    Built,
    Workload,
    assert_claim,
    assert_existing_claim_mounted,
    assert_mounted,
    assert_pod_settings,
    assert_service_selects,
    build_component,
    find,
    harbor_chart,
    http_probe,
    k8s_resources,
    objects,
    synced_keys,
    validated_kinds,
)

from constructs.harbor._components.checksum import checksum
from constructs.harbor._components.constants import REDIS_DB_JOBSERVICE
from constructs.harbor._components.jobservice import Jobservice
from constructs.harbor.harbor_secrets import REGISTRY_USER
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import (
    AccessMode,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    Storage,
)

NAME = "harbor-jobservice"
ENV_NAME = "harbor-jobservice-env"


JOBSERVICE = Workload("Deployment", NAME, ("jobservice",))


def build(**context_fields) -> Built:
    return build_component(Jobservice, **context_fields)


def storage(access: AccessMode, **fields) -> HarborStorage:
    return HarborStorage(jobservice=Storage(size=fields.pop("size", "1Gi"), access=access, **fields))


@pytest.fixture(scope="module")
def manifests(built: Built) -> list[dict]:
    return built.manifests


def config_yml(manifests: list[dict]) -> dict:
    return load_yaml(find(manifests, "ConfigMap", NAME)["data"]["config.yml"])




def test_objects_pass_the_kubernetes_schemas_strictly(manifests):
    own = [m for m in manifests if m["metadata"]["name"].startswith(NAME)]
    assert validated_kinds(own, NEWEST_KUBERNETES) == {"ConfigMap", "PersistentVolumeClaim", "Deployment",
                                                               "Service"}


# ---- Service and handles -----------------------------------------------------------------------

def test_service_is_the_endpoints_handle(built, manifests):
    ctx, jobservice, _ = built
    assert jobservice.service is ctx.endpoints.jobservice
    svc = find(manifests, "Service", ctx.endpoints.jobservice.service)
    assert svc["spec"]["ports"] == [{"name": "http-jobservice", "port": ctx.endpoints.jobservice.port,
                                     "targetPort": 8080, "protocol": "TCP"}]
    assert svc["spec"]["ports"][0]["port"] == 80


def test_service_selects_the_jobservice_pods(manifests):
    assert_service_selects(manifests, NAME, JOBSERVICE)


def test_container_listens_on_8080(manifests):
    assert JOBSERVICE.container(manifests)["ports"] == [{"containerPort": 8080, "name": "http", "protocol": "TCP"}]


def test_handles_are_exposed(built):
    _, jobservice, _ = built
    assert [cm.name for cm in jobservice.config_maps] == [ENV_NAME, NAME]
    assert jobservice.deployment.name == NAME
    assert jobservice.claim_name == NAME


# ---- environment -------------------------------------------------------------------------------

ENV_FROM_HANDLES = [
    ("CORE_URL", lambda c: c.endpoints.core.url),
    ("REGISTRY_URL", lambda c: c.endpoints.registry.url),
    ("REGISTRY_CONTROLLER_URL", lambda c: c.endpoints.registryctl.url),
    ("LOG_LEVEL", lambda c: c.log_level.value),
    ("NO_PROXY", lambda c: c.no_proxy()),
]


@pytest.mark.parametrize("name, expected", ENV_FROM_HANDLES, ids=[n for n, _ in ENV_FROM_HANDLES])
def test_addresses_come_from_the_handles(ctx, manifests, name, expected):
    assert find(manifests, "ConfigMap", ENV_NAME)["data"][name] == expected(ctx)


@pytest.mark.parametrize("name, value", [
    ("CORE_URL", "http://harbor-core:80"),
    ("REGISTRY_URL", "http://harbor-registry:5000"),
    ("REGISTRY_CONTROLLER_URL", "http://harbor-registry:8080"),
    ("REGISTRY_CREDENTIAL_USERNAME", REGISTRY_USER),
    ("REGISTRY_HTTP_CLIENT_TIMEOUT", "30"),                 # minutes (src/pkg/registry/client.go)
    ("JOBSERVICE_WEBHOOK_JOB_MAX_RETRY", "3"),
    ("JOBSERVICE_WEBHOOK_JOB_HTTP_CLIENT_TIMEOUT", "3"),
    ("LOG_LEVEL", "info"),
    ("HTTP_PROXY", ""),
    ("HTTPS_PROXY", ""),
])
def test_settings(manifests, name, value):
    assert find(manifests, "ConfigMap", ENV_NAME)["data"][name] == value


def test_env_config_map_holds_exactly_these_keys(manifests):
    assert set(find(manifests, "ConfigMap", ENV_NAME)["data"]) == {
        "CORE_URL", "REGISTRY_URL", "REGISTRY_CONTROLLER_URL", "REGISTRY_CREDENTIAL_USERNAME",
        "REGISTRY_HTTP_CLIENT_TIMEOUT", "JOBSERVICE_WEBHOOK_JOB_MAX_RETRY",
        "JOBSERVICE_WEBHOOK_JOB_HTTP_CLIENT_TIMEOUT", "LOG_LEVEL", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
    }


def test_env_from_reads_only_the_env_config_map(manifests):
    # the ConfigMap with config.yml is mounted, never exported: its key is not a variable name
    assert JOBSERVICE.container(manifests)["envFrom"] == [{"configMapRef": {"name": ENV_NAME}}]


SECRET_ENV = {
    "CORE_SECRET": "core_secret",
    "JOBSERVICE_SECRET": "jobservice_secret",
    "REGISTRY_CREDENTIAL_PASSWORD": "registry_password",
}


def test_explicit_env_is_only_the_secrets(manifests):
    assert [v["name"] for v in JOBSERVICE.container(manifests)["env"]] == list(SECRET_ENV)


@pytest.mark.parametrize("env_name, handle", sorted(SECRET_ENV.items()))
def test_secrets_come_from_the_synced_handles(ctx, manifests, env_name, handle):
    ref = getattr(ctx.secrets, handle)
    (var,) = [v for v in JOBSERVICE.container(manifests)["env"] if v["name"] == env_name]
    assert var["valueFrom"]["secretKeyRef"] == {"name": ref.secret, "key": ref.key}
    assert (ref.secret, ref.key) in synced_keys(manifests), f"{env_name}: {ref} is not synced"


def test_proxy_settings_reach_jobservice():
    proxy = ProxySettings(https_proxy="http://proxy.example.com:3128", no_proxy=("corp.example.com",))
    ctx, _, manifests = build(proxy=proxy)
    data = find(manifests, "ConfigMap", ENV_NAME)["data"]
    assert data["HTTPS_PROXY"] == "http://proxy.example.com:3128"
    assert data["HTTP_PROXY"] == ""
    assert data["NO_PROXY"] == ctx.no_proxy()
    assert data["NO_PROXY"].split(",")[-1] == "corp.example.com"


# ---- config.yml --------------------------------------------------------------------------------

def test_config_yml(ctx, manifests):
    assert config_yml(manifests) == {
        "protocol": "http",
        "port": 8080,
        "worker_pool": {
            "workers": 10,
            "backend": "redis",
            "redis_pool": {"redis_url": ctx.endpoints.redis_url(REDIS_DB_JOBSERVICE),
                           "namespace": "harbor_job_service_namespace"},
        },
        "job_loggers": [{"name": "FILE", "level": "INFO", "settings": {"base_dir": "/var/log/jobs"},
                         "sweeper": {"duration": 14, "settings": {"work_dir": "/var/log/jobs"}}}],
        "metric": {"enabled": False, "path": "/metrics", "port": 8001},
        "loggers": [{"name": "STD_OUTPUT", "level": "INFO"}],
        "reaper": {"max_update_hours": 24, "max_dangling_hours": 168},
        "max_retrieve_size_mb": 10,
    }


def test_the_redis_idle_timeout_is_said_once(manifests):
    # an idle_timeout_seconds query parameter on the URL overrides config.yml's idle_timeout_second
    # (src/lib/redis/pool.go GetRedisPool): with both, the config.yml value is dead and misleading
    pool = config_yml(manifests)["worker_pool"]["redis_pool"]
    query = parse_qs(urlsplit(pool["redis_url"]).query)
    said = [where for where, present in (("redis_url idle_timeout_seconds", "idle_timeout_seconds" in query),
                                         ("idle_timeout_second", "idle_timeout_second" in pool)) if present]
    assert said == ["redis_url idle_timeout_seconds"]
    assert query["idle_timeout_seconds"] == ["30"]


def test_token_service_url_is_not_set(manifests):
    # jobservice builds it from CORE_URL (src/lib/config/systemconfig.go InternalTokenServiceEndpoint)
    assert "TOKEN_SERVICE_URL" not in find(manifests, "ConfigMap", ENV_NAME)["data"]


def test_config_yml_keeps_harbor_order(manifests):
    assert list(config_yml(manifests)) == ["protocol", "port", "worker_pool", "job_loggers", "metric", "loggers",
                                           "reaper", "max_retrieve_size_mb"]


def test_redis_is_the_jobservice_database(manifests):
    assert config_yml(manifests)["worker_pool"]["redis_pool"]["redis_url"].startswith("redis://harbor-redis:6379/1")


@pytest.mark.parametrize("level, harbor_level", [
    (LogLevel.DEBUG, "DEBUG"), (LogLevel.INFO, "INFO"), (LogLevel.WARNING, "WARNING"),
    (LogLevel.ERROR, "ERROR"), (LogLevel.FATAL, "FATAL"),
])
def test_log_level_maps_to_harbor_names(level, harbor_level):
    manifests = build(log_level=level).manifests
    config = config_yml(manifests)
    assert config["loggers"] == [{"name": "STD_OUTPUT", "level": harbor_level}]
    assert config["job_loggers"][0]["level"] == harbor_level
    assert find(manifests, "ConfigMap", ENV_NAME)["data"]["LOG_LEVEL"] == level.value


def test_job_logs_go_where_the_volume_is(manifests):
    config = config_yml(manifests)
    (mount,) = [m for m in JOBSERVICE.container(manifests)["volumeMounts"] if m["name"] == "job-logs"]
    assert config["job_loggers"][0]["settings"]["base_dir"] == mount["mountPath"]
    assert config["job_loggers"][0]["sweeper"]["settings"]["work_dir"] == mount["mountPath"]


def test_command_reads_the_mounted_config(manifests):
    c = JOBSERVICE.container(manifests)
    (mount,) = [m for m in c["volumeMounts"] if m["name"] == "jobservice-config"]
    assert c["command"] == ["/harbor/harbor_jobservice", "-c", mount["mountPath"]]


# ---- volumes -----------------------------------------------------------------------------------

MOUNTS = [
    # mount path, volume, subPath, read-only
    ("/etc/jobservice/config.yml", "jobservice-config", "config.yml", True),
    ("/var/log/jobs", "job-logs", None, False),
    ("/tmp", "tmp", None, False),
]


@pytest.mark.parametrize("path, volume, sub_path, read_only", MOUNTS, ids=[m[0] for m in MOUNTS])
def test_mounts(manifests, path, volume, sub_path, read_only):
    assert_mounted(JOBSERVICE.container(manifests), path, volume=volume, sub_path=sub_path, read_only=read_only)


def test_mounts_are_exactly_these(manifests):
    assert sorted(m["mountPath"] for m in JOBSERVICE.container(manifests)["volumeMounts"]) == sorted(m[0] for m in MOUNTS)


def test_volumes(manifests):
    vols = {v["name"]: v for v in JOBSERVICE.pod(manifests)["volumes"]}
    assert vols["jobservice-config"]["configMap"]["name"] == NAME
    assert vols["job-logs"]["persistentVolumeClaim"]["claimName"] == NAME
    assert "emptyDir" in vols["tmp"]


def test_claim_follows_the_storage_settings():
    _ctx, jobservice, manifests = build(storage=storage(AccessMode.READ_WRITE_MANY, size="2Gi",
                                                       storage_class="longhorn"))
    wanted = Storage(size="2Gi", access=AccessMode.READ_WRITE_MANY, storage_class="longhorn")
    assert_claim(find(manifests, "PersistentVolumeClaim", jobservice.claim_name)["spec"], wanted)


def test_existing_claim_is_mounted_and_none_created():
    _, jobservice, manifests = build(storage=storage(AccessMode.READ_WRITE_MANY, existing_claim="old-job-logs"))
    assert jobservice.claim_name == "old-job-logs"
    assert_existing_claim_mounted(manifests, JOBSERVICE, "job-logs", "old-job-logs")


# ---- strategy ----------------------------------------------------------------------------------

@pytest.mark.parametrize("access, replicas, strategy", [
    (AccessMode.READ_WRITE_ONCE, 1, "Recreate"),
    (AccessMode.READ_WRITE_ONCE_POD, 1, "Recreate"),
    (AccessMode.READ_WRITE_MANY, 1, "RollingUpdate"),
    (AccessMode.READ_WRITE_MANY, 2, "RollingUpdate"),
])
def test_strategy_follows_the_volume(access, replicas, strategy):
    manifests = build(storage=storage(access), replicas=HarborReplicas(jobservice=replicas)).manifests
    spec = find(manifests, "Deployment", NAME)["spec"]
    assert spec["strategy"]["type"] == strategy
    assert spec["replicas"] == replicas


@pytest.mark.parametrize("access", [AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD])
def test_single_attach_volume_with_two_replicas_is_an_error(access):
    chart, ctx = harbor_chart(storage=storage(access), replicas=HarborReplicas(jobservice=2))
    with pytest.raises(ValueError, match=r"HarborStorage\.jobservice\.access") as error:
        Jobservice(chart, "jobservice", ctx)
    assert repr(access.value) in str(error.value)
    # raised before any object was added: the chart holds nothing of jobservice
    assert not [m for m in objects(chart) if m["metadata"]["name"].startswith(NAME)]


# ---- pod and container -------------------------------------------------------------------------

@pytest.mark.parametrize("probe, expected", [("livenessProbe", http_probe("/api/v1/stats", initial=300)),
                                             ("readinessProbe", http_probe("/api/v1/stats", initial=20))])
def test_probes(manifests, probe, expected):
    assert JOBSERVICE.container(manifests)[probe] == expected


def test_pod_settings(manifests):
    spec = JOBSERVICE.pod(manifests)
    assert_pod_settings(spec, user=10000)
    assert spec["enableServiceLinks"] is False


def test_container_is_restricted(manifests):
    assert JOBSERVICE.container(manifests)["securityContext"] == RESTRICTED_CONTAINER


def test_image(manifests):
    c = JOBSERVICE.container(manifests)
    assert c["image"] == "docker.io/goharbor/harbor-jobservice:v2.15.1"
    assert c["imagePullPolicy"] == "IfNotPresent"


def test_resources_follow_the_context():
    custom = Resources(cpu_request="200m", memory_request="256Mi", cpu_limit="1", memory_limit="1Gi")
    manifests = build(resources=HarborResources(jobservice=custom)).manifests
    assert JOBSERVICE.container(manifests)["resources"] == {"requests": {"cpu": "200m", "memory": "256Mi"},
                                                            "limits": {"cpu": "1", "memory": "1Gi"}}


def test_default_resources(ctx, manifests):
    assert JOBSERVICE.container(manifests)["resources"] == k8s_resources(ctx.resources.jobservice)


# ---- checksum ----------------------------------------------------------------------------------

def test_checksum_is_over_both_config_maps(manifests):
    assert JOBSERVICE.config_checksum(manifests) == checksum(find(manifests, "ConfigMap", ENV_NAME)["data"],
                                                  find(manifests, "ConfigMap", NAME)["data"])


def test_checksum_is_stable_for_the_same_input(manifests):
    again = build().manifests
    assert JOBSERVICE.config_checksum(again) == JOBSERVICE.config_checksum(manifests)


@pytest.mark.parametrize("change", [
    {"log_level": LogLevel.DEBUG},                                      # both ConfigMaps
    {"proxy": ProxySettings(http_proxy="http://proxy.example.com:3128")},  # the env ConfigMap only
], ids=["log_level", "proxy"])
def test_checksum_changes_with_the_config(manifests, change):
    changed = build(**change).manifests
    assert JOBSERVICE.config_checksum(changed) != JOBSERVICE.config_checksum(manifests)
