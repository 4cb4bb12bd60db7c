"""Typed, validated declaration of what Harbor should contain: registry endpoints, proxy caches, projects.

The declaration is plain data. It serializes to one JSON document that the configuration Job reads
(the package `applier/`, shipped next to this module); credentials never enter that document: it
names the environment variables that hold them, and `HarborConfiguration.credential_env` says which
synced Secret key fills each variable.

Every check raises ValueError naming the field, the rule and the bad value, before anything reaches
cdk8s or Harbor: a typo found at synth time beats a failed PostSync hook.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from ..kit.handles import SecretKeyRef
from ..kit.validation import check_http_url, fail
from .access import (
    AnyAuthentication,
    AnyRobot,
    ConfigurationSettings,
    ProjectMember,
    access_credential_env,
    access_document,
    check_access,
)
from .cron import check_cron
from .retention import (
    AuditLogPurge,
    ImmutableTagRule,
    RetentionPolicy,
    artifact_policies_document,
    check_artifact_policies,
)
from .vulnerabilities import CveAllowlist

# The version of the JSON document; the applier refuses a document of another version.
# 2: system.gc_parameters (delete_untagged, workers, dry_run).
# 3: projects[].retention, immutable_rules, cve_allowlist; system.audit_log_purge (retention.py);
#    authentication, robot_name_prefix, robots, members, settings (access.py).
DOCUMENT_VERSION = 3

# Harbor's rule for project names: lower case, '.', '_' and '-' only between letters and digits.
PROJECT_NAME = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")
PROJECT_NAME_MAX = 255
# Registry endpoint names become part of environment variable names, hence the same tight alphabet
# and a length that keeps HARBOR_REGISTRY_<NAME>_ACCESS_SECRET readable.
ENDPOINT_NAME_MAX = 63
# Harbor parses proxy_speed_kb and max_upstream_conn as int32.
INT32_MAX = 2**31 - 1
# The largest storage quota Harbor takes, 1024 TiB: above it a project or quota write is a 400
# (src/lib/quota_storage_limit.go ValidateQuotaLimit, types.MaxLimitedValue in src/pkg/quota/types/resources.go)
STORAGE_QUOTA_MAX = 1125899906842624
# What the applier appends to a registry description to mark it as its own; users may not write it.
RESERVED_MARKER = "[managed-by="

_BINARY = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60}
_DECIMAL = {"k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18}
_BYTES = re.compile(r"(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?")


class RegistryType(str, Enum):
    """The registry types Harbor 2.15 accepts behind a proxy-cache project.

    This is the default of core's PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE in Harbor 2.15.1. Harbor
    2.14 dropped `quay` from it: Quay (and registry.k8s.io, and any OCI registry) is declared as
    DOCKER_REGISTRY with its URL.
    """

    DOCKER_HUB = "docker-hub"
    GITHUB_GHCR = "github-ghcr"
    DOCKER_REGISTRY = "docker-registry"
    HARBOR = "harbor"
    AZURE_ACR = "azure-acr"
    ALI_ACR = "ali-acr"
    AWS_ECR = "aws-ecr"
    GOOGLE_GCR = "google-gcr"
    JFROG_ARTIFACTORY = "jfrog-artifactory"


# Types whose upstream has one well-known address, so that the URL may be left out.
DEFAULT_URLS: Mapping[RegistryType, str] = {
    RegistryType.DOCKER_HUB: "https://hub.docker.com",
    RegistryType.GITHUB_GHCR: "https://ghcr.io",
}
# Harbor v2.15.1 builds an ECR adapter from the region in the URL and the access key
# (pkg/reg/adapter/awsecr/adapter.go newAdapter, ecrPattern, searched anywhere in the URL as Go's
# FindStringSubmatch does): another URL is refused with "bad aws url", and no credential makes the
# adapter read a nil credential, so the request fails either way.
ECR_ADDRESS = re.compile(r"https://(?:api|(\d+)\.dkr)\.ecr(-fips)?\.([\w\-]+)\."
                         r"(amazonaws\.com(\.cn)?|sc2s\.sgov\.gov|c2s\.ic\.gov)", re.ASCII)


class VulnerabilitySeverity(str, Enum):
    """Harbor's `severity` project setting: images with a vulnerability at or above it are not pulled."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


def _check_bool(field: str, value: object) -> None:
    if not isinstance(value, bool):
        raise fail(field, "True or False", value)


def _check_limit(field: str, value: object, *, maximum: int, unit: str) -> None:
    """-1 (no limit) or a positive integer: Harbor rejects 0 and anything below -1."""
    if isinstance(value, bool) or not isinstance(value, int) or not (value == -1 or 1 <= value <= maximum):
        raise fail(field, f"-1 (unlimited) or an integer from 1 to {maximum} ({unit})", value)


def _check_project_name(field: str, value: object) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= PROJECT_NAME_MAX or not PROJECT_NAME.fullmatch(value):
        raise fail(field, "a Harbor project name (1-255 lower-case letters and digits, '.', '_' or '-' "
                          "only between them)", value)
    return value


def storage_bytes(field: str, value: object) -> int:
    """A storage quota in bytes: -1 (unlimited), a positive int, or a quantity such as "50Gi" or "1.5T"."""
    if isinstance(value, bool):
        raise fail(field, "-1, a number of bytes or a quantity such as '50Gi'", value)
    if isinstance(value, int):
        _check_limit(field, value, maximum=STORAGE_QUOTA_MAX, unit="bytes, at most 1024Ti")
        return value
    match = _BYTES.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise fail(field, "-1, a number of bytes or a quantity such as '50Gi' (Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, "
                          "T, P, E)", value)
    try:
        amount = Decimal(match.group(1)) * (_BINARY.get(match.group(2) or "") or _DECIMAL.get(match.group(2) or "", 1))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimal numbers
        raise fail(field, "a quantity such as '50Gi'", value) from None
    if amount != amount.to_integral_value() or not 1 <= amount <= STORAGE_QUOTA_MAX:
        raise fail(field, "a whole number of bytes from 1 to 1024Ti (Harbor's largest quota)", value)
    return int(amount)


# ---- declarations -------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class RegistryCredential:
    """Login for an upstream registry, both halves from synced Secrets (e.g. a Docker Hub user and token).

    The Job reads them from its environment (never from the ConfigMap) and hands them to Harbor.

    Attributes:
        access_key: the handle of the user name, or access key ID.
        access_secret: the handle of the password or token.
    """

    access_key: SecretKeyRef
    access_secret: SecretKeyRef

    def __post_init__(self) -> None:
        for name in ("access_key", "access_secret"):
            if not isinstance(getattr(self, name), SecretKeyRef):
                raise fail(f"RegistryCredential.{name}", "a SecretKeyRef (e.g. from OpenBaoSecretSync.key)",
                           getattr(self, name))


@dataclass(frozen=True, kw_only=True)
class RegistryEndpoint:
    """An upstream registry as Harbor knows it (Administration > Registries).

    Attributes:
        name: Harbor's name of it, lower-case letters and digits with '.', '_' or '-' between them.
        type: the kind of registry, which decides how Harbor talks to it.
        url: its address, stored as Harbor stores it: lower-case scheme, no trailing '/' (default
            None: the type's well-known address, for Docker Hub and GHCR only).
        credential: the login for it (default None: anonymous pulls).
        insecure: skip TLS verification of the upstream (default False).
        description: one line of text (default ""); the Job appends its ownership marker to it.
    """

    name: str
    type: RegistryType
    url: str | None = None
    credential: RegistryCredential | None = None
    insecure: bool = False
    description: str = ""

    def __post_init__(self) -> None:
        if (not isinstance(self.name, str) or len(self.name) > ENDPOINT_NAME_MAX
                or not PROJECT_NAME.fullmatch(self.name)):
            raise fail("RegistryEndpoint.name", f"1-{ENDPOINT_NAME_MAX} lower-case letters and digits, with '.', "
                                                "'_' or '-' only between them", self.name)
        object.__setattr__(self, "type", _registry_type(self.type))
        url = self.url
        if url is None:
            if self.type not in DEFAULT_URLS:
                raise fail("RegistryEndpoint.url", f"set for type {self.type.value!r} (only "
                                                   f"{sorted(t.value for t in DEFAULT_URLS)} have a default)", None)
            url = DEFAULT_URLS[self.type]
        url = _registry_url(url)
        object.__setattr__(self, "url", url)
        if self.credential is not None and not isinstance(self.credential, RegistryCredential):
            raise fail("RegistryEndpoint.credential", "a RegistryCredential or None", self.credential)
        if self.type is RegistryType.AWS_ECR:
            if not ECR_ADDRESS.search(url):
                raise fail("RegistryEndpoint.url", "for type 'aws-ecr', an ECR address Harbor can read the region "
                                                   "from: https://<account>.dkr.ecr.<region>.amazonaws.com or "
                                                   "https://api.ecr.<region>.amazonaws.com", url)
            if self.credential is None:
                raise fail("RegistryEndpoint.credential", "set for type 'aws-ecr': Harbor builds its ECR client "
                                                          "from the access key", None)
        _check_bool("RegistryEndpoint.insecure", self.insecure)
        if not isinstance(self.description, str) or "\n" in self.description or RESERVED_MARKER in self.description:
            raise fail("RegistryEndpoint.description", f"one line of text without {RESERVED_MARKER!r} (the job's "
                                                       "ownership marker)", self.description)

    @property
    def env_prefix(self) -> str:
        """HARBOR_REGISTRY_<NAME>: the prefix of this endpoint's credential variables."""
        return "HARBOR_REGISTRY_" + re.sub(r"[^A-Z0-9]", "_", self.name.upper())

    @property
    def access_key_env(self) -> str:
        return f"{self.env_prefix}_ACCESS_KEY"

    @property
    def access_secret_env(self) -> str:
        return f"{self.env_prefix}_ACCESS_SECRET"


def _registry_url(value: str) -> str:
    """The URL exactly as Harbor will store it, or a ValueError for what Harbor would silently rewrite.

    Harbor keeps only `scheme://host[:port]/path` of a registry URL: ValidateHTTPURL (src/lib/endpoint.go),
    called by the registry controller's validate() on every create and update
    (src/controller/registry/controller.go), trims spaces and trailing slashes, and rebuilds the URL from
    Go's url.Parse as scheme, host and the *decoded* path, dropping user info, query and fragment. A
    declared URL that differs from the stored one would be PUT again (and the upstream pinged) on every
    run. What Harbor would drop is refused here, since it is almost surely a mistake (a password in a
    URL belongs in a RegistryCredential); the harmless differences (scheme case, trailing slashes) are
    normalised the way Harbor does it.
    """
    field = "RegistryEndpoint.url"
    check_http_url(field, value)
    if any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise fail(field, "a URL without spaces or control characters", value)
    scheme, rest = value.split("://", 1)
    netloc = rest.split("/", 1)[0]
    if "@" in netloc:
        raise fail(field, "a URL without user info (Harbor drops it; put the login in RegistryEndpoint.credential "
                          "as a RegistryCredential)", value)
    if "?" in value or "#" in value:
        raise fail(field, "a URL without a query or fragment (Harbor stores only scheme://host/path and drops them)",
                   value)
    if "%" in value:
        raise fail(field, "a URL without percent-escapes (Harbor stores the decoded path, so the declared spelling "
                          "would never match)", value)
    # Go's url.Parse lower-cases the scheme and ValidateHTTPURL strips trailing slashes
    return f"{scheme.lower()}://{rest}".rstrip("/")


def _registry_type(value: object) -> RegistryType:
    if isinstance(value, RegistryType):
        return value
    if isinstance(value, str):
        if value == "quay":
            raise fail("RegistryEndpoint.type", "a type Harbor 2.15 accepts for proxy caches; Harbor 2.14 removed "
                                                "'quay' from them: declare Quay as RegistryType.DOCKER_REGISTRY "
                                                "with url 'https://quay.io'", value)
        try:
            return RegistryType(value)
        except ValueError:
            pass
    raise fail("RegistryEndpoint.type", f"a RegistryType, one of {[t.value for t in RegistryType]}", value)


@dataclass(frozen=True, kw_only=True)
class ProjectPolicy:
    """Per-project security settings.

    Attributes:
        auto_scan: scan every pushed (or cached) image (default True).
        prevent_vulnerable: refuse pulls of images with a vulnerability at or above `severity`
            (default False).
        severity: the threshold of `prevent_vulnerable` (default HIGH).
        enable_content_trust_cosign: pull only cosign-signed images (default False).
        auto_sbom_generation: generate an SBOM for every pushed image (default False).
    """

    auto_scan: bool = True
    prevent_vulnerable: bool = False
    severity: VulnerabilitySeverity = VulnerabilitySeverity.HIGH
    enable_content_trust_cosign: bool = False
    auto_sbom_generation: bool = False

    def __post_init__(self) -> None:
        for name in ("auto_scan", "prevent_vulnerable", "enable_content_trust_cosign", "auto_sbom_generation"):
            _check_bool(f"ProjectPolicy.{name}", getattr(self, name))
        if not isinstance(self.severity, VulnerabilitySeverity):
            raise fail("ProjectPolicy.severity", f"a VulnerabilitySeverity, one of "
                                                 f"{[s.value for s in VulnerabilitySeverity]}", self.severity)

    def document(self) -> dict[str, Any]:
        return {"auto_scan": self.auto_scan, "prevent_vulnerable": self.prevent_vulnerable,
                "severity": self.severity.value, "enable_content_trust_cosign": self.enable_content_trust_cosign,
                "auto_sbom_generation": self.auto_sbom_generation}


def _check_policy(owner: str, policy: object) -> None:
    if not isinstance(policy, ProjectPolicy):
        raise fail(f"{owner}.policy", "a ProjectPolicy", policy)


class _ProjectParts:
    """What Project and ProxyCacheProject share: their common fields' checks and their document.

    Messages name the field by the class the caller used ("Project.public", "ProxyCacheProject.public").
    """

    name: str
    public: bool
    storage_quota: int | str
    policy: ProjectPolicy
    retention: RetentionPolicy | None
    immutable_rules: tuple[ImmutableTagRule, ...] | None
    cve_allowlist: CveAllowlist | None

    def _check_common(self) -> None:
        kind = type(self).__name__
        _check_bool(f"{kind}.public", self.public)
        storage_bytes(f"{kind}.storage_quota", self.storage_quota)
        _check_policy(kind, self.policy)
        object.__setattr__(self, "immutable_rules", check_artifact_policies(
            kind, self.retention, self.immutable_rules, self.cve_allowlist))

    @property
    def storage_limit(self) -> int:
        """The quota in bytes as Harbor takes it (-1: unlimited)."""
        return storage_bytes(f"{type(self).__name__}.storage_quota", self.storage_quota)

    def _document(self, proxy_cache: dict[str, Any] | None) -> dict[str, Any]:
        return {"name": self.name, "public": self.public, "storage_limit": self.storage_limit,
                "proxy_cache": proxy_cache, "policy": self.policy.document(),
                **artifact_policies_document(self.retention, self.immutable_rules, self.cve_allowlist)}


@dataclass(frozen=True, kw_only=True)
class Project(_ProjectParts):
    """A regular project: images pushed to Harbor itself.

    Attributes:
        name: the project's name, as in `<harbor>/<name>/<image>`.
        public: allow anonymous pulls (default False).
        storage_quota: bytes, or a quantity such as "50Gi" (default -1: unlimited).
        policy: its security settings (default ProjectPolicy()).
        retention: its tag retention policy (default None: left as it is in Harbor).
        immutable_rules: the tags nobody may push again or delete; the Job removes other immutable
            rules of the project when prune is on (default None: left as they are in Harbor).
        cve_allowlist: vulnerabilities it ignores, instead of the system's list (default None: left
            as it is in Harbor).
    """

    name: str
    public: bool = False
    storage_quota: int | str = -1
    policy: ProjectPolicy = ProjectPolicy()
    retention: RetentionPolicy | None = None
    immutable_rules: tuple[ImmutableTagRule, ...] | None = None
    cve_allowlist: CveAllowlist | None = None

    def __post_init__(self) -> None:
        _check_project_name("Project.name", self.name)
        self._check_common()

    def document(self) -> dict[str, Any]:
        return self._document(None)


@dataclass(frozen=True, kw_only=True)
class ProxyCacheProject(_ProjectParts):
    """A pull-through cache: `docker pull <harbor>/<name>/<image>` fetches from `endpoint` and keeps a copy.

    Attributes:
        name: the project's name, as in `<harbor>/<name>/<image>`.
        endpoint: the upstream registry, one of HarborConfiguration.endpoints.
        public: allow anonymous pulls (default False).
        storage_quota: bytes, or a quantity such as "50Gi" (default -1: unlimited).
        bandwidth_kbps: the limit towards the upstream, kilobits per second (default -1: none).
        max_upstream_connections: connections per artifact towards the upstream (default -1: no limit).
        policy: its security settings (default ProjectPolicy()).
        retention: its tag retention policy (default None: left as it is in Harbor).
        immutable_rules: the tags nobody may push again or delete; the Job removes other immutable
            rules of the project when prune is on (default None: left as they are in Harbor).
        cve_allowlist: vulnerabilities it ignores, instead of the system's list (default None: left
            as it is in Harbor).
    """

    name: str
    endpoint: RegistryEndpoint
    public: bool = False
    storage_quota: int | str = -1
    bandwidth_kbps: int = -1
    max_upstream_connections: int = -1
    policy: ProjectPolicy = ProjectPolicy()
    retention: RetentionPolicy | None = None
    immutable_rules: tuple[ImmutableTagRule, ...] | None = None
    cve_allowlist: CveAllowlist | None = None

    def __post_init__(self) -> None:
        _check_project_name("ProxyCacheProject.name", self.name)
        if not isinstance(self.endpoint, RegistryEndpoint):
            raise fail("ProxyCacheProject.endpoint", "a RegistryEndpoint object (not its name)", self.endpoint)
        _check_limit("ProxyCacheProject.bandwidth_kbps", self.bandwidth_kbps, maximum=INT32_MAX, unit="kbps")
        _check_limit("ProxyCacheProject.max_upstream_connections", self.max_upstream_connections,
                     maximum=INT32_MAX, unit="connections")
        self._check_common()

    def document(self) -> dict[str, Any]:
        return self._document({"registry": self.endpoint.name, "bandwidth_kbps": self.bandwidth_kbps,
                               "max_upstream_connections": self.max_upstream_connections})


AnyProject = Project | ProxyCacheProject


# Harbor's GC handler refuses other worker counts with HTTP 400 (validateWorkers in
# src/server/v2.0/handler/gc.go: greater than 0, at most 10).
GC_WORKERS_MAX = 10


@dataclass(frozen=True, kw_only=True)
class SystemSettings:
    """System-wide jobs; None leaves Harbor's current setting alone.

    The gc_* parameters belong to the garbage-collection schedule and are applied with it; their
    defaults are what Harbor's UI sends.

    Attributes:
        scan_all_schedule: when to scan every artifact, a six-field cron such as "0 0 2 * * *"
            (02:00 daily) (default None).
        gc_schedule: when to collect garbage, a six-field cron such as "0 0 3 * * 6" (Saturday
            03:00) (default None).
        gc_delete_untagged: garbage collection also deletes artifacts with no tag left (default True).
        gc_workers: blob deletions in parallel, 1 to 10 (default 1).
        gc_dry_run: must stay False (see below).
        audit_log_purge: the audit-log purge schedule (default None: left as it is in Harbor).
    """

    scan_all_schedule: str | None = None
    gc_schedule: str | None = None
    gc_delete_untagged: bool = True
    gc_workers: int = 1
    # A dry run only reports what GC would free. Harbor keeps this flag for a schedule where its API
    # cannot show it (see __post_init__), so the Job could neither check nor undo it: False only.
    gc_dry_run: bool = False
    audit_log_purge: AuditLogPurge | None = None

    def __post_init__(self) -> None:
        for name in ("scan_all_schedule", "gc_schedule"):
            if getattr(self, name) is not None:
                check_cron(f"SystemSettings.{name}", getattr(self, name))
        _check_bool("SystemSettings.gc_delete_untagged", self.gc_delete_untagged)
        if (isinstance(self.gc_workers, bool) or not isinstance(self.gc_workers, int)
                or not 1 <= self.gc_workers <= GC_WORKERS_MAX):
            raise fail("SystemSettings.gc_workers", f"an integer from 1 to {GC_WORKERS_MAX} (Harbor's GC handler "
                                                   "refuses others)", self.gc_workers)
        _check_bool("SystemSettings.gc_dry_run", self.gc_dry_run)
        if self.gc_dry_run:
            # GET /system/gc/schedule answers only delete_untagged, delete_tag and workers: the GC
            # controller's CreateSchedule (src/controller/gc/controller.go) stores dry_run in the
            # schedule's callback parameters alone. A dry-run schedule would look like a real one, and
            # switching back to False would change nothing the Job can see.
            raise fail("SystemSettings.gc_dry_run", "False: Harbor does not report dry_run for a schedule, so "
                                                   "the Job could not verify it or switch it off again; start a "
                                                   "dry run in Harbor's UI (Garbage Collection > Dry run) instead",
                       self.gc_dry_run)
        if self.gc_schedule is None and (self.gc_delete_untagged, self.gc_workers) != (True, 1):
            raise fail("SystemSettings.gc_schedule", "set when gc_delete_untagged or gc_workers is (they are "
                                                    "parameters of the schedule)", self.gc_schedule)
        if self.audit_log_purge is not None and not isinstance(self.audit_log_purge, AuditLogPurge):
            raise fail("SystemSettings.audit_log_purge", "an AuditLogPurge or None", self.audit_log_purge)

    def document(self) -> dict[str, Any]:
        return {"scan_all_schedule": self.scan_all_schedule, "gc_schedule": self.gc_schedule,
                "gc_parameters": {"delete_untagged": self.gc_delete_untagged, "workers": self.gc_workers,
                                  "dry_run": self.gc_dry_run},
                "audit_log_purge": None if self.audit_log_purge is None else self.audit_log_purge.document()}


@dataclass(frozen=True, kw_only=True)
class HarborConfiguration:
    """Everything the configuration Job applies, and what it may delete.

    With `prune=False` (the default) the Job never deletes anything. With `prune=True` it deletes what
    it owns and the declaration no longer lists: registries and robots whose description ends with its
    `[managed-by=harbor-gitops...]` marker, projects that carry its `harbor-gitops` project label, the
    immutable tag rules of a project that declares its rules (retention.py), and the project members
    its record lists (access.py, applier/record.py).
    Objects made by hand carry neither and are never touched; a declared object that already exists
    (Harbor's default `library` project, say) is adopted: updated and marked as owned.

    Attributes:
        endpoints: the upstream registries, distinct by name (default none).
        projects: the Projects and ProxyCacheProjects, distinct by name (default none).
        system: the system-wide schedules (default SystemSettings(): left alone).
        prune: delete owned registries, projects, robots and members the declaration no longer lists
            (default False).
        authentication: OIDC or LDAP login, applied before anything else (default None: Harbor's
            current authentication is left alone).
        robots: the ProjectRobots and SystemRobots, distinct by name (default none).
        members: the ProjectMembers, groups and users with a role in a declared project (default none).
        settings: Harbor's system settings and the system CVE allowlist (default
            ConfigurationSettings(): left alone).
    """

    endpoints: tuple[RegistryEndpoint, ...] = ()
    projects: tuple[AnyProject, ...] = ()
    system: SystemSettings = SystemSettings()
    prune: bool = False
    authentication: AnyAuthentication | None = None
    robots: tuple[AnyRobot, ...] = ()
    members: tuple[ProjectMember, ...] = ()
    settings: ConfigurationSettings = ConfigurationSettings()

    def __post_init__(self) -> None:
        object.__setattr__(self, "endpoints", tuple(self.endpoints))
        object.__setattr__(self, "projects", tuple(self.projects))
        names: set[str] = set()
        env_prefixes: dict[str, str] = {}
        for endpoint in self.endpoints:
            if not isinstance(endpoint, RegistryEndpoint):
                raise fail("HarborConfiguration.endpoints", "a sequence of RegistryEndpoint", endpoint)
            if endpoint.name in names:
                raise fail("HarborConfiguration.endpoints", "endpoints with distinct names", endpoint.name)
            names.add(endpoint.name)
            other = env_prefixes.setdefault(endpoint.env_prefix, endpoint.name)
            if other != endpoint.name:
                raise fail("HarborConfiguration.endpoints", f"names that map to distinct variables "
                                                            f"({other!r} also gives {endpoint.env_prefix}_*)",
                           endpoint.name)
        projects: set[str] = set()
        for project in self.projects:
            if not isinstance(project, (Project, ProxyCacheProject)):
                raise fail("HarborConfiguration.projects", "a sequence of Project or ProxyCacheProject", project)
            if project.name in projects:
                raise fail("HarborConfiguration.projects", "projects with distinct names", project.name)
            projects.add(project.name)
            if isinstance(project, ProxyCacheProject) and project.endpoint not in self.endpoints:
                raise fail(f"HarborConfiguration.projects[{project.name!r}].endpoint",
                           "one of HarborConfiguration.endpoints (the same object, declared there)",
                           project.endpoint.name)
        if not isinstance(self.system, SystemSettings):
            raise fail("HarborConfiguration.system", "a SystemSettings", self.system)
        _check_bool("HarborConfiguration.prune", self.prune)
        object.__setattr__(self, "robots", tuple(self.robots))
        object.__setattr__(self, "members", tuple(self.members))
        check_access(robots=self.robots, members=self.members, authentication=self.authentication,
                     settings=self.settings, projects=self.projects)

    @property
    def credential_env(self) -> dict[str, SecretKeyRef]:
        """Environment variable -> the synced Secret key that fills it: endpoint credentials, robot secrets,
        and the secrets of the OIDC or LDAP login."""
        env: dict[str, SecretKeyRef] = {}
        for endpoint in self.endpoints:
            if endpoint.credential is not None:
                env[endpoint.access_key_env] = endpoint.credential.access_key
                env[endpoint.access_secret_env] = endpoint.credential.access_secret
        env.update(access_credential_env(robots=self.robots, authentication=self.authentication))
        return dict(sorted(env.items()))

    def credential_env_vars(self) -> list:
        """The same as container env entries (`k8s.EnvVar` with secretKeyRef), sorted by name."""
        return [ref.env_var(name) for name, ref in self.credential_env.items()]

    def document(self) -> dict[str, Any]:
        """The declaration as the Job reads it: lists sorted by name, credentials by variable name only."""
        registries = []
        for endpoint in sorted(self.endpoints, key=lambda e: e.name):
            credential = None
            if endpoint.credential is not None:
                credential = {"access_key_env": endpoint.access_key_env,
                              "access_secret_env": endpoint.access_secret_env}
            registries.append({"name": endpoint.name, "type": endpoint.type.value, "url": endpoint.url,
                               "insecure": endpoint.insecure, "description": endpoint.description,
                               "credential": credential})
        return {"version": DOCUMENT_VERSION, "prune": self.prune, "registries": registries,
                "projects": [p.document() for p in sorted(self.projects, key=lambda p: p.name)],
                "system": self.system.document(),
                **access_document(robots=self.robots, members=self.members, authentication=self.authentication,
                                  settings=self.settings)}

    def to_json(self) -> str:
        """Deterministic bytes (sorted keys, fixed layout), so the ConfigMap changes only with the declaration."""
        return json.dumps(self.document(), indent=2, sort_keys=True, ensure_ascii=True) + "\n"
