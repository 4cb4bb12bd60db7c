"""How Harbor's components reach their data stores and trust private CAs, resolved once per Harbor."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s

from ..data_stores import RedisDatabases, SslMode
from ..kit.handles import ConfigMapKeyRef, KeyRef, SecretKeyRef
from ..kit.network import DataStorePeer
from .constants import REDIS_URL_IDLE_TIMEOUT
from .volumes import secret_file_volume

# The database that Harbor's own database image creates, and the user whose password is synced as
# `database_password`; the image serves no TLS, and its traffic stays inside the namespace.
BUNDLED_DATABASE_NAME = "registry"
BUNDLED_DATABASE_USER = "postgres"
# Connection pool sizes of Harbor's defaults; the bundled database's are sized to fit its server
# (connection_budget.py), an external one's are the user's.
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
