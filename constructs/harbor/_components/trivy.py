"""Trivy: the scanner adapter that core calls to scan images for vulnerabilities."""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..kit.validation import fail
from ..settings import LogLevel, TrivySettings
from .connections import ca_bundle_env, ca_bundle_mounts, ca_bundle_volumes
from .constants import REDIS_IDLE_TIMEOUT_SECONDS, TRIVY, TRIVY_PORT
from .context import HarborContext
from .log_levels import LogReader, log_level
from .pods import container_security, http_probe, resources
from .volumes import empty_dir
from .workloads import harbor_pod, service, stateful_claim_names, stateful_data, stateful_set

COMPONENT = TRIVY
# The adapter binary the image's entrypoint script execs (make/photon/trivy-adapter/Dockerfile and
# entrypoint.sh, harbor v2.15.1). The script first runs install_cert.sh under `set -e`, which copies
# the system CA bundle to /home/scanner/ca-bundle.crt.original and back over
# /etc/pki/tls/certs/ca-bundle.crt: on a read-only root the first copy fails, the script exits and
# the pod crash-loops. Running the binary directly skips it; a private CA comes through
# HarborRegistry.ca_bundle instead.
TRIVY_BINARY = "/home/scanner/bin/scanner-trivy"
PORT_NAME = "api-server"
# The vulnerability databases (several hundred MB) live on the claim, so that a restarted pod does not
# download them again. Reports are temporary files, removed after each scan (pkg/trivy/wrapper.go
# `Scan`, harbor-scanner-trivy v0.36.0), kept beside the databases on the same volume.
CACHE_ROOT = "/home/scanner/.cache"
CACHE_DIR = f"{CACHE_ROOT}/trivy"
REPORTS_DIR = f"{CACHE_ROOT}/reports"
DATA_VOLUME = "data"
# What Harbor asks the adapter to report: OS packages and language libraries, vulnerabilities only.
VULN_TYPES = ("os", "library")
SECURITY_CHECKS = ("vuln",)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def trivy_env(ctx: HarborContext, settings: TrivySettings) -> list[k8s.EnvVar]:
    """The adapter's environment, every value from the typed settings and the context."""
    def plain(name: str, value: str) -> k8s.EnvVar:
        return k8s.EnvVar(name=name, value=value)

    redis_url = ctx.redis.url(ctx.redis.databases.trivy)
    env = [
        *ctx.proxy_env(),
        plain("SCANNER_LOG_LEVEL", log_level(LogReader.TRIVY, ctx.log_level)),
        plain("SCANNER_TRIVY_CACHE_DIR", CACHE_DIR),
        plain("SCANNER_TRIVY_REPORTS_DIR", REPORTS_DIR),
        plain("SCANNER_TRIVY_DEBUG_MODE", _flag(ctx.log_level is LogLevel.DEBUG)),
        plain("SCANNER_TRIVY_VULN_TYPE", ",".join(VULN_TYPES)),
        plain("SCANNER_TRIVY_TIMEOUT", settings.timeout),
        plain("SCANNER_TRIVY_SEVERITY", ",".join(s.value for s in settings.severities)),
        plain("SCANNER_TRIVY_IGNORE_UNFIXED", _flag(settings.ignore_unfixed)),
        plain("SCANNER_TRIVY_SKIP_UPDATE", _flag(settings.skip_update)),
        plain("SCANNER_TRIVY_SKIP_JAVA_DB_UPDATE", _flag(settings.skip_java_db_update)),
        plain("SCANNER_TRIVY_DB_REPOSITORY", ",".join(settings.db_repositories)),
        plain("SCANNER_TRIVY_JAVA_DB_REPOSITORY", ",".join(settings.java_db_repositories)),
        plain("SCANNER_TRIVY_OFFLINE_SCAN", _flag(settings.offline_scan)),
        plain("SCANNER_TRIVY_SECURITY_CHECKS", ",".join(SECURITY_CHECKS)),
        # always verify the certificate of the registry the adapter pulls from
        plain("SCANNER_TRIVY_INSECURE", "false"),
        plain("SCANNER_API_SERVER_ADDR", f":{TRIVY_PORT}"),
        # The internal redis has no password, so the URL holds no secret and needs no Secret
        # (the chart's `harbor-trivy` Secret exists only to carry it). An external Redis's
        # password comes from its Secret as an env var just before, and the URL references it as
        # $(HARBOR_REDIS_PASSWORD) (see base.RedisConnection). Adapter v0.36.0, the one Harbor
        # v2.15.1 ships (Makefile TRIVYADAPTERVERSION), reads only SCANNER_REDIS_URL
        # (pkg/etc/config.go); the chart's SCANNER_STORE_REDIS_URL and SCANNER_JOB_QUEUE_REDIS_URL
        # are for older adapters and are not set.
        *ctx.redis.credential_env(),
        plain("SCANNER_REDIS_URL", redis_url),
        # the adapter overrides the URL's idle timeout with this one (constants.REDIS_URL_IDLE_TIMEOUT)
        plain("SCANNER_REDIS_POOL_IDLE_TIMEOUT", f"{REDIS_IDLE_TIMEOUT_SECONDS}s"),
    ]
    if settings.github_token:
        token = ctx.secrets.trivy_github_token
        if token is None:
            raise fail("TrivySettings.github_token",
                       "False unless the secrets hold a Trivy GitHub token (HarborSecrets.trivy_github_token is "
                       "None: declare it with harbor_synced_secrets(..., trivy_github_token=True))",
                       settings.github_token)
        env.append(token.env_var("SCANNER_TRIVY_GITHUB_TOKEN"))
    return env


class Trivy(Construct):
    """The Trivy adapter as a StatefulSet `<instance>-trivy`, behind the Service of the same name.

    Attributes:
        service: the Service handle (ctx.endpoints.trivy) core reaches the adapter at.
        stateful_set: the Kubernetes object.
        claim_names: the cache claim of every replica, by the name Kubernetes gives it.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext, settings: TrivySettings) -> None:
        super().__init__(scope, id)
        if not isinstance(settings, TrivySettings):
            raise fail("Trivy settings", "a TrivySettings", settings)
        self.settings = settings
        self.service = ctx.endpoints.trivy
        storage = ctx.storage.trivy
        replicas = ctx.replicas.trivy
        env = trivy_env(ctx, settings)   # raises before anything is handed to cdk8s

        # every replica mounts an existing claim, which pods on several nodes can share only as RWX
        if storage.existing_claim and replicas > 1 and not storage.shared:
            raise fail("HarborStorage.trivy.access",
                       f"ReadWriteMany when {replicas} Trivy replicas share the existing claim "
                       f"{storage.existing_claim!r}", storage.access.value)
        data_volumes, claims = stateful_data(ctx, COMPONENT, storage, DATA_VOLUME)
        # every replica's cache claim, by the name Kubernetes gives it (the metrics' volume alerts)
        self.claim_names = stateful_claim_names(ctx, COMPONENT, storage, DATA_VOLUME, replicas)
        # trivy unpacks image layers under /tmp while it scans
        volumes = [empty_dir("scratch"), *ca_bundle_volumes(ctx.ca_bundle), *data_volumes]

        container = k8s.Container(
            name=COMPONENT,
            image=ctx.images.image("trivy-adapter-photon"),
            image_pull_policy="IfNotPresent",
            command=[TRIVY_BINARY],
            # the adapter hands its environment to the trivy CLI it runs (pkg/trivy/wrapper.go
            # `prepareScanCmd`, os.Environ()), so SSL_CERT_DIR reaches the pulls of both
            env=[*env, *ca_bundle_env(ctx.ca_bundle)],
            ports=[k8s.ContainerPort(name=PORT_NAME, container_port=TRIVY_PORT)],
            liveness_probe=http_probe("/probe/healthy", PORT_NAME, initial_delay=5, failure=10),
            readiness_probe=http_probe("/probe/ready", PORT_NAME, initial_delay=5),
            resources=resources(ctx.resources.trivy),
            # the adapter writes only its cache, its reports and temp files (its own chart runs it
            # read-only the same way)
            security_context=container_security(read_only_root=True),
            volume_mounts=[
                k8s.VolumeMount(name=DATA_VOLUME, mount_path=CACHE_ROOT),
                k8s.VolumeMount(name="scratch", mount_path="/tmp"),
                *ca_bundle_mounts(ctx.ca_bundle),
            ],
        )
        pod = harbor_pod(ctx, COMPONENT, replicas=replicas, containers=[container], volumes=volumes)
        self.stateful_set = stateful_set(self, "statefulset", ctx, COMPONENT, replicas=replicas, pod=pod,
                                         config_checksum=None, claims=claims)
        service(self, "service", ctx, COMPONENT, self.service, [("http-trivy", self.service, TRIVY_PORT)])
