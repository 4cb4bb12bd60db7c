"""The Trivy adapter: environment from the typed settings, probes, storage, Service."""


import pytest
from support import (
    CLONE_HINT,
    UPSTREAM_SOURCES,
    Built,
    Workload,
    assert_claim,
    assert_existing_claim_mounted,
    assert_service_selects,
    build_component,
    find,
    harbor_chart,
)

from constructs.harbor._components.constants import REDIS_DB_TRIVY
from constructs.harbor._components.trivy import Trivy
from constructs.harbor.kit.handles import ServicePort
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import (
    AccessMode,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    Severity,
    Storage,
    TrivySettings,
)

REDIS_URL = "redis://harbor-redis:6379/5?idle_timeout_seconds=30"
NO_PROXY = ("harbor-core,harbor-jobservice,harbor-database,harbor-registry,harbor-portal,harbor-trivy,harbor-redis,"
            "127.0.0.1,localhost,.local,.internal")
# the chart's values for its defaults, with the redis URL inline (it holds no password)
DEFAULT_ENV = {
    "HTTP_PROXY": "",
    "HTTPS_PROXY": "",
    "NO_PROXY": NO_PROXY,
    "SCANNER_LOG_LEVEL": "info",
    "SCANNER_TRIVY_CACHE_DIR": "/home/scanner/.cache/trivy",
    "SCANNER_TRIVY_REPORTS_DIR": "/home/scanner/.cache/reports",
    "SCANNER_TRIVY_DEBUG_MODE": "false",
    "SCANNER_TRIVY_VULN_TYPE": "os,library",
    "SCANNER_TRIVY_TIMEOUT": "5m0s",
    "SCANNER_TRIVY_SEVERITY": "UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL",
    "SCANNER_TRIVY_IGNORE_UNFIXED": "false",
    "SCANNER_TRIVY_SKIP_UPDATE": "false",
    "SCANNER_TRIVY_SKIP_JAVA_DB_UPDATE": "false",
    "SCANNER_TRIVY_DB_REPOSITORY": "mirror.gcr.io/aquasec/trivy-db,ghcr.io/aquasecurity/trivy-db",
    "SCANNER_TRIVY_JAVA_DB_REPOSITORY": "mirror.gcr.io/aquasec/trivy-java-db,ghcr.io/aquasecurity/trivy-java-db",
    "SCANNER_TRIVY_OFFLINE_SCAN": "false",
    "SCANNER_TRIVY_SECURITY_CHECKS": "vuln",
    "SCANNER_TRIVY_INSECURE": "false",
    "SCANNER_API_SERVER_ADDR": ":8080",
    # adapter v0.36.0 reads only SCANNER_REDIS_URL (pkg/etc/config.go); the chart also sets
    # SCANNER_STORE_REDIS_URL and SCANNER_JOB_QUEUE_REDIS_URL, which it ignores
    "SCANNER_REDIS_URL": REDIS_URL,
    # the adapter replaces the URL's idle_timeout_seconds with this (default 5m): pkg/redisx/pool.go
    "SCANNER_REDIS_POOL_IDLE_TIMEOUT": "30s",
}


TRIVY = Workload("StatefulSet", "harbor-trivy", ("trivy",))


def build(settings: TrivySettings = TrivySettings(), **context_fields) -> Built:
    return build_component(Trivy, settings, **context_fields)


def env_of(manifests: list[dict]) -> dict[str, dict]:
    env = TRIVY.container(manifests)["env"]
    names = [e["name"] for e in env]
    assert len(names) == len(set(names)), f"duplicate env vars: {names}"
    return {e["name"]: e for e in env}


def plain_env(manifests: list[dict]) -> dict[str, str]:
    return {name: e["value"] for name, e in env_of(manifests).items() if "valueFrom" not in e}


def test_default_environment(built: Built) -> None:
    ctx, _, manifests = built
    assert REDIS_URL == ctx.endpoints.redis_url(REDIS_DB_TRIVY)
    env = env_of(manifests)
    assert all("valueFrom" not in e for e in env.values()), "no secret without a GitHub token"
    assert plain_env(manifests) == DEFAULT_ENV


@pytest.mark.parametrize(("settings", "expected"), [
    (TrivySettings(severities=(Severity.HIGH, Severity.CRITICAL)), {"SCANNER_TRIVY_SEVERITY": "HIGH,CRITICAL"}),
    (TrivySettings(ignore_unfixed=True), {"SCANNER_TRIVY_IGNORE_UNFIXED": "true"}),
    (TrivySettings(skip_update=True, skip_java_db_update=True, offline_scan=True),
     {"SCANNER_TRIVY_SKIP_UPDATE": "true", "SCANNER_TRIVY_SKIP_JAVA_DB_UPDATE": "true",
      "SCANNER_TRIVY_OFFLINE_SCAN": "true"}),
    (TrivySettings(db_repositories=("harbor.lan/mirror/trivy-db",),
                   java_db_repositories=("harbor.lan/mirror/trivy-java-db", "ghcr.io/aquasecurity/trivy-java-db")),
     {"SCANNER_TRIVY_DB_REPOSITORY": "harbor.lan/mirror/trivy-db",
      "SCANNER_TRIVY_JAVA_DB_REPOSITORY": "harbor.lan/mirror/trivy-java-db,ghcr.io/aquasecurity/trivy-java-db"}),
    (TrivySettings(timeout="1h30m"), {"SCANNER_TRIVY_TIMEOUT": "1h30m"}),
])
def test_settings_reach_the_environment(settings: TrivySettings, expected: dict[str, str]) -> None:
    manifests = build(settings).manifests
    assert plain_env(manifests) == {**DEFAULT_ENV, **expected}


@pytest.mark.parametrize(("level", "debug"), [
    (LogLevel.DEBUG, "true"), (LogLevel.INFO, "false"), (LogLevel.WARNING, "false"), (LogLevel.ERROR, "false"),
])
def test_log_level(level: LogLevel, debug: str) -> None:
    manifests = build(log_level=level).manifests
    env = plain_env(manifests)
    assert env["SCANNER_LOG_LEVEL"] == level.value
    assert env["SCANNER_TRIVY_DEBUG_MODE"] == debug


def test_proxy_environment() -> None:
    proxy = ProxySettings(http_proxy="http://proxy.lan:3128", https_proxy="http://proxy.lan:3128",
                          no_proxy=("registry.lan", ".corp"))
    manifests = build(proxy=proxy).manifests
    env = plain_env(manifests)
    assert env["HTTP_PROXY"] == env["HTTPS_PROXY"] == "http://proxy.lan:3128"
    assert env["NO_PROXY"] == NO_PROXY + ",registry.lan,.corp"


def test_redis_follows_the_handle() -> None:
    _, ctx = harbor_chart()
    assert ctx.endpoints.redis_url(REDIS_DB_TRIVY).startswith(f"redis://{ctx.endpoints.redis.host}:")


def test_the_adapter_takes_its_idle_timeout_from_the_variable_not_the_url() -> None:
    # why SCANNER_REDIS_POOL_IDLE_TIMEOUT is set beside the URL's idle_timeout_seconds
    pool = UPSTREAM_SOURCES / "harbor-scanner-trivy" / "pkg" / "redisx" / "pool.go"
    if not pool.is_file():
        pytest.skip(f"harbor-scanner-trivy v0.36.0 is not at {pool.parents[2]}: "
                    + CLONE_HINT.format(tag="v0.36.0", repo="harbor-scanner-trivy", path=pool.parents[2]))
    text = pool.read_text()
    assert "redis.ParseURL(config.URL)" in text and "options.ConnMaxIdleTime = config.IdleTimeout" in text
    assert text.index("redis.ParseURL(config.URL)") < text.index("options.ConnMaxIdleTime = config.IdleTimeout")


def test_github_token_from_the_synced_secret() -> None:
    ctx, _, manifests = build(TrivySettings(github_token=True), trivy_github_token=True)
    token = env_of(manifests)["SCANNER_TRIVY_GITHUB_TOKEN"]
    ref = ctx.secrets.trivy_github_token
    assert token["valueFrom"] == {"secretKeyRef": {"name": ref.secret, "key": ref.key}}
    assert (ref.secret, ref.key) == ("harbor-trivy", "gitHubToken")
    assert plain_env(manifests) == DEFAULT_ENV


def test_no_github_token_unless_asked() -> None:
    # the secret exists, but the settings do not ask for it
    manifests = build(TrivySettings(github_token=False), trivy_github_token=True).manifests
    assert "SCANNER_TRIVY_GITHUB_TOKEN" not in env_of(manifests)


def test_github_token_without_the_secret() -> None:
    chart, ctx = harbor_chart()
    assert ctx.secrets.trivy_github_token is None
    with pytest.raises(ValueError, match=r"TrivySettings\.github_token"):
        Trivy(chart, "trivy", ctx, TrivySettings(github_token=True))


def test_settings_must_be_trivy_settings() -> None:
    chart, ctx = harbor_chart()
    with pytest.raises(ValueError, match="TrivySettings"):
        Trivy(chart, "trivy", ctx, {"severities": "HIGH"})


def test_no_secret_objects(built: Built) -> None:
    manifests = built.manifests
    assert [m["metadata"]["name"] for m in manifests if m["kind"] == "Secret"] == []


def test_probes_and_port(built: Built) -> None:
    manifests = built.manifests
    c = TRIVY.container(manifests)
    assert c["image"] == "docker.io/goharbor/trivy-adapter-photon:v2.15.1"
    assert c["ports"] == [{"containerPort": 8080, "name": "api-server"}]
    liveness, readiness = c["livenessProbe"], c["readinessProbe"]
    assert liveness["httpGet"] == {"path": "/probe/healthy", "port": "api-server", "scheme": "HTTP"}
    assert (liveness["initialDelaySeconds"], liveness["failureThreshold"]) == (5, 10)
    assert readiness["httpGet"] == {"path": "/probe/ready", "port": "api-server", "scheme": "HTTP"}
    assert readiness["initialDelaySeconds"] == 5


def test_runs_the_adapter_binary_not_the_entrypoint_script(built: Built) -> None:
    # the image's ENTRYPOINT, /home/scanner/entrypoint.sh, runs install_cert.sh under `set -e`, which
    # writes into /home/scanner and /etc/pki/tls/certs (make/photon/trivy-adapter/Dockerfile,
    # entrypoint.sh, common/install_cert.sh at harbor v2.15.1): on the read-only root it exits
    manifests = built.manifests
    c = TRIVY.container(manifests)
    assert c["command"] == ["/home/scanner/bin/scanner-trivy"]
    assert "args" not in c
    assert c["securityContext"]["readOnlyRootFilesystem"] is True


def test_pod_hardening(built: Built) -> None:
    manifests = built.manifests
    pod = TRIVY.get(manifests)["spec"]["template"]["spec"]
    c = TRIVY.container(manifests)
    assert pod["securityContext"]["runAsUser"] == 10000
    assert pod["automountServiceAccountToken"] is False
    assert c["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]
    assert c["resources"] == {"requests": {"cpu": "200m", "memory": "512Mi"}, "limits": {"cpu": "1", "memory": "1Gi"}}


def test_claim_template(built: Built) -> None:
    manifests = built.manifests
    spec = TRIVY.get(manifests)["spec"]
    (template,) = spec["volumeClaimTemplates"]
    assert template["metadata"]["name"] == "data"
    assert template["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert template["spec"]["resources"] == {"requests": {"storage": "5Gi"}}
    mounts = {m["mountPath"]: m["name"] for m in TRIVY.container(manifests)["volumeMounts"]}
    assert mounts["/home/scanner/.cache"] == "data"
    # the claim comes from the template, not from a pod volume of the same name
    assert "data" not in {v["name"] for v in spec["template"]["spec"]["volumes"]}


def test_storage_from_the_context() -> None:
    storage = HarborStorage(trivy=Storage(size="20Gi", storage_class="longhorn"))
    manifests = build(storage=storage).manifests
    (template,) = TRIVY.claim_templates(manifests)
    assert_claim(template["spec"], storage.trivy)
    assert template["spec"]["resources"] == {"requests": {"storage": "20Gi"}}


def test_existing_claim() -> None:
    manifests = build(storage=HarborStorage(trivy=Storage(existing_claim="trivy-cache"))).manifests
    assert_existing_claim_mounted(manifests, TRIVY, "data", "trivy-cache")
    assert [m for m in TRIVY.container(manifests)["volumeMounts"] if m["mountPath"] == "/home/scanner/.cache"] == [
        {"mountPath": "/home/scanner/.cache", "name": "data"}]


def test_existing_claim_shared_by_replicas_needs_rwx() -> None:
    storage = HarborStorage(trivy=Storage(existing_claim="trivy-cache"))
    chart, ctx = harbor_chart(storage=storage, replicas=HarborReplicas(trivy=2))
    with pytest.raises(ValueError, match=r"HarborStorage\.trivy\.access"):
        Trivy(chart, "trivy", ctx, TrivySettings())
    shared = HarborStorage(trivy=Storage(existing_claim="trivy-cache", access=AccessMode.READ_WRITE_MANY))
    manifests = build(storage=shared, replicas=HarborReplicas(trivy=2)).manifests
    assert TRIVY.get(manifests)["spec"]["replicas"] == 2


def test_replicas_and_resources_from_the_context() -> None:
    big = Resources(cpu_request="500m", memory_request="1Gi", cpu_limit="2", memory_limit="4Gi")
    manifests = build(replicas=HarborReplicas(trivy=2), resources=HarborResources(trivy=big)).manifests
    assert TRIVY.get(manifests)["spec"]["replicas"] == 2
    assert TRIVY.container(manifests)["resources"]["limits"] == {"cpu": "2", "memory": "4Gi"}


def test_service(built: Built) -> None:
    ctx, trivy, manifests = built
    assert trivy.service == ctx.endpoints.trivy == ServicePort(service="harbor-trivy", port=8080)
    svc = find(manifests, "Service", "harbor-trivy")
    assert svc["spec"]["ports"] == [{"name": "http-trivy", "port": 8080, "targetPort": 8080, "protocol": "TCP"}]
    sts = TRIVY.get(manifests)
    assert sts["spec"]["serviceName"] == svc["metadata"]["name"]
    assert_service_selects(manifests, "harbor-trivy", TRIVY)
    assert trivy.stateful_set is not None


def test_output_is_stable_and_follows_the_settings() -> None:
    first, second = build().manifests, build().manifests
    assert TRIVY.get(first) == TRIVY.get(second)
    changed = build(TrivySettings(ignore_unfixed=True)).manifests
    assert TRIVY.get(changed)["spec"]["template"] != TRIVY.get(first)["spec"]["template"]
