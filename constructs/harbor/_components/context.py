"""HarborContext: everything a component needs from HarborRegistry, resolved once by its constructor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import InitVar, dataclass, field

from cdk8s_plus_27 import k8s

from ..backups import DatabaseBackup
from ..data_stores import S3Storage, SslMode
from ..harbor_secrets import HarborSecrets
from ..kit.handles import KeyRef
from ..kit.labels import selector_labels, standard_labels
from ..kit.validation import fail
from ..settings import (
    HarborImages,
    HarborMetrics,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    TrivySettings,
)
from .connection_budget import bundled_pool_size, harbor_sessions
from .connections import (
    BUNDLED_DATABASE_NAME,
    BUNDLED_DATABASE_USER,
    DATABASE_MAX_IDLE_CONNS,
    DatabaseConnection,
    RedisConnection,
)
from .endpoints import Endpoints


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
    # How the components reach PostgreSQL and Redis; None: the bundled database and Redis
    # (database.py, redis.py). Resolved once into `database` and `redis` below, which are never None,
    # so that no component has to ask. (dataclasses.replace would resolve them afresh from None.)
    database_connection: InitVar[DatabaseConnection | None] = None
    redis_connection: InitVar[RedisConnection | None] = None
    image_storage: S3Storage | None = None           # None: images on the registry's volume
    ipv6: bool = True                                 # nginx (portal, entry point) listens on [::] too
    ca_bundle: KeyRef | None = None                  # private CAs for core, jobservice, registry, Trivy
    # backups (backups.py): the bundled database's dump, and extra labels of a component's claim
    # (Longhorn's recurring-job labels), by component
    database_backup: DatabaseBackup | None = None
    claim_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    metrics: HarborMetrics | None = None             # None: no metrics listeners, no exporter
    database: DatabaseConnection = field(init=False)
    redis: RedisConnection = field(init=False)

    def __post_init__(self, database_connection: DatabaseConnection | None,
                      redis_connection: RedisConnection | None) -> None:
        database, redis = database_connection, redis_connection
        if database is None:
            password = self.secrets.database_password
            if password is None:
                raise fail("HarborSecrets.database_password",
                           "a SecretKeyRef when HarborRegistry runs its own database (database=None): declare it "
                           "with harbor_synced_secrets(..., database_password=True)", password)
            endpoint = self.endpoints.database
            pool = bundled_pool_size(harbor_sessions(self.replicas, self.storage, exporter=self.metrics is not None))
            database = DatabaseConnection(
                host=endpoint.host, port=endpoint.port, database=BUNDLED_DATABASE_NAME, user=BUNDLED_DATABASE_USER,
                ssl_mode=SslMode.DISABLE, password=password, max_open_connections=pool,
                max_idle_connections=min(DATABASE_MAX_IDLE_CONNS, pool))
        if redis is None:
            endpoint = self.endpoints.redis
            redis = RedisConnection(host=endpoint.host, port=endpoint.port)
        object.__setattr__(self, "database", database)
        object.__setattr__(self, "redis", redis)

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

    def proxy_variables(self) -> dict[str, str]:
        """HTTP_PROXY, HTTPS_PROXY and NO_PROXY, for a ConfigMap or a container's env."""
        return {"HTTP_PROXY": self.proxy.http_proxy, "HTTPS_PROXY": self.proxy.https_proxy,
                "NO_PROXY": self.no_proxy()}

    def proxy_env(self) -> list[k8s.EnvVar]:
        return [k8s.EnvVar(name=name, value=value) for name, value in self.proxy_variables().items()]
