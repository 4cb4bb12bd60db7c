"""Typed, validated configuration of HarborRegistry.

Every field has its default where the signature shows it; every check raises ValueError naming
the field, the rule and the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .kit.images import Image
from .kit.resources import Resources
from .kit.validation import (
    check_dns_subdomain,
    check_http_url,
    check_positive,
    check_storage_size,
    fail,
)

# Harbor's version, in one place: every goharbor image uses this tag unless overridden.
HARBOR_VERSION = "v2.15.1"


class AccessMode(str, Enum):
    READ_WRITE_ONCE = "ReadWriteOnce"
    READ_WRITE_MANY = "ReadWriteMany"
    READ_WRITE_ONCE_POD = "ReadWriteOncePod"


class LogLevel(str, Enum):
    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    FATAL = "fatal"


@dataclass(frozen=True, kw_only=True)
class Storage:
    """Persistent storage for one component: a new claim, or a claim that already exists."""

    size: str = "1Gi"                                   # a Kubernetes quantity, e.g. "50Gi"
    access: AccessMode = AccessMode.READ_WRITE_ONCE
    storage_class: str | None = None                    # None: the cluster's default class
    existing_claim: str | None = None                   # mount this claim instead of creating one

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
    """Storage of each stateful component, with the official chart's sizes as defaults."""

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
    """Per container; the defaults fit a small installation and can be raised per component."""

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


@dataclass(frozen=True, kw_only=True)
class HarborReplicas:
    """Replicas of the stateless components; database and redis run one pod each."""

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
    UNKNOWN = "UNKNOWN"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


@dataclass(frozen=True, kw_only=True)
class TrivySettings:
    """The Trivy adapter that scans images; `None` in place of it turns scanning off."""

    severities: tuple[Severity, ...] = tuple(Severity)
    ignore_unfixed: bool = False
    skip_update: bool = False            # keep the vulnerability database as it is (air-gapped)
    skip_java_db_update: bool = False
    offline_scan: bool = False           # never reach the internet during a scan
    db_repositories: tuple[str, ...] = ("mirror.gcr.io/aquasec/trivy-db", "ghcr.io/aquasecurity/trivy-db")
    java_db_repositories: tuple[str, ...] = ("mirror.gcr.io/aquasec/trivy-java-db",
                                             "ghcr.io/aquasecurity/trivy-java-db")
    timeout: str = "5m0s"                # a Go duration
    github_token: bool = False           # read a GitHub token from the synced secrets (raises rate limits)

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
    """Outbound HTTP proxy for core, jobservice, registry and Trivy (proxy caches, Trivy database)."""

    http_proxy: str = ""
    https_proxy: str = ""
    no_proxy: tuple[str, ...] = ()       # added to the in-cluster names Harbor must always reach directly

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
    """Where Harbor's images come from; `registry` can point at a mirror that proxies docker.io."""

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
