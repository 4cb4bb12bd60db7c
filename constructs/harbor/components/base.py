"""What every Harbor component shares: names, addresses, labels, pod hardening, config checksums."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from cdk8s_plus_27 import k8s
from constructs import Construct

from ..data_stores import RedisDatabases, S3Storage, SslMode
from ..handles import ConfigMapKeyRef, KeyRef, SecretKeyRef, ServicePort
from ..harbor_config import (
    HarborImages,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    Resources,
    Storage,
    TrivySettings,
)
from ..harbor_secrets import HarborSecrets
from ..metadata import SYNC_OPTIONS, SYNC_WAVE, SyncWave, selector_labels, standard_labels
from ..network import DataStorePeer
from ..validation import fail

CONFIG_CHECKSUM = "checksum/config"

# Argo CD must never prune or delete a claim: a renamed construct, a claim that drops out of the
# manifests or a deleted Application would otherwise take Harbor's images and database with it.
KEEP_CLAIM = {SYNC_OPTIONS: "Prune=false,Delete=false"}
# The instance label Argo CD tracks resources by (its default `application.instanceLabelKey`).
INSTANCE_LABEL = "app.kubernetes.io/instance"
# Pods of one component spread over this topology domain: one node failing takes one replica.
SPREAD_TOPOLOGY_KEY = "kubernetes.io/hostname"

# Ports Harbor 2.15.1 listens on, by component.
CORE_PORT = 8080
PORTAL_PORT = 8080
REGISTRY_PORT = 5000
REGISTRYCTL_PORT = 8080
JOBSERVICE_PORT = 8080
TRIVY_PORT = 8080
DATABASE_PORT = 5432
REDIS_PORT = 6379
NGINX_PORT = 8080

# Idle connections of a Redis pool close after 30 s, as Harbor's installer says in every Redis URL
# (make/photon/prepare/utils/configs.py `get_redis_configs`); core and jobservice (src/lib/redis/pool.go
# `GetRedisPool`, src/lib/cache/redis/util.go) and the Trivy adapter (pkg/redisx/pool.go) read it
# from the URL, and for jobservice it overrides config.yml's `idle_timeout_second`, which is
# therefore left out.
REDIS_URL_IDLE_TIMEOUT = "idle_timeout_seconds=30"

# Redis database index per client, as Harbor's own installer assigns them (RedisDatabases' defaults).
REDIS_DB_CORE = RedisDatabases().core
REDIS_DB_JOBSERVICE = RedisDatabases().jobservice
REDIS_DB_REGISTRY = RedisDatabases().registry
REDIS_DB_TRIVY = RedisDatabases().trivy


@dataclass(frozen=True)
class Endpoints:
    """The Service address of every component, derived once from the instance name.

    Components create their Services from these handles and read each other's addresses from
    them, so a config can only name a Service that exists with that port.
    """

    core: ServicePort
    portal: ServicePort
    registry: ServicePort
    registryctl: ServicePort
    jobservice: ServicePort
    trivy: ServicePort
    database: ServicePort
    redis: ServicePort
    entrypoint: ServicePort

    @classmethod
    def for_instance(cls, instance: str) -> "Endpoints":
        return cls(
            core=ServicePort(service=f"{instance}-core", port=80),
            portal=ServicePort(service=f"{instance}-portal", port=80),
            registry=ServicePort(service=f"{instance}-registry", port=REGISTRY_PORT),
            registryctl=ServicePort(service=f"{instance}-registry", port=REGISTRYCTL_PORT),
            jobservice=ServicePort(service=f"{instance}-jobservice", port=80),
            trivy=ServicePort(service=f"{instance}-trivy", port=TRIVY_PORT),
            database=ServicePort(service=f"{instance}-database", port=DATABASE_PORT),
            redis=ServicePort(service=f"{instance}-redis", port=REDIS_PORT),
            # the nginx entry point is the Service named after the instance itself: `harbor:80`
            entrypoint=ServicePort(service=instance, port=80),
        )

    def redis_url(self, db: int) -> str:
        return f"redis://{self.redis.host}:{self.redis.port}/{db}?{REDIS_URL_IDLE_TIMEOUT}"


# ---- data stores ------------------------------------------------------------------------------------

# The database that Harbor's own database image creates, and the user whose password is synced as
# `database_password`; the image serves no TLS, and its traffic stays inside the namespace.
BUNDLED_DATABASE_NAME = "registry"
BUNDLED_DATABASE_USER = "postgres"
# Connection pool sizes of Harbor's defaults: 900 open connections stay below the bundled postgres' 1024.
DATABASE_MAX_IDLE_CONNS = 100
DATABASE_MAX_OPEN_CONNS = 900

# Where core and jobservice find the CA of an external database (verify-ca, verify-full). Harbor's
# driver (pgx) reads PGSSLROOTCERT from the environment when the connection string names no
# sslrootcert, which Harbor's never does (src/common/dao/pgsql.go builds it without one).
DATABASE_CA_DIR = "/etc/harbor-database"
DATABASE_CA_FILE = "ca.crt"
DATABASE_CA_VOLUME = "database-ca"

# A private CA bundle (HarborRegistry.ca_bundle), for what install_cert.sh does in Harbor's images:
# trust the CAs of a private registry, an OIDC provider or an S3 endpoint. That script appends
# /harbor_cust_cert/*.crt to /etc/pki/tls/certs/ca-bundle.crt at every start, which a read-only
# root forbids, so the bundle goes elsewhere and SSL_CERT_DIR points Go at it.
#
# What Go's crypto/x509 does on Linux (root_unix.go `loadSystemRoots`, root_linux.go): it reads one
# bundle *file*, SSL_CERT_FILE if set, else the first of its known files that exists (on Photon
# /etc/pki/tls/certs/ca-bundle.crt, the system's CAs); then every file of every *directory* listed in
# SSL_CERT_DIR (colon-separated). SSL_CERT_DIR replaces only the default directory list
# (/etc/ssl/certs, /etc/pki/tls/certs, ...): with it set those directories are no longer scanned, and
# the system bundle file is still loaded, so the private CAs come in addition to the system's.
# Every file of the directory is parsed as PEM whatever its name. The kubelet writes a Secret or
# ConfigMap volume as `<file> -> ..data/<file>`, `..data -> ..<timestamp>/`: Go's
# `readUniqueDirectoryEntries` skips only symlinks whose target has no '/', which drops `..data`
# and keeps `<file>`, whose target it follows; the `..<timestamp>` directory fails to read as a file
# and is skipped. The whole volume is mounted (no subPath), so an updated bundle reaches the
# directory; Go loads the roots once per process, so pods pick it up when they restart.
CA_BUNDLE_DIR = "/etc/harbor-ca-bundle"
CA_BUNDLE_FILE = "ca-bundle.crt"
CA_BUNDLE_VOLUME = "ca-bundle"
CA_BUNDLE_ENV = "SSL_CERT_DIR"


def ca_bundle_volumes(ref: KeyRef | None) -> list[k8s.Volume]:
    """The bundle's one key as a file, readable by all like the system's bundle (it is public)."""
    if ref is None:
        return []
    items = [k8s.KeyToPath(key=ref.key, path=CA_BUNDLE_FILE)]
    if isinstance(ref, ConfigMapKeyRef):
        return [k8s.Volume(name=CA_BUNDLE_VOLUME, config_map=k8s.ConfigMapVolumeSource(
            name=ref.config_map, items=items, default_mode=0o444))]
    return [k8s.Volume(name=CA_BUNDLE_VOLUME, secret=k8s.SecretVolumeSource(
        secret_name=ref.secret, items=items, default_mode=0o444))]


def ca_bundle_mounts(ref: KeyRef | None) -> list[k8s.VolumeMount]:
    if ref is None:
        return []
    return [k8s.VolumeMount(name=CA_BUNDLE_VOLUME, mount_path=CA_BUNDLE_DIR, read_only=True)]


def ca_bundle_env(ref: KeyRef | None) -> list[k8s.EnvVar]:
    if ref is None:
        return []
    return [k8s.EnvVar(name=CA_BUNDLE_ENV, value=CA_BUNDLE_DIR)]


# The env vars that hold an external Redis's credentials in core, jobservice and Trivy. Their URLs
# reference them as $(NAME): the kubelet expands a reference to an env var defined earlier in the
# same container when it starts it, so the URL with the password exists only in the process'
# environment, and the pod spec and every ConfigMap hold the reference, never the value.
REDIS_USERNAME_ENV = "HARBOR_REDIS_USERNAME"
REDIS_PASSWORD_ENV = "HARBOR_REDIS_PASSWORD"


@dataclass(frozen=True, kw_only=True)
class DatabaseConnection:
    """How core and jobservice reach PostgreSQL, resolved once from HarborRegistry's `database`.

    `peer` None means the bundled database's pods (the NetworkPolicies' FLOWS table reaches them);
    otherwise the egress rules of core and jobservice lead to `peer` on `port`.
    """

    host: str
    port: int
    database: str
    user: str
    ssl_mode: SslMode
    password: SecretKeyRef
    ca_certificate: SecretKeyRef | None = None
    max_idle_connections: int = DATABASE_MAX_IDLE_CONNS
    max_open_connections: int = DATABASE_MAX_OPEN_CONNS
    peer: DataStorePeer | None = None

    @property
    def bundled(self) -> bool:
        return self.peer is None

    def ca_volumes(self) -> list[k8s.Volume]:
        if self.ca_certificate is None:
            return []
        # a CA certificate is public: readable by all, like the system's CA bundle
        return [secret_file_volume(DATABASE_CA_VOLUME, self.ca_certificate, DATABASE_CA_FILE, mode=0o444)]

    def ca_mounts(self) -> list[k8s.VolumeMount]:
        if self.ca_certificate is None:
            return []
        return [k8s.VolumeMount(name=DATABASE_CA_VOLUME, mount_path=DATABASE_CA_DIR, read_only=True)]

    def ca_env(self) -> list[k8s.EnvVar]:
        if self.ca_certificate is None:
            return []
        return [k8s.EnvVar(name="PGSSLROOTCERT", value=f"{DATABASE_CA_DIR}/{DATABASE_CA_FILE}")]


@dataclass(frozen=True, kw_only=True)
class RedisConnection:
    """How core, jobservice, registry and Trivy reach Redis, resolved once from HarborRegistry's `redis`.

    How the password reaches each component without a ConfigMap (Harbor 2.15.1 sources):
    - core reads `_REDIS_URL_CORE` and `_REDIS_URL_REG` from its environment (src/core/main.go,
      src/lib/redis/client.go): env values `redis://:$(HARBOR_REDIS_PASSWORD)@host:port/db`;
    - jobservice takes JOB_SERVICE_POOL_REDIS_URL from its environment over config.yml's
      `redis_url` (src/jobservice/config/config.go `loadEnvs`, called by `Load(path, true)` in
      src/jobservice/main.go): the same kind of env value, and config.yml names no URL;
    - the registry (distribution) overrides any config key with REGISTRY_<PATH> env vars:
      REGISTRY_REDIS_PASSWORD (and REGISTRY_REDIS_USERNAME) straight from the Secret, no URL;
    - Trivy's adapter (harbor-scanner-trivy v0.36.0) reads only SCANNER_REDIS_URL
      (pkg/etc/config.go): the same kind of env value as core's.
    Side effects worth knowing: at debug log level jobservice (src/lib/redis/pool.go) and the Trivy
    adapter (pkg/redisx/pool.go) log the URL they dial, password included; and core hands
    `_REDIS_URL_REG` to garbage-collection jobs as a parameter, which jobservice keeps in Redis itself.
    """

    host: str
    port: int
    databases: RedisDatabases = RedisDatabases()
    password: SecretKeyRef | None = None
    username: SecretKeyRef | None = None
    tls: bool = False
    peer: DataStorePeer | None = None

    @property
    def bundled(self) -> bool:
        return self.peer is None

    @property
    def address(self) -> str:
        """host:port as a client dials it (an IPv6 address in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def has_credentials(self) -> bool:
        return self.password is not None

    def url(self, db: int) -> str:
        """The URL of database `db`; credentials as $(VAR) references, see REDIS_PASSWORD_ENV."""
        userinfo = ""
        if self.password is not None:
            user = f"$({REDIS_USERNAME_ENV})" if self.username is not None else ""
            userinfo = f"{user}:$({REDIS_PASSWORD_ENV})@"
        scheme = "rediss" if self.tls else "redis"
        return f"{scheme}://{userinfo}{self.address}/{db}?{REDIS_URL_IDLE_TIMEOUT}"

    def credential_env(self) -> list[k8s.EnvVar]:
        """The env vars the URLs reference; they must come before the URLs in the container's env."""
        env = []
        if self.username is not None:
            env.append(self.username.env_var(REDIS_USERNAME_ENV))
        if self.password is not None:
            env.append(self.password.env_var(REDIS_PASSWORD_ENV))
        return env


def harbor_labels(instance: str, component: str, images: HarborImages) -> dict[str, str]:
    """The labels of a Harbor component's objects (before a HarborContext exists, too)."""
    return standard_labels(name="harbor", instance=instance, component=component, part_of="harbor",
                           version=images.tag)


@dataclass(frozen=True, kw_only=True)
class HarborContext:
    """Everything a component needs from HarborRegistry, resolved once by its constructor."""

    instance: str                       # resource name prefix, e.g. "harbor"
    external_url: str                   # e.g. "https://harbor.madhan.app"
    secrets: HarborSecrets
    endpoints: Endpoints
    images: HarborImages = HarborImages()
    storage: HarborStorage = HarborStorage()
    replicas: HarborReplicas = HarborReplicas()
    resources: HarborResources = HarborResources()
    trivy: TrivySettings | None = TrivySettings()
    log_level: LogLevel = LogLevel.INFO
    proxy: ProxySettings = ProxySettings()
    pod_annotations: Mapping[str, str] = field(default_factory=dict)   # e.g. reloader markers
    # None: the bundled database and Redis (components/database.py, redis.py), filled in below
    database: DatabaseConnection | None = None
    redis: RedisConnection | None = None
    image_storage: S3Storage | None = None           # None: images on the registry's volume
    ipv6: bool = True                                 # nginx (portal, entry point) listens on [::] too
    ca_bundle: KeyRef | None = None                  # private CAs for core, jobservice, registry, Trivy

    def __post_init__(self) -> None:
        if self.database is None:
            password = self.secrets.database_password
            if password is None:
                raise fail("HarborSecrets.database_password",
                           "a SecretKeyRef when HarborRegistry runs its own database (database=None): declare it "
                           "with harbor_synced_secrets(..., database_password=True)", password)
            endpoint = self.endpoints.database
            object.__setattr__(self, "database", DatabaseConnection(
                host=endpoint.host, port=endpoint.port, database=BUNDLED_DATABASE_NAME, user=BUNDLED_DATABASE_USER,
                ssl_mode=SslMode.DISABLE, password=password))
        if self.redis is None:
            endpoint = self.endpoints.redis
            object.__setattr__(self, "redis", RedisConnection(host=endpoint.host, port=endpoint.port))

    def name(self, component: str) -> str:
        return f"{self.instance}-{component}"

    def labels(self, component: str) -> dict[str, str]:
        return harbor_labels(self.instance, component, self.images)

    def selector(self, component: str) -> dict[str, str]:
        return selector_labels(self.labels(component))

    def no_proxy(self) -> str:
        """In-cluster names that must never go through the outbound proxy, then the user's."""
        ep = self.endpoints
        # the data stores by the host Harbor dials: the bundled Services, or the external servers
        internal = [ep.core.service, ep.jobservice.service, self.database.host, ep.registry.service,
                    ep.portal.service, ep.trivy.service, self.redis.host]
        return ",".join([*internal, "127.0.0.1", "localhost", ".local", ".internal", *self.proxy.no_proxy])

    def proxy_env(self) -> list[k8s.EnvVar]:
        return [k8s.EnvVar(name="HTTP_PROXY", value=self.proxy.http_proxy),
                k8s.EnvVar(name="HTTPS_PROXY", value=self.proxy.https_proxy),
                k8s.EnvVar(name="NO_PROXY", value=self.no_proxy())]


# ---- content checksums ------------------------------------------------------------------------

def checksum(*contents: Mapping[str, str] | str) -> str:
    """A sha256 of config content: the same content gives the same value on every synth.

    Put on a pod template, it rolls the pods when the config they mount changes, and only then.
    """
    digest = hashlib.sha256()
    for content in contents:
        digest.update(json.dumps(content, sort_keys=True, separators=(",", ":")).encode())
    return digest.hexdigest()


# ---- objects ------------------------------------------------------------------------------------

def config_map(scope: Construct, id: str, ctx: HarborContext, component: str, name: str,
               data: Mapping[str, str]) -> k8s.KubeConfigMap:
    return k8s.KubeConfigMap(scope, id, metadata=k8s.ObjectMeta(name=name, labels=ctx.labels(component)),
                             data=dict(sorted(data.items())))


def service(scope: Construct, id: str, ctx: HarborContext, component: str, handle: ServicePort,
            ports: Sequence[tuple[str, ServicePort, int]]) -> k8s.KubeService:
    """A ClusterIP Service named by `handle`; each port is (name, handle, container port)."""
    for _, port, _ in ports:
        if port.service != handle.service:
            raise fail(f"{component} Service port", f"a port of Service {handle.service!r}", port)
    return k8s.KubeService(
        scope, id,
        metadata=k8s.ObjectMeta(name=handle.service, labels=ctx.labels(component)),
        spec=k8s.ServiceSpec(
            type="ClusterIP",
            selector=ctx.selector(component),
            ports=[k8s.ServicePort(name=name, port=port.port, target_port=k8s.IntOrString.from_number(target),
                                   protocol="TCP")
                   for name, port, target in ports],
        ),
    )


def resources(r: Resources) -> k8s.ResourceRequirements:
    q = k8s.Quantity.from_string
    return k8s.ResourceRequirements(
        requests={"cpu": q(r.cpu_request), "memory": q(r.memory_request)},
        limits={"cpu": q(r.cpu_limit), "memory": q(r.memory_limit)},
    )


def container_security(*, read_only_root: bool = True) -> k8s.SecurityContext:
    """The restricted Pod Security Standard for one container."""
    return k8s.SecurityContext(
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=read_only_root,
        run_as_non_root=True,
        capabilities=k8s.Capabilities(drop=["ALL"]),
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
    )


def pod_security(*, user: int, group: int | None = None, fs_group: int | None = None) -> k8s.PodSecurityContext:
    return k8s.PodSecurityContext(
        run_as_non_root=True,
        run_as_user=user,
        run_as_group=group if group is not None else user,
        fs_group=fs_group if fs_group is not None else user,
        fs_group_change_policy="OnRootMismatch",
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
    )


def http_probe(path: str, port: int | str, *, initial_delay: int = 0, period: int = 10, failure: int = 3,
               timeout: int = 1) -> k8s.Probe:
    target = k8s.IntOrString.from_number(port) if isinstance(port, int) else k8s.IntOrString.from_string(port)
    return k8s.Probe(http_get=k8s.HttpGetAction(path=path, port=target, scheme="HTTP"),
                     initial_delay_seconds=initial_delay, period_seconds=period, failure_threshold=failure,
                     timeout_seconds=timeout, success_threshold=1)


def secret_file_volume(name: str, ref: SecretKeyRef, file_name: str, mode: int = 0o400) -> k8s.Volume:
    """A volume holding one key of a synced Secret as one file."""
    return k8s.Volume(name=name, secret=k8s.SecretVolumeSource(
        secret_name=ref.secret, default_mode=mode, items=[k8s.KeyToPath(key=ref.key, path=file_name)]))


def config_volume(name: str, config_map_name: str, items: Sequence[str] = ()) -> k8s.Volume:
    """A ConfigMap as files; `items` limits it to those keys (a file each, named as the key)."""
    return k8s.Volume(name=name, config_map=k8s.ConfigMapVolumeSource(
        name=config_map_name, items=[k8s.KeyToPath(key=key, path=key) for key in items] or None))


def claim_volume(name: str, claim_name: str) -> k8s.Volume:
    return k8s.Volume(name=name, persistent_volume_claim=k8s.PersistentVolumeClaimVolumeSource(claim_name=claim_name))


def empty_dir(name: str, *, memory: bool = False, size_limit: str | None = None) -> k8s.Volume:
    return k8s.Volume(name=name, empty_dir=k8s.EmptyDirVolumeSource(
        medium="Memory" if memory else None,
        size_limit=k8s.Quantity.from_string(size_limit) if size_limit else None))


def persistent_claim(scope: Construct, id: str, ctx: HarborContext, component: str, storage: Storage,
                     name: str) -> str:
    """The claim a component mounts: the existing one when given, otherwise a new one named `name`."""
    if storage.existing_claim:
        return storage.existing_claim
    k8s.KubePersistentVolumeClaim(
        scope, id,
        # `name` comes from the instance and the component (`harbor-registry`), never from a construct
        # id, so a refactor of the tree cannot rename the claim; KEEP_CLAIM stops Argo CD from pruning
        # or deleting it if it ever drops out of the manifests.
        metadata=k8s.ObjectMeta(name=name, labels=ctx.labels(component), annotations=dict(KEEP_CLAIM)),
        spec=k8s.PersistentVolumeClaimSpec(
            access_modes=[storage.access.value],
            storage_class_name=storage.storage_class,
            resources=k8s.ResourceRequirements(requests={"storage": k8s.Quantity.from_string(storage.size)}),
        ),
    )
    return name


def claim_template(ctx: HarborContext, component: str, storage: Storage, name: str) -> k8s.KubePersistentVolumeClaimProps:
    """A StatefulSet volumeClaimTemplate (its claims are named `<name>-<statefulset>-<ordinal>`).

    volumeClaimTemplates are immutable once the StatefulSet exists: the template carries only stable
    labels, since a version label would make the API server reject every upgrade.

    The StatefulSet controller, not Argo CD, creates these claims and copies the template's labels and
    annotations onto them. Two things keep Argo CD's hands off them:
    - no `app.kubernetes.io/instance` label: with Argo CD's label tracking (the default before 3.0) a
      claim carrying the Application's name there counts as a resource of the Application that is
      missing from git, shown OutOfSync and pruned or deleted with it (argo-cd issues 1729, 3050);
    - KEEP_CLAIM, in case another tracking label or annotation ever makes Argo CD adopt them.
    The StatefulSet's persistentVolumeClaimRetentionPolicy (Retain/Retain, see `stateful_set`) keeps
    them when the StatefulSet itself is deleted or scaled down.
    """
    labels = {key: value for key, value in ctx.selector(component).items() if key != INSTANCE_LABEL}
    return k8s.KubePersistentVolumeClaimProps(
        metadata=k8s.ObjectMeta(name=name, labels=labels, annotations=dict(KEEP_CLAIM)),
        spec=k8s.PersistentVolumeClaimSpec(
            access_modes=[storage.access.value],
            storage_class_name=storage.storage_class,
            resources=k8s.ResourceRequirements(requests={"storage": k8s.Quantity.from_string(storage.size)}),
        ),
    )


def deployment_strategy(component: str, replicas: int, written_volumes: Sequence[tuple[str, Storage]]) -> k8s.DeploymentStrategy:
    """RollingUpdate, unless a volume the pods write cannot be mounted by two pods at once.

    During a rolling update the new pod starts before the old one stops, possibly on another node:
    a ReadWriteOnce volume then fails with a Multi-Attach error and the rollout hangs. With one
    replica, Recreate avoids that at the price of a short outage; with several replicas nothing can
    avoid it, so that is an error.
    """
    single_attach = [(field_name, s) for field_name, s in written_volumes if not s.shared]
    if not single_attach:
        return k8s.DeploymentStrategy(type="RollingUpdate", rolling_update=k8s.RollingUpdateDeployment(
            max_surge=k8s.IntOrString.from_number(1), max_unavailable=k8s.IntOrString.from_number(0)))
    if replicas > 1:
        field_name, storage = single_attach[0]
        raise fail(f"HarborStorage.{field_name}.access",
                   f"ReadWriteMany when {component} runs {replicas} replicas (pods on several nodes write it)",
                   storage.access.value)
    return k8s.DeploymentStrategy(type="Recreate")


def spread_across_nodes(ctx: HarborContext, component: str, replicas: int) -> list[k8s.TopologySpreadConstraint] | None:
    """With several replicas, ask the scheduler to put them on different nodes (None with one).

    ScheduleAnyway, not DoNotSchedule: on a cluster with fewer nodes than replicas, or with a node
    drained, the extra replicas still start, next to another one, instead of staying Pending.
    """
    if replicas <= 1:
        return None
    return [k8s.TopologySpreadConstraint(
        max_skew=1, topology_key=SPREAD_TOPOLOGY_KEY, when_unsatisfiable="ScheduleAnyway",
        label_selector=k8s.LabelSelector(match_labels=ctx.selector(component)))]


def disruption_budget(scope: Construct, id: str, ctx: HarborContext, component: str,
                      replicas: int) -> k8s.KubePodDisruptionBudget | None:
    """A PodDisruptionBudget `<instance>-<component>` allowing one voluntary eviction at a time.

    Only with several replicas: a node drain then evicts one pod, waits until its replacement is
    ready elsewhere, and only then the next, so the component keeps serving. With one replica no
    budget is created: `minAvailable: 1` (or `maxUnavailable: 0`) on a single pod forbids every
    eviction, so `kubectl drain` would hang on that node forever, while `maxUnavailable: 1` on a
    single pod protects nothing.
    """
    if replicas <= 1:
        return None
    return k8s.KubePodDisruptionBudget(
        scope, id,
        metadata=k8s.ObjectMeta(name=ctx.name(component), labels=ctx.labels(component)),
        spec=k8s.PodDisruptionBudgetSpec(
            max_unavailable=k8s.IntOrString.from_number(1),
            selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
            # a pod that is not ready serves nothing: a drain may evict it even when the budget is
            # spent, instead of waiting on a crash-looping pod
            unhealthy_pod_eviction_policy="AlwaysAllow",
        ),
    )


def pod_metadata(ctx: HarborContext, component: str, config_checksum: str | None) -> k8s.ObjectMeta:
    annotations = dict(ctx.pod_annotations)
    if config_checksum:
        annotations[CONFIG_CHECKSUM] = config_checksum
    return k8s.ObjectMeta(labels=ctx.labels(component), annotations=annotations or None)


def deployment(scope: Construct, id: str, ctx: HarborContext, component: str, *, replicas: int,
               pod: k8s.PodSpec, config_checksum: str | None, strategy: k8s.DeploymentStrategy) -> k8s.KubeDeployment:
    """The component's Deployment, plus its PodDisruptionBudget when it runs several replicas.

    The pod spec carries `topology_spread_constraints=spread_across_nodes(...)` from the component.
    """
    disruption_budget(scope, "disruption-budget", ctx, component, replicas)
    return k8s.KubeDeployment(
        scope, id,
        metadata=k8s.ObjectMeta(name=ctx.name(component), labels=ctx.labels(component),
                                annotations={SYNC_WAVE: str(int(SyncWave.WORKLOADS))}),
        spec=k8s.DeploymentSpec(
            replicas=replicas,
            revision_history_limit=3,
            selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
            strategy=strategy,
            template=k8s.PodTemplateSpec(metadata=pod_metadata(ctx, component, config_checksum), spec=pod),
        ),
    )


def stateful_set(scope: Construct, id: str, ctx: HarborContext, component: str, *, replicas: int,
                 pod: k8s.PodSpec, config_checksum: str | None,
                 claims: Sequence[k8s.KubePersistentVolumeClaimProps]) -> k8s.KubeStatefulSet:
    """The component's StatefulSet, plus its PodDisruptionBudget when it runs several replicas."""
    disruption_budget(scope, "disruption-budget", ctx, component, replicas)
    return k8s.KubeStatefulSet(
        scope, id,
        metadata=k8s.ObjectMeta(name=ctx.name(component), labels=ctx.labels(component),
                                annotations={SYNC_WAVE: str(int(SyncWave.WORKLOADS))}),
        spec=k8s.StatefulSetSpec(
            replicas=replicas,
            revision_history_limit=3,
            service_name=ctx.name(component),
            selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
            # claims outlive the StatefulSet: deleting or scaling it never deletes images or data.
            # Retain is the API default, written out so that a changed default (or a feature gate)
            # can never turn it into Delete, and so that the live object equals the manifest.
            persistent_volume_claim_retention_policy=k8s.StatefulSetPersistentVolumeClaimRetentionPolicy(
                when_deleted="Retain", when_scaled="Retain"),
            template=k8s.PodTemplateSpec(metadata=pod_metadata(ctx, component, config_checksum), spec=pod),
            volume_claim_templates=list(claims),
        ),
    )
