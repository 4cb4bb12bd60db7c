"""Harbor's own Redis (the `redis-photon` image): caches, job queues and sessions in one pod.

Core, jobservice, the registry and Trivy each use their own database index (see base.REDIS_DB_*).
The image's configuration has no password; the Service is reachable only inside the cluster.
"""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..kit.handles import ServicePort
from .constants import REDIS, REDIS_PORT
from .context import HarborContext
from .pods import container_security, pod_security, resources, tcp_probe
from .workloads import service, stateful_claim_names, stateful_data, stateful_set

COMPONENT = REDIS

# The image's redis user and group.
REDIS_USER = 999

# The image's redis.conf keeps its snapshots (dump.rdb) here, its working directory.
DATA_PATH = "/var/lib/redis"
DATA_VOLUME = "data"


class Redis(Construct):
    """StatefulSet and Service `<instance>-redis`; a volumeClaimTemplate unless a claim is given.

    Hand-outs: `service` (ServicePort, 6379), `stateful_set`, and `claim_name` when an existing claim
    is mounted (None when the StatefulSet creates `data-<instance>-redis-0`); `claim_names`, the claim the pod
    mounts either way.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        super().__init__(scope, id)
        storage = ctx.storage.redis

        self.service: ServicePort = ctx.endpoints.redis
        self.service_object = service(self, "service", ctx, COMPONENT, ctx.endpoints.redis, [
            ("tcp-redis", ctx.endpoints.redis, REDIS_PORT),
        ])

        self.claim_name = storage.existing_claim
        # every claim its pod mounts, by the name Kubernetes gives it (the metrics' volume alerts)
        self.claim_names = stateful_claim_names(ctx, COMPONENT, storage, DATA_VOLUME, 1)
        volumes, claims = stateful_data(ctx, COMPONENT, storage, DATA_VOLUME)

        redis = k8s.Container(
            name="redis",
            image=ctx.images.image("redis-photon"),
            image_pull_policy="IfNotPresent",
            ports=[k8s.ContainerPort(name="tcp-redis", container_port=REDIS_PORT, protocol="TCP")],
            # the chart's timings: no restart for the first five minutes, traffic once the port accepts
            liveness_probe=tcp_probe(REDIS_PORT, initial_delay=300),
            readiness_probe=tcp_probe(REDIS_PORT, initial_delay=1),
            resources=resources(ctx.resources.redis),
            # redis writes only its snapshots, on the claim; where it cannot write the pid file its
            # config names under /var/run, it logs a warning and runs on
            security_context=container_security(),
            volume_mounts=[k8s.VolumeMount(name=DATA_VOLUME, mount_path=DATA_PATH)],
        )
        pod = k8s.PodSpec(
            automount_service_account_token=False,
            enable_service_links=False,
            # time to write a last snapshot on SIGTERM, so queued jobs survive a restart
            termination_grace_period_seconds=120,
            security_context=pod_security(user=REDIS_USER),
            containers=[redis],
            volumes=volumes or None,
        )
        # one replica, always: the image runs a single redis without replication
        self.stateful_set = stateful_set(self, "stateful-set", ctx, COMPONENT, replicas=1, pod=pod,
                                         config_checksum=None, claims=claims)
