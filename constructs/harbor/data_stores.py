"""Where Harbor keeps its state when one pod each is not enough: PostgreSQL, Redis or Valkey, and S3.

By default HarborRegistry runs its own database and Redis, one pod each (_components/database.py and
_components/redis.py), and keeps images on a volume. For high availability the state moves to
services built for it, each given as a typed value to HarborRegistry:

- `database=ExternalDatabase(...)`: any PostgreSQL by address, its password from a secret sync;
- `database=CloudNativePgDatabase(...)`: a CloudNativePG Cluster that HarborRegistry creates
  (kit/cloudnative_pg.py), whose operator generates the password: Harbor reads it from the Secret the
  operator writes, and the value never passes through this library, OpenBao or git;
- `redis=ExternalRedis(...)`: any Redis or Valkey by address, username and password from a sync;
- `image_storage=S3Storage(...)`: images in an S3-compatible bucket instead of a volume.

Every secret stays a `SecretKeyRef`: what reaches a ConfigMap is addresses, never credentials (see
_components/connections.py `RedisConnection` for how the Redis password reaches each component).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, fields
from enum import Enum
from urllib.parse import urlsplit

from .kit.cloudnative_pg import PG_NAME, POSTGRES_PORT, CloudNativePgSettings
from .kit.handles import SecretKeyRef
from .kit.network import DataStorePeer
from .kit.validation import (
    check_hostname,
    check_http_url,
    check_port,
    check_positive,
    fail,
)

REDIS_PORT = 6379
# S3 bucket names (AWS rules, which S3-compatible servers follow): 3-63 characters of a-z, 0-9, '.'
# and '-', starting and ending with a letter or digit.
BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
REGION = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?")


def endpoint_port(endpoint: str | None) -> int:
    """The port an S3 client dials: the endpoint URL's own, its scheme's, or AWS's 443 without one."""
    if endpoint is None:
        return 443
    parts = urlsplit(endpoint)
    return parts.port or (443 if parts.scheme == "https" else 80)


class SslMode(str, Enum):
    """libpq's sslmode values. Harbor passes POSTGRESQL_SSLMODE unchanged to its driver (pgx), which
    accepts these six: `verify-full` checks the certificate chain and the host name, `verify-ca` the
    chain only, `require` encrypts without checking, and `disable` sends everything in clear."""

    DISABLE = "disable"
    ALLOW = "allow"
    PREFER = "prefer"
    REQUIRE = "require"
    VERIFY_CA = "verify-ca"
    VERIFY_FULL = "verify-full"

    @property
    def verifies(self) -> bool:
        return self in (SslMode.VERIFY_CA, SslMode.VERIFY_FULL)


def check_host(field: str, value: str) -> str:
    """A host name (lower case, RFC 1123) or an IP address, as a client dials it."""
    if isinstance(value, str):
        try:
            ipaddress.ip_address(value)
            return value
        except ValueError:
            pass
    return check_hostname(field, value)


def _check_ref(field: str, value: object, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, SecretKeyRef):
        rule = "a SecretKeyRef handed out by a secret sync (OpenBaoSecretSync.key)"
        raise fail(field, rule + (" or None" if optional else ""), value)


def _check_pool(owner: str, idle: int, open_: int) -> None:
    check_positive(f"{owner}.max_idle_connections", idle)
    check_positive(f"{owner}.max_open_connections", open_)
    if idle > open_:
        raise fail(f"{owner}.max_idle_connections", f"at most max_open_connections ({open_})", idle)



# PostgreSQL's superuser_reserved_connections default: slots of max_connections a server keeps back
# from a user that is no superuser, as Harbor's is on an external server or a CloudNativePG cluster.
SUPERUSER_RESERVED_CONNECTIONS = 3

@dataclass(frozen=True, kw_only=True)
class ExternalDatabase:
    """Any PostgreSQL Harbor reaches by address; core and jobservice connect to it.

    `password` is the handle of a synced Secret key (an OpenBao value), never the value itself;
    `ca_certificate` (optional) is a PEM CA that verify-ca/verify-full check the server against,
    mounted as a file in core and jobservice (without it the images' system CAs apply). `peer` says
    where the server runs, for the NetworkPolicies (default: any address, on `port` only).
    The pool sizes are per Harbor pod: core and jobservice each open up to `max_open_connections`.

    Attributes:
        host: the server's host name or IP address.
        password: the handle of the synced Secret key holding the password; required (its None
            default only lets the check name this field).
        port: the server's port (default 5432).
        database: the database Harbor uses (default "registry").
        user: the user Harbor logs in as (default "harbor").
        ssl_mode: libpq's sslmode (default VERIFY_FULL: encrypted, certificate and host checked).
        ca_certificate: a PEM CA the server's certificate is checked against, with verify-ca or
            verify-full only (default None: the images' system CAs).
        max_idle_connections: idle connections each core and jobservice pod keeps (default 100).
        max_open_connections: connections each core and jobservice pod may open (default 900).
        max_connections: the server's max_connections, when known (default None: not checked).
            HarborRegistry then checks that the pools of core and jobservice at a rolling update,
            the migrator's and the exporter's sessions and the 3 superuser-reserved slots fit in
            it: PostgreSQL's own default of 100 holds far fewer than 900 a pod.
        peer: where the server runs, for the egress policies (default any address).
    """

    host: str
    password: SecretKeyRef | None = None
    port: int = POSTGRES_PORT
    database: str = "registry"
    user: str = "harbor"
    ssl_mode: SslMode = SslMode.VERIFY_FULL
    ca_certificate: SecretKeyRef | None = None
    max_idle_connections: int = 100      # Harbor's defaults (POSTGRESQL_MAX_IDLE_CONNS / _OPEN_CONNS)
    max_open_connections: int = 900
    max_connections: int | None = None
    peer: DataStorePeer = DataStorePeer()

    def __post_init__(self) -> None:
        check_host("ExternalDatabase.host", self.host)
        # a missing password is a ValueError, not a TypeError: it names the field like every other check
        _check_ref("ExternalDatabase.password", self.password, optional=False)
        check_port("ExternalDatabase.port", self.port)
        for name in ("database", "user"):
            value = getattr(self, name)
            if not isinstance(value, str) or not PG_NAME.fullmatch(value):
                raise fail(f"ExternalDatabase.{name}", "a PostgreSQL name (letters, digits, '_' and '-', at most "
                                                       "63, not starting with a digit)", value)
        if not isinstance(self.ssl_mode, SslMode):
            raise fail("ExternalDatabase.ssl_mode", f"one of {[m.value for m in SslMode]}", self.ssl_mode)
        _check_ref("ExternalDatabase.ca_certificate", self.ca_certificate, optional=True)
        if self.ca_certificate is not None and not self.ssl_mode.verifies:
            raise fail("ExternalDatabase.ssl_mode", "verify-ca or verify-full when a ca_certificate is given "
                                                    "(other modes never read it)", self.ssl_mode.value)
        _check_pool("ExternalDatabase", self.max_idle_connections, self.max_open_connections)
        if self.max_connections is not None:
            check_positive("ExternalDatabase.max_connections", self.max_connections)
        if not isinstance(self.peer, DataStorePeer):
            raise fail("ExternalDatabase.peer", "a DataStorePeer", self.peer)

    def reserved_connections(self) -> int:
        """Connections of max_connections Harbor cannot have: the superuser-reserved slots."""
        return SUPERUSER_RESERVED_CONNECTIONS


@dataclass(frozen=True, kw_only=True)
class CloudNativePgDatabase(CloudNativePgSettings):
    """A CloudNativePG Cluster `<instance>-database` that HarborRegistry creates for itself.

    The operator (CloudNativePG 1.30, installed cluster-wide) runs `instances` PostgreSQL pods, one
    primary and streaming replicas, and fails over on its own. Harbor connects to the Service
    `<instance>-database-rw` (always the primary) as `owner`, with the password the operator generates
    into the Secret `<instance>-database-app` (key `password`): core and jobservice read it by
    secretKeyRef, so it never passes through this library, OpenBao or git. With verify-ca/verify-full
    they check the server against the operator's CA (Secret `<instance>-database-ca`, key `ca.crt`),
    whose server certificate names `<instance>-database-rw`.

    The cluster's own settings are the kit's (CloudNativePgSettings: instances, size, storage class,
    database, owner, max_connections, image, the operator's namespace); these add how Harbor connects.
    `max_connections` is PostgreSQL's; HarborRegistry checks that the core and jobservice pods with
    their pools (`max_open_connections` each) fit in it during a rolling update, surge pods included.

    Attributes:
        database: the database Harbor uses (default "registry").
        owner: the user Harbor logs in as, which owns the database (default "harbor").
        ssl_mode: libpq's sslmode (default VERIFY_FULL, against the operator's CA).
        max_idle_connections: idle connections each core and jobservice pod keeps (default 50).
        max_open_connections: connections each core and jobservice pod may open (default 100).
        (The other fields are CloudNativePgSettings', documented there.)
    """

    database: str = "registry"
    owner: str = "harbor"
    ssl_mode: SslMode = SslMode.VERIFY_FULL
    max_idle_connections: int = 50
    max_open_connections: int = 100

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.ssl_mode, SslMode):
            raise fail("CloudNativePgDatabase.ssl_mode", f"one of {[m.value for m in SslMode]}", self.ssl_mode)
        _check_pool("CloudNativePgDatabase", self.max_idle_connections, self.max_open_connections)

    def reserved_connections(self) -> int:
        """Connections of max_connections Harbor cannot have: the superuser-reserved slots, one
        streaming connection per replica, a few for the instance manager's probes and status queries."""
        return SUPERUSER_RESERVED_CONNECTIONS + (self.instances - 1) + 5


@dataclass(frozen=True, kw_only=True)
class RedisDatabases:
    """Which database index each client uses; Harbor's installer assigns 0, 1, 2 and 5.

    Attributes:
        core: core's sessions and caches (default 0).
        jobservice: jobservice's job queue (default 1).
        registry: the registry's blob descriptor cache (default 2).
        trivy: the Trivy adapter's job queue and reports (default 5).
    Each index is distinct: two clients sharing one would see each other's keys.
    """

    core: int = 0
    jobservice: int = 1
    registry: int = 2
    trivy: int = 5

    def __post_init__(self) -> None:
        values = {}
        for item in fields(self):
            value = getattr(self, item.name)
            check_positive(f"RedisDatabases.{item.name}", value, minimum=0)
            values[item.name] = value
        if len(set(values.values())) != len(values):
            # jobservice's queue and the registry's blob cache would see each other's keys
            raise fail("RedisDatabases", "a distinct index per client", values)


@dataclass(frozen=True, kw_only=True)
class ExternalRedis:
    """Any Redis or Valkey (standalone; not Redis Cluster, which Harbor does not support) by address.

    `password` and `username` are handles of synced Secret keys. A password reaches core, jobservice,
    registry and Trivy through env vars filled from the Secret, never through a ConfigMap. Because
    core, jobservice and Trivy take username and password inside a URL, both must be URL-safe as they
    are (letters, digits, '-', '.', '_', '~'); the registry reads them as YAML scalars, so they must
    not look like numbers. Generated passwords of letters and digits meet both.

    Attributes:
        host: the server's host name or IP address.
        port: the server's port (default 6379).
        password: the handle of the synced Secret key holding the password (default None: a
            server without AUTH).
        username: the handle of the key holding an ACL user (Redis 6+, Valkey), given with a
            password (default None: the default user). The registry cannot use it (README, "Redis
            or Valkey"): it logs in as the default user with the password.
        tls: connect with TLS (rediss://), checked against the images' system CAs (default False).
        databases: the database index of each client (default Harbor's 0, 1, 2 and 5).
        peer: where the server runs, for the egress policies (default any address).
    """

    host: str
    port: int = REDIS_PORT
    password: SecretKeyRef | None = None
    username: SecretKeyRef | None = None
    tls: bool = False
    databases: RedisDatabases = RedisDatabases()
    peer: DataStorePeer = DataStorePeer()

    def __post_init__(self) -> None:
        check_host("ExternalRedis.host", self.host)
        check_port("ExternalRedis.port", self.port)
        _check_ref("ExternalRedis.password", self.password, optional=True)
        _check_ref("ExternalRedis.username", self.username, optional=True)
        if self.username is not None and self.password is None:
            raise fail("ExternalRedis.password", "a SecretKeyRef when a username is given (an ACL user logs in with "
                                                 "both)", self.password)
        if not isinstance(self.tls, bool):
            raise fail("ExternalRedis.tls", "True or False", self.tls)
        if not isinstance(self.databases, RedisDatabases):
            raise fail("ExternalRedis.databases", "a RedisDatabases", self.databases)
        if not isinstance(self.peer, DataStorePeer):
            raise fail("ExternalRedis.peer", "a DataStorePeer", self.peer)


@dataclass(frozen=True, kw_only=True)
class S3Storage:
    """Images in an S3 bucket (AWS, or any S3-compatible server with `endpoint`), not on a volume.

    Registry and registryctl (which deletes blobs for garbage collection) read the keys from the
    synced Secret as REGISTRY_STORAGE_S3_ACCESSKEY/SECRETKEY, which distribution takes in place of
    `storage.s3.accesskey/secretkey`: the ConfigMap holds bucket and region only. Both keys None: the
    pod's own cloud identity (an instance profile, IRSA). `disable_redirect`: the registry streams
    blobs itself instead of sending clients to presigned URLs of the bucket; needed when clients
    cannot reach `endpoint` (a server inside the cluster). `peer` and the endpoint's port open the
    registry's egress to the server.

    Attributes:
        bucket: the bucket's name.
        region: the bucket's region (default "us-east-1").
        endpoint: the server's URL, e.g. "https://minio.storage.svc:9000" (default None: AWS S3).
        access_key: the handle of the synced key holding the access key ID (default None).
        secret_key: the handle of the key holding the secret key; both keys or neither (default
            None: the pod's cloud identity).
        root_directory: a prefix inside the bucket, e.g. "/harbor" (default None: the bucket's root).
        disable_redirect: serve blobs through the registry rather than presigned bucket URLs
            (default False).
        peer: where the server runs, for the registry's egress (default any address).
    """

    bucket: str
    region: str = "us-east-1"
    endpoint: str | None = None
    access_key: SecretKeyRef | None = None
    secret_key: SecretKeyRef | None = None
    root_directory: str | None = None
    disable_redirect: bool = False
    peer: DataStorePeer = DataStorePeer()

    def __post_init__(self) -> None:
        if not isinstance(self.bucket, str) or not BUCKET.fullmatch(self.bucket) or ".." in self.bucket:
            raise fail("S3Storage.bucket", "an S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-')",
                       self.bucket)
        if not isinstance(self.region, str) or not REGION.fullmatch(self.region):
            raise fail("S3Storage.region", "a region such as 'us-east-1' (lower-case letters, digits and '-')",
                       self.region)
        if self.endpoint is not None:
            check_http_url("S3Storage.endpoint", self.endpoint, allow_path=False)
        _check_ref("S3Storage.access_key", self.access_key, optional=True)
        _check_ref("S3Storage.secret_key", self.secret_key, optional=True)
        if (self.access_key is None) != (self.secret_key is None):
            missing = "secret_key" if self.secret_key is None else "access_key"
            raise fail(f"S3Storage.{missing}", "given with the other key (both, or neither for the pod's cloud "
                                               "identity)", getattr(self, missing))
        if self.root_directory is not None and (not isinstance(self.root_directory, str)
                                                or not re.fullmatch(r"(/[A-Za-z0-9._-]+)+", self.root_directory)):
            raise fail("S3Storage.root_directory", "a path such as '/harbor'", self.root_directory)
        if not isinstance(self.disable_redirect, bool):
            raise fail("S3Storage.disable_redirect", "True or False", self.disable_redirect)
        if not isinstance(self.peer, DataStorePeer):
            raise fail("S3Storage.peer", "a DataStorePeer", self.peer)

    @property
    def secure(self) -> bool:
        return self.endpoint is None or urlsplit(self.endpoint).scheme == "https"

    @property
    def port(self) -> int:
        """The port the registry connects to."""
        return endpoint_port(self.endpoint)
