"""The registry pod: the distribution `registry` serving /v2/ and `registryctl`, its control API.

Both containers share one pod because registryctl deletes blobs and manifests on the very storage
the registry serves: they mount the same claim and read the same registry config file.
"""

from __future__ import annotations

from typing import Any

import yaml
from cdk8s_plus_27 import k8s
from constructs import Construct

from ..handles import ServicePort
from .base import (
    REDIS_DB_REGISTRY,
    REGISTRY_PORT,
    REGISTRYCTL_PORT,
    HarborContext,
    checksum,
    claim_volume,
    config_map,
    config_volume,
    container_security,
    deployment,
    deployment_strategy,
    empty_dir,
    http_probe,
    persistent_claim,
    pod_security,
    resources,
    secret_file_volume,
    service,
    spread_across_nodes,
)

COMPONENT = "registry"

# Harbor's images run as the `harbor` user, 10000; fsGroup makes the claim and the htpasswd file its own.
HARBOR_USER = 10000

# The debug server (pprof, expvar) listens on the loopback only: reachable from inside the pod, never
# from the network. It is not declared as a container port for that reason.
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

# The images' entrypoints first run install_cert.sh, which rewrites the CA bundle under /etc/pki and
# keeps a copy in /home/harbor: it fails on a read-only root filesystem. It only appends CAs from
# /etc/harbor/ssl (internal TLS) and /harbor_cust_cert, neither of which this pod mounts, so it has
# nothing to add here: we run the binary the entrypoint would exec and keep the root read-only.
REGISTRY_COMMAND = ("/usr/bin/registry_DO_NOT_USE_GC", "serve", REGISTRY_CONFIG_PATH)
REGISTRYCTL_COMMAND = ("/home/harbor/harbor_registryctl", "-c", CTL_CONFIG_PATH)

# Volume names, shared by the volume list and the mounts so that one cannot drift from the other.
DATA_VOLUME = "registry-data"
CONFIG_VOLUME = "registry-config"
HTPASSWD_VOLUME = "registry-htpasswd"
TMP_VOLUME = "tmp"


def registry_config(ctx: HarborContext) -> dict[str, Any]:
    """distribution's configuration (Harbor's v2.8 fork), without `http.secret`.

    The secret reaches the registry as REGISTRY_HTTP_SECRET, which distribution reads in place of
    `http.secret`: the ConfigMap then holds nothing secret and lands in git as it is.
    """
    return {
        "version": "0.1",
        "log": {"level": ctx.log_level.value, "fields": {"service": COMPONENT}},
        "storage": {
            "filesystem": {"rootdirectory": STORAGE_PATH},
            # layer metadata cached in redis spares a storage stat per blob request
            "cache": {"layerinfo": "redis"},
            # uploads abandoned for a week are removed once a day
            "maintenance": {"uploadpurging": {"enabled": True, "age": "168h", "interval": "24h", "dryrun": False}},
            # Harbor deletes artifacts and runs garbage collection through the registry API
            "delete": {"enabled": True},
            "redirect": {"disable": False},
        },
        "redis": {
            "addr": f"{ctx.endpoints.redis.host}:{ctx.endpoints.redis.port}",
            "db": REDIS_DB_REGISTRY,
            "readtimeout": "10s",
            "writetimeout": "10s",
            "dialtimeout": "10s",
            "pool": {"maxidle": 100, "maxactive": 500, "idletimeout": "60s"},
        },
        "http": {
            "addr": f":{REGISTRY_PORT}",
            "relativeurls": False,
            "debug": {"addr": f"localhost:{REGISTRY_DEBUG_PORT}"},
        },
        # only core and jobservice log in here, as harbor_registry_user: nginx sends clients' /v2/
        # to core, which checks their token and proxies
        "auth": {"htpasswd": {"realm": HTPASSWD_REALM, "path": HTPASSWD_PATH}},
        # manifests may reference foreign layers (Windows base images) on any URL
        "validation": {"disabled": True},
        "compatibility": {"schema1": {"enabled": True}},
    }


def controller_config(ctx: HarborContext) -> dict[str, Any]:
    """registryctl's configuration: where it listens and which registry config it shares."""
    return {
        "protocol": "http",
        "port": REGISTRYCTL_PORT,
        "log_level": ctx.log_level.value,
        "registry_config": REGISTRY_CONFIG_PATH,
    }


def _dump(content: dict[str, Any]) -> str:
    return yaml.safe_dump(content, sort_keys=False, default_flow_style=False)


class Registry(Construct):
    """Deployment, ConfigMap, claim and Service `<instance>-registry`.

    Hand-outs: `service` (the registry API, port 5000) and `controller` (registryctl, port 8080) as
    ServicePort handles, plus `deployment`, `config_map` and `claim_name`.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        # checked before any object exists: an error raised inside jsii would not name the field
        strategy = deployment_strategy(COMPONENT, ctx.replicas.registry, [("registry", ctx.storage.registry)])
        super().__init__(scope, id)
        name = ctx.name(COMPONENT)

        data = {CONFIG_FILE: _dump(registry_config(ctx)), CTL_CONFIG_FILE: _dump(controller_config(ctx))}
        self.config_map = config_map(self, "config", ctx, COMPONENT, name, data)
        self.claim_name = persistent_claim(self, "data", ctx, COMPONENT, ctx.storage.registry, name)

        self.service: ServicePort = ctx.endpoints.registry
        self.controller: ServicePort = ctx.endpoints.registryctl
        self.service_object = service(self, "service", ctx, COMPONENT, ctx.endpoints.registry, [
            ("http-registry", ctx.endpoints.registry, REGISTRY_PORT),
            ("http-controller", ctx.endpoints.registryctl, REGISTRYCTL_PORT),
        ])

        storage_mount = k8s.VolumeMount(name=DATA_VOLUME, mount_path=STORAGE_PATH)
        registry_config_mount = k8s.VolumeMount(name=CONFIG_VOLUME, mount_path=REGISTRY_CONFIG_PATH,
                                                sub_path=CONFIG_FILE, read_only=True)
        tmp_mount = k8s.VolumeMount(name=TMP_VOLUME, mount_path=TMP_PATH)

        registry = k8s.Container(
            name="registry",
            image=ctx.images.image("registry-photon"),
            image_pull_policy="IfNotPresent",
            command=list(REGISTRY_COMMAND),
            ports=[k8s.ContainerPort(name="http-registry", container_port=REGISTRY_PORT, protocol="TCP")],
            env=[
                ctx.secrets.registry_http_secret.env_var("REGISTRY_HTTP_SECRET"),
                # with filesystem storage the registry calls only redis; a proxy matters once the
                # storage is remote (S3 and the like), and NO_PROXY keeps redis off it either way
                *ctx.proxy_env(),
            ],
            # the chart's timings: no restart for the first five minutes, traffic once it answers
            liveness_probe=http_probe("/", REGISTRY_PORT, initial_delay=300),
            readiness_probe=http_probe("/", REGISTRY_PORT, initial_delay=1),
            resources=resources(ctx.resources.registry),
            security_context=container_security(),
            volume_mounts=[
                storage_mount,
                registry_config_mount,
                k8s.VolumeMount(name=HTPASSWD_VOLUME, mount_path=HTPASSWD_PATH, sub_path=HTPASSWD_FILE,
                                read_only=True),
                tmp_mount,
            ],
        )
        registryctl = k8s.Container(
            name="registryctl",
            image=ctx.images.image("harbor-registryctl"),
            image_pull_policy="IfNotPresent",
            command=list(REGISTRYCTL_COMMAND),
            ports=[k8s.ContainerPort(name="http-controller", container_port=REGISTRYCTL_PORT, protocol="TCP")],
            env=[
                # core and jobservice authenticate to registryctl with these
                ctx.secrets.core_secret.env_var("CORE_SECRET"),
                ctx.secrets.jobservice_secret.env_var("JOBSERVICE_SECRET"),
                ctx.secrets.registry_http_secret.env_var("REGISTRY_HTTP_SECRET"),
            ],
            liveness_probe=http_probe("/api/health", REGISTRYCTL_PORT, initial_delay=300),
            readiness_probe=http_probe("/api/health", REGISTRYCTL_PORT, initial_delay=1),
            resources=resources(ctx.resources.registryctl),
            security_context=container_security(),
            volume_mounts=[
                storage_mount,
                registry_config_mount,
                k8s.VolumeMount(name=CONFIG_VOLUME, mount_path=CTL_CONFIG_PATH, sub_path=CTL_CONFIG_FILE,
                                read_only=True),
                tmp_mount,
            ],
        )

        pod = k8s.PodSpec(
            automount_service_account_token=False,   # neither container calls the Kubernetes API
            enable_service_links=False,              # no *_SERVICE_HOST variables: addresses come from config
            # lets an upload or a blob deletion in flight finish before the pod stops
            termination_grace_period_seconds=120,
            topology_spread_constraints=spread_across_nodes(ctx, COMPONENT, ctx.replicas.registry),
            security_context=pod_security(user=HARBOR_USER),
            containers=[registry, registryctl],
            volumes=[
                claim_volume(DATA_VOLUME, self.claim_name),
                config_volume(CONFIG_VOLUME, name),
                # group-readable: kubelet makes the file's group the pod's fsGroup, the harbor user's group
                secret_file_volume(HTPASSWD_VOLUME, ctx.secrets.registry_htpasswd, HTPASSWD_FILE, mode=0o440),
                empty_dir(TMP_VOLUME),
            ],
        )
        self.deployment = deployment(self, "deployment", ctx, COMPONENT, replicas=ctx.replicas.registry, pod=pod,
                                     config_checksum=checksum(data), strategy=strategy)
