"""The registry pod: the distribution `registry` serving /v2/ and `registryctl`, its control API.

Both containers share one pod because registryctl deletes blobs and manifests on the very storage
the registry serves: they mount the same claim and read the same registry config file.
"""

from __future__ import annotations

from typing import Any

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..kit.handles import ServicePort
from ..kit.yaml_text import dump_yaml
from .checksum import checksum
from .connections import ca_bundle_env, ca_bundle_mounts, ca_bundle_volumes
from .constants import METRICS_PATH, METRICS_PORT, REGISTRY, REGISTRY_PORT, REGISTRYCTL_PORT
from .context import HarborContext
from .log_levels import LogReader, log_level
from .metrics_env import metrics_container_ports, metrics_service_ports
from .pods import container_security, http_probe, resources
from .volumes import claim_volume, config_volume, empty_dir, secret_file_volume
from .workloads import (
    config_map,
    deployment,
    deployment_strategy,
    harbor_pod,
    persistent_claim,
    service,
)

COMPONENT = REGISTRY

# The debug server (pprof, expvar) listens on the loopback only: reachable from inside the pod, never
# from the network. It is not declared as a container port for that reason. With HarborMetrics it
# must listen on every interface instead (see `debug_listener`).
REGISTRY_DEBUG_PORT = 5001

CONFIG_FILE = "config.yml"
CTL_CONFIG_FILE = "ctl-config.yml"
HTPASSWD_FILE = "passwd"

REGISTRY_CONFIG_PATH = "/etc/registry/config.yml"
CTL_CONFIG_PATH = "/etc/registryctl/config.yml"
HTPASSWD_PATH = "/etc/registry/passwd"
STORAGE_PATH = "/storage"
TMP_PATH = "/tmp"

HTPASSWD_REALM = "harbor-registry-basic-realm"

# Stopping. distribution catches SIGTERM only when `http.draintimeout` is set: then it closes the
# listener and lets the requests in flight (an upload, a pull core proxies) run for that long. Without
# it the Go runtime ends the process at once, whatever the pod's grace period (goharbor/distribution
# release/2.8 registry/registry.go, ListenAndServe: `if config.HTTP.DrainTimeout == 0 { return
# registry.server.Serve(ln) }`). The kubelet kills what still runs when the grace period ends, so the
# drain ends first, with a margin for the process to exit. registryctl stops 5 s after SIGTERM,
# whatever runs (src/registryctl/main.go at v2.15.1: context.WithTimeout(ctx, 5*time.Second)).
DRAIN_SECONDS = 110
GRACE_SECONDS = DRAIN_SECONDS + 10

# The images' entrypoints (/home/harbor/entrypoint.sh, /home/harbor/start.sh) first run
# install_cert.sh under `set -e`: it copies /etc/pki/tls/certs/ca-bundle.crt to
# /home/harbor/ca-bundle.crt.original (beside the script) on the first start, copies it back over the
# system bundle on every start and appends the CAs of /etc/harbor/ssl and /harbor_cust_cert
# (make/photon/common/install_cert.sh). Both copies fail on a read-only root, so we run the binary
# the entrypoint would exec; private CAs come through HarborRegistry.ca_bundle and SSL_CERT_DIR.
REGISTRY_COMMAND = ("/usr/bin/registry_DO_NOT_USE_GC", "serve", REGISTRY_CONFIG_PATH)
REGISTRYCTL_COMMAND = ("/home/harbor/harbor_registryctl", "-c", CTL_CONFIG_PATH)

# Volume names, shared by the volume list and the mounts so that one cannot drift from the other.
DATA_VOLUME = "registry-data"
CONFIG_VOLUME = "registry-config"
HTPASSWD_VOLUME = "registry-htpasswd"
TMP_VOLUME = "tmp"


def storage_driver(ctx: HarborContext) -> dict[str, Any]:
    """The storage driver's section: the volume at /storage, or an S3 bucket.

    S3 credentials are not here: REGISTRY_STORAGE_S3_ACCESSKEY/SECRETKEY env vars from the synced
    Secret replace `storage.s3.accesskey/secretkey` (distribution's env overrides reach into the
    driver's parameters when the config names the driver, configuration/parser.go `overwriteMap`).
    """
    s3 = ctx.image_storage
    if s3 is None:
        return {"filesystem": {"rootdirectory": STORAGE_PATH}}
    params: dict[str, Any] = {"region": s3.region, "bucket": s3.bucket}
    if s3.endpoint is not None:
        # with an endpoint, distribution 2.8 uses path-style addressing and skips its AWS region check
        params["regionendpoint"] = s3.endpoint
    params["secure"] = s3.secure
    params["v4auth"] = True
    if s3.root_directory is not None:
        params["rootdirectory"] = s3.root_directory
    return {"s3": params}


def debug_listener(ctx: HarborContext) -> dict[str, Any]:
    """The registry's `http.debug` section: the loopback only, or the metrics listener.

    distribution serves Prometheus metrics only on its debug listener: registry/registry.go `ServeCmd`
    runs `http.ListenAndServe(debug.addr, nil)` on Go's default mux, and adds `metrics.Handler()` at
    `prometheus.path` to that same mux (goharbor/distribution release/2.8). So with metrics on, the
    debug listener must take Prometheus's connections, on every interface, and with it everything
    else on the default mux: /debug/pprof/ (cmd/registry/main.go imports net/http/pprof: heap dumps,
    CPU profiles) and /debug/vars, where registry/handlers/app.go `configureRedis` publishes the
    whole Redis configuration, its password included. Nothing there asks for credentials, so the
    registry's NetworkPolicy admits only the monitoring peer to this port (network_policy.py), and
    HarborRegistry refuses metrics without NetworkPolicies.
    """
    if ctx.metrics is None:
        return {"addr": f"localhost:{REGISTRY_DEBUG_PORT}"}
    return {"addr": f":{METRICS_PORT}", "prometheus": {"enabled": True, "path": METRICS_PATH}}


def registry_config(ctx: HarborContext) -> dict[str, Any]:
    """distribution's configuration (Harbor's v2.8 fork), without `http.secret`.

    The secret reaches the registry as REGISTRY_HTTP_SECRET, which distribution reads in place of
    `http.secret`: the ConfigMap then holds nothing secret and lands in git as it is. Likewise the
    Redis password (REGISTRY_REDIS_PASSWORD) and the S3 keys (see `storage_driver`).
    """
    disable_redirect = ctx.image_storage.disable_redirect if ctx.image_storage is not None else False
    return {
        "version": "0.1",
        # distribution accepts only error, warn, info and debug, and exits on anything else
        "log": {"level": log_level(LogReader.DISTRIBUTION, ctx.log_level), "fields": {"service": COMPONENT}},
        "storage": {
            **storage_driver(ctx),
            # layer metadata cached in redis spares a storage stat per blob request
            "cache": {"layerinfo": "redis"},
            # uploads abandoned for a week are removed once a day
            "maintenance": {"uploadpurging": {"enabled": True, "age": "168h", "interval": "24h", "dryrun": False}},
            # Harbor deletes artifacts and runs garbage collection through the registry API
            "delete": {"enabled": True},
            # with S3, False sends clients to presigned URLs of the bucket for blob downloads
            "redirect": {"disable": disable_redirect},
        },
        "redis": {
            "addr": ctx.redis.address,
            "db": ctx.redis.databases.registry,
            "readtimeout": "10s",
            "writetimeout": "10s",
            "dialtimeout": "10s",
            "pool": {"maxidle": 100, "maxactive": 500, "idletimeout": "60s"},
        },
        "http": {
            "addr": f":{REGISTRY_PORT}",
            "relativeurls": False,
            "draintimeout": f"{DRAIN_SECONDS}s",
            "debug": debug_listener(ctx),
        },
        # only core and jobservice log in here, as harbor_registry_user: nginx sends clients' /v2/
        # to core, which checks their token and proxies
        "auth": {"htpasswd": {"realm": HTPASSWD_REALM, "path": HTPASSWD_PATH}},
        # manifests may reference foreign layers (Windows base images) on any URL
        "validation": {"disabled": True},
        "compatibility": {"schema1": {"enabled": True}},
    }


def controller_config(ctx: HarborContext) -> dict[str, Any]:
    """registryctl's configuration: where it listens and which registry config it shares.

    No `log_level`: registryctl parses that key into Configuration.LogLevel, which nothing reads
    (GetLogLevel has no caller, src/registryctl/config/config.go at v2.15.1); its logger takes the
    level from LOG_LEVEL in the environment (src/lib/log/logger.go `init`), set on the container.
    """
    return {
        "protocol": "http",
        "port": REGISTRYCTL_PORT,
        "registry_config": REGISTRY_CONFIG_PATH,
    }


def _dump(content: dict[str, Any]) -> str:
    return dump_yaml(content)


def registry_redis_env(ctx: HarborContext) -> list[k8s.EnvVar]:
    """The external Redis's credentials and TLS switch, as distribution's env overrides.

    REGISTRY_REDIS_PASSWORD replaces `redis.password` straight from the synced Secret: no URL, no
    expansion. TLS goes by env too: the override matches the Go field `EnableTLS` whatever the case,
    while a config.yml key must match the fork's YAML tag exactly. An ACL username has nowhere to go:
    distribution's release/2.8 has no such field (configuration/configuration.go) and sends
    `AUTH <password>` only (registry/handlers/app.go configureRedis); an override for a field the
    binary lacks is only logged and ignored, so none is written (README, "Redis or Valkey").
    """
    redis = ctx.redis
    env = []
    if redis.password is not None:
        env.append(redis.password.env_var("REGISTRY_REDIS_PASSWORD"))
    if redis.tls:
        env.append(k8s.EnvVar(name="REGISTRY_REDIS_ENABLETLS", value="true"))
    return env


def s3_credential_env(ctx: HarborContext) -> list[k8s.EnvVar]:
    """S3 keys for both containers: registryctl deletes blobs through the same storage driver
    (src/registryctl/config/config.go parses the registry's config, env overrides included)."""
    s3 = ctx.image_storage
    if s3 is None or s3.access_key is None or s3.secret_key is None:
        return []
    return [s3.access_key.env_var("REGISTRY_STORAGE_S3_ACCESSKEY"),
            s3.secret_key.env_var("REGISTRY_STORAGE_S3_SECRETKEY")]


class Registry(Construct):
    """Deployment, ConfigMap, claim and Service `<instance>-registry`.

    Hand-outs: `service` (the registry API, port 5000) and `controller` (registryctl, port 8080) as
    ServicePort handles, plus `deployment`, `config_map` and `claim_name`.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        # checked before any object exists: an error raised inside jsii would not name the field.
        # With S3 the pods write no volume, so any number of them may roll.
        on_volume = ctx.image_storage is None
        strategy = deployment_strategy(COMPONENT, ctx.replicas.registry,
                                       [("registry", ctx.storage.registry)] if on_volume else [])
        super().__init__(scope, id)
        name = ctx.name(COMPONENT)

        data = {CONFIG_FILE: _dump(registry_config(ctx)), CTL_CONFIG_FILE: _dump(controller_config(ctx))}
        self.config_map = config_map(self, "config", ctx, COMPONENT, name, data)
        # None with S3: no claim at all (HarborStorage.registry is then unused)
        self.claim_name = persistent_claim(self, "data", ctx, COMPONENT, ctx.storage.registry, name) \
            if on_volume else None

        self.service: ServicePort = ctx.endpoints.registry
        self.controller: ServicePort = ctx.endpoints.registryctl
        self.service_object = service(self, "service", ctx, COMPONENT, ctx.endpoints.registry, [
            ("http-registry", ctx.endpoints.registry, REGISTRY_PORT),
            ("http-controller", ctx.endpoints.registryctl, REGISTRYCTL_PORT),
            *metrics_service_ports(ctx, ctx.endpoints.registry_metrics),
        ])

        storage_mounts = [k8s.VolumeMount(name=DATA_VOLUME, mount_path=STORAGE_PATH)] if on_volume else []
        registry_config_mount = k8s.VolumeMount(name=CONFIG_VOLUME, mount_path=REGISTRY_CONFIG_PATH,
                                                sub_path=CONFIG_FILE, read_only=True)
        tmp_mount = k8s.VolumeMount(name=TMP_VOLUME, mount_path=TMP_PATH)

        registry = k8s.Container(
            name="registry",
            image=ctx.images.image("registry-photon"),
            image_pull_policy="IfNotPresent",
            command=list(REGISTRY_COMMAND),
            ports=[k8s.ContainerPort(name="http-registry", container_port=REGISTRY_PORT, protocol="TCP"),
                   *metrics_container_ports(ctx)],
            env=[
                # one Secret key for every replica: distribution signs upload state with it, and an
                # upload that continues on another replica must verify there
                ctx.secrets.registry_http_secret.env_var("REGISTRY_HTTP_SECRET"),
                # with filesystem storage the registry calls only redis; a proxy matters once the
                # storage is remote (S3 and the like), and NO_PROXY keeps redis off it either way
                *ctx.proxy_env(),
                *registry_redis_env(ctx),
                *s3_credential_env(ctx),
                # an S3 endpoint, or a token service, signed by a private CA
                *ca_bundle_env(ctx.ca_bundle),
            ],
            # the chart's timings: no restart for the first five minutes, traffic once it answers
            liveness_probe=http_probe("/", REGISTRY_PORT, initial_delay=300),
            readiness_probe=http_probe("/", REGISTRY_PORT, initial_delay=1),
            resources=resources(ctx.resources.registry),
            security_context=container_security(),
            volume_mounts=[
                *storage_mounts,
                registry_config_mount,
                k8s.VolumeMount(name=HTPASSWD_VOLUME, mount_path=HTPASSWD_PATH, sub_path=HTPASSWD_FILE,
                                read_only=True),
                tmp_mount,
                *ca_bundle_mounts(ctx.ca_bundle),
            ],
        )
        registryctl = k8s.Container(
            name="registryctl",
            image=ctx.images.image("harbor-registryctl"),
            image_pull_policy="IfNotPresent",
            command=list(REGISTRYCTL_COMMAND),
            ports=[k8s.ContainerPort(name="http-controller", container_port=REGISTRYCTL_PORT, protocol="TCP")],
            env=[
                k8s.EnvVar(name="LOG_LEVEL", value=log_level(LogReader.HARBOR, ctx.log_level)),
                # core and jobservice authenticate to registryctl with these
                ctx.secrets.core_secret.env_var("CORE_SECRET"),
                ctx.secrets.jobservice_secret.env_var("JOBSERVICE_SECRET"),
                # no REGISTRY_HTTP_SECRET: registryctl parses the registry's config only for its
                # storage driver (src/registryctl/config/config.go `setStorageDriver`), never http.secret
                *s3_credential_env(ctx),
                # registryctl deletes blobs through the same storage driver, an S3 endpoint included
                *ca_bundle_env(ctx.ca_bundle),
            ],
            liveness_probe=http_probe("/api/health", REGISTRYCTL_PORT, initial_delay=300),
            readiness_probe=http_probe("/api/health", REGISTRYCTL_PORT, initial_delay=1),
            resources=resources(ctx.resources.registryctl),
            security_context=container_security(),
            volume_mounts=[
                *storage_mounts,
                registry_config_mount,
                k8s.VolumeMount(name=CONFIG_VOLUME, mount_path=CTL_CONFIG_PATH, sub_path=CTL_CONFIG_FILE,
                                read_only=True),
                tmp_mount,
                *ca_bundle_mounts(ctx.ca_bundle),
            ],
        )

        # HARBOR_UID is also the pod's fsGroup, which makes the claim and the htpasswd file its own
        pod = harbor_pod(
            ctx, COMPONENT, replicas=ctx.replicas.registry, containers=[registry, registryctl],
            # the registry drains requests in flight for DRAIN_SECONDS, within this
            grace_seconds=GRACE_SECONDS,
            volumes=[
                *([claim_volume(DATA_VOLUME, self.claim_name)] if self.claim_name else []),
                config_volume(CONFIG_VOLUME, name),
                # group-readable: kubelet makes the file's group the pod's fsGroup, the harbor user's group
                secret_file_volume(HTPASSWD_VOLUME, ctx.secrets.registry_htpasswd, HTPASSWD_FILE, mode=0o440),
                empty_dir(TMP_VOLUME),
                *ca_bundle_volumes(ctx.ca_bundle),
            ],
        )
        self.deployment = deployment(self, "deployment", ctx, COMPONENT, replicas=ctx.replicas.registry, pod=pod,
                                     config_checksum=checksum(data), strategy=strategy)
