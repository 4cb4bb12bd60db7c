"""Harbor core: the API, the UI backend, the token service and the proxy-cache logic.

Core reads its settings from environment variables and one Beego `app.conf`; its secrets come from
the synced Secrets by handle (env vars and two files), never from a Secret this library writes.
"""

from __future__ import annotations

from collections.abc import Mapping

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..harbor_secrets import REGISTRY_USER
from .checksum import checksum
from .connections import ca_bundle_env, ca_bundle_mounts, ca_bundle_volumes
from .constants import CORE, CORE_PORT
from .context import HarborContext
from .log_levels import LogReader, log_level
from .metrics_env import metrics_container_ports, metrics_environment, metrics_service_ports
from .pods import container_security, http_probe, resources
from .volumes import config_volume, empty_dir, secret_file_volume
from .workloads import config_map, deployment, deployment_strategy, harbor_pod, service

COMPONENT = CORE

# Where core looks for its files (Harbor 2.15.1 defaults; CONFIG_PATH points at the first).
APP_CONF_KEY = "app.conf"
APP_CONF_PATH = "/etc/core/app.conf"
SECRET_KEY_PATH = "/etc/core/key"
TOKEN_PRIVATE_KEY_PATH = "/etc/core/private_key.pem"
TMP_DIR = "/tmp"
# The binary the image's entrypoint script finally execs (see `_container` for why we call it directly).
CORE_BINARY = "/harbor/harbor_core"
# core reads its schema migrations, artifact icons and views relative to its working directory:
# "migrations/postgresql/" (src/common/dao/pgsql.go), "./icons/*.png" (src/controller/icon/controller.go)
# and beego's "views"; the image copies them into /harbor (make/photon/core/Dockerfile, WORKDIR /harbor/).
WORKING_DIR = "/harbor"

# The registry storage driver's name, which core reports in its system information (src/controller/systeminfo).
STORAGE_PROVIDER_FILESYSTEM = "filesystem"
STORAGE_PROVIDER_S3 = "s3"

# Registry types a proxy-cache project may point at, and the adapters replication may use:
# Harbor 2.15.1's lists, kept as tuples so that adding one is a one-word change.
PROXY_CACHE_REGISTRY_TYPES = ("docker-hub", "harbor", "azure-acr", "ali-acr", "aws-ecr", "google-gcr",
                              "docker-registry", "github-ghcr", "jfrog-artifactory")
REPLICATION_ADAPTERS = ("ali-acr", "aws-ecr", "azure-acr", "docker-hub", "docker-registry", "github-ghcr",
                        "google-gcr", "harbor", "huawei-SWR", "jfrog-artifactory", "tencent-tcr", "volcengine-cr")

# Probes: core answers /api/v2.0/ping once the database migration is done, which can take a while
# on the first start, hence the long startup budget (360 x 10 s) before liveness applies.
PING_PATH = "/api/v2.0/ping"

IniValue = str | int | bool


def render_ini(top: Mapping[str, IniValue], sections: Mapping[str, Mapping[str, IniValue]]) -> str:
    """A Beego INI file: `top` keys before any section header, then each section in order."""

    def lines(values: Mapping[str, IniValue]) -> list[str]:
        return [f"{key} = {_ini_value(value)}" for key, value in values.items()]

    blocks = ["\n".join(lines(top))] if top else []
    blocks += ["\n".join([f"[{name}]", *lines(values)]) for name, values in sections.items()]
    return "\n\n".join(blocks) + "\n"


def _ini_value(value: IniValue) -> str:
    if isinstance(value, bool):         # before int: bool is an int in Python
        return "true" if value else "false"
    return str(value)


def app_conf() -> str:
    """Core's Beego settings: only the HTTP port matters, the rest is read from the environment."""
    return render_ini(
        {"appname": "Harbor", "runmode": "prod", "enablegzip": True},
        {"prod": {"httpport": CORE_PORT}},
    )


def core_environment(ctx: HarborContext) -> dict[str, str]:
    """Every non-secret setting core 2.15.1 reads from its environment, addresses from the Endpoints.

    The Redis URLs are here only when they carry no credentials; otherwise they are env values of
    the pod that reference the password's env var (see `redis_url_env`), never ConfigMap data.
    """
    ep = ctx.endpoints
    db = ctx.database
    redis = ctx.redis
    # Not set, as no code of core 2.15.1 reads them: PORT (core listens on app.conf's httpport) and
    # CHART_CACHE_DRIVER (a ChartMuseum setting; ChartMuseum is gone since 2.8).
    env = {
        "CONFIG_PATH": APP_CONF_PATH,
        "LOG_LEVEL": log_level(LogReader.HARBOR, ctx.log_level),
        "EXT_ENDPOINT": ctx.external_url,
        "CORE_URL": ep.core.url,
        "CORE_LOCAL_URL": f"http://127.0.0.1:{CORE_PORT}",
        # loaded into core's configuration store (src/lib/config/metadata/metadatalist.go EnvKey); no
        # code of 2.15.1 uses it, but the store then holds our address rather than "http://core:8080"
        "TOKEN_SERVICE_URL": f"{ep.core.url}/service/token",
        "JOBSERVICE_URL": ep.jobservice.url,
        "PORTAL_URL": ep.portal.url,
        "REGISTRY_URL": ep.registry.url,
        "REGISTRY_CONTROLLER_URL": ep.registryctl.url,
        "REGISTRY_CREDENTIAL_USERNAME": REGISTRY_USER,
        "REGISTRY_STORAGE_PROVIDER_NAME": (STORAGE_PROVIDER_S3 if ctx.image_storage is not None
                                           else STORAGE_PROVIDER_FILESYSTEM),
        "DATABASE_TYPE": "postgresql",
        "POSTGRESQL_HOST": db.host,
        "POSTGRESQL_PORT": str(db.port),
        "POSTGRESQL_USERNAME": db.user,
        "POSTGRESQL_DATABASE": db.database,
        "POSTGRESQL_SSLMODE": db.ssl_mode.value,
        "POSTGRESQL_MAX_IDLE_CONNS": str(db.max_idle_connections),
        "POSTGRESQL_MAX_OPEN_CONNS": str(db.max_open_connections),
        "WITH_TRIVY": "true" if ctx.trivy is not None else "false",
        "PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE": ",".join(PROXY_CACHE_REGISTRY_TYPES),
        "REPLICATION_ADAPTER_WHITELIST": ",".join(REPLICATION_ADAPTERS),
        "QUOTA_UPDATE_PROVIDER": "db",
    }
    if not redis.has_credentials:
        env.update(redis_urls(ctx))
    if ctx.trivy is not None:
        # core registers this scanner on start; without Trivy it must not name a Service that does not exist
        env["TRIVY_ADAPTER_URL"] = ep.trivy.url
    env.update(ctx.proxy_variables())
    env.update(metrics_environment(ctx, COMPONENT, core=True))
    return env


def redis_urls(ctx: HarborContext) -> dict[str, str]:
    """core's Redis URLs: its own database (sessions, caches) and the registry's."""
    return {
        "_REDIS_URL_CORE": ctx.redis.url(ctx.redis.databases.core),
        # core reads the registry's redis database to clean up its blob cache on deletes
        "_REDIS_URL_REG": ctx.redis.url(ctx.redis.databases.registry),
    }


def redis_url_env(ctx: HarborContext) -> list[k8s.EnvVar]:
    """With a Redis password: its env vars, then the URLs that reference them (order matters: the
    kubelet expands $(NAME) only from variables defined earlier in the list)."""
    if not ctx.redis.has_credentials:
        return []
    return [*ctx.redis.credential_env(),
            *(k8s.EnvVar(name=name, value=url) for name, url in sorted(redis_urls(ctx).items()))]


class Core(Construct):
    """ConfigMap, Deployment and Service `<instance>-core`.

    Hand-outs: `service` (the ServicePort clients and the nginx proxy use), `config_map`, `deployment`.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        # no volume core writes outlives the pod, so RollingUpdate is safe with any replica count
        strategy = deployment_strategy(COMPONENT, ctx.replicas.core, [])
        super().__init__(scope, id)

        self.service = ctx.endpoints.core
        name = ctx.name(COMPONENT)
        data = {APP_CONF_KEY: app_conf(), **core_environment(ctx)}
        self.config_map = config_map(self, "config", ctx, COMPONENT, name, data)

        volumes = [
            config_volume("config", name),
            secret_file_volume("secret-key", ctx.secrets.secret_key, "key"),
            secret_file_volume("token-service-private-key", ctx.secrets.token_private_key, "private_key.pem"),
            # core writes only temporary files, e.g. multipart uploads that spill out of memory. No
            # /etc/core/token volume, which the chart mounts: nothing in core 2.15.1 uses that path.
            empty_dir("tmp"),
            *ctx.database.ca_volumes(),
            *ca_bundle_volumes(ctx.ca_bundle),
        ]
        # Kubernetes' default grace period (30 s): core drains nothing on SIGTERM. It runs its shutdown
        # hooks and exits within 3 s, requests in flight or not (src/core/main.go at v2.15.1,
        # gracefulShutdown: `case <-time.After(time.Second * 3)`, then `os.Exit(0)`); a longer grace
        # period would only keep a stopped pod around.
        pod = harbor_pod(ctx, COMPONENT, replicas=ctx.replicas.core, containers=[self._container(ctx, name, data)],
                         volumes=volumes)
        self.deployment = deployment(self, "deployment", ctx, COMPONENT, replicas=ctx.replicas.core, pod=pod,
                                     config_checksum=checksum(data), strategy=strategy)
        service(self, "service", ctx, COMPONENT, ctx.endpoints.core, [
            ("http-web", ctx.endpoints.core, CORE_PORT), *metrics_service_ports(ctx, ctx.endpoints.core_metrics)])

    @staticmethod
    def _container(ctx: HarborContext, config_map_name: str, data: Mapping[str, str]) -> k8s.Container:
        # The ConfigMap holds app.conf next to the env keys. `envFrom` would turn every key into an
        # env var, `app.conf` and its multi-line content included (the chart's pitfall), so each env
        # key is listed explicitly with a configMapKeyRef: the ConfigMap stays the one place of the
        # values (and of the checksum), and the pod spec says exactly which variables core gets.
        config_env = [
            k8s.EnvVar(name=key, value_from=k8s.EnvVarSource(
                config_map_key_ref=k8s.ConfigMapKeySelector(name=config_map_name, key=key)))
            for key in sorted(data) if key != APP_CONF_KEY
        ]
        s = ctx.secrets
        secret_env = [
            s.core_secret.env_var("CORE_SECRET"),
            s.jobservice_secret.env_var("JOBSERVICE_SECRET"),
            # read on the first start against an empty database only; see docs/design.md, "The admin password must really work"
            s.admin_password.env_var("HARBOR_ADMIN_PASSWORD"),
            # the synced key for the bundled or an external database, or the Secret a CloudNativePG
            # operator writes: always a secretKeyRef, the value never passes through a manifest
            ctx.database.password.env_var("POSTGRESQL_PASSWORD"),
            s.registry_password.env_var("REGISTRY_CREDENTIAL_PASSWORD"),
            s.csrf_key.env_var("CSRF_KEY"),
            *ctx.database.ca_env(),
            *ca_bundle_env(ctx.ca_bundle),
            *redis_url_env(ctx),
        ]
        ping = http_probe(PING_PATH, CORE_PORT, initial_delay=0, period=10, failure=2, timeout=1)
        return k8s.Container(
            name=COMPONENT,
            image=ctx.images.image("harbor-core"),
            image_pull_policy="IfNotPresent",
            # The image's entrypoint (/harbor/entrypoint.sh) first runs install_cert.sh under `set -e`: it
            # copies /etc/pki/tls/certs/ca-bundle.crt to ca-bundle.crt.original beside itself (/harbor) on
            # the first start, copies it back over the system bundle on every start and appends the
            # CAs of /etc/harbor/ssl and /harbor_cust_cert to it (make/photon/common/install_cert.sh).
            # Both copies fail on a read-only root, so the binary runs directly; private CAs come
            # through HarborRegistry.ca_bundle and SSL_CERT_DIR instead.
            command=[CORE_BINARY],
            working_dir=WORKING_DIR,
            ports=[k8s.ContainerPort(name="http", container_port=CORE_PORT, protocol="TCP"),
                   *metrics_container_ports(ctx)],
            env=[*config_env, *secret_env],
            resources=resources(ctx.resources.core),
            # core writes only to /tmp, an emptyDir
            security_context=container_security(read_only_root=True),
            startup_probe=http_probe(PING_PATH, CORE_PORT, initial_delay=10, period=10, failure=360, timeout=1),
            liveness_probe=ping,
            readiness_probe=ping,
            volume_mounts=[
                k8s.VolumeMount(name="config", mount_path=APP_CONF_PATH, sub_path=APP_CONF_KEY, read_only=True),
                k8s.VolumeMount(name="secret-key", mount_path=SECRET_KEY_PATH, sub_path="key", read_only=True),
                k8s.VolumeMount(name="token-service-private-key", mount_path=TOKEN_PRIVATE_KEY_PATH,
                                sub_path="private_key.pem", read_only=True),
                k8s.VolumeMount(name="tmp", mount_path=TMP_DIR),
                *ctx.database.ca_mounts(),
                *ca_bundle_mounts(ctx.ca_bundle),
            ],
        )
