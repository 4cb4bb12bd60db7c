"""The one shape shared by the entry point and the portal: an nginx Deployment serving a rendered config."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..kit.handles import ServicePort
from ..kit.resources import Resources
from .checksum import checksum
from .context import HarborContext
from .nginx_conf import CONFIG_FILE, CONFIG_KEY, SCRATCH_DIR, Config
from .pods import container_security, http_probe, resources
from .volumes import config_volume, empty_dir
from .workloads import config_map, deployment, deployment_strategy, harbor_pod, service


@dataclass(frozen=True)
class NginxWorkload:
    """What an nginx component built: its ConfigMap and Deployment."""

    config_map: k8s.KubeConfigMap
    deployment: k8s.KubeDeployment


def nginx_workload(scope: Construct, ctx: HarborContext, *, component: str, image: str, config: Config,
                   port: int, replicas: int, limits: Resources, handle: ServicePort) -> NginxWorkload:
    """ConfigMap, Deployment and Service of an nginx that reads `config` and needs no writable root.

    The config goes in a ConfigMap mounted as nginx.conf; temp files and the pid go to an emptyDir
    on /tmp, so the root filesystem stays read-only. Probes ask `/`, as the chart's do.
    """
    data = {CONFIG_KEY: config.render()}
    name = ctx.name(component)
    config_map_object = config_map(scope, "config", ctx, component, name, data)
    container = k8s.Container(
        name=component,
        image=image,
        image_pull_policy="IfNotPresent",
        ports=[k8s.ContainerPort(name="http", container_port=port)],
        liveness_probe=http_probe("/", port, initial_delay=300),
        readiness_probe=http_probe("/", port, initial_delay=1),
        resources=resources(limits),
        security_context=container_security(read_only_root=True),
        volume_mounts=[
            k8s.VolumeMount(name="config", mount_path=CONFIG_FILE, sub_path=CONFIG_KEY, read_only=True),
            k8s.VolumeMount(name="scratch", mount_path=SCRATCH_DIR),
        ],
    )
    pod = harbor_pod(ctx, component, replicas=replicas, containers=[container],
                     volumes=[config_volume("config", name), empty_dir("scratch")])
    deployment_object = deployment(
        scope, "deployment", ctx, component, replicas=replicas, pod=pod, config_checksum=checksum(data),
        strategy=deployment_strategy(component, replicas, ()))
    service(scope, "service", ctx, component, handle, [("http", handle, port)])
    return NginxWorkload(config_map=config_map_object, deployment=deployment_object)
