"""Typed, validated configuration of HarborRegistry.

Every field has its default where the signature shows it; every check raises ValueError naming
the field, the rule and the value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from .kit.images import Image
from .kit.labels import check_labels
from .kit.network import MonitoringPeer
from .kit.resources import Resources
from .kit.validation import (
    check_dns_subdomain,
    check_http_url,
    check_percent,
    check_positive,
    check_prometheus_duration,
    check_storage_size,
    fail,
)

# Harbor's version, in one place: every goharbor image uses this tag unless overridden.
HARBOR_VERSION = "v2.15.1"


class AccessMode(str, Enum):
    """A claim's access mode: ReadWriteMany lets pods on several nodes mount it at once."""

    READ_WRITE_ONCE = "ReadWriteOnce"
    READ_WRITE_MANY = "ReadWriteMany"
    READ_WRITE_ONCE_POD = "ReadWriteOncePod"


class LogLevel(str, Enum):
    """Harbor's log level, translated for each component that takes one (_components/log_levels.py)."""

    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    FATAL = "fatal"


@dataclass(frozen=True, kw_only=True)
class Storage:
    """Persistent storage for one component: a new claim, or a claim that already exists.

    Attributes:
        size: the claim's size, a Kubernetes quantity above zero such as "50Gi" (default "1Gi").
        access: the access mode (default READ_WRITE_ONCE); READ_WRITE_MANY where several pods on
            several nodes write it (replicas above one, rolling updates).
        storage_class: the StorageClass (default None: the cluster's default class).
        existing_claim: mount this claim instead of creating one (default None); `size`,
            `storage_class` are then not used, `access` still decides the rollout strategy.
    """

    size: str = "1Gi"
    access: AccessMode = AccessMode.READ_WRITE_ONCE
    storage_class: str | None = None
    existing_claim: str | None = None

    def __post_init__(self) -> None:
        check_storage_size("Storage.size", self.size)
        if not isinstance(self.access, AccessMode):
            raise fail("Storage.access", f"one of {[m.value for m in AccessMode]}", self.access)
        if self.storage_class is not None:
            check_dns_subdomain("Storage.storage_class", self.storage_class)
        if self.existing_claim is not None:
            check_dns_subdomain("Storage.existing_claim", self.existing_claim)

    @property
    def shared(self) -> bool:
        """Whether pods on several nodes may mount it at once."""
        return self.access is AccessMode.READ_WRITE_MANY


@dataclass(frozen=True, kw_only=True)
class HarborStorage:
    """Storage of each stateful component, with the official chart's sizes as defaults.

    Attributes:
        registry: the images, unless HarborRegistry.image_storage puts them in S3 (default 5Gi).
        jobservice: the job logs (default 1Gi).
        database: the bundled PostgreSQL's data (default 1Gi; unused with an external database).
        redis: the bundled Redis's snapshots (default 1Gi; unused with an external Redis).
        trivy: Trivy's vulnerability databases, kept across restarts (default 5Gi).
    """

    registry: Storage = Storage(size="5Gi")
    jobservice: Storage = Storage(size="1Gi")
    database: Storage = Storage(size="1Gi")
    redis: Storage = Storage(size="1Gi")
    trivy: Storage = Storage(size="5Gi")

    def __post_init__(self) -> None:
        for name in ("registry", "jobservice", "database", "redis", "trivy"):
            if not isinstance(getattr(self, name), Storage):
                raise fail(f"HarborStorage.{name}", "a Storage", getattr(self, name))


@dataclass(frozen=True, kw_only=True)
class HarborResources:
    """Requests and limits per container; the defaults fit a small installation.

    Attributes:
        core, portal, registry, registryctl, jobservice, trivy, database, redis, nginx, exporter:
            the Resources of that container (nginx is the entry point, exporter the metrics exporter
            of HarborMetrics); each default is in the signature.
    """

    core: Resources = Resources(cpu_request="100m", memory_request="256Mi", cpu_limit="1", memory_limit="1Gi")
    portal: Resources = Resources(cpu_request="10m", memory_request="32Mi", cpu_limit="250m", memory_limit="128Mi")
    registry: Resources = Resources(cpu_request="100m", memory_request="256Mi", cpu_limit="1", memory_limit="1Gi")
    registryctl: Resources = Resources(cpu_request="10m", memory_request="64Mi", cpu_limit="250m",
                                       memory_limit="256Mi")
    jobservice: Resources = Resources(cpu_request="100m", memory_request="128Mi", cpu_limit="500m",
                                      memory_limit="512Mi")
    trivy: Resources = Resources(cpu_request="200m", memory_request="512Mi", cpu_limit="1", memory_limit="1Gi")
    database: Resources = Resources(cpu_request="100m", memory_request="256Mi", cpu_limit="1", memory_limit="1Gi")
    redis: Resources = Resources(cpu_request="50m", memory_request="64Mi", cpu_limit="500m", memory_limit="256Mi")
    nginx: Resources = Resources(cpu_request="50m", memory_request="32Mi", cpu_limit="500m", memory_limit="256Mi")
    exporter: Resources = Resources(cpu_request="10m", memory_request="32Mi", cpu_limit="250m", memory_limit="256Mi")


@dataclass(frozen=True, kw_only=True)
class HarborReplicas:
    """Replicas of the stateless components; the bundled database and Redis run one pod each.

    Attributes:
        core, portal, registry, jobservice, nginx, trivy: the number of pods of that component,
            at least 1 (default 1 each). Above one, a volume the component writes must be
            ReadWriteMany (HarborStorage), and a PodDisruptionBudget keeps one pod serving.
    """

    core: int = 1
    portal: int = 1
    registry: int = 1
    jobservice: int = 1
    nginx: int = 1
    trivy: int = 1

    def __post_init__(self) -> None:
        for name in ("core", "portal", "registry", "jobservice", "nginx", "trivy"):
            check_positive(f"HarborReplicas.{name}", getattr(self, name))


class Severity(str, Enum):
    """A vulnerability severity as Trivy reports it."""

    UNKNOWN = "UNKNOWN"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


@dataclass(frozen=True, kw_only=True)
class TrivySettings:
    """The Trivy adapter that scans images; `None` in place of it turns scanning off.

    Attributes:
        severities: the severities reported, at least one (default all of them).
        ignore_unfixed: report only vulnerabilities that have a fix (default False).
        skip_update: keep the vulnerability database as it is, e.g. air-gapped (default False).
        skip_java_db_update: the same for the Java index database (default False).
        offline_scan: never reach the internet during a scan (default False).
        db_repositories: the OCI repositories the vulnerability database is pulled from, tried in
            order (default Google's mirror, then GitHub's, which rate-limits).
        java_db_repositories: the same for the Java index database.
        timeout: how long one scan may take, a Go duration (default "5m0s").
        github_token: read a GitHub token from the synced secrets, which raises GitHub's rate limits
            (default False; harbor_synced_secrets must then declare it).
    """

    severities: tuple[Severity, ...] = tuple(Severity)
    ignore_unfixed: bool = False
    skip_update: bool = False
    skip_java_db_update: bool = False
    offline_scan: bool = False
    db_repositories: tuple[str, ...] = ("mirror.gcr.io/aquasec/trivy-db", "ghcr.io/aquasecurity/trivy-db")
    java_db_repositories: tuple[str, ...] = ("mirror.gcr.io/aquasec/trivy-java-db",
                                             "ghcr.io/aquasecurity/trivy-java-db")
    timeout: str = "5m0s"
    github_token: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "severities", tuple(self.severities))
        if not self.severities or not all(isinstance(s, Severity) for s in self.severities):
            raise fail("TrivySettings.severities", "a non-empty tuple of Severity", self.severities)
        for name in ("db_repositories", "java_db_repositories"):
            value = tuple(getattr(self, name))
            object.__setattr__(self, name, value)
            if not value or any(not r or "://" in r or " " in r for r in value):
                raise fail(f"TrivySettings.{name}", "OCI repositories such as 'ghcr.io/aquasecurity/trivy-db'",
                           value)
        if not re.fullmatch(r"([0-9]+(\.[0-9]+)?(h|m|s|ms))+", self.timeout):
            raise fail("TrivySettings.timeout", "a Go duration such as '5m0s'", self.timeout)


@dataclass(frozen=True, kw_only=True)
class ProxySettings:
    """Outbound HTTP proxy for core, jobservice, registry and Trivy (proxy caches, Trivy database).

    Attributes:
        http_proxy: the proxy URL for http:// requests (default "": none).
        https_proxy: the proxy URL for https:// requests (default "": none).
        no_proxy: hosts and domains to reach directly, added to the in-cluster names Harbor always
            reaches directly (default none).
    """

    http_proxy: str = ""
    https_proxy: str = ""
    no_proxy: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("http_proxy", "https_proxy"):
            value = getattr(self, name)
            if value:
                check_http_url(f"ProxySettings.{name}", value)
        object.__setattr__(self, "no_proxy", tuple(self.no_proxy))
        for entry in self.no_proxy:
            if not entry or "," in entry or " " in entry:
                raise fail("ProxySettings.no_proxy", "host names or domains without ',' or spaces", entry)


@dataclass(frozen=True, kw_only=True)
class HarborImages:
    """Where Harbor's images come from.

    Attributes:
        registry: the registry host, optionally with a path, no scheme (default "docker.io"; a
            mirror that proxies docker.io works too).
        namespace: the repository namespace (default "goharbor").
        tag: the tag of every image, an exact version (default HARBOR_VERSION).
    """

    registry: str = "docker.io"
    namespace: str = "goharbor"
    tag: str = HARBOR_VERSION

    def __post_init__(self) -> None:
        if not self.registry or "://" in self.registry or self.registry.endswith("/"):
            raise fail("HarborImages.registry", "a registry host (optionally with a path), without scheme",
                       self.registry)
        if not self.tag or self.tag == "latest":
            raise fail("HarborImages.tag", "an exact version such as 'v2.15.1'", self.tag)

    def image(self, repository: str) -> str:
        return Image(registry=self.registry, repository=f"{self.namespace}/{repository}", tag=self.tag).reference


@dataclass(frozen=True, kw_only=True)
class HarborMetrics:
    """Prometheus metrics, the harbor-exporter, ServiceMonitors, alert rules and a Grafana dashboard.

    Turns on the metrics listeners of core, jobservice and the registry (port 8001, /metrics) and
    runs Harbor's exporter, whose metrics come from core's health API, the database and jobservice's
    queues. Only the monitoring peer may reach those ports: the registry serves its metrics on its
    debug listener, which also answers pprof and /debug/vars, where the registry publishes its
    Redis configuration, password included.

    Attributes:
        monitoring: where the Prometheus that scrapes Harbor runs (default MonitoringPeer(): the
            Prometheus Operator's pods in namespace "monitoring").
        scrape_interval: how often Prometheus scrapes each target, a Prometheus duration
            (default "30s").
        labels: extra labels of the ServiceMonitors, the PrometheusRule and the dashboard's
            ConfigMap, for a Prometheus whose selectors ask for them, e.g. `{"release":
            "kube-prometheus-stack"}` (default none).
        volume_warning_percent: a claim of Harbor's fuller than this raises a warning (default 80).
        volume_critical_percent: ... a critical alert; above the warning (default 90).
        quota_percent: a project whose storage quota is used beyond this raises a warning
            (default 90).
        job_failure_percent: a job type whose runs failed beyond this share in the last hour raises
            a warning (default 10); any failed scan raises one anyway.
        pull_error_percent: pulls (manifests and blobs) answered with 5xx or 429 beyond this share
            over ten minutes raise a warning: the proxy caches failing towards their upstreams
            (default 5).
        job_queue_latency: a job waiting longer than this to start raises a warning, a Prometheus
            duration (default "10m").
        dashboard: ship the Grafana dashboard as a ConfigMap for Grafana's dashboard sidecar
            (default True).
    """

    monitoring: MonitoringPeer = MonitoringPeer()
    scrape_interval: str = "30s"
    labels: Mapping[str, str] = field(default_factory=dict[str, str])
    volume_warning_percent: float = 80
    volume_critical_percent: float = 90
    quota_percent: float = 90
    job_failure_percent: float = 10
    pull_error_percent: float = 5
    job_queue_latency: str = "10m"
    dashboard: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.monitoring, MonitoringPeer):
            raise fail("HarborMetrics.monitoring", "a MonitoringPeer", self.monitoring)
        check_prometheus_duration("HarborMetrics.scrape_interval", self.scrape_interval)
        check_prometheus_duration("HarborMetrics.job_queue_latency", self.job_queue_latency)
        object.__setattr__(self, "labels", check_labels("HarborMetrics.labels", self.labels))
        for name in ("volume_warning_percent", "volume_critical_percent", "quota_percent", "job_failure_percent",
                     "pull_error_percent"):
            check_percent(f"HarborMetrics.{name}", getattr(self, name))
        if self.volume_critical_percent <= self.volume_warning_percent:
            raise fail("HarborMetrics.volume_critical_percent",
                       f"above volume_warning_percent ({self.volume_warning_percent})", self.volume_critical_percent)
        if not isinstance(self.dashboard, bool):
            raise fail("HarborMetrics.dashboard", "True or False", self.dashboard)
