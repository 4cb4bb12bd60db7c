"""CloudNativePgCluster: PostgreSQL run by the CloudNativePG operator, typed, and the policy of its pods.

The operator (CloudNativePG 1.30, installed once per cluster, namespace `cnpg-system` by default)
turns a `Cluster` resource into PostgreSQL pods with streaming replication, automatic failover,
a PodDisruptionBudget and the Services `<name>-rw` (the primary), `-ro` and `-r`. For the database
and owner it bootstraps, it writes the Secret `<name>-app` with a generated password (64 letters
and digits, pkg/specs/secrets.go and internal/controller/cluster_create.go of v1.30.0) and the host
`<name>-rw`; its CA is the Secret `<name>-ca`. This construct declares those Secrets as a
`SecretProducer`, so that pods may read them by secretKeyRef and the tree-wide checks know where they
come from: no password is ever written, copied or synced by this library.
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import urlsplit

import cdk8s
from cdk8s_plus_27 import k8s

from constructs import Construct

from .argocd import KEEP_ON_DELETE, SyncWave
from .handles import SecretKeyRef, ServicePort
from .images import CLOUDNATIVE_PG_POSTGRES_IMAGE
from .labels import check_labels
from .network import ClusterDns, DataStorePeer, KubernetesApi, dns_egress, ip_peers, namespace_peer, tcp_ports
from .producers import ReadsSecrets, SecretProducer
from .resources import Resources
from .schedules import check_cron, seconds_first
from .validation import (
    check_dns_label,
    check_dns_subdomain,
    check_http_url,
    check_positive,
    check_storage_size,
    fail,
    present,
)

POSTGRES_PORT = 5432
# The label the operator puts on every pod of a Cluster (instances and bootstrap jobs), with the
# Cluster's name as value (pkg/utils/labels_annotations.go `ClusterLabelName`).
CLUSTER_LABEL = "cnpg.io/cluster"
# The instance manager's status endpoint, which the operator calls (docs/src/security.md, "Exposed Ports").
STATUS_PORT = 8000
# What the operator writes into the application user's Secret (pkg/specs/secrets.go, v1.30.0) and
# into its CA Secret (pkg/certs/certs.go).
APP_SECRET_KEYS = ("dbname", "fqdn-jdbc-uri", "fqdn-uri", "host", "jdbc-uri", "password", "pgpass", "port", "uri",
                   "user", "username")
CA_SECRET_KEYS = ("ca.crt", "ca.key")
# The operator names jobs and claims `<name>-<n>-initdb`, `<name>-<n>`: names stay under 63 characters.
MAX_NAME = 50
# Deleting a Cluster deletes its claims with it (they are owned by the Cluster): Argo CD must never
# prune or delete it, whatever happens to the manifests (the rule of every claim, argocd.KEEP_ON_DELETE).
KEEP_CLUSTER = KEEP_ON_DELETE


# A PostgreSQL name clients put into key=value connection strings unquoted: no spaces, no quotes.
PG_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,62}")

# The Barman Cloud plugin (plugin-barman-cloud v0.14.0), which archives WAL and takes base backups to
# an object store for CloudNativePG 1.26 and later (the in-tree `spec.backup.barmanObjectStore` is
# deprecated since 1.26, docs/src/backup.md of v1.30.0). The plugin is installed next to the operator.
BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io"
# barmancloud.cnpg.io_objectstores.yaml v0.14.0: spec.retentionPolicy's pattern (days, weeks, months)
RETENTION = re.compile(r"[1-9][0-9]*[dwm]")


class BarmanCompression(str, Enum):
    """How base backups and WAL files are compressed in the object store (the values both of the
    ObjectStore's `data.compression` and `wal.compression` accept, v0.14.0)."""

    GZIP = "gzip"
    BZIP2 = "bzip2"
    LZ4 = "lz4"
    SNAPPY = "snappy"


@dataclass(frozen=True, kw_only=True)
class BarmanCloudBackup:
    """Continuous backup of a CloudNativePG Cluster to S3 through the Barman Cloud plugin.

    The Cluster archives every WAL segment to `destination_path` (the plugin as its WAL archiver) and a
    ScheduledBackup takes a base backup on `schedule`; together they allow a restore to any point in
    time within `retention`. The keys are handles of a synced Secret in the Cluster's namespace,
    which the plugin reads (never a value in the manifests).

    Attributes:
        destination_path: where backups go, an `s3://bucket/path/` URL.
        access_key_id: the handle of the synced key holding the access key ID; required.
        secret_access_key: the handle of the synced key holding the secret key; required.
        endpoint_url: an S3-compatible server's URL (default None: AWS S3).
        schedule: when to take a base backup, five cron fields (default "0 3 * * *": 03:00 daily);
            written with the seconds field first, as CloudNativePG reads it.
        retention: how far back a restore may go, e.g. "30d", "4w", "3m" (default "30d").
        compression: of base backups and WAL files (default GZIP).
        peer: where the object store runs, for the instances' egress (default any address, on the
            endpoint's port only).
    """

    destination_path: str
    access_key_id: SecretKeyRef | None = None
    secret_access_key: SecretKeyRef | None = None
    endpoint_url: str | None = None
    schedule: str = "0 3 * * *"
    retention: str = "30d"
    compression: BarmanCompression = BarmanCompression.GZIP
    peer: DataStorePeer = DataStorePeer()

    def __post_init__(self) -> None:
        if not isinstance(self.destination_path, str) or not re.fullmatch(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\s]*)?",
                                                                        self.destination_path):
            raise fail("BarmanCloudBackup.destination_path", "an s3://bucket/path/ URL", self.destination_path)
        for name in ("access_key_id", "secret_access_key"):
            if not isinstance(getattr(self, name), SecretKeyRef):
                raise fail(f"BarmanCloudBackup.{name}", "a SecretKeyRef handed out by a secret sync: a backup target "
                                                        "needs credentials", getattr(self, name))
        if self.endpoint_url is not None:
            check_http_url("BarmanCloudBackup.endpoint_url", self.endpoint_url, allow_path=False)
        check_cron("BarmanCloudBackup.schedule", self.schedule)
        if not isinstance(self.retention, str) or not RETENTION.fullmatch(self.retention):
            raise fail("BarmanCloudBackup.retention", "a recovery window such as '30d', '4w' or '3m' (at least 1)",
                       self.retention)
        if not isinstance(self.compression, BarmanCompression):
            raise fail("BarmanCloudBackup.compression", f"one of {[c.value for c in BarmanCompression]}",
                       self.compression)
        if not isinstance(self.peer, DataStorePeer):
            raise fail("BarmanCloudBackup.peer", "a DataStorePeer", self.peer)

    @property
    def port(self) -> int:
        """The port the instances connect to the object store on."""
        if self.endpoint_url is None:
            return 443
        parts = urlsplit(self.endpoint_url)
        return parts.port or (443 if parts.scheme == "https" else 80)


@dataclass(frozen=True, kw_only=True)
class CloudNativePgSettings:
    """What a CloudNativePG Cluster runs: instances, storage, the database it bootstraps, PostgreSQL.

    The operator (CloudNativePG 1.30, installed cluster-wide, in `operator_namespace`) runs
    `instances` PostgreSQL pods, one primary and streaming replicas, and fails over on its own.
    Errors name the field by the class the caller used (a subclass such as Harbor's
    CloudNativePgDatabase adds how its clients connect).

    Attributes:
        instances: PostgreSQL pods, one primary and the rest streaming replicas (default 3).
        size: each instance's volume, a storage quantity (default "10Gi").
        storage_class: the volumes' StorageClass (default None: the cluster's default class).
        database: the database the Cluster bootstraps (default "app").
        owner: the application user that owns it; its generated password lands in `<name>-app`
            (default "app"; never "postgres", the superuser).
        max_connections: PostgreSQL's max_connections (default 1000, at least 25: reserved and
            replication connections come on top of the clients').
        image: the PostgreSQL image, with an exact tag (default the one pinned for CloudNativePG 1.30).
        operator_namespace: where the operator runs, which calls every instance (default "cnpg-system").
        operator_pod_labels: the operator's pod labels, for the NetworkPolicy (default its chart's
            `app.kubernetes.io/name: cloudnative-pg`).
        kubernetes_api: the API server, which every instance manager watches (default KubernetesApi()).
            With its `cidrs` given, the API servers may also reach the instances' status port, which
            `kubectl cnpg status` reads through them.
        backup: WAL archiving and scheduled base backups to S3 through the Barman Cloud plugin
            (default None: no backup; the plugin must be installed next to the operator).
    """

    instances: int = 3
    size: str = "10Gi"                               # each instance's volume
    storage_class: str | None = None                 # None: the cluster's default class
    database: str = "app"
    owner: str = "app"
    max_connections: int = 1000
    image: str = CLOUDNATIVE_PG_POSTGRES_IMAGE
    # where the operator runs: it calls every instance on 8000 (status) and 5432
    operator_namespace: str = "cnpg-system"
    operator_pod_labels: Mapping[str, str] = field(
        default_factory=lambda: {"app.kubernetes.io/name": "cloudnative-pg"})
    # the instance manager in every pod watches its Cluster through the Kubernetes API
    kubernetes_api: KubernetesApi = KubernetesApi()
    backup: BarmanCloudBackup | None = None

    def __post_init__(self) -> None:
        kind = type(self).__name__
        check_positive(f"{kind}.instances", self.instances)
        check_storage_size(f"{kind}.size", self.size)
        if self.storage_class is not None:
            check_dns_subdomain(f"{kind}.storage_class", self.storage_class)
        for name in ("database", "owner"):
            value = getattr(self, name)
            if not isinstance(value, str) or not PG_NAME.fullmatch(value):
                raise fail(f"{kind}.{name}", "a PostgreSQL name (letters, digits, '_' and '-', at most 63, not "
                                             "starting with a digit)", value)
        if self.owner == "postgres":
            raise fail(f"{kind}.owner", "an application user, not the superuser 'postgres'", self.owner)
        # superuser_reserved_connections (3) and the replicas' streaming connections come on top
        check_positive(f"{kind}.max_connections", self.max_connections, minimum=25)
        if not isinstance(self.image, str) or ":" not in self.image.rsplit("/", 1)[-1] \
                or self.image.endswith((":latest", ":")):
            raise fail(f"{kind}.image", "an image with an exact tag", self.image)
        check_dns_label(f"{kind}.operator_namespace", self.operator_namespace)
        object.__setattr__(self, "operator_pod_labels",
                           check_labels(f"{kind}.operator_pod_labels", self.operator_pod_labels))
        if not isinstance(self.kubernetes_api, KubernetesApi):
            raise fail(f"{kind}.kubernetes_api", "a KubernetesApi", self.kubernetes_api)
        if self.backup is not None and not isinstance(self.backup, BarmanCloudBackup):
            raise fail(f"{kind}.backup", "a BarmanCloudBackup or None", self.backup)


class CloudNativePgCluster(Construct, SecretProducer, ReadsSecrets):
    """A CloudNativePG `Cluster` named `name` and the NetworkPolicy `name` of its pods.

    Hand-outs: `service` (ServicePort `<name>-rw`:5432, always the primary), `password` (SecretKeyRef
    `<name>-app`/`password`, the owner's generated password), `ca_certificate` (`<name>-ca`/`ca.crt`,
    for verify-ca/verify-full), `peer` (a DataStorePeer selecting its pods, for clients' egress),
    `database`, `owner`. As a SecretProducer it declares `<name>-app` and `<name>-ca`.

    `clients` are the pod labels of the pods (in the same namespace) that may connect on 5432. The
    policy also opens what the operator needs (docs/src/networking.md): its pods reach every
    instance on 8000 and 5432, instances reach each other (replication) and the Kubernetes API
    (the instance manager watches the Cluster), and every pod the cluster DNS.
    `network_policy=False` writes no policy.

    With `settings.backup`, the Cluster names the Barman Cloud plugin as its WAL archiver, and the
    construct adds the ObjectStore `<name>-backup` (where and how, the credentials by Secret key
    reference) and the ScheduledBackup `<name>-backup` (base backups on the schedule, seconds first);
    the instances get egress to the store. Hand-outs: `object_store` and `scheduled_backup` (None
    without backup). As ReadsSecrets it declares the credential keys, which the plugin reads.

    Args:
        scope, id: where the construct sits in the app, as for any construct.
        name: the Cluster's name and prefix of everything the operator creates (a DNS-1123 label,
            short enough for the operator's suffixes).
        settings: what the Cluster runs (a CloudNativePgSettings or a subclass).
        labels: extra labels of the Cluster and its policy (default none).
        resources: each instance's CPU and memory (default None: the operator's defaults).
        clients: the pod labels of each client in the namespace allowed on 5432 (default none; an
            empty label set is refused, as it would select every pod).
        dns: the cluster DNS, which every pod of the Cluster asks (default ClusterDns()).
        network_policy: write the NetworkPolicy of the Cluster's pods (default True).
    """

    def __init__(self, scope: Construct, id: str, *, name: str, settings: CloudNativePgSettings,
                 labels: Mapping[str, str] | None = None, resources: Resources | None = None,
                 clients: Sequence[Mapping[str, str]] = (), dns: ClusterDns = ClusterDns(),
                 network_policy: bool = True) -> None:
        check_dns_label("CloudNativePgCluster.name", name)
        if len(name) > MAX_NAME:
            raise fail("CloudNativePgCluster.name", f"at most {MAX_NAME} characters (the operator appends "
                                                    "suffixes such as '-1-initdb')", name)
        if not isinstance(settings, CloudNativePgSettings):
            raise fail("CloudNativePgCluster.settings", "a CloudNativePgSettings (or a subclass such as Harbor's "
                                                        "CloudNativePgDatabase)", settings)
        object_labels = check_labels("CloudNativePgCluster.labels", labels or {})
        client_labels = [check_labels("CloudNativePgCluster.clients", c) for c in clients]
        if any(not c for c in client_labels):
            raise fail("CloudNativePgCluster.clients", "pod labels of each client (empty would select every pod)",
                       list(clients))
        if resources is not None and not isinstance(resources, Resources):
            raise fail("CloudNativePgCluster.resources", "a Resources or None", resources)
        if not isinstance(dns, ClusterDns):
            raise fail("CloudNativePgCluster.dns", "a ClusterDns", dns)
        super().__init__(scope, id)
        self.name = name
        self.settings = settings
        self.namespace = cdk8s.Chart.of(self).namespace
        self.database = settings.database
        self.owner = settings.owner
        self.pod_labels = {CLUSTER_LABEL: name}
        self.service = ServicePort(service=f"{name}-rw", port=POSTGRES_PORT)
        self.password = SecretKeyRef(secret=f"{name}-app", key="password")
        self.ca_certificate = SecretKeyRef(secret=f"{name}-ca", key="ca.crt")
        # the instance pods, in the clients' own namespace
        self.peer = DataStorePeer(pod_labels=self.pod_labels)

        self.cluster = self._build_cluster(object_labels, resources)
        self.object_store: cdk8s.ApiObject | None = None
        self.scheduled_backup: cdk8s.ApiObject | None = None
        if settings.backup is not None:
            self.object_store, self.scheduled_backup = self._build_backup(settings.backup, object_labels)
        self.network_policy = self._build_network_policy(object_labels, client_labels, dns) if network_policy \
            else None

    @property
    def backup_name(self) -> str:
        """The name of the ObjectStore and the ScheduledBackup (and the Secret-free part of the restore)."""
        return f"{self.name}-backup"

    # ---- ReadsSecrets ------------------------------------------------------------------------------

    @property
    def read_namespace(self) -> str | None:
        return self.namespace

    @property
    def read_keys(self) -> frozenset[tuple[str, str]]:
        backup = self.settings.backup
        if backup is None:
            return frozenset()
        refs = [backup.access_key_id, backup.secret_access_key]
        return frozenset((ref.secret, ref.key) for ref in refs if ref is not None)

    # ---- SecretProducer ----------------------------------------------------------------------------

    @property
    def produced_namespace(self) -> str | None:
        return self.namespace

    @property
    def produced_keys(self) -> frozenset[tuple[str, str]]:
        return frozenset([*((self.password.secret, key) for key in APP_SECRET_KEYS),
                          *((self.ca_certificate.secret, key) for key in CA_SECRET_KEYS)])

    # ---- objects -----------------------------------------------------------------------------------

    def _build_cluster(self, labels: Mapping[str, str], resources: Resources | None) -> cdk8s.ApiObject:
        # the binding is large: loaded when a Cluster is built, not whenever the library is imported
        from imports.io.cnpg import postgresql as cnpg

        s = self.settings
        spec_resources = None
        if resources is not None:
            spec_resources = cnpg.ClusterSpecResources(
                requests={"cpu": cnpg.ClusterSpecResourcesRequests.from_string(resources.cpu_request),
                          "memory": cnpg.ClusterSpecResourcesRequests.from_string(resources.memory_request)},
                limits={"cpu": cnpg.ClusterSpecResourcesLimits.from_string(resources.cpu_limit),
                        "memory": cnpg.ClusterSpecResourcesLimits.from_string(resources.memory_limit)})
        return cnpg.Cluster(
            self, "cluster",
            # wave SECRETS: the Cluster brings the Secret Harbor's pods read, and Argo CD waits for it
            # to be healthy (a primary that accepts connections) before it starts Harbor's workloads
            metadata=cdk8s.ApiObjectMetadata(name=self.name, labels=dict(labels),
                                             annotations={**SyncWave.SECRETS.annotation(), **KEEP_CLUSTER}),
            spec=cnpg.ClusterSpec(
                instances=s.instances,
                image_name=s.image,
                image_pull_policy="IfNotPresent",
                # the plugin archives every WAL segment to the ObjectStore (at most one archiver per Cluster)
                plugins=[cnpg.ClusterSpecPlugins(name=BARMAN_PLUGIN, is_wal_archiver=True,
                                                 parameters={"barmanObjectName": self.backup_name})]
                if s.backup is not None else None,
                bootstrap=cnpg.ClusterSpecBootstrap(
                    initdb=cnpg.ClusterSpecBootstrapInitdb(database=s.database, owner=s.owner)),
                # no superuser password Secret: nothing here logs in as postgres
                enable_superuser_access=False,
                storage=cnpg.ClusterSpecStorage(size=s.size, storage_class=s.storage_class),
                postgresql=cnpg.ClusterSpecPostgresql(parameters={"max_connections": str(s.max_connections)}),
                resources=spec_resources,
                # one instance per node where the nodes allow it, so a node failure costs one replica
                affinity=cnpg.ClusterSpecAffinity(enable_pod_anti_affinity=True,
                                                  topology_key="kubernetes.io/hostname",
                                                  pod_anti_affinity_type="preferred"),
                # the operator's own PodDisruptionBudgets keep the primary and a replica through drains
                enable_pdb=True,
                # a new image or setting rolls the replicas first, then switches over without a human
                primary_update_strategy=cnpg.ClusterSpecPrimaryUpdateStrategy.UNSUPERVISED,
            ),
        )

    def _build_backup(self, backup: BarmanCloudBackup, labels: Mapping[str, str]
                      ) -> tuple[cdk8s.ApiObject, cdk8s.ApiObject]:
        # the bindings are large: loaded only when a backup is configured
        from imports.cnpg_backups.io.cnpg import postgresql as cnpg_backups
        from imports.io.cnpg import barmancloud

        access_key_id = present(backup.access_key_id, "BarmanCloudBackup.access_key_id")
        secret_access_key = present(backup.secret_access_key, "BarmanCloudBackup.secret_access_key")
        compression = backup.compression.name    # the bindings' enum members are named as ours
        store = barmancloud.ObjectStore(
            self, "object-store",
            metadata=cdk8s.ApiObjectMetadata(name=self.backup_name, labels=dict(labels),
                                             annotations=SyncWave.SECRETS.annotation()),
            spec=barmancloud.ObjectStoreSpec(
                # serverName stays unset (the ObjectStore's CEL rule forbids it): the folder in the store
                # is the Cluster's name, the plugin's default
                configuration=barmancloud.ObjectStoreSpecConfiguration(
                    destination_path=backup.destination_path,
                    endpoint_url=backup.endpoint_url,
                    s3_credentials=barmancloud.ObjectStoreSpecConfigurationS3Credentials(
                        access_key_id=barmancloud.ObjectStoreSpecConfigurationS3CredentialsAccessKeyId(
                            name=access_key_id.secret, key=access_key_id.key),
                        secret_access_key=barmancloud.ObjectStoreSpecConfigurationS3CredentialsSecretAccessKey(
                            name=secret_access_key.secret, key=secret_access_key.key)),
                    wal=barmancloud.ObjectStoreSpecConfigurationWal(
                        compression=barmancloud.ObjectStoreSpecConfigurationWalCompression[compression]),
                    data=barmancloud.ObjectStoreSpecConfigurationData(
                        compression=barmancloud.ObjectStoreSpecConfigurationDataCompression[compression]),
                ),
                retention_policy=backup.retention,
            ),
        )
        scheduled = cnpg_backups.ScheduledBackup(
            self, "scheduled-backup",
            metadata=cdk8s.ApiObjectMetadata(name=self.backup_name, labels=dict(labels)),
            spec=cnpg_backups.ScheduledBackupSpec(
                cluster=cnpg_backups.ScheduledBackupSpecCluster(name=self.name),
                # CloudNativePG reads six fields, seconds first: "0 3 * * *" would run at minute 3 of every hour
                schedule=seconds_first(backup.schedule),
                method=cnpg_backups.ScheduledBackupSpecMethod.PLUGIN,
                plugin_configuration=cnpg_backups.ScheduledBackupSpecPluginConfiguration(name=BARMAN_PLUGIN),
                # a first base backup right away: WAL archiving alone restores nothing without one
                immediate=True,
                # the Backup objects belong to the ScheduledBackup and go with it
                backup_owner_reference=cnpg_backups.ScheduledBackupSpecBackupOwnerReference.SELF,
            ),
        )
        return store, scheduled

    def _build_network_policy(self, labels: Mapping[str, str], clients: Sequence[Mapping[str, str]],
                              dns: ClusterDns) -> k8s.KubeNetworkPolicy:
        s = self.settings
        own = k8s.NetworkPolicyPeer(pod_selector=k8s.LabelSelector(match_labels=dict(self.pod_labels)))
        ingress = [
            k8s.NetworkPolicyIngressRule(
                from_=[k8s.NetworkPolicyPeer(pod_selector=k8s.LabelSelector(match_labels=dict(c))) for c in clients],
                ports=tcp_ports(POSTGRES_PORT))
        ] if clients else []
        ingress += [
            # streaming replication, and the joining instances' base backup from the primary
            k8s.NetworkPolicyIngressRule(from_=[own], ports=tcp_ports(POSTGRES_PORT, STATUS_PORT)),
            k8s.NetworkPolicyIngressRule(from_=[namespace_peer(s.operator_namespace, s.operator_pod_labels)],
                                         ports=tcp_ports(STATUS_PORT, POSTGRES_PORT)),
        ]
        if s.kubernetes_api.cidrs:
            # `kubectl cnpg status` reads each instance's status through the API server's pod proxy,
            # so from the API servers' addresses (CloudNativePG v1.30.0 internal/plugin/resources/
            # instance.go, ProxyGet on the status port); admitted only where those are known
            ingress.append(k8s.NetworkPolicyIngressRule(from_=ip_peers(s.kubernetes_api.cidrs),
                                                        ports=tcp_ports(STATUS_PORT)))
        return k8s.KubeNetworkPolicy(
            self, "network-policy",
            metadata=k8s.ObjectMeta(name=self.name, labels=dict(labels), annotations=SyncWave.SECRETS.annotation()),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=dict(self.pod_labels)),
                policy_types=["Ingress", "Egress"],
                ingress=ingress,
                egress=[
                    k8s.NetworkPolicyEgressRule(to=[own], ports=tcp_ports(POSTGRES_PORT, STATUS_PORT)),
                    s.kubernetes_api.egress(),
                    # the plugin's sidecar in each instance uploads WAL and base backups
                    *([k8s.NetworkPolicyEgressRule(to=s.backup.peer.peers(), ports=tcp_ports(s.backup.port))]
                      if s.backup is not None else []),
                    dns_egress(dns),
                ],
            ),
        )
