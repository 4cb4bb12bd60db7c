"""What each Harbor image needs at run time, read from Harbor's own sources: one table per image.

A pod spec can be valid Kubernetes and still fail in the container: an entrypoint script that writes
into a read-only root, a path the binary writes with no volume under it, a user the image's files
do not belong to, or a setting no binary reads (which looks configured and does nothing). These
tables say, per image, what the image's code does, each row citing the upstream file at the tag
Harbor v2.15.1 ships; runtime_checks.py holds the synthesized pods to them at synth time.

Sources (read-only, facts only): goharbor/harbor at v2.15.1 (make/photon/<image>/Dockerfile*,
their entrypoint scripts, make/photon/common/install_cert.sh, src/), goharbor/harbor-scanner-trivy
at v0.36.0 (the adapter that Harbor's Makefile pins, TRIVYADAPTERVERSION), goharbor/distribution
branch release/2.8 (what the Makefile builds the registry from, REGISTRY_SRC_TAG v2.8.3-harbor.1-rc.1),
and Go's standard library (crypto/x509, net/http) and jackc/pgx for what every Go binary reads.

The env lists hold what each binary reads that this library sets or might set, not every variable
of Harbor's code; a variable set for another reader (the kubelet) says why in `reason`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from .constants import HARBOR_UID

HARBOR = "goharbor/harbor v2.15.1"
ADAPTER = "goharbor/harbor-scanner-trivy v0.36.0"
DISTRIBUTION = "goharbor/distribution release/2.8"
GO = "golang/go (standard library)"
PGX = "jackc/pgx"
LIBPQ = "postgres/postgres REL_15_STABLE"


@dataclass(frozen=True)
class Cite:
    """Where a fact comes from: repository and tag, file, and the function or line."""

    repo: str
    path: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.repo} {self.path}" + (f" ({self.detail})" if self.detail else "")


class ConfigFormat(str, Enum):
    YAML = "yaml"
    NGINX = "nginx"


# A step of a path into a YAML document: a mapping key, or (field, value) picking the list item
# whose `field` is `value` (jobservice's job_loggers entry named FILE).
KeyStep = str | tuple[str, str]


@dataclass(frozen=True, kw_only=True)
class ConfigValue:
    """A value of a config file the binary reads that decides a path it writes."""

    file: str                          # where the binary reads the file
    key: tuple[KeyStep, ...]           # YAML: the path to the value; nginx: the directive's name
    format: ConfigFormat = ConfigFormat.YAML
    # True: a config without the key means the binary does not write there at all (the registry's
    # filesystem root, absent with S3); False: the default path applies
    absent_means_unused: bool = False


@dataclass(frozen=True, kw_only=True)
class Write:
    """A path the image's code writes, and whether what it writes must outlive the container."""

    path: str                          # the default; `env` or `config` may name another
    persists: bool
    why: str
    cite: Cite
    env: str | None = None             # an env var whose value replaces `path`
    config: ConfigValue | None = None  # a config value that replaces `path`


@dataclass(frozen=True, kw_only=True)
class Entrypoint:
    """What the image runs when a container sets no `command`: ENTRYPOINT (and CMD)."""

    argv: tuple[str, ...]
    does: str
    writes: tuple[Write, ...]          # writes before (or instead of) the binary's own
    cite: Cite


@dataclass(frozen=True, kw_only=True)
class Env:
    """An env var (or, as a prefix, a family of them) that the binary reads; `reason` when no binary
    reads it and it is set anyway."""

    name: str
    cite: Cite
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class ConfigFile:
    """A config file the binary reads, and the keys of it this library writes."""

    path: str
    keys: tuple[str, ...]
    cite: Cite
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ImageContract:
    repository: str                    # the image name under goharbor/, e.g. "harbor-core"
    dockerfile: Cite
    entrypoint: Entrypoint
    user: int                          # the uid the image's files belong to
    group: int
    user_why: str
    program: tuple[str, ...]           # the binary (and arguments) the entrypoint finally runs
    other_programs: tuple[str, ...] = ()   # other executables of the image a container may run
    working_dir: str | None = None     # when the binary reads files relative to it
    working_dir_why: str = ""
    writes: tuple[Write, ...] = ()
    env: tuple[Env, ...] = ()
    env_prefixes: tuple[Env, ...] = ()
    config_files: tuple[ConfigFile, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def env_names(self) -> frozenset[str]:
        return frozenset(e.name for e in self.env)

    def reads_env(self, name: str) -> bool:
        return name in self.env_names or any(name.startswith(p.name) for p in self.env_prefixes)


# ---- shared facts ------------------------------------------------------------------------------

# install_cert.sh (make/photon/common/install_cert.sh), run under `set -e` by the entrypoints of core,
# jobservice, registry, registryctl and the Trivy adapter: on Photon it copies
# /etc/pki/tls/certs/ca-bundle.crt to `$(dirname $0)/ca-bundle.crt.original` once, copies that back
# over /etc/pki/tls/certs/ca-bundle.crt on every start, then appends /etc/harbor/ssl/*/ca.crt and
# /harbor_cust_cert/*.{crt,ca,ca-bundle,pem} to it.
INSTALL_CERT = Cite(HARBOR, "make/photon/common/install_cert.sh")
SYSTEM_BUNDLE = "/etc/pki/tls/certs/ca-bundle.crt"


def install_cert_writes(script_dir: str) -> tuple[Write, ...]:
    return (
        Write(path=f"{script_dir}/ca-bundle.crt.original", persists=False, cite=INSTALL_CERT,
              why="a copy of the system CA bundle, beside install_cert.sh, on the first start"),
        Write(path=SYSTEM_BUNDLE, persists=False, cite=INSTALL_CERT,
              why="the system CA bundle, rewritten with the internal and custom CAs on every start"),
    )


HARBOR_USER_WHY = ("the image's `harbor` user (useradd -u 10000 -g 10000); its binary is chown harbor and "
                   "chmod u+x, so only that user is sure to run it")


def harbor_user_why(folder: str) -> str:
    """Why an image of make/photon/<folder> runs as HARBOR_UID: its Dockerfile.base adds `harbor`."""
    return HARBOR_USER_WHY + f" (make/photon/{folder}/Dockerfile.base)"


def install_cert_entrypoint(folder: str, script: str, program: tuple[str, ...]) -> Entrypoint:
    """The entrypoint script of make/photon/<folder> at `script` in the image: it runs install_cert.sh,
    which lies beside it, under `set -e`, then execs `program`."""
    home, _, name = script.rpartition("/")
    return Entrypoint(argv=(script,), does=f"runs {home}/install_cert.sh under `set -e`, then execs {' '.join(program)}",
                      writes=install_cert_writes(home), cite=Cite(HARBOR, f"make/photon/{folder}/{name}"))

# What every Go binary reads: the proxy (Harbor's transports use http.ProxyFromEnvironment,
# src/common/http/transport.go) and the CAs (crypto/x509 on Linux, root_unix.go loadSystemRoots).
GO_RUNTIME = (
    Env(name="HTTP_PROXY", cite=Cite(GO, "src/net/http/transport.go", "ProxyFromEnvironment")),
    Env(name="HTTPS_PROXY", cite=Cite(GO, "src/net/http/transport.go", "ProxyFromEnvironment")),
    Env(name="NO_PROXY", cite=Cite(GO, "src/net/http/transport.go", "ProxyFromEnvironment")),
    Env(name="SSL_CERT_DIR", cite=Cite(GO, "src/crypto/x509/root_unix.go", "loadSystemRoots")),
    Env(name="SSL_CERT_FILE", cite=Cite(GO, "src/crypto/x509/root_unix.go", "loadSystemRoots")),
)
# pgx, Harbor's PostgreSQL driver, takes sslrootcert from PGSSLROOTCERT when the connection string
# names none, which Harbor's never does (src/common/dao/pgsql.go Register)
PGX_ROOT_CERT = Env(name="PGSSLROOTCERT", cite=Cite(PGX, "pgconn/config.go", "defaultSettings: PGSSLROOTCERT"))
# An external Redis's credentials: no binary reads these, the kubelet does
REDIS_CREDENTIALS = tuple(
    Env(name=name, cite=Cite("kubernetes", "dependent environment variables", "$(VAR) in env values"),
        reason="referenced as $(NAME) by the Redis URL variables after it; the kubelet expands it when it "
               "starts the container, so the URL with the password exists only in the process' environment")
    for name in ("HARBOR_REDIS_USERNAME", "HARBOR_REDIS_PASSWORD"))

HARBOR_LOGGER = Env(name="LOG_LEVEL", cite=Cite(HARBOR, "src/lib/log/logger.go", "init"))
CORE_SECRET = Env(name="CORE_SECRET", cite=Cite(HARBOR, "src/lib/config/systemconfig.go", "CoreSecret"))
JOBSERVICE_SECRET = Env(name="JOBSERVICE_SECRET", cite=Cite(HARBOR, "src/lib/config/systemconfig.go",
                                                            "JobserviceSecret"))
REGISTRY_CREDENTIALS = tuple(
    Env(name=name, cite=Cite(HARBOR, "src/lib/config/systemconfig.go", "RegistryCredential"))
    for name in ("REGISTRY_CREDENTIAL_USERNAME", "REGISTRY_CREDENTIAL_PASSWORD"))
REGISTRY_CLIENT_TIMEOUT = Env(name="REGISTRY_HTTP_CLIENT_TIMEOUT",
                              cite=Cite(HARBOR, "src/pkg/registry/client.go", "init: minutes"))
REDIS_URL_CORE = Env(name="_REDIS_URL_CORE", cite=Cite(HARBOR, "src/core/main.go, src/lib/cache/cache.go"))

# Every SystemScope setting core loads from the environment (src/pkg/config/manager.go
# LoadSystemConfigFromEnv, over the EnvKeys of src/lib/config/metadata/metadatalist.go), but
# TOKEN_SERVICE_URL, listed apart below.
CORE_METADATA_ENV = (
    "BEEGO_MAX_MEMORY_BYTES", "BEEGO_MAX_UPLOAD_SIZE_BYTES", "CACHE_ENABLED", "CACHE_EXPIRE_HOURS",
    "CORE_LOCAL_URL", "CORE_URL", "DATABASE_TYPE", "EXECUTION_STATUS_REFRESH_INTERVAL_SECONDS", "EXT_ENDPOINT",
    "GDPR_AUDIT_LOGS", "GDPR_DELETE_USER", "HARBOR_ADMIN_PASSWORD", "JOBSERVICE_URL", "MAX_JOB_WORKERS",
    "METRIC_ENABLE", "METRIC_PATH", "METRIC_PORT", "POSTGRESQL_CONN_MAX_IDLE_TIME", "POSTGRESQL_CONN_MAX_LIFETIME",
    "POSTGRESQL_DATABASE", "POSTGRESQL_HOST", "POSTGRESQL_MAX_IDLE_CONNS", "POSTGRESQL_MAX_OPEN_CONNS",
    "POSTGRESQL_PASSWORD", "POSTGRESQL_PORT", "POSTGRESQL_SSLMODE", "POSTGRESQL_USERNAME", "QUOTA_UPDATE_PROVIDER",
    "REGISTRY_CONTROLLER_URL", "REGISTRY_STORAGE_PROVIDER_NAME", "REGISTRY_URL", "REPLICATION_ADAPTER_WHITELIST",
    "ROBOT_SCANNER_NAME_PREFIX", "TRACE_ATTRIBUTES", "TRACE_ENABLED", "TRACE_JAEGER_AGENT_HOSTNAME",
    "TRACE_JAEGER_AGENT_PORT", "TRACE_JAEGER_ENDPOINT", "TRACE_JAEGER_PASSWORD", "TRACE_JAEGER_USERNAME",
    "TRACE_NAMESPACE", "TRACE_OTEL_COMPRESSION", "TRACE_OTEL_ENDPOINT", "TRACE_OTEL_INSECURE", "TRACE_OTEL_TIMEOUT",
    "TRACE_OTEL_URL_PATH", "TRACE_SAMPLE_RATE", "TRACE_SERVICE_NAME", "TRIVY_ADAPTER_URL", "WITH_TRIVY",
)
METADATA = Cite(HARBOR, "src/lib/config/metadata/metadatalist.go", "SystemScope EnvKey")
# The prefix of core's and jobservice's metric names, read with os.Getenv when src/lib/metric's
# variables are initialised (collector.go, jobservice.go; the keys are constants of server.go)
METRIC_NAMES = tuple(Env(name=name, cite=Cite(HARBOR, "src/lib/metric/collector.go, jobservice.go",
                                              "os.Getenv(NamespaceEnvKey / SubsystemEnvKey)"))
                     for name in ("METRIC_NAMESPACE", "METRIC_SUBSYSTEM"))

# ---- the tables --------------------------------------------------------------------------------

CORE = ImageContract(
    repository="harbor-core",
    dockerfile=Cite(HARBOR, "make/photon/core/Dockerfile"),
    entrypoint=install_cert_entrypoint("core", "/harbor/entrypoint.sh", ("/harbor/harbor_core",)),
    user=HARBOR_UID, group=HARBOR_UID, user_why=harbor_user_why("core"),
    program=("/harbor/harbor_core",),
    working_dir="/harbor",
    working_dir_why=("core reads migrations/postgresql/ (src/common/dao/pgsql.go), ./icons/*.png "
                     "(src/controller/icon/controller.go) and beego's views relative to it; the Dockerfile "
                     "copies them into /harbor and sets WORKDIR /harbor/"),
    writes=(
        Write(path="/tmp", persists=False, cite=Cite(HARBOR, "src/core/main.go", "web.BConfig.MaxMemory"),
              why="multipart uploads beyond beego's MaxMemory spill into os.TempDir (Go's mime/multipart)"),
    ),
    env=(
        *(Env(name=name, cite=METADATA) for name in CORE_METADATA_ENV),
        Env(name="TOKEN_SERVICE_URL", cite=METADATA,
            reason="loaded into core's configuration store, which no code of v2.15.1 reads it from; set so that "
                   "the store holds this instance's address instead of the default http://core:8080"),
        Env(name="CONFIG_PATH", cite=Cite(HARBOR, "src/core/controllers/base.go", "init: app.conf")),
        HARBOR_LOGGER, CORE_SECRET, JOBSERVICE_SECRET, *REGISTRY_CREDENTIALS, REGISTRY_CLIENT_TIMEOUT,
        Env(name="PORTAL_URL", cite=Cite(HARBOR, "src/lib/config/systemconfig.go", "GetPortalURL")),
        Env(name="PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE",
            cite=Cite(HARBOR, "src/lib/config/systemconfig.go", "GetPermittedRegistryTypesForProxyCache")),
        Env(name="CSRF_KEY", cite=Cite(HARBOR, "src/server/middleware/csrf/csrf.go")),
        REDIS_URL_CORE,
        Env(name="_REDIS_URL_REG", cite=Cite(HARBOR, "src/lib/redis/client.go, src/server/v2.0/handler/gc.go")),
        Env(name="_REDIS_URL_HARBOR", cite=Cite(HARBOR, "src/core/main.go")),
        *(Env(name=name, cite=Cite(HARBOR, "src/common/http/tls.go")) for name in (
            "INTERNAL_TLS_ENABLED", "INTERNAL_VERIFY_CLIENT_CERT", "INTERNAL_TLS_KEY_PATH", "INTERNAL_TLS_CERT_PATH")),
        *METRIC_NAMES,
        PGX_ROOT_CERT, *GO_RUNTIME, *REDIS_CREDENTIALS,
    ),
    config_files=(
        ConfigFile(path="/etc/core/app.conf", keys=("appname", "runmode", "enablegzip", "httpport"),
                   cite=Cite("beego/beego v2.3.10", "server/web/config.go", "assignConfig"),
                   note="beego's settings; the HTTP port comes from here, not from a PORT variable"),
        ConfigFile(path="/etc/core/key", keys=(), cite=Cite(HARBOR, "src/lib/encrypt/encrypt.go", "defaultKeyPath")),
        ConfigFile(path="/etc/core/private_key.pem", keys=(),
                   cite=Cite(HARBOR, "src/lib/config/config.go", "defaultRegistryTokenPrivateKeyPath")),
    ),
)

JOBSERVICE_CONFIG = "/etc/jobservice/config.yml"
JOBSERVICE = ImageContract(
    repository="harbor-jobservice",
    dockerfile=Cite(HARBOR, "make/photon/jobservice/Dockerfile"),
    entrypoint=install_cert_entrypoint("jobservice", "/harbor/entrypoint.sh",
                                       ("/harbor/harbor_jobservice", "-c", JOBSERVICE_CONFIG)),
    user=HARBOR_UID, group=HARBOR_UID, user_why=harbor_user_why("jobservice"),
    program=("/harbor/harbor_jobservice", "-c", JOBSERVICE_CONFIG),
    writes=(
        Write(path="/var/log/jobs", persists=True,
              cite=Cite(HARBOR, "src/jobservice/logger/backend/file_logger.go", "NewFileLogger; Dockerfile VOLUME"),
              why="one log file per job, which core reads back through jobservice's API after the job ended",
              config=ConfigValue(file=JOBSERVICE_CONFIG,
                                 key=("job_loggers", ("name", "FILE"), "settings", "base_dir"))),
        Write(path="/tmp", persists=False, cite=Cite(HARBOR, "src/pkg/scan/export/constants.go", "ScanDataExportDir"),
              why="the CSV files of scan data exports, until core has fetched them"),
    ),
    env=(
        Env(name="CORE_URL", cite=Cite(HARBOR, "src/jobservice/config/config.go, src/pkg/config/rest/manager.go")),
        CORE_SECRET, JOBSERVICE_SECRET, HARBOR_LOGGER, *REGISTRY_CREDENTIALS, REGISTRY_CLIENT_TIMEOUT, REDIS_URL_CORE,
        Env(name="REGISTRY_URL", cite=Cite(HARBOR, "src/lib/config/systemconfig.go", "RegistryURL")),
        Env(name="REGISTRY_CONTROLLER_URL", cite=Cite(HARBOR, "src/common/registryctl/client.go")),
        *(Env(name=name, cite=Cite(HARBOR, "src/jobservice/job/impl/notification/http_helper.go, webhook_job.go"))
          for name in ("JOBSERVICE_WEBHOOK_JOB_MAX_RETRY", "JOBSERVICE_WEBHOOK_JOB_HTTP_CLIENT_TIMEOUT")),
        *(Env(name=name, cite=Cite(HARBOR, "src/jobservice/config/config.go", "loadEnvs")) for name in (
            "JOB_SERVICE_PROTOCOL", "JOB_SERVICE_PORT", "JOB_SERVICE_HTTPS_CERT", "JOB_SERVICE_HTTPS_KEY",
            "JOB_SERVICE_POOL_BACKEND", "JOB_SERVICE_POOL_WORKERS", "JOB_SERVICE_POOL_REDIS_URL",
            "JOB_SERVICE_POOL_REDIS_NAMESPACE", "JOB_SERVICE_POOL_REDIS_CONN_IDLE_TIMEOUT_SECOND",
            "MAX_JOB_DURATION_SECONDS")),
        *METRIC_NAMES,
        PGX_ROOT_CERT, *GO_RUNTIME, *REDIS_CREDENTIALS,
    ),
    config_files=(
        ConfigFile(path=JOBSERVICE_CONFIG,
                   keys=("protocol", "port", "worker_pool", "job_loggers", "metric", "loggers", "reaper",
                         "max_retrieve_size_mb"),
                   cite=Cite(HARBOR, "src/jobservice/config/config.go", "Configuration"),
                   note="a Redis URL's idle_timeout_seconds overrides worker_pool.redis_pool.idle_timeout_second "
                        "(src/lib/redis/pool.go GetRedisPool)"),
    ),
    notes=("TOKEN_SERVICE_URL is not read: the token service's address is CORE_URL + /service/token "
           "(src/lib/config/systemconfig.go InternalTokenServiceEndpoint)",),
)

REGISTRY_CONFIG = "/etc/registry/config.yml"
STORAGE_ROOT = ConfigValue(file=REGISTRY_CONFIG, key=("storage", "filesystem", "rootdirectory"),
                           absent_means_unused=True)
# distribution overrides any key of its config with REGISTRY_<PATH> from the environment
DISTRIBUTION_OVERRIDES = Cite(DISTRIBUTION, "configuration/parser.go", "Parse: REGISTRY_ prefix")

REGISTRY = ImageContract(
    repository="registry-photon",
    dockerfile=Cite(HARBOR, "make/photon/registry/Dockerfile"),
    entrypoint=install_cert_entrypoint("registry", "/home/harbor/entrypoint.sh",
                                       ("/usr/bin/registry_DO_NOT_USE_GC", "serve", REGISTRY_CONFIG)),
    user=HARBOR_UID, group=HARBOR_UID, user_why=harbor_user_why("registry"),
    program=("/usr/bin/registry_DO_NOT_USE_GC", "serve", REGISTRY_CONFIG),
    writes=(
        Write(path="/storage", persists=True, config=STORAGE_ROOT,
              cite=Cite(DISTRIBUTION, "registry/storage/driver/filesystem/driver.go", "rootdirectory"),
              why="the image blobs and manifests, with the filesystem driver (none with S3)"),
    ),
    env=(
        Env(name="REGISTRY_CONFIGURATION_PATH", cite=Cite(DISTRIBUTION, "registry/registry.go")),
        *GO_RUNTIME,
    ),
    env_prefixes=(Env(name="REGISTRY_", cite=DISTRIBUTION_OVERRIDES),),
    config_files=(
        ConfigFile(path=REGISTRY_CONFIG, keys=("version", "log", "storage", "redis", "http", "auth", "validation",
                                               "compatibility"),
                   cite=Cite(DISTRIBUTION, "configuration/configuration.go", "Configuration"),
                   note="log.level accepts only error, warn, info, debug (Loglevel.UnmarshalYAML)"),
    ),
)

REGISTRYCTL_CONFIG = "/etc/registryctl/config.yml"
REGISTRYCTL_SOURCE = Cite(HARBOR, "src/registryctl/config/config.go")
REGISTRYCTL = ImageContract(
    repository="harbor-registryctl",
    dockerfile=Cite(HARBOR, "make/photon/registryctl/Dockerfile"),
    entrypoint=install_cert_entrypoint("registryctl", "/home/harbor/start.sh",
                                       ("/home/harbor/harbor_registryctl", "-c", REGISTRYCTL_CONFIG)),
    user=HARBOR_UID, group=HARBOR_UID, user_why=harbor_user_why("registryctl"),
    program=("/home/harbor/harbor_registryctl", "-c", REGISTRYCTL_CONFIG),
    writes=(
        Write(path="/storage", persists=True, config=STORAGE_ROOT,
              cite=Cite(HARBOR, "src/registryctl/config/config.go", "setStorageDriver"),
              why="deletes blobs and manifests through the registry's storage driver (garbage collection)"),
    ),
    env=(
        CORE_SECRET, JOBSERVICE_SECRET,
        Env(name="LOG_LEVEL", cite=Cite(HARBOR, "src/lib/log/logger.go", "init (registryctl's logger)")),
        *(Env(name=name, cite=REGISTRYCTL_SOURCE) for name in (
            "PORT", "REGISTRYCTL_PROTOCOL", "REGISTRYCTL_HTTPS_CERT", "REGISTRYCTL_HTTPS_KEY", "REGISTRY_CONFIG")),
        *GO_RUNTIME,
    ),
    # registryctl parses the registry's config, overrides included, for the storage driver only
    env_prefixes=(Env(name="REGISTRY_STORAGE_", cite=Cite(HARBOR, "src/registryctl/config/config.go",
                                                          "setStorageDriver, via " + str(DISTRIBUTION_OVERRIDES))),),
    config_files=(
        ConfigFile(path=REGISTRYCTL_CONFIG, keys=("protocol", "port", "registry_config"), cite=REGISTRYCTL_SOURCE,
                   note="log_level is parsed but read by nothing (GetLogLevel has no caller); LOG_LEVEL sets the level"),
        ConfigFile(path=REGISTRY_CONFIG, keys=("storage",), cite=REGISTRYCTL_SOURCE,
                   note="parsed whole by distribution, so an invalid log.level stops registryctl too"),
    ),
)

TRIVY_CONFIG = Cite(ADAPTER, "pkg/etc/config.go")
TRIVY = ImageContract(
    repository="trivy-adapter-photon",
    dockerfile=Cite(HARBOR, "make/photon/trivy-adapter/Dockerfile"),
    entrypoint=install_cert_entrypoint("trivy-adapter", "/home/scanner/entrypoint.sh",
                                       ("/home/scanner/bin/scanner-trivy",)),
    user=HARBOR_UID, group=HARBOR_UID,
    user_why=("the image's `scanner` user (useradd -u 10000, make/photon/trivy-adapter/Dockerfile.base); the "
              "adapter binary is chown scanner and chmod u+x"),
    program=("/home/scanner/bin/scanner-trivy",),
    writes=(
        Write(path="/home/scanner/.cache/trivy", env="SCANNER_TRIVY_CACHE_DIR", persists=True, cite=TRIVY_CONFIG,
              why="the vulnerability databases (hundreds of MB), downloaded again after every restart otherwise"),
        Write(path="/home/scanner/.cache/reports", env="SCANNER_TRIVY_REPORTS_DIR", persists=False,
              cite=Cite(ADAPTER, "pkg/trivy/wrapper.go", "Scan: a temp file per scan, removed after"),
              why="each scan's report, until the adapter has read it"),
        Write(path="/tmp", persists=False,
              cite=Cite(HARBOR, "Makefile", "TRIVYVERSION=v0.70.0: the trivy CLI the adapter runs"),
              why="the trivy CLI's temporary files (os.TempDir); trivy's own source is not among the pinned "
                  "sources, so this row is a precaution"),
    ),
    env=(
        *(Env(name=name, cite=TRIVY_CONFIG) for name in (
            "SCANNER_LOG_LEVEL", "SCANNER_TRIVY_CACHE_DIR", "SCANNER_TRIVY_REPORTS_DIR", "SCANNER_TRIVY_DEBUG_MODE",
            "SCANNER_TRIVY_VULN_TYPE", "SCANNER_TRIVY_SECURITY_CHECKS", "SCANNER_TRIVY_SEVERITY",
            "SCANNER_TRIVY_IGNORE_UNFIXED", "SCANNER_TRIVY_IGNORE_POLICY", "SCANNER_TRIVY_SKIP_UPDATE",
            "SCANNER_TRIVY_SKIP_JAVA_DB_UPDATE", "SCANNER_TRIVY_DB_REPOSITORY", "SCANNER_TRIVY_JAVA_DB_REPOSITORY",
            "SCANNER_TRIVY_OFFLINE_SCAN", "SCANNER_TRIVY_GITHUB_TOKEN", "SCANNER_TRIVY_INSECURE",
            "SCANNER_TRIVY_VEX_SOURCE", "SCANNER_TRIVY_SKIP_VEX_REPO_UPDATE", "SCANNER_TRIVY_TIMEOUT",
            "SCANNER_API_SERVER_ADDR", "SCANNER_API_SERVER_TLS_CERTIFICATE", "SCANNER_API_SERVER_TLS_KEY",
            "SCANNER_API_SERVER_CLIENT_CAS", "SCANNER_API_SERVER_READ_TIMEOUT", "SCANNER_API_SERVER_WRITE_TIMEOUT",
            "SCANNER_API_SERVER_IDLE_TIMEOUT", "SCANNER_API_SERVER_METRICS_ENABLED",
            "SCANNER_STORE_REDIS_NAMESPACE", "SCANNER_STORE_REDIS_SCAN_JOB_TTL",
            "SCANNER_JOB_QUEUE_REDIS_NAMESPACE", "SCANNER_JOB_QUEUE_WORKER_CONCURRENCY",
            "SCANNER_REDIS_URL", "SCANNER_REDIS_POOL_MAX_ACTIVE", "SCANNER_REDIS_POOL_MAX_IDLE",
            "SCANNER_REDIS_POOL_IDLE_TIMEOUT", "SCANNER_REDIS_POOL_CONNECTION_TIMEOUT",
            "SCANNER_REDIS_POOL_READ_TIMEOUT", "SCANNER_REDIS_POOL_WRITE_TIMEOUT")),
        Env(name="TRIVY_VERSION", cite=Cite(ADAPTER, "pkg/harbor/model.go"),
            reason="set by the image (Dockerfile ENV); listed so that a container may repeat it"),
        *GO_RUNTIME, *REDIS_CREDENTIALS,
    ),
    notes=("SCANNER_STORE_REDIS_URL and SCANNER_JOB_QUEUE_REDIS_URL, which the chart sets, are read by no field of "
           "v0.36.0's Config: SCANNER_REDIS_URL serves both",
           "the adapter hands its whole environment to the trivy CLI it runs (pkg/trivy/wrapper.go prepareScanCmd)"),
)

# nginx in the portal and entry point images: CMD nginx, no entrypoint script
NGINX_CONF = "/etc/nginx/nginx.conf"
NGINX_USER_WHY = ("the image's `nginx` user, moved to uid and gid 10000 (usermod -u 10000); USER nginx is a name, "
                  "which runAsNonRoot cannot check, so the pod must give the number")


def nginx_writes(dockerfile: Cite) -> tuple[Write, ...]:
    """The pid file and the five temp paths; their defaults lie under the image's VOLUMEs."""
    volume = Cite(dockerfile.repo, dockerfile.path, "VOLUME /var/cache/nginx /var/log/nginx /run")
    pid = Write(path="/run/nginx.pid", persists=False, cite=volume,
                config=ConfigValue(file=NGINX_CONF, key=("pid",), format=ConfigFormat.NGINX),
                why="the master's pid file; by default under /run, a VOLUME of the image")
    temps = tuple(Write(path=f"/var/cache/nginx/{kind}_temp", persists=False, cite=volume,
                        config=ConfigValue(file=NGINX_CONF, key=(f"{kind}_temp_path",), format=ConfigFormat.NGINX),
                        why=f"{kind} buffers that overflow to disk; created at start even if never used")
                  for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (pid, *temps)


def nginx_contract(repository: str, folder: str) -> ImageContract:
    dockerfile = Cite(HARBOR, f"make/photon/{folder}/Dockerfile")
    return ImageContract(
        repository=repository,
        dockerfile=dockerfile,
        entrypoint=Entrypoint(argv=("nginx", "-g", "daemon off;"), does="nginx in the foreground (CMD)", writes=(),
                              cite=dockerfile),
        user=HARBOR_UID, group=HARBOR_UID, user_why=NGINX_USER_WHY + f" (make/photon/{folder}/Dockerfile.base)",
        program=("nginx", "-g", "daemon off;"),
        writes=nginx_writes(dockerfile),
        config_files=(ConfigFile(path=NGINX_CONF, keys=("pid", "*_temp_path", "http"), cite=dockerfile),),
        notes=("access.log and error.log under /var/log/nginx are links to stdout and stderr (Dockerfile.base)",),
    )


PORTAL = nginx_contract("harbor-portal", "portal")
NGINX = nginx_contract("nginx-photon", "nginx")

DB_ENTRYPOINT = Cite(HARBOR, "make/photon/db/docker-entrypoint.sh")
PGDATA = Write(path="/var/lib/postgresql/data", env="PGDATA", persists=True,
               cite=Cite(HARBOR, "make/photon/db/Dockerfile.base", "ENV PGDATA; docker-entrypoint.sh initPG $PGDATA/pg15"),
               why="the database cluster: initdb creates it on the first start, postgres writes it ever after")
DATABASE_WRITES = (
    PGDATA,
    Write(path="/run/postgresql", persists=False,
          cite=Cite(HARBOR, "make/photon/db/Dockerfile.base", "unix_socket_directories = '/run/postgresql'"),
          why="postgres' Unix socket and its lock file"),
    Write(path="/tmp", persists=False, cite=Cite(HARBOR, "make/photon/db/upgrade.sh", "cd /tmp"),
          why="pg_upgrade's work and log files, when data of the previous major version is upgraded"),
)
DATABASE = ImageContract(
    repository="harbor-db",
    dockerfile=Cite(HARBOR, "make/photon/db/Dockerfile"),
    entrypoint=Entrypoint(
        argv=("/docker-entrypoint.sh", "14", "15"),
        does="on a fresh PGDATA runs initdb and the SQL of /docker-entrypoint-initdb.d (initdb.sh initPG), "
             "upgrades PostgreSQL 14 data with pg_upgrade, then execs postgres -D $PGDATA/pg15",
        writes=DATABASE_WRITES, cite=DB_ENTRYPOINT),
    user=999, group=999,
    user_why=("the image's `postgres` user (useradd --uid=999, make/photon/db/Dockerfile.base), which owns "
              "PGDATA and /run/postgresql there"),
    program=("/docker-entrypoint.sh", "14", "15"),
    # /bin/bash runs the database backup's script (database_backup.py) with the image's client programs,
    # and the preStop's fast shutdown (database.py STOP_COMMAND, with pg_ctl of the running major: PostgreSQL
    # 15's programs are in /usr/pgsql/15/bin); the healthcheck is the probes' (COPY'd by make/photon/db/Dockerfile)
    other_programs=("/bin/sh", "/bin/bash", "/docker-healthcheck.sh", "/usr/pgsql/15/bin/pg_ctl"),
    writes=DATABASE_WRITES,
    env=(
        Env(name="POSTGRES_PASSWORD", cite=Cite(HARBOR, "make/photon/db/initdb.sh, docker-healthcheck.sh")),
        Env(name="PGDATA", cite=DB_ENTRYPOINT),
        *(Env(name=name, cite=Cite(HARBOR, "make/photon/db/initdb.sh", "file_env")) for name in (
            "POSTGRES_USER", "POSTGRES_DB", "POSTGRES_INITDB_ARGS", "POSTGRES_INITDB_XLOGDIR", "PGUSER")),
        Env(name="POSTGRES_MAX_CONNECTIONS", cite=DB_ENTRYPOINT),
        # what the client programs of the image (psql, pg_dump, pg_restore) read: the backup's connection
        *(Env(name=name, cite=Cite(LIBPQ, "src/interfaces/libpq/fe-connect.c", "PQconninfoOptions envvar"))
          for name in ("PGHOST", "PGPORT", "PGDATABASE", "PGPASSWORD", "PGCONNECT_TIMEOUT")),
    ),
    notes=("initdb.sh splices POSTGRES_PASSWORD into SQL between single quotes: a ' in it fails the first start "
           "(secret_generator.check_database_password)",),
)

REDIS = ImageContract(
    repository="redis-photon",
    dockerfile=Cite(HARBOR, "make/photon/redis/Dockerfile"),
    entrypoint=Entrypoint(argv=("redis-server", "/etc/redis.conf"), does="redis-server in the foreground (CMD)",
                          writes=(), cite=Cite(HARBOR, "make/photon/redis/Dockerfile")),
    user=999, group=999,
    user_why="the image's `redis` user (useradd -u 999, make/photon/redis/Dockerfile.base), owner of /var/lib/redis",
    program=("redis-server", "/etc/redis.conf"),
    writes=(
        Write(path="/var/lib/redis", persists=True, cite=Cite(HARBOR, "make/photon/redis/redis.conf", "dir /var/lib/redis"),
              why="snapshots (dump.rdb) of jobservice's queues, core's sessions and caches"),
    ),
    notes=("redis.conf names pidfile /var/run/redis_6379.pid, which is not writable here and not listed: redis "
           "goes on without it (_components/redis.py)",),
)

# The exporter's settings: viper keys of src/cmd/exporter/main.go, read from HARBOR_<KEY> (prefix
# `harbor`, `.` -> `_`). Keys main.go reads only to log them are left out on purpose, so that the
# check reports them as settings that change nothing: HARBOR_EXPORTER_METRICS_ENABLED,
# _MAX_REQUESTS, _TLS_ENABLED, _TLS_CERT, _TLS_KEY (the server is always plain HTTP,
# src/pkg/exporter/exporter.go `newServer`).
EXPORTER_MAIN = Cite(HARBOR, "src/cmd/exporter/main.go", "viper keys, SetEnvPrefix(\"harbor\")")
EXPORTER_SETTINGS = (
    "HARBOR_DATABASE_HOST", "HARBOR_DATABASE_PORT", "HARBOR_DATABASE_USERNAME", "HARBOR_DATABASE_PASSWORD",
    "HARBOR_DATABASE_DBNAME", "HARBOR_DATABASE_SSLMODE", "HARBOR_DATABASE_MAX_IDLE_CONNS",
    "HARBOR_DATABASE_MAX_OPEN_CONNS", "HARBOR_DATABASE_CONN_MAX_LIFETIME", "HARBOR_DATABASE_CONN_MAX_IDLE_TIME",
    "HARBOR_SERVICE_SCHEME", "HARBOR_SERVICE_HOST", "HARBOR_SERVICE_PORT",
    "HARBOR_REDIS_URL", "HARBOR_REDIS_NAMESPACE", "HARBOR_REDIS_TIMEOUT",
    "HARBOR_EXPORTER_PORT", "HARBOR_EXPORTER_METRICS_PATH", "HARBOR_EXPORTER_CACHE_TIME",
    "HARBOR_EXPORTER_CACHE_CLEAN_INTERVAL",
)
EXPORTER_LOGGED_ONLY = ("HARBOR_EXPORTER_METRICS_ENABLED", "HARBOR_EXPORTER_MAX_REQUESTS",
                        "HARBOR_EXPORTER_TLS_ENABLED", "HARBOR_EXPORTER_TLS_CERT", "HARBOR_EXPORTER_TLS_KEY")
EXPORTER = ImageContract(
    repository="harbor-exporter",
    dockerfile=Cite(HARBOR, "make/photon/exporter/Dockerfile"),
    entrypoint=install_cert_entrypoint("exporter", "/harbor/entrypoint.sh", ("/harbor/harbor_exporter",)),
    user=HARBOR_UID, group=HARBOR_UID, user_why=harbor_user_why("exporter"),
    program=("/harbor/harbor_exporter",),
    # the binary writes no file: logs go to stdout (src/lib/log), the caches are in memory
    writes=(),
    env=(
        *(Env(name=name, cite=EXPORTER_MAIN) for name in EXPORTER_SETTINGS),
        HARBOR_LOGGER,
        *(Env(name=name, cite=Cite(HARBOR, "src/lib/pprof.go", "StartPprof")) for name in ("PPROF_ENABLED",
                                                                                          "PPROF_ADDR")),
        PGX_ROOT_CERT, *GO_RUNTIME, *REDIS_CREDENTIALS,
    ),
    notes=("the entrypoint script ignores container args (it execs the binary without \"$@\"), and the binary "
           "parses no flags: everything is environment",
           "HARBOR_METRIC_NAMESPACE/SUBSYSTEM, which the chart sets, are read by nothing: the exporter hard-codes "
           "the prefix harbor_ (src/pkg/exporter/collector.go)"),
)

CONTRACTS: Mapping[str, ImageContract] = MappingProxyType({
    c.repository: c for c in (CORE, JOBSERVICE, REGISTRY, REGISTRYCTL, TRIVY, PORTAL, NGINX, DATABASE, REDIS,
                               EXPORTER)})


def image_repository(image: str) -> str:
    """The last path segment of an image reference, without tag or digest: what CONTRACTS is keyed by."""
    name = image.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    return last.split(":", 1)[0]


def contract_for(image: str) -> ImageContract | None:
    """The contract of a Harbor image, by its name under any registry or mirror; None for others."""
    return CONTRACTS.get(image_repository(image))
