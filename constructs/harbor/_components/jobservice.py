"""Harbor jobservice: runs replication, garbage collection, scans, retention and webhook jobs.

Its queue lives in redis; each job writes a log file to a volume that core reads back through
jobservice's API, so the volume survives pod restarts.
"""

from __future__ import annotations

from typing import Any

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..harbor_secrets import REGISTRY_USER
from ..kit.yaml_text import dump_yaml
from .checksum import checksum
from .connections import ca_bundle_env, ca_bundle_mounts, ca_bundle_volumes
from .constants import JOBSERVICE, JOBSERVICE_PORT, METRICS_PATH, METRICS_PORT
from .context import HarborContext
from .log_levels import LogReader, log_level
from .metrics_env import metrics_container_ports, metrics_environment, metrics_service_ports
from .pods import container_security, http_probe, resources
from .volumes import claim_volume, config_volume, empty_dir
from .workloads import (
    config_map,
    deployment,
    deployment_strategy,
    harbor_pod,
    persistent_claim,
    service,
)

COMPONENT = JOBSERVICE

CONFIG_KEY = "config.yml"
CONFIG_PATH = "/etc/jobservice/config.yml"
JOB_LOG_DIR = "/var/log/jobs"
TMP_DIR = "/tmp"
# The binary the image's entrypoint script finally execs (see `_container` for why we call it directly).
JOBSERVICE_BINARY = "/harbor/harbor_jobservice"

# Harbor's defaults: 10 concurrent workers; job logs swept after 14 days; a running job that reports
# nothing for 24 h is marked failed, and a dangling execution is given up after a week.
WORKERS = 10
JOB_LOG_RETENTION_DAYS = 14
REAPER_MAX_UPDATE_HOURS = 24
REAPER_MAX_DANGLING_HOURS = 168
# what a request for a job's log gets of it at most: the last 10 MiB (see `jobservice_config`)
LOG_RETRIEVE_LIMIT_MB = 10
REDIS_NAMESPACE = "harbor_job_service_namespace"
POOL_REDIS_URL_ENV = "JOB_SERVICE_POOL_REDIS_URL"
# The registry client's timeout, in minutes (src/pkg/registry/client.go `init`); 30 is Harbor's default.
REGISTRY_HTTP_CLIENT_TIMEOUT_MINUTES = 30
# Webhook jobs: retries, and the HTTP timeout in seconds (src/jobservice/job/impl/notification/http_helper.go).
WEBHOOK_JOB_MAX_RETRY = 3
WEBHOOK_JOB_HTTP_CLIENT_TIMEOUT_SECONDS = 3

STATS_PATH = "/api/v1/stats"


def jobservice_environment(ctx: HarborContext) -> dict[str, str]:
    """The non-secret variables jobservice 2.15.1 reads, addresses from the Endpoints.

    No TOKEN_SERVICE_URL: jobservice takes its configuration from core (src/pkg/config/rest) and
    builds the token service's address from CORE_URL (src/lib/config/systemconfig.go
    `InternalTokenServiceEndpoint`).
    """
    ep = ctx.endpoints
    return {
        "CORE_URL": ep.core.url,
        "REGISTRY_URL": ep.registry.url,
        "REGISTRY_CONTROLLER_URL": ep.registryctl.url,
        "REGISTRY_CREDENTIAL_USERNAME": REGISTRY_USER,
        "REGISTRY_HTTP_CLIENT_TIMEOUT": str(REGISTRY_HTTP_CLIENT_TIMEOUT_MINUTES),
        "JOBSERVICE_WEBHOOK_JOB_MAX_RETRY": str(WEBHOOK_JOB_MAX_RETRY),
        "JOBSERVICE_WEBHOOK_JOB_HTTP_CLIENT_TIMEOUT": str(WEBHOOK_JOB_HTTP_CLIENT_TIMEOUT_SECONDS),
        "LOG_LEVEL": log_level(LogReader.HARBOR, ctx.log_level),
        **ctx.proxy_variables(),
        # the names of its metrics (metrics_env.py); the listener itself is config.yml's `metric`
        **metrics_environment(ctx, JOBSERVICE),
    }


def jobservice_redis_url(ctx: HarborContext) -> str:
    return ctx.redis.url(ctx.redis.databases.jobservice)


def redis_url_env(ctx: HarborContext) -> list[k8s.EnvVar]:
    """With a Redis password: its env vars, then JOB_SERVICE_POOL_REDIS_URL referencing them.

    jobservice 2.15.1 reads config.yml, then lets JOB_SERVICE_POOL_REDIS_URL replace its redis_url
    (src/jobservice/config/config.go `loadEnvs`, backend "redis") before it validates the result.
    """
    if not ctx.redis.has_credentials:
        return []
    return [*ctx.redis.credential_env(), k8s.EnvVar(name=POOL_REDIS_URL_ENV, value=jobservice_redis_url(ctx))]


def jobservice_config(ctx: HarborContext) -> dict[str, Any]:
    """jobservice's config.yml as a Python structure."""
    level = log_level(LogReader.JOBSERVICE_LOGGERS, ctx.log_level)
    return {
        "protocol": "http",
        "port": JOBSERVICE_PORT,
        "worker_pool": {
            "workers": WORKERS,
            "backend": "redis",
            "redis_pool": {
                # with a password the URL comes from JOB_SERVICE_POOL_REDIS_URL instead (see
                # `redis_url_env`): config.yml is a ConfigMap and never holds credentials
                **({} if ctx.redis.has_credentials else {"redis_url": jobservice_redis_url(ctx)}),
                "namespace": REDIS_NAMESPACE,
                # No idle_timeout_second: the URL's idle_timeout_seconds overrides it
                # (src/lib/redis/pool.go `GetRedisPool`); Harbor's installer writes 3600 here and
                # 30 in the URL, and gets 30. The idle timeout is said once, in the URL (base.py).
            },
        },
        "job_loggers": [{
            "name": "FILE",
            "level": level,
            "settings": {"base_dir": JOB_LOG_DIR},
            "sweeper": {"duration": JOB_LOG_RETENTION_DAYS, "settings": {"work_dir": JOB_LOG_DIR}},
        }],
        # all three keys, always: the section has no defaults, so `enabled` without `port` listens on a
        # random port and without `path` the mux panics (src/jobservice/config/config.go MetricConfig,
        # src/jobservice/runtime/bootstrap.go createMetricServer); on only with HarborMetrics
        "metric": {"enabled": ctx.metrics is not None, "path": METRICS_PATH, "port": METRICS_PORT},
        "loggers": [{"name": "STD_OUTPUT", "level": level}],
        "reaper": {"max_update_hours": REAPER_MAX_UPDATE_HOURS, "max_dangling_hours": REAPER_MAX_DANGLING_HOURS},
        # the most of a job's log one request for it reads and sends, from its end: without the key it is 0,
        # and 0 reads the whole file into memory whatever its size (src/jobservice/logger/getter/file_getter.go
        # tailLogFile: `if limit <= 0 { sizeToRead = size }`); Harbor's installer writes 10
        # (make/photon/prepare/templates/jobservice/config.yml.jinja)
        "max_retrieve_size_mb": LOG_RETRIEVE_LIMIT_MB,
    }


def render_config(ctx: HarborContext) -> str:
    return dump_yaml(jobservice_config(ctx))


class Jobservice(Construct):
    """ConfigMaps `<instance>-jobservice-env` and `<instance>-jobservice`, the job log claim,
    Deployment and Service `<instance>-jobservice`.

    Hand-outs: `service` (the ServicePort core calls), `deployment`, `config_maps`, `claim_name`.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        # checked before anything reaches jsii: every replica writes job logs to this volume, so a
        # ReadWriteOnce claim means Recreate with one replica and is an error with more
        strategy = deployment_strategy(COMPONENT, ctx.replicas.jobservice, [("jobservice", ctx.storage.jobservice)])
        super().__init__(scope, id)

        self.service = ctx.endpoints.jobservice
        name = ctx.name(COMPONENT)
        env_name = ctx.name(f"{COMPONENT}-env")
        env_data = jobservice_environment(ctx)
        config_data = {CONFIG_KEY: render_config(ctx)}
        self.config_maps = (
            config_map(self, "env", ctx, COMPONENT, env_name, env_data),
            config_map(self, "config", ctx, COMPONENT, name, config_data),
        )
        self.claim_name = persistent_claim(self, "job-logs", ctx, COMPONENT, ctx.storage.jobservice, name)

        pod = harbor_pod(
            ctx, COMPONENT, replicas=ctx.replicas.jobservice, containers=[self._container(ctx, env_name)],
            volumes=[
                config_volume("jobservice-config", name),
                claim_volume("job-logs", self.claim_name),
                empty_dir("tmp"),
                *ctx.database.ca_volumes(),
                *ca_bundle_volumes(ctx.ca_bundle),
            ],
            grace_seconds=120,   # lets a running job reach a checkpoint
        )
        self.deployment = deployment(self, "deployment", ctx, COMPONENT, replicas=ctx.replicas.jobservice, pod=pod,
                                     config_checksum=checksum(env_data, config_data), strategy=strategy)
        service(self, "service", ctx, COMPONENT, ctx.endpoints.jobservice,
                [("http-jobservice", ctx.endpoints.jobservice, JOBSERVICE_PORT),
                 *metrics_service_ports(ctx, ctx.endpoints.jobservice_metrics)])

    @staticmethod
    def _container(ctx: HarborContext, env_config_map: str) -> k8s.Container:
        s = ctx.secrets
        return k8s.Container(
            name=COMPONENT,
            image=ctx.images.image("harbor-jobservice"),
            image_pull_policy="IfNotPresent",
            # The image's entrypoint (/harbor/entrypoint.sh) first runs install_cert.sh under `set -e`: it
            # copies /etc/pki/tls/certs/ca-bundle.crt to ca-bundle.crt.original beside itself (/harbor) on
            # the first start, copies it back over the system bundle on every start and appends the
            # CAs of /etc/harbor/ssl and /harbor_cust_cert to it (make/photon/common/install_cert.sh).
            # Both copies fail on a read-only root, so the binary runs directly; private CAs come
            # through HarborRegistry.ca_bundle and SSL_CERT_DIR instead.
            command=[JOBSERVICE_BINARY, "-c", CONFIG_PATH],
            ports=[k8s.ContainerPort(name="http", container_port=JOBSERVICE_PORT, protocol="TCP"),
                   *metrics_container_ports(ctx)],
            # every key of this ConfigMap is an env var name, so envFrom is safe here
            env_from=[k8s.EnvFromSource(config_map_ref=k8s.ConfigMapEnvSource(name=env_config_map))],
            env=[
                s.core_secret.env_var("CORE_SECRET"),
                s.jobservice_secret.env_var("JOBSERVICE_SECRET"),
                s.registry_password.env_var("REGISTRY_CREDENTIAL_PASSWORD"),
                # jobservice's job context opens its own database connection with the settings core
                # hands out (its password included); only the CA file is its own to find
                *ctx.database.ca_env(),
                *ca_bundle_env(ctx.ca_bundle),
                *redis_url_env(ctx),
            ],
            resources=resources(ctx.resources.jobservice),
            # jobservice writes only job logs (the claim) and temporary files (/tmp: the CSV files of
            # scan data exports, src/pkg/scan/export/constants.go)
            security_context=container_security(read_only_root=True),
            liveness_probe=http_probe(STATS_PATH, JOBSERVICE_PORT, initial_delay=300, period=10, failure=3),
            readiness_probe=http_probe(STATS_PATH, JOBSERVICE_PORT, initial_delay=20, period=10, failure=3),
            volume_mounts=[
                k8s.VolumeMount(name="jobservice-config", mount_path=CONFIG_PATH, sub_path=CONFIG_KEY,
                                read_only=True),
                k8s.VolumeMount(name="job-logs", mount_path=JOB_LOG_DIR),
                k8s.VolumeMount(name="tmp", mount_path=TMP_DIR),
                *ctx.database.ca_mounts(),
                *ca_bundle_mounts(ctx.ca_bundle),
            ],
        )
