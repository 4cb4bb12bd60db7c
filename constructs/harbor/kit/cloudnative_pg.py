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

import cdk8s
from cdk8s_plus_27 import k8s

from constructs import Construct

from .argocd import KEEP_ON_DELETE, SyncWave
from .handles import SecretKeyRef, ServicePort
from .images import CLOUDNATIVE_PG_POSTGRES_IMAGE
from .labels import check_labels
from .network import ClusterDns, DataStorePeer, KubernetesApi, dns_egress, namespace_peer, tcp_ports
from .producers import SecretProducer
from .resources import Resources
from .validation import check_dns_label, check_dns_subdomain, check_positive, check_storage_size, fail

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


class CloudNativePgCluster(Construct, SecretProducer):
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
        self.network_policy = self._build_network_policy(object_labels, client_labels, dns) if network_policy \
            else None

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
                    dns_egress(dns),
                ],
            ),
        )
