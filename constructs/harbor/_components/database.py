"""Harbor's own PostgreSQL (the `harbor-db` image): one pod, its data on a claim that outlives it."""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..kit.handles import ServicePort
from .connection_budget import BUNDLED_MAX_CONNECTIONS
from .constants import DATABASE, DATABASE_PORT
from .context import HarborContext
from .pods import container_security, exec_probe, pod_security, resources
from .volumes import empty_dir
from .workloads import service, stateful_claim_names, stateful_data, stateful_set, template_claim_labels

COMPONENT = DATABASE

# The image's postgres user and group.
POSTGRES_USER = 999

DATA_PATH = "/var/lib/postgresql/data"
# A folder below the mount point: initdb refuses a non-empty folder, and a fresh filesystem has
# lost+found at its root.
PGDATA = f"{DATA_PATH}/pgdata"
# The image sets unix_socket_directories to this folder: the socket and its lock file live here.
SOCKET_PATH = "/run/postgresql"
SHM_PATH = "/dev/shm"
TMP_PATH = "/tmp"
HEALTHCHECK = "/docker-healthcheck.sh"

DATA_VOLUME = "database-data"
SHM_VOLUME = "shm-volume"
SOCKET_VOLUME = "socket"
TMP_VOLUME = "tmp"

# postgres keeps shared memory segments in /dev/shm; the runtime's default 64Mi fails parallel queries
SHM_SIZE = "512Mi"

# Stopping. PostgreSQL takes SIGTERM for a smart shutdown: no new sessions, and it waits for every open
# one to end. Core, jobservice and the exporter keep pooled connections open, so it would wait until
# the kubelet kills it when the grace period ends, and the next start would recover from the WAL.
# Before the kubelet's SIGTERM, the preStop hook asks for a fast shutdown instead (sessions ended,
# their transactions rolled back, a checkpoint written), the way the image's own initdb.sh stops its
# server (`pg_ctl -D "$1" -m fast -w stop`, make/photon/db/initdb.sh at v2.15.1).
# Which server: the entrypoint runs `exec postgres -D ${PGDATA}/pg<new>`, where <new> is the second
# argument the image gives it (make/photon/db/docker-entrypoint.sh; "14" "15" at v2.15.1, "15" "18"
# at v2.15.2, whose upgrade deletes pg15). The hook finds the folder by its postmaster.pid (the live
# server's) and takes pg_ctl of the major its PG_VERSION names, where Photon's postgresql<N> packages
# keep them (/usr/pgsql/<N>/bin): it stops the server the image runs, whichever version that is.
GRACE_SECONDS = 120
STOP_WAIT_SECONDS = GRACE_SECONDS - 10
STOP_SCRIPT = (
    # the newest such folder ("pg15" sorts before "pg18"): an older one holds a server only mid-upgrade
    f"data=; for folder in {PGDATA}/pg*; do [[ -f $folder/postmaster.pid ]] && data=$folder; done; "
    "[[ -n $data ]] || exit 0; "   # no server running: nothing to stop
    f'exec "/usr/pgsql/$(<"$data/PG_VERSION")/bin/pg_ctl" stop -D "$data" -m fast -w -t {STOP_WAIT_SECONDS}'
)
STOP_COMMAND = ("/bin/bash", "-c", STOP_SCRIPT)


class Database(Construct):
    """StatefulSet and Service `<instance>-database`; a volumeClaimTemplate unless a claim is given.

    Hand-outs: `service` (ServicePort, 5432), `stateful_set`, and `claim_name` when an existing claim
    is mounted (None when the StatefulSet creates `database-data-<instance>-database-0`); `claim_names`, the claim the pod
    mounts either way.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        super().__init__(scope, id)
        storage = ctx.storage.database

        self.service: ServicePort = ctx.endpoints.database
        self.service_object = service(self, "service", ctx, COMPONENT, ctx.endpoints.database, [
            ("tcp-postgres", ctx.endpoints.database, DATABASE_PORT),
        ])

        self.claim_name = storage.existing_claim
        # every claim its pod mounts, by the name Kubernetes gives it (the metrics' volume alerts)
        self.claim_names = stateful_claim_names(ctx, COMPONENT, storage, DATA_VOLUME, 1)
        data_volumes, claims = stateful_data(ctx, COMPONENT, storage, DATA_VOLUME)
        volumes = [
            *data_volumes,
            empty_dir(SHM_VOLUME, memory=True, size_limit=SHM_SIZE),
            # the root filesystem is read-only; postgres writes only its data, its socket and, during
            # a major-version upgrade, pg_upgrade's work files in /tmp
            empty_dir(SOCKET_VOLUME),
            empty_dir(TMP_VOLUME),
        ]

        data_mount = k8s.VolumeMount(name=DATA_VOLUME, mount_path=DATA_PATH)
        image = ctx.images.image("harbor-db")

        # postgres refuses to start on a data folder its group may write, and fsGroup hands the group
        # write access to everything on the volume: this takes it back before postgres starts
        permissions = k8s.Container(
            name="data-permissions-ensurer",
            image=image,
            image_pull_policy="IfNotPresent",
            command=["/bin/sh"],
            args=["-c", f"chmod -R 700 {PGDATA} || true"],
            resources=resources(ctx.resources.database),
            security_context=container_security(),
            volume_mounts=[data_mount],
        )
        database = k8s.Container(
            name="database",
            image=image,
            image_pull_policy="IfNotPresent",
            ports=[k8s.ContainerPort(name="tcp-postgres", container_port=DATABASE_PORT, protocol="TCP")],
            env=[
                # read by initdb on the first start only; the healthcheck logs in with it as well
                ctx.database.password.env_var("POSTGRES_PASSWORD"),   # the bundled connection's, from HarborSecrets
                k8s.EnvVar(name="PGDATA", value=PGDATA),
                # the image's default, stated: the pools of core and jobservice are sized to fit it
                k8s.EnvVar(name="POSTGRES_MAX_CONNECTIONS", value=str(BUNDLED_MAX_CONNECTIONS)),
            ],
            # the chart's timings: no restart for the first five minutes (initdb, or an upgrade of the
            # data to a newer major version, runs before postgres answers), traffic once it answers
            liveness_probe=exec_probe([HEALTHCHECK], initial_delay=300),
            readiness_probe=exec_probe([HEALTHCHECK], initial_delay=1),
            lifecycle=k8s.Lifecycle(pre_stop=k8s.LifecycleHandler(exec=k8s.ExecAction(command=list(STOP_COMMAND)))),
            resources=resources(ctx.resources.database),
            security_context=container_security(),
            volume_mounts=[
                data_mount,
                k8s.VolumeMount(name=SHM_VOLUME, mount_path=SHM_PATH),
                k8s.VolumeMount(name=SOCKET_VOLUME, mount_path=SOCKET_PATH),
                k8s.VolumeMount(name=TMP_VOLUME, mount_path=TMP_PATH),
            ],
        )
        pod = k8s.PodSpec(
            automount_service_account_token=False,
            enable_service_links=False,
            # time for the fast shutdown (STOP_COMMAND) to write its checkpoint before anything is killed
            termination_grace_period_seconds=GRACE_SECONDS,
            security_context=pod_security(user=POSTGRES_USER),
            init_containers=[permissions],
            containers=[database],
            volumes=volumes,
        )
        # one replica, always: this postgres has no replication; a second pod would be a second,
        # empty database behind the same Service
        self.stateful_set = stateful_set(self, "stateful-set", ctx, COMPONENT, replicas=1, pod=pod,
                                         config_checksum=None, claims=claims)
        # Longhorn's recurring-job labels reach the data claim as a claim object of its own, not through
        # the (immutable) volumeClaimTemplate: see template_claim_labels
        self.labelled_claim = template_claim_labels(self, "data-claim", ctx, COMPONENT, storage, DATA_VOLUME,
                                                    ctx.name(COMPONENT))
        # the claim the StatefulSet's only pod mounts, by name (the backup refuses to write onto it)
        self.data_claim = storage.existing_claim or f"{DATA_VOLUME}-{ctx.name(COMPONENT)}-0"
