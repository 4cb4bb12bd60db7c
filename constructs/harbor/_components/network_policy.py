"""NetworkPolicies: every Harbor pod denies all traffic except the paths Harbor needs.

Each component gets one policy `<instance>-<component>` that selects its pods with both policy
types, so the pod is isolated for ingress and egress and only the rules below open it. Every path
appears twice, as egress of the client and as ingress of the server, from the one table `FLOWS`,
so the two sides cannot drift apart. Ports are the pods' own ports from `base` (a NetworkPolicy sees
the pod port after the Service has translated `harbor-core:80` to 8080).

Paths, with the reason for each one that is not obvious:
- the Gateway's proxy -> entry point (nginx);
- nginx -> core (API, /v2/, token service) and portal (UI);
- core -> portal (core's health report polls every component it lists, the portal included:
  src/controller/health/checker.go `RegisterHealthCheckers`; see health_model.py), registry
  (distribution API and registryctl), jobservice, redis, database, trivy;
- jobservice -> core (job status hooks, config API), registry and registryctl (replication,
  garbage collection), redis (its queue), database (Harbor 2.15.1's job context reads the database
  settings from core and opens its own connection: src/jobservice/job/impl/context.go `Init` calls
  `dao.InitDatabase`) and trivy (scan jobs run in jobservice and call the adapter:
  src/pkg/scan/job.go `SubmitScan`, `GetScanReport`);
- registry -> redis (layer metadata cache), nothing else of Harbor's: Harbor 2.15.1 configures no
  registry notifications (make/photon/prepare/templates/registry/config.yml.jinja) and core serves
  none (src/server/route.go: every /service/notifications/ route is a job or schedule status hook);
- trivy -> redis (its job queue and report store) and core (the adapter pulls the image to scan
  from core's internal address: core registers Trivy with `use_internal_addr`, and
  src/controller/scan/base_controller.go hands the scanner core's internal URL);
- core, jobservice and trivy -> the internet (proxy-cache upstreams, replication targets, webhooks,
  the Trivy databases), see `InternetEgress`;
- with external data stores (data_stores.py) the paths to the bundled database and redis give way to
  egress from the same clients to the store's `DataStorePeer` on its port (`ExternalFlow`), and the
  registry pod gets egress to its S3 server;
- every Harbor pod -> the cluster DNS, see `ClusterDns`;
- with a database backup (backups.DatabaseBackup), its pods (the dump and the restore) -> database,
  and to the bucket's server when the dumps go to S3; nothing reaches them.
- with HarborMetrics: the exporter -> core (the health and systeminfo APIs), redis (jobservice's
  queues) and the database (projects, quotas, artifacts), src/pkg/exporter/*_collector.go; and the
  monitoring peer's Prometheus pods, and nothing else, -> the metrics port of core, jobservice, the
  registry and the exporter (`SCRAPED`). Only them on purpose: the registry's metrics port is its
  debug listener, which also serves pprof and /debug/vars, and /debug/vars shows the registry's Redis
  configuration with its password (registry.py `debug_listener`).
Probes come from the kubelet on the node, which NetworkPolicies do not restrict in the common CNIs
(Calico, Cilium, kube-router, Antrea all allow host-to-pod traffic).

The secret sync's pause pod is not Harbor's: it gets no traffic at all (see OpenBaoSecretSync).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..backups import BackupBucket
from ..kit.labels import check_labels, standard_labels
from ..kit.network import (
    ClusterDns,
    DataStorePeer,
    GatewayPeer,
    InternetEgress,
    MonitoringPeer,
    dns_egress,
    ip_peers,
    namespace_peer,
    tcp_ports,
)
from ..kit.validation import check_dns_label, fail
from .constants import (
    CORE,
    CORE_PORT,
    DATABASE,
    DATABASE_BACKUP,
    DATABASE_PORT,
    EXPORTER,
    JOBSERVICE,
    JOBSERVICE_PORT,
    METRICS_PORT,
    NGINX,
    NGINX_PORT,
    PORTAL,
    PORTAL_PORT,
    REDIS,
    REDIS_PORT,
    REGISTRY,
    REGISTRY_PORT,
    REGISTRYCTL_PORT,
    TRIVY,
    TRIVY_PORT,
)
from .context import HarborContext

COMPONENTS: tuple[str, ...] = (NGINX, PORTAL, CORE, REGISTRY, JOBSERVICE, TRIVY, DATABASE, REDIS, EXPORTER,
                              DATABASE_BACKUP)


@dataclass(frozen=True)
class Flow:
    """Pods of `client` may open TCP connections to pods of `server` on `ports`."""

    client: str
    server: str
    ports: tuple[int, ...]
    why: str


FLOWS: tuple[Flow, ...] = (
    Flow(NGINX, CORE, (CORE_PORT,), "/api/, /c/, /service/ and /v2/"),
    Flow(NGINX, PORTAL, (PORTAL_PORT,), "the web UI"),
    # core's health report polls the portal's root every 10 s (src/controller/health/checker.go,
    # portalHealthChecker): without this path /api/v2.0/health stays "unhealthy" for good
    Flow(CORE, PORTAL, (PORTAL_PORT,), "the health check of the portal"),
    Flow(CORE, REGISTRY, (REGISTRY_PORT, REGISTRYCTL_PORT), "proxies /v2/; deletes through registryctl"),
    Flow(CORE, JOBSERVICE, (JOBSERVICE_PORT,), "submits jobs, reads job logs"),
    Flow(CORE, REDIS, (REDIS_PORT,), "sessions, caches"),
    Flow(CORE, DATABASE, (DATABASE_PORT,), "every persistent setting"),
    Flow(CORE, TRIVY, (TRIVY_PORT,), "scanner metadata"),
    Flow(JOBSERVICE, CORE, (CORE_PORT,), "job status hooks and the configuration API"),
    Flow(JOBSERVICE, REGISTRY, (REGISTRY_PORT, REGISTRYCTL_PORT), "replication, garbage collection"),
    Flow(JOBSERVICE, REDIS, (REDIS_PORT,), "the job queue"),
    Flow(JOBSERVICE, DATABASE, (DATABASE_PORT,), "the job context opens its own connection"),
    Flow(JOBSERVICE, TRIVY, (TRIVY_PORT,), "scan jobs submit scans and fetch reports"),
    Flow(REGISTRY, REDIS, (REDIS_PORT,), "the layer metadata cache"),
    Flow(TRIVY, REDIS, (REDIS_PORT,), "the adapter's queue and report store"),
    Flow(TRIVY, CORE, (CORE_PORT,), "pulls the image to scan from core's internal address"),
    # only with backups.DatabaseBackup, which the bundled database alone has
    Flow(DATABASE_BACKUP, DATABASE, (DATABASE_PORT,), "pg_dump of the scheduled backup, pg_restore of a restore"),
    # with HarborMetrics only (src/pkg/exporter: health_collector.go, js_collector.go, project_collector.go)
    Flow(EXPORTER, CORE, (CORE_PORT,), "harbor_up and harbor_system_info from core's health and systeminfo APIs"),
    Flow(EXPORTER, REDIS, (REDIS_PORT,), "jobservice's queues for harbor_task_*"),
    Flow(EXPORTER, DATABASE, (DATABASE_PORT,), "projects, quotas and artifacts for harbor_project_*"),
)
# With HarborMetrics, the components Prometheus scrapes, each on its metrics port.
SCRAPED: tuple[str, ...] = (CORE, REGISTRY, JOBSERVICE, EXPORTER)
# Components whose pods reach hosts outside the cluster: proxy-cache upstreams (core), replication
# targets and webhooks (jobservice), the Trivy databases. Not the registry: it dials nothing but redis
# and, with S3Storage, its S3 server, which has a path of its own (`external_flows`); see
# `internet_clients` for its S3 traffic through an outbound proxy.
INTERNET_CLIENTS = (CORE, JOBSERVICE, TRIVY)


def internet_clients(ctx: HarborContext) -> tuple[str, ...]:
    """INTERNET_CLIENTS, and the registry when its S3 traffic goes through the outbound proxy (the
    proxy, not the S3 server, is then what it connects to)."""
    proxied = bool(ctx.proxy.http_proxy or ctx.proxy.https_proxy)
    return (*INTERNET_CLIENTS, REGISTRY) if ctx.image_storage is not None and proxied else INTERNET_CLIENTS


def clients_of(server: str, *, exporter: bool = True) -> tuple[str, ...]:
    """The components that connect to `server`, from the one table (the exporter only when it runs)."""
    return tuple(f.client for f in FLOWS if f.server == server and (exporter or f.client != EXPORTER))


@dataclass(frozen=True)
class ExternalFlow:
    """Pods of `client` may open TCP connections to a server outside Harbor's pods."""

    client: str
    peer: DataStorePeer
    ports: tuple[int, ...]
    why: str


def external_flows(ctx: HarborContext, present: set[str]) -> tuple[ExternalFlow, ...]:
    """The paths to data stores that are not Harbor's own pods: the FLOWS of the bundled component,
    redirected to the store's peer and port; and the registry's path to its S3 server."""
    stores = {DATABASE: (ctx.database.peer, ctx.database.port), REDIS: (ctx.redis.peer, ctx.redis.port)}
    flows = [ExternalFlow(f.client, peer, (port,), f.why) for f in FLOWS
             for server, (peer, port) in stores.items()
             if f.server == server and peer is not None and f.client in present]
    if ctx.image_storage is not None:
        flows.append(ExternalFlow(REGISTRY, ctx.image_storage.peer, (ctx.image_storage.port,),
                                  "image blobs in the S3 bucket (registry and registryctl)"))
    bucket = getattr(ctx.database_backup, "target", None)
    if DATABASE_BACKUP in present and isinstance(bucket, BackupBucket):
        flows.append(ExternalFlow(DATABASE_BACKUP, bucket.peer, (bucket.port,), "dumps uploaded to and fetched from "
                                                                               "the backup bucket"))
    return tuple(flows)


def check_api_client(name: str, pod_labels: Mapping[str, str]) -> dict[str, str]:
    """The arguments of `allow_api_client`, checked; the labels as a sorted copy."""
    check_dns_label("HarborRegistry.allow_api_client name", name)
    labels = check_labels("HarborRegistry.allow_api_client pod_labels", pod_labels)
    if not labels:
        raise fail("HarborRegistry.allow_api_client pod_labels",
                   "the client's pod labels (empty would select every pod)", labels)
    return labels


class HarborNetworkPolicies(Construct):
    """One NetworkPolicy per Harbor component, from `FLOWS`.

    Hand-outs: `policies` (component -> KubeNetworkPolicy) and `allow_api_client`, the hook for
    pods of the same namespace that call Harbor's API (the configuration Job).
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext, *, gateway: GatewayPeer | None,
                 dns: ClusterDns, internet: InternetEgress | None) -> None:
        super().__init__(scope, id)
        self.ctx = ctx
        self.dns = dns
        present = set(COMPONENTS) - ({TRIVY} if ctx.trivy is None else set())
        present -= {EXPORTER} if ctx.metrics is None else set()
        # an external database or redis runs no pod of Harbor's: no policy, no path to its pods
        present -= {component for component, bundled in ((DATABASE, ctx.database.bundled),
                                                         (REDIS, ctx.redis.bundled)) if not bundled}
        if ctx.database_backup is None:
            present.discard(DATABASE_BACKUP)
        flows = [f for f in FLOWS if f.client in present and f.server in present]
        self.flows: tuple[Flow, ...] = tuple(flows)
        self.external_flows = external_flows(ctx, present)
        self.policies: dict[str, k8s.KubeNetworkPolicy] = {}
        for component in COMPONENTS:
            if component not in present:
                continue
            ingress = [k8s.NetworkPolicyIngressRule(from_=[self._pods(f.client)], ports=tcp_ports(*f.ports))
                       for f in flows if f.server == component]
            if component == NGINX:
                ingress.insert(0, self._gateway_ingress(gateway))
            if ctx.metrics is not None and component in SCRAPED:
                ingress.append(self._monitoring_ingress(ctx.metrics.monitoring))
            egress = [k8s.NetworkPolicyEgressRule(to=[self._pods(f.server)], ports=tcp_ports(*f.ports))
                      for f in flows if f.client == component]
            egress += [k8s.NetworkPolicyEgressRule(to=f.peer.peers(), ports=tcp_ports(*f.ports))
                       for f in self.external_flows if f.client == component]
            if internet is not None and component in internet_clients(ctx):
                # no ports: every port (InternetEgress.ports empty)
                egress.append(k8s.NetworkPolicyEgressRule(to=internet.peers(),
                                                          ports=tcp_ports(*internet.ports) or None))
            egress.append(dns_egress(dns))
            self.policies[component] = k8s.KubeNetworkPolicy(
                self, component,
                metadata=k8s.ObjectMeta(name=ctx.name(component), labels=ctx.labels(component)),
                spec=k8s.NetworkPolicySpec(
                    pod_selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
                    policy_types=["Ingress", "Egress"],
                    ingress=ingress or None,
                    egress=egress,
                ),
            )

    def _pods(self, component: str) -> k8s.NetworkPolicyPeer:
        # no namespaceSelector: the peer pods are in the policy's own namespace
        return k8s.NetworkPolicyPeer(pod_selector=k8s.LabelSelector(match_labels=self.ctx.selector(component)))

    @staticmethod
    def _monitoring_ingress(monitoring: MonitoringPeer) -> k8s.NetworkPolicyIngressRule:
        # the metrics port only, from Prometheus only: see the module's docstring for the registry's
        return k8s.NetworkPolicyIngressRule(from_=monitoring.peers(), ports=tcp_ports(METRICS_PORT))

    @staticmethod
    def _gateway_ingress(gateway: GatewayPeer | None) -> k8s.NetworkPolicyIngressRule:
        if gateway is None:
            # no peer given: the entry point's port is open to every source, nothing else is
            return k8s.NetworkPolicyIngressRule(ports=tcp_ports(NGINX_PORT))
        return k8s.NetworkPolicyIngressRule(
            from_=[namespace_peer(gateway.namespace, gateway.pod_labels), *ip_peers(gateway.cidrs)],
            ports=tcp_ports(NGINX_PORT))

    def allow_api_client(self, id: str, *, name: str,
                         pod_labels: Mapping[str, str]) -> tuple[k8s.KubeNetworkPolicy, k8s.KubeNetworkPolicy]:
        """Let pods labelled `pod_labels` (in Harbor's namespace) call core's API, and nothing else.

        Two policies, since policies add up: `<instance>-<name>` isolates the client and allows its
        egress to core and DNS only; `<instance>-core-from-<name>` opens core's port to it. The
        configuration Job calls this with its pod labels.
        """
        labels = check_api_client(name, pod_labels)
        ctx = self.ctx
        own = standard_labels(name="harbor", instance=ctx.instance, component=name, part_of="harbor",
                              version=ctx.images.tag)
        client = k8s.KubeNetworkPolicy(
            self, f"{id}-client",
            metadata=k8s.ObjectMeta(name=ctx.name(name), labels=own),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=labels),
                policy_types=["Ingress", "Egress"],
                egress=[k8s.NetworkPolicyEgressRule(to=[self._pods(CORE)], ports=tcp_ports(CORE_PORT)),
                        dns_egress(self.dns)],
            ),
        )
        core = k8s.KubeNetworkPolicy(
            self, f"{id}-core",
            metadata=k8s.ObjectMeta(name=ctx.name(f"core-from-{name}"), labels=own),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=ctx.selector(CORE)),
                policy_types=["Ingress"],
                ingress=[k8s.NetworkPolicyIngressRule(
                    from_=[k8s.NetworkPolicyPeer(pod_selector=k8s.LabelSelector(match_labels=labels))],
                    ports=tcp_ports(CORE_PORT))],
            ),
        )
        return client, core
