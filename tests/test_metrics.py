"""HarborMetrics: the metrics listeners, the exporter, who may scrape them, and the scrape check.

What Harbor's code needs (each fact cited where the library sets it): core's METRIC_* settings and
the names' METRIC_NAMESPACE/SUBSYSTEM (_components/metrics_env.py), jobservice's metric section with
all three keys, the registry's debug listener on every interface, the exporter's HARBOR_* settings
(_components/exporter.py). Who may reach the metrics ports: the monitoring peer's Prometheus pods and
nobody else, the registry's above all (its debug listener answers /debug/vars with the Redis
password). And the synth-time check that every ServiceMonitor's targets are reachable from that
peer, firing on trees broken after the fact.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import cdk8s
import pytest
import yaml
from cdk8s_plus_27 import k8s
from conftest import Manifests, container_named, pod_spec
from fast_yaml import load_yaml
from support import SECRETS_PATH, HarborSite, harbor_site, refusal
from test_hardening import Endpoint, allowed, pods_of

from constructs.harbor import (
    CloudNativePgDatabase,
    ExternalDatabase,
    ExternalRedis,
    HarborMetrics,
    HarborRegistry,
)
from constructs.harbor._components.connection_budget import EXPORTER_MAX_OPEN_CONNECTIONS
from constructs.harbor.kit import (
    AppChart,
    BaoKey,
    MonitoringPeer,
    SecretKeyRef,
    SyncedSecret,
    validation_errors,
)
from constructs.harbor.kit.checks import add_checks, unscrapable_target_problems
from imports.com.coreos.monitoring import (
    ServiceMonitor,
    ServiceMonitorSpec,
    ServiceMonitorSpecEndpoints,
    ServiceMonitorSpecEndpointsTargetPort,
    ServiceMonitorSpecNamespaceSelector,
    ServiceMonitorSpecSelector,
)

NS = "harbor"
PROMETHEUS = Endpoint("prometheus", "monitoring", {"app.kubernetes.io/name": "prometheus"})
SCRAPED = ("core", "registry", "jobservice", "exporter")


def metrics_site(**props: Any) -> HarborSite:
    props.setdefault("metrics", HarborMetrics())
    return harbor_site(**props)


def env_of(container: dict) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env", [])}


def service_ports(manifests: Manifests, name: str) -> dict[str, tuple[int, int]]:
    return {p["name"]: (p["port"], p["targetPort"]) for p in manifests.get("Service", name, NS).obj["spec"]["ports"]}


def container_ports(manifests: Manifests, name: str, container: str) -> dict[str, int]:
    spec = pod_spec(manifests.get("Deployment", name, NS).obj)
    return {p["name"]: p["containerPort"] for p in container_named(spec, container).get("ports", [])}


# ---- bad input ------------------------------------------------------------------------------------

BAD = [
    ("interval-words", lambda: HarborMetrics(scrape_interval="30 seconds"), "HarborMetrics.scrape_interval",
     "'30 seconds'"),
    ("interval-without-unit", lambda: HarborMetrics(scrape_interval="30"), "HarborMetrics.scrape_interval", "'30'"),
    ("interval-zero", lambda: HarborMetrics(scrape_interval="0s"), "HarborMetrics.scrape_interval", "'0s'"),
    ("interval-go-style", lambda: HarborMetrics(scrape_interval="1.5m"), "HarborMetrics.scrape_interval", "'1.5m'"),
    ("interval-number", lambda: HarborMetrics(scrape_interval=30), "HarborMetrics.scrape_interval", "30"),
    ("queue-latency-words", lambda: HarborMetrics(job_queue_latency="ten minutes"),
     "HarborMetrics.job_queue_latency", "'ten minutes'"),
    ("warning-above-100", lambda: HarborMetrics(volume_warning_percent=120), "HarborMetrics.volume_warning_percent",
     "120"),
    ("critical-negative", lambda: HarborMetrics(volume_critical_percent=-5), "HarborMetrics.volume_critical_percent",
     "-5"),
    ("quota-as-fraction-text", lambda: HarborMetrics(quota_percent="0.9"), "HarborMetrics.quota_percent", "'0.9'"),
    ("failure-not-a-number", lambda: HarborMetrics(job_failure_percent=math.nan), "HarborMetrics.job_failure_percent",
     "nan"),
    ("pull-errors-as-bool", lambda: HarborMetrics(pull_error_percent=True), "HarborMetrics.pull_error_percent",
     "True"),
    ("critical-below-warning", lambda: HarborMetrics(volume_warning_percent=90, volume_critical_percent=80),
     "HarborMetrics.volume_critical_percent", "80"),
    ("labels-bad-key", lambda: HarborMetrics(labels={"release name": "kps"}), "HarborMetrics.labels key",
     "'release name'"),
    ("dashboard-as-text", lambda: HarborMetrics(dashboard="yes"), "HarborMetrics.dashboard", "'yes'"),
    ("monitoring-as-text", lambda: HarborMetrics(monitoring="monitoring"), "HarborMetrics.monitoring",
     "'monitoring'"),
    ("namespace-upper-case", lambda: MonitoringPeer(namespace="Monitoring"), "MonitoringPeer.namespace",
     "'Monitoring'"),
    ("namespace-with-dot", lambda: MonitoringPeer(namespace="monitoring.svc"), "MonitoringPeer.namespace",
     "'monitoring.svc'"),
    ("namespace-empty", lambda: MonitoringPeer(namespace=""), "MonitoringPeer.namespace", "''"),
    ("namespace-too-long", lambda: MonitoringPeer(namespace="m" * 64), "MonitoringPeer.namespace", "m" * 64),
    ("peer-without-labels", lambda: MonitoringPeer(pod_labels={}), "MonitoringPeer.pod_labels", "{}"),
    ("peer-cidr-host-bits", lambda: MonitoringPeer(cidrs=("10.0.0.1/8",)), "MonitoringPeer.cidrs", "10.0.0.1/8"),
    ("harbor-metrics-as-bool", lambda: metrics_site(metrics=True), "HarborRegistry.metrics", "True"),
    ("metrics-without-policies", lambda: metrics_site(network_policies=False), "HarborRegistry.metrics",
     "HarborMetrics("),
]


@pytest.mark.parametrize("build, field, bad", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_names_the_field(build: Callable[[], object], field: str, bad: str) -> None:
    message = refusal(build, field)
    assert bad in message, f"the message does not quote the bad value {bad!r}: {message}"


def test_the_registrys_debug_pages_are_why_policies_are_required() -> None:
    message = refusal(lambda: metrics_site(network_policies=False), "HarborRegistry.metrics")
    assert "/debug/vars" in message and "pprof" in message and "Redis password" in message


def test_the_exporter_counts_against_a_cloudnative_pg_clusters_connections() -> None:
    # a rolling update: core with its surge pod and migrator; jobservice on its ReadWriteOnce volume
    # is recreated, no surge pod
    pools, migrators = 3, 1
    database = CloudNativePgDatabase(instances=1)
    enough_without = pools * database.max_open_connections + migrators + database.reserved_connections()
    props = dict(database=CloudNativePgDatabase(instances=1, max_connections=enough_without), database_password=False)
    assert harbor_site(**props).harbor.exporter is None
    message = refusal(lambda: metrics_site(**props), "CloudNativePgDatabase.max_connections")
    # the exporter and its surge pod, five sessions each
    assert str(enough_without + 2 * EXPORTER_MAX_OPEN_CONNECTIONS) in message


def test_the_defaults() -> None:
    metrics = HarborMetrics()
    assert (metrics.monitoring.namespace, dict(metrics.monitoring.pod_labels)) == (
        "monitoring", {"app.kubernetes.io/name": "prometheus"})
    assert (metrics.scrape_interval, metrics.volume_warning_percent, metrics.volume_critical_percent) == ("30s", 80, 90)


# ---- what metrics turn on -------------------------------------------------------------------------

def test_core_serves_metrics_with_harbors_names(manifests: Manifests) -> None:
    data = manifests.get("ConfigMap", "harbor-core", NS).obj["data"]
    assert {key: data[key] for key in data if key.startswith("METRIC_")} == {
        "METRIC_ENABLE": "true", "METRIC_PORT": "8001", "METRIC_PATH": "/metrics",
        "METRIC_NAMESPACE": "harbor", "METRIC_SUBSYSTEM": "core"}
    core = container_named(pod_spec(manifests.get("Deployment", "harbor-core", NS).obj), "core")
    assert {name for name in env_of(core) if name.startswith("METRIC_")} == {
        "METRIC_ENABLE", "METRIC_PORT", "METRIC_PATH", "METRIC_NAMESPACE", "METRIC_SUBSYSTEM"}
    assert container_ports(manifests, "harbor-core", "core")["http-metrics"] == 8001
    assert service_ports(manifests, "harbor-core")["http-metrics"] == (8001, 8001)


def test_jobservice_serves_metrics_with_every_key(manifests: Manifests) -> None:
    config = load_yaml(manifests.get("ConfigMap", "harbor-jobservice", NS).obj["data"]["config.yml"])
    assert config["metric"] == {"enabled": True, "path": "/metrics", "port": 8001}
    env = manifests.get("ConfigMap", "harbor-jobservice-env", NS).obj["data"]
    assert (env["METRIC_NAMESPACE"], env["METRIC_SUBSYSTEM"]) == ("harbor", "jobservice")
    assert container_ports(manifests, "harbor-jobservice", "jobservice")["http-metrics"] == 8001
    assert service_ports(manifests, "harbor-jobservice")["http-metrics"] == (8001, 8001)


def test_the_registry_serves_metrics_on_its_debug_listener(manifests: Manifests) -> None:
    config = load_yaml(manifests.get("ConfigMap", "harbor-registry", NS).obj["data"]["config.yml"])
    assert config["http"]["debug"] == {"addr": ":8001", "prometheus": {"enabled": True, "path": "/metrics"}}
    assert container_ports(manifests, "harbor-registry", "registry")["http-metrics"] == 8001
    assert "http-metrics" not in container_ports(manifests, "harbor-registry", "registryctl")
    assert service_ports(manifests, "harbor-registry")["http-metrics"] == (8001, 8001)


def test_without_metrics_nothing_listens_or_scrapes() -> None:
    site = harbor_site()
    out = site.manifests()
    assert site.harbor.exporter is None and site.harbor.monitoring is None
    config = load_yaml(out.get("ConfigMap", "harbor-registry").obj["data"]["config.yml"])
    assert config["http"]["debug"] == {"addr": "localhost:5001"}
    jobservice = load_yaml(out.get("ConfigMap", "harbor-jobservice").obj["data"]["config.yml"])
    assert jobservice["metric"] == {"enabled": False, "path": "/metrics", "port": 8001}
    assert not [key for key in out.get("ConfigMap", "harbor-core").obj["data"] if key.startswith("METRIC_")]
    assert not [m for m in out if m.kind in ("ServiceMonitor", "PrometheusRule") or "exporter" in m.name]
    assert all("http-metrics" not in service_ports(out, s.name) for s in out.of_kind("Service"))


# ---- the exporter -----------------------------------------------------------------------------------

def test_the_exporter_reads_what_its_main_go_reads(manifests: Manifests) -> None:
    deployment = manifests.get("Deployment", "harbor-exporter", NS).obj
    assert deployment["spec"]["replicas"] == 1
    spec = pod_spec(deployment)
    exporter = container_named(spec, "exporter")
    assert exporter["command"] == ["/harbor/harbor_exporter"]
    assert exporter["image"] == "docker.io/goharbor/harbor-exporter:v2.15.1"
    values = {name: e.get("value") for name, e in env_of(exporter).items()}
    assert values == {
        "HARBOR_EXPORTER_PORT": "8001", "HARBOR_EXPORTER_METRICS_PATH": "/metrics",
        "HARBOR_EXPORTER_CACHE_TIME": "23", "HARBOR_EXPORTER_CACHE_CLEAN_INTERVAL": "14400",
        "HARBOR_SERVICE_SCHEME": "http", "HARBOR_SERVICE_HOST": "harbor-core", "HARBOR_SERVICE_PORT": "80",
        "HARBOR_REDIS_URL": "redis://harbor-redis:6379/1?idle_timeout_seconds=30",
        "HARBOR_REDIS_NAMESPACE": "harbor_job_service_namespace",
        "HARBOR_DATABASE_HOST": "harbor-database", "HARBOR_DATABASE_PORT": "5432",
        "HARBOR_DATABASE_USERNAME": "postgres", "HARBOR_DATABASE_DBNAME": "registry",
        "HARBOR_DATABASE_SSLMODE": "disable", "HARBOR_DATABASE_MAX_IDLE_CONNS": "2",
        "HARBOR_DATABASE_MAX_OPEN_CONNS": "5", "LOG_LEVEL": "info", "HARBOR_DATABASE_PASSWORD": None}
    # the database password by the same handle as core's
    core = container_named(pod_spec(manifests.get("Deployment", "harbor-core", NS).obj), "core")
    assert env_of(exporter)["HARBOR_DATABASE_PASSWORD"]["valueFrom"] == env_of(core)["POSTGRESQL_PASSWORD"]["valueFrom"]


def test_the_exporter_is_restricted_and_probed(manifests: Manifests) -> None:
    spec = pod_spec(manifests.get("Deployment", "harbor-exporter", NS).obj)
    exporter = container_named(spec, "exporter")
    assert exporter["securityContext"]["readOnlyRootFilesystem"] is True
    assert (spec["securityContext"]["runAsUser"], spec["automountServiceAccountToken"]) == (10000, False)
    for probe in ("livenessProbe", "readinessProbe"):
        assert exporter[probe]["httpGet"] == {"path": "/", "port": 8001, "scheme": "HTTP"}
    assert service_ports(manifests, "harbor-exporter") == {"http-metrics": (8001, 8001)}


def test_the_exporter_reads_a_cloudnative_pg_clusters_generated_password() -> None:
    out = metrics_site(database=CloudNativePgDatabase(instances=1), database_password=False).manifests()
    exporter = container_named(pod_spec(out.get("Deployment", "harbor-exporter").obj), "exporter")
    env = env_of(exporter)
    assert env["HARBOR_DATABASE_PASSWORD"]["valueFrom"]["secretKeyRef"] == {"name": "harbor-database-app",
                                                                           "key": "password"}
    assert env["HARBOR_DATABASE_HOST"]["value"] == "harbor-database-rw"
    # the operator's pods admit the exporter, like core and jobservice
    policy = out.get("NetworkPolicy", "harbor-database").obj
    admitted = [peer["podSelector"]["matchLabels"]["app.kubernetes.io/component"]
                for rule in policy["spec"]["ingress"] for peer in rule.get("from", [])
                if peer.get("podSelector") and "app.kubernetes.io/component" in peer["podSelector"]["matchLabels"]]
    assert "exporter" in admitted


def test_without_metrics_the_cluster_admits_no_exporter() -> None:
    out = harbor_site(database=CloudNativePgDatabase(instances=1), database_password=False).manifests()
    assert '"exporter"' not in yaml.safe_dump(out.get("NetworkPolicy", "harbor-database").obj)


def test_the_exporter_reads_an_external_database_and_trusts_its_ca() -> None:
    ca_sync = SyncedSecret("harbor-db-ca", keys={"ca.crt": BaoKey(path=SECRETS_PATH, key="DATABASE_CA")})
    password = SecretKeyRef(secret="harbor-database", key="POSTGRES_PASSWORD")
    site = metrics_site(extra_secrets=(ca_sync,), database=ExternalDatabase(
        host="db.internal", port=5433, password=password, ca_certificate=SecretKeyRef(secret="harbor-db-ca",
                                                                                      key="ca.crt")))
    out = site.manifests()
    spec = pod_spec(out.get("Deployment", "harbor-exporter").obj)
    env = env_of(container_named(spec, "exporter"))
    assert (env["HARBOR_DATABASE_HOST"]["value"], env["HARBOR_DATABASE_PORT"]["value"]) == ("db.internal", "5433")
    assert env["HARBOR_DATABASE_SSLMODE"]["value"] == "verify-full"
    assert env["HARBOR_DATABASE_PASSWORD"]["valueFrom"]["secretKeyRef"] == {"name": "harbor-database",
                                                                           "key": "POSTGRES_PASSWORD"}
    # pgx takes the CA from PGSSLROOTCERT, a file of the mounted Secret
    (mount,) = container_named(spec, "exporter")["volumeMounts"]
    assert env["PGSSLROOTCERT"]["value"] == f"{mount['mountPath']}/ca.crt"
    assert validation_errors(site.app) == []


def test_the_exporter_reads_an_external_redis_password_by_reference() -> None:
    password = SecretKeyRef(secret="harbor-redis", key="password")
    synced = SyncedSecret("harbor-redis", keys={"password": BaoKey(path=SECRETS_PATH, key="REDIS_PASSWORD")})
    out = metrics_site(redis=ExternalRedis(host="valkey.valkey.svc", password=password),
                       extra_secrets=(synced,)).manifests()
    exporter = container_named(pod_spec(out.get("Deployment", "harbor-exporter").obj), "exporter")
    names = [e["name"] for e in exporter["env"]]
    # the kubelet expands $(HARBOR_REDIS_PASSWORD) only from a variable defined before the URL
    assert names.index("HARBOR_REDIS_PASSWORD") < names.index("HARBOR_REDIS_URL")
    assert env_of(exporter)["HARBOR_REDIS_URL"]["value"] == \
        "redis://:$(HARBOR_REDIS_PASSWORD)@valkey.valkey.svc:6379/1?idle_timeout_seconds=30"
    assert env_of(exporter)["HARBOR_REDIS_PASSWORD"]["valueFrom"]["secretKeyRef"] == {"name": "harbor-redis",
                                                                                     "key": "password"}


def test_harbor_hands_out_the_exporter_and_monitoring() -> None:
    harbor = metrics_site().harbor
    assert harbor.exporter is not None and harbor.exporter.service.service == "harbor-exporter"
    assert harbor.monitoring is not None and set(harbor.monitoring.service_monitors) == set(SCRAPED)
    assert harbor.monitoring.scope.namespace == NS


# ---- who may scrape ----------------------------------------------------------------------------------

def test_only_the_monitoring_peer_reaches_the_metrics_ports(manifests: Manifests) -> None:
    policies, pods = manifests.of_kind("NetworkPolicy"), pods_of(manifests)
    grafana = Endpoint("grafana", "monitoring", {"app.kubernetes.io/name": "grafana"})
    elsewhere = Endpoint("prometheus-elsewhere", "default", {"app.kubernetes.io/name": "prometheus"})
    for component in SCRAPED:
        assert allowed(policies, PROMETHEUS, pods[component], 8001), component
        assert not allowed(policies, grafana, pods[component], 8001), component
        assert not allowed(policies, elsewhere, pods[component], 8001), component
        for other in pods.values():
            if other is not pods[component]:
                assert not allowed(policies, other, pods[component], 8001), f"{other.name} -> {component}:8001"
    # Prometheus gets the metrics port and nothing else
    for component, pod in pods.items():
        for port in (5000, 5001, 5432, 6379, 8080):
            assert not allowed(policies, PROMETHEUS, pod, port), f"prometheus -> {component}:{port}"


def test_a_prometheus_outside_the_pods_by_address() -> None:
    out = metrics_site(metrics=HarborMetrics(monitoring=MonitoringPeer(namespace="observability",
                                                                       pod_labels={"app": "prometheus"},
                                                                       cidrs=("192.168.10.0/24",)))).manifests()
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    assert allowed(policies, Endpoint("node-agent", ip="192.168.10.5"), pods["registry"], 8001)
    assert allowed(policies, Endpoint("p", "observability", {"app": "prometheus"}), pods["registry"], 8001)
    assert not allowed(policies, PROMETHEUS, pods["registry"], 8001)


def test_the_exporter_reaches_core_redis_and_the_database_only(manifests: Manifests) -> None:
    policies, pods = manifests.of_kind("NetworkPolicy"), pods_of(manifests)
    exporter = pods["exporter"]
    reached = {(name, port) for name, pod in pods.items() for port in (5000, 5432, 6379, 8001, 8080)
               if pod is not exporter and allowed(policies, exporter, pod, port)}
    assert reached == {("core", 8080), ("redis", 6379), ("database", 5432)}
    assert not allowed(policies, exporter, Endpoint("internet", ip="203.0.113.10"), 443)


# ---- ServiceMonitors and the scrape check ---------------------------------------------------------------

def test_one_service_monitor_per_scraped_service(manifests: Manifests) -> None:
    monitors = {m.name: m.obj["spec"] for m in manifests.of_kind("ServiceMonitor")}
    assert set(monitors) == {f"harbor-{c}" for c in SCRAPED}
    for component in SCRAPED:
        spec = monitors[f"harbor-{component}"]
        # the exporter waits on core's health check, up to 60 s a component: the whole interval to answer
        timeout = {"scrapeTimeout": "30s"} if component == "exporter" else {}
        assert spec["endpoints"] == [{"interval": "30s", "path": "/metrics", "port": "http-metrics",
                                      "scheme": "http", **timeout}]
        service = manifests.get("Service", f"harbor-{component}", NS)
        assert spec["selector"]["matchLabels"].items() <= service.labels.items()


def test_the_prometheus_selectors_labels_reach_every_object() -> None:
    out = metrics_site(metrics=HarborMetrics(labels={"release": "kube-prometheus-stack"})).manifests()
    for m in [*out.of_kind("ServiceMonitor"), *out.of_kind("PrometheusRule"), out.get("ConfigMap", "harbor-dashboard")]:
        assert m.labels["release"] == "kube-prometheus-stack", m


def registry_policy_without_monitoring(harbor: HarborRegistry) -> None:
    policy = harbor.network_policies.policies["registry"]
    ingress = policy.to_json()["spec"]["ingress"]
    (index,) = [i for i, rule in enumerate(ingress) if {p["port"] for p in rule["ports"]} == {8001}]
    policy.add_json_patch(cdk8s.JsonPatch.remove(f"/spec/ingress/{index}"))


def monitoring_from_another_namespace(harbor: HarborRegistry) -> None:
    policy = harbor.network_policies.policies["exporter"]
    policy.add_json_patch(cdk8s.JsonPatch.replace(
        "/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name", "observability"))


def exporter_without_redis(harbor: HarborRegistry) -> None:
    policy = harbor.network_policies.policies["exporter"]
    egress = policy.to_json()["spec"]["egress"]
    (index,) = [i for i, rule in enumerate(egress) if {p["port"] for p in rule["ports"]} == {6379}]
    policy.add_json_patch(cdk8s.JsonPatch.remove(f"/spec/egress/{index}"))


def service_monitor_patch(component: str, op: cdk8s.JsonPatch) -> Callable[[HarborRegistry], None]:
    return lambda harbor: harbor.monitoring.service_monitors[component].add_json_patch(op)


BROKEN = [
    ("registry-policy-misses-the-metrics-port", registry_policy_without_monitoring,
     ["ServiceMonitor harbor-registry", "pod port 8001 of Deployment harbor-registry", "the server's ingress",
      "namespace monitoring", "open that port to the monitoring peer"]),
    ("exporter-open-to-another-namespace", monitoring_from_another_namespace,
     ["ServiceMonitor harbor-exporter", "pod port 8001 of Deployment harbor-exporter", "the server's ingress"]),
    # the exporter's own addresses are held to the policies like every workload's (FLOWS has its paths)
    ("exporter-egress-misses-redis", exporter_without_redis,
     ["Deployment harbor-exporter", "env HARBOR_REDIS_URL calls harbor-redis:6379", "the client's egress"]),
    ("service-monitor-selects-nothing", service_monitor_patch("core", cdk8s.JsonPatch.replace(
        "/spec/selector/matchLabels/app.kubernetes.io~1component", "api")),
     ["ServiceMonitor harbor-core", "selects no Service of the app"]),
    ("service-monitor-port-name-typo", service_monitor_patch("jobservice", cdk8s.JsonPatch.replace(
        "/spec/endpoints/0/port", "metrics")),
     ["ServiceMonitor harbor-jobservice", "Service harbor-jobservice, which has no port named 'metrics'"]),
]


@pytest.mark.parametrize("patch, expected", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_the_scrape_and_reachability_checks_fire_on_a_broken_tree(patch: Callable[[HarborRegistry], None],
                                                 expected: list[str]) -> None:
    site = metrics_site()
    patch(site.harbor)
    errors = validation_errors(site.app)
    assert [e for e in errors if all(part in e for part in expected)], f"no error says all of {expected}: {errors}"
    assert all(e.startswith("site/harbor: ") for e in errors), errors


def test_a_small_site_with_metrics_is_clean() -> None:
    assert validation_errors(metrics_site().app) == []


# ---- the kit's check, for any app -----------------------------------------------------------------------

def scraped_app(*, open_port: bool, namespace_selector: ServiceMonitorSpecNamespaceSelector | None = None,
                target_port: bool = False) -> cdk8s.App:
    """A non-Harbor app: one Deployment with a metrics port, its Service, a ServiceMonitor and policies."""
    app = cdk8s.App()
    chart = AppChart(app, "app", namespace="shop", default_deny=True)
    labels = {"app": "shop"}
    k8s.KubeDeployment(chart, "deployment", metadata=k8s.ObjectMeta(name="shop"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels=labels),
        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels=labels), spec=k8s.PodSpec(containers=[
            k8s.Container(name="shop", image="shop:1.0", ports=[k8s.ContainerPort(name="metrics",
                                                                                  container_port=9100)])]))))
    k8s.KubeService(chart, "service", metadata=k8s.ObjectMeta(name="shop", labels=labels), spec=k8s.ServiceSpec(
        selector=labels, ports=[k8s.ServicePort(name="metrics", port=9100,
                                                target_port=k8s.IntOrString.from_string("metrics"))]))
    # by the Service's port name, or by the pod's container port (targetPort)
    endpoint = (ServiceMonitorSpecEndpoints(target_port=ServiceMonitorSpecEndpointsTargetPort.from_number(9100))
                if target_port else ServiceMonitorSpecEndpoints(port="metrics"))
    ServiceMonitor(chart, "monitor", metadata=cdk8s.ApiObjectMetadata(name="shop"), spec=ServiceMonitorSpec(
        selector=ServiceMonitorSpecSelector(match_labels=labels), endpoints=[endpoint],
        namespace_selector=namespace_selector))
    if open_port:
        k8s.KubeNetworkPolicy(chart, "metrics", metadata=k8s.ObjectMeta(name="shop-metrics"),
                              spec=k8s.NetworkPolicySpec(
            pod_selector=k8s.LabelSelector(match_labels=labels), policy_types=["Ingress"],
            ingress=[k8s.NetworkPolicyIngressRule(from_=MonitoringPeer().peers(), ports=[k8s.NetworkPolicyPort(
                port=k8s.IntOrString.from_number(9100))])]))
    add_checks(chart, (unscrapable_target_problems, chart, MonitoringPeer()))
    return app


def test_the_kits_check_serves_any_app() -> None:
    errors = validation_errors(scraped_app(open_port=False))
    assert len(errors) == 1 and "ServiceMonitor shop" in errors[0] and "pod port 9100 of Deployment shop" in errors[0]
    assert validation_errors(scraped_app(open_port=True)) == []


def test_the_kits_check_reads_target_ports_and_namespace_selectors() -> None:
    assert len(validation_errors(scraped_app(open_port=False, target_port=True))) == 1
    assert validation_errors(scraped_app(open_port=True, target_port=True)) == []
    elsewhere = ServiceMonitorSpecNamespaceSelector(match_names=["other"])
    errors = validation_errors(scraped_app(open_port=True, namespace_selector=elsewhere))
    assert len(errors) == 1 and "selects no Service of the app" in errors[0]
    anywhere = ServiceMonitorSpecNamespaceSelector(any=True)
    assert len(validation_errors(scraped_app(open_port=False, namespace_selector=anywhere))) == 1
