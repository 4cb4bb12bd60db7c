"""The harbor-exporter: Harbor's own Prometheus exporter, one pod, with HarborMetrics only.

What it does (goharbor/harbor v2.15.1, src/cmd/exporter/main.go and src/pkg/exporter/): on every
scrape it asks core's health and systeminfo APIs anonymously (`harbor_up`, `harbor_health`,
`harbor_system_info`), reads projects, quotas, repositories and artifacts from Harbor's database
(`harbor_project_*`, `harbor_statistics_*`), and jobservice's queues from Redis (`harbor_task_*`).
The result is cached for `CACHE_SECONDS`. So it needs egress to core's Service, the database and
Redis, and only Prometheus calls it.

Its settings are environment variables read through viper with the prefix `harbor` and `.` -> `_`
(main.go: `viper.SetEnvPrefix("harbor")`, `SetEnvKeyReplacer`), so the key `database.host` is
HARBOR_DATABASE_HOST. main.go applies no defaults but two durations: an unset port listens on a
random port and an unset metrics path panics the mux, so both are always set.

One replica: every replica reports the same values from the same database, and sums over them
would count each project twice.
"""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from constructs import Construct

from .connection_budget import EXPORTER_MAX_IDLE_CONNECTIONS, EXPORTER_MAX_OPEN_CONNECTIONS
from .connections import ca_bundle_env, ca_bundle_mounts, ca_bundle_volumes
from .constants import EXPORTER, METRICS_PATH, METRICS_PORT, METRICS_PORT_NAME
from .context import HarborContext
from .jobservice import REDIS_NAMESPACE
from .log_levels import LogReader, log_level
from .pods import container_security, http_probe, resources
from .workloads import deployment, deployment_strategy, harbor_pod, service

COMPONENT = EXPORTER
# The binary the image's entrypoint finally execs (make/photon/exporter/entrypoint.sh): the script
# first runs install_cert.sh under `set -e`, which copies the system CA bundle into /harbor and
# rewrites it, both impossible on a read-only root, so the container runs the binary directly, as
# core and jobservice do.
EXPORTER_BINARY = "/harbor/harbor_exporter"
# Seconds a collector's result is kept, and how often the cache is swept (src/pkg/exporter/cache.go);
# the official chart's values (exporter.cacheDuration, cacheCleanInterval). The cache spares the
# database a round of queries per scrape when several Prometheus replicas scrape.
CACHE_SECONDS = 23
CACHE_CLEAN_INTERVAL_SECONDS = 14400


def exporter_environment(ctx: HarborContext) -> dict[str, str]:
    """Every non-secret setting the exporter reads, addresses from the Endpoints and the data stores.

    Left out, as main.go reads them only to log them: HARBOR_EXPORTER_METRICS_ENABLED,
    _MAX_REQUESTS and _TLS_* (the server is always plain HTTP). HARBOR_REDIS_TIMEOUT is left out
    too: the URL's idle_timeout_seconds replaces it (src/lib/redis/pool.go `GetRedisPool`).
    """
    core = ctx.endpoints.core
    db = ctx.database
    env = {
        "HARBOR_EXPORTER_PORT": str(METRICS_PORT),
        "HARBOR_EXPORTER_METRICS_PATH": METRICS_PATH,
        "HARBOR_EXPORTER_CACHE_TIME": str(CACHE_SECONDS),
        "HARBOR_EXPORTER_CACHE_CLEAN_INTERVAL": str(CACHE_CLEAN_INTERVAL_SECONDS),
        # core's Service: the exporter calls /api/v2.0/health and /api/v2.0/systeminfo without
        # credentials (src/pkg/exporter/harbor_cli.go, plain http.Get)
        "HARBOR_SERVICE_SCHEME": "http",
        "HARBOR_SERVICE_HOST": core.host,
        "HARBOR_SERVICE_PORT": str(core.port),
        # jobservice's queues: its Redis database and gocraft namespace (src/pkg/exporter/js_worker.go)
        "HARBOR_REDIS_NAMESPACE": REDIS_NAMESPACE,
        "HARBOR_DATABASE_HOST": db.host,
        "HARBOR_DATABASE_PORT": str(db.port),
        "HARBOR_DATABASE_USERNAME": db.user,
        "HARBOR_DATABASE_DBNAME": db.database,
        "HARBOR_DATABASE_SSLMODE": db.ssl_mode.value,
        "HARBOR_DATABASE_MAX_IDLE_CONNS": str(EXPORTER_MAX_IDLE_CONNECTIONS),
        "HARBOR_DATABASE_MAX_OPEN_CONNS": str(EXPORTER_MAX_OPEN_CONNECTIONS),
        "LOG_LEVEL": log_level(LogReader.HARBOR, ctx.log_level),
    }
    if not ctx.redis.has_credentials:
        env["HARBOR_REDIS_URL"] = redis_url(ctx)
    return env


def redis_url(ctx: HarborContext) -> str:
    return ctx.redis.url(ctx.redis.databases.jobservice)


class Exporter(Construct):
    """Deployment and Service `<instance>-exporter` (port 8001, `http-metrics`).

    Hand-outs: `service` (the ServicePort Prometheus scrapes) and `deployment`.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        # the exporter keeps nothing on disk: RollingUpdate, one replica (see the module's docstring)
        strategy = deployment_strategy(COMPONENT, 1, [])
        super().__init__(scope, id)
        self.service = ctx.endpoints.exporter
        pod = harbor_pod(ctx, COMPONENT, replicas=1, containers=[self._container(ctx)],
                         volumes=[*ctx.database.ca_volumes(), *ca_bundle_volumes(ctx.ca_bundle)])
        self.deployment = deployment(self, "deployment", ctx, COMPONENT, replicas=1, pod=pod, config_checksum=None,
                                     strategy=strategy)
        service(self, "service", ctx, COMPONENT, self.service, [(METRICS_PORT_NAME, self.service, METRICS_PORT)])

    @staticmethod
    def _container(ctx: HarborContext) -> k8s.Container:
        settings = [k8s.EnvVar(name=name, value=value) for name, value in sorted(exporter_environment(ctx).items())]
        credentials = [
            # the bundled database's password, an external server's, or the one a CloudNativePG
            # operator generated: the same handle core reads, never a value in the manifest
            ctx.database.password.env_var("HARBOR_DATABASE_PASSWORD"),
            *ctx.database.ca_env(),
            *ca_bundle_env(ctx.ca_bundle),
        ]
        if ctx.redis.has_credentials:
            # the password's env var first: the kubelet expands $(HARBOR_REDIS_PASSWORD) in the URL
            # only from variables defined before it
            credentials += [*ctx.redis.credential_env(), k8s.EnvVar(name="HARBOR_REDIS_URL", value=redis_url(ctx))]
        # every path but the metrics path answers a static page with 200 (src/pkg/exporter/exporter.go
        # `newServer`): alive once it listens, which it does after the database and Redis pools exist
        probe_path = "/"
        return k8s.Container(
            name=COMPONENT,
            image=ctx.images.image("harbor-exporter"),
            image_pull_policy="IfNotPresent",
            command=[EXPORTER_BINARY],
            ports=[k8s.ContainerPort(name=METRICS_PORT_NAME, container_port=METRICS_PORT, protocol="TCP")],
            env=[*settings, *credentials],
            resources=resources(ctx.resources.exporter),
            # the binary writes nothing: its logs go to stdout
            security_context=container_security(read_only_root=True),
            liveness_probe=http_probe(probe_path, METRICS_PORT, initial_delay=30),
            readiness_probe=http_probe(probe_path, METRICS_PORT, initial_delay=5),
            volume_mounts=[*ctx.database.ca_mounts(), *ca_bundle_mounts(ctx.ca_bundle)] or None,
        )
