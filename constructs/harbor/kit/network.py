"""Network building blocks any app can use: peers outside the namespace, DNS, the internet, deny-all.

Typed and checked at the point of entry; Harbor's NetworkPolicies (constructs.harbor._components.
network_policy) are built from them, and AppChart's `default_deny` uses `deny_all_policy`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cdk8s_plus_27 import k8s

from constructs import Construct

from .labels import check_labels
from .validation import check_dns_label, check_port, fail
from .values import int_or_string

# The label the API server puts on every Namespace (since Kubernetes 1.22): selects a namespace by name.
NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name"
DNS_PORT = 53

# Private, shared, link-local (cloud metadata lives at 169.254.169.254) and unique-local ranges:
# where pods, Services and nodes of a cluster live, so "the internet" leaves them out by default.
PRIVATE_RANGES = ("10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
                  "fc00::/7", "fe80::/10")


def _cidrs(field_name: str, values: Sequence[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise fail(field_name, "a tuple of CIDRs such as ('10.0.0.0/8',)", values)
    values = tuple(values)
    for value in values:
        try:
            network = ipaddress.ip_network(value, strict=True)
        except (TypeError, ValueError):
            raise fail(field_name, "CIDRs such as '10.0.0.0/8' (network address, no host bits)", value) from None
        if str(network) != value:
            raise fail(field_name, f"CIDRs written canonically ({str(network)!r})", value)
    if len(set(values)) != len(values):
        raise fail(field_name, "distinct CIDRs", values)
    return values


@dataclass(frozen=True, kw_only=True)
class GatewayPeer:
    """Where the Gateway's proxy runs: the only source allowed to reach Harbor's entry point.

    `namespace` is the namespace of the proxy pods (for most implementations the Gateway's own
    namespace); `pod_labels` narrows them down (empty: every pod of that namespace), e.g.
    `{"gateway.networking.k8s.io/gateway-name": "homelab-gateway"}` for implementations that
    label their deployments so. `cidrs` adds address ranges for proxies that do not run as pods of
    that namespace (a proxy on the nodes' network connects from the node addresses).

    Attributes:
        namespace: the namespace of the Gateway's proxy pods.
        pod_labels: the proxy pods' labels (default none: every pod of `namespace`).
        cidrs: address ranges the proxy may also connect from, canonical CIDRs (default none).
    """

    namespace: str
    pod_labels: Mapping[str, str] = field(default_factory=dict[str, str])
    cidrs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_dns_label("GatewayPeer.namespace", self.namespace)
        object.__setattr__(self, "pod_labels", check_labels("GatewayPeer.pod_labels", self.pod_labels))
        object.__setattr__(self, "cidrs", _cidrs("GatewayPeer.cidrs", self.cidrs))


@dataclass(frozen=True, kw_only=True)
class MonitoringPeer:
    """Where the Prometheus that scrapes the app runs: the only source allowed on its metrics ports.

    `namespace` is the monitoring namespace and `pod_labels` the Prometheus pods in it, never empty:
    a metrics port can serve more than metrics (a Go debug listener answers pprof and expvar on the
    same port), so "every pod of the monitoring namespace" is too wide a door. The default labels are
    the ones the Prometheus Operator puts on every Prometheus pod it runs. `cidrs` adds address
    ranges for a Prometheus outside the cluster's pods (an agent on the nodes' network).

    Attributes:
        namespace: the Prometheus pods' namespace, a DNS label (default "monitoring").
        pod_labels: the Prometheus pods' labels, never empty (default
            `app.kubernetes.io/name: prometheus`).
        cidrs: address ranges Prometheus may also scrape from, canonical CIDRs (default none).
    """

    namespace: str = "monitoring"
    pod_labels: Mapping[str, str] = field(default_factory=lambda: {"app.kubernetes.io/name": "prometheus"})
    cidrs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_dns_label("MonitoringPeer.namespace", self.namespace)
        labels = check_labels("MonitoringPeer.pod_labels", self.pod_labels)
        if not labels:
            raise fail("MonitoringPeer.pod_labels", "the Prometheus pods' labels (empty would open the metrics "
                                                    "ports to every pod of the namespace)", labels)
        object.__setattr__(self, "pod_labels", labels)
        object.__setattr__(self, "cidrs", _cidrs("MonitoringPeer.cidrs", self.cidrs))

    def peers(self) -> list[k8s.NetworkPolicyPeer]:
        """The Prometheus pods of the namespace, then the address ranges."""
        return [namespace_peer(self.namespace, self.pod_labels), *ip_peers(self.cidrs)]


@dataclass(frozen=True, kw_only=True)
class ClusterDns:
    """The cluster's DNS pods, which every Harbor pod asks for Service and upstream addresses.

    The default fits CoreDNS as kubeadm, k3s and most distributions deploy it. `cidrs` adds node-local
    caches (NodeLocal DNSCache answers on a link-local address such as '169.254.20.10/32').

    Attributes:
        namespace: where the DNS pods run (default "kube-system").
        pod_labels: the DNS pods' labels, never empty (default `k8s-app: kube-dns`).
        port: the DNS port, opened for UDP and TCP (default 53).
        cidrs: further DNS addresses such as a node-local cache, canonical CIDRs (default none).
    """

    namespace: str = "kube-system"
    pod_labels: Mapping[str, str] = field(default_factory=lambda: {"k8s-app": "kube-dns"})
    port: int = DNS_PORT
    cidrs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_dns_label("ClusterDns.namespace", self.namespace)
        labels = check_labels("ClusterDns.pod_labels", self.pod_labels)
        if not labels:
            raise fail("ClusterDns.pod_labels", "labels of the DNS pods (empty would open port 53 of every pod "
                                                "of the namespace)", labels)
        object.__setattr__(self, "pod_labels", labels)
        check_port("ClusterDns.port", self.port)
        object.__setattr__(self, "cidrs", _cidrs("ClusterDns.cidrs", self.cidrs))


@dataclass(frozen=True, kw_only=True)
class InternetEgress:
    """Outbound connections of core, jobservice, registry and Trivy to hosts outside the cluster.

    Every address except `excluded_cidrs` (the private ranges where a cluster's pods, Services and
    nodes live, and the cloud metadata service), on `ports` (empty: every port). An upstream registry
    or proxy on a private network (a LAN mirror, an outbound proxy inside the cluster) needs its range
    taken out of `excluded_cidrs`, or its own policy.

    Attributes:
        excluded_cidrs: ranges never reached as "the internet" (default the private, shared,
            link-local and unique-local ranges).
        ports: the ports allowed, distinct (default (80, 443)).
    """

    excluded_cidrs: tuple[str, ...] = PRIVATE_RANGES
    ports: tuple[int, ...] = (80, 443)

    def __post_init__(self) -> None:
        object.__setattr__(self, "excluded_cidrs", _cidrs("InternetEgress.excluded_cidrs", self.excluded_cidrs))
        if isinstance(self.ports, int):
            raise fail("InternetEgress.ports", "a tuple of port numbers such as (443,)", self.ports)
        object.__setattr__(self, "ports", tuple(self.ports))
        for port in self.ports:
            check_port("InternetEgress.ports", port)
        if len(set(self.ports)) != len(self.ports):
            raise fail("InternetEgress.ports", "distinct ports", self.ports)

    def peers(self) -> list[k8s.NetworkPolicyPeer]:
        """One ipBlock per address family, each without the excluded ranges of its family."""
        peers: list[k8s.NetworkPolicyPeer] = []
        for everything, version in (("0.0.0.0/0", 4), ("::/0", 6)):
            excluded = [c for c in self.excluded_cidrs if ipaddress.ip_network(c).version == version]
            peers.append(k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=everything, except_=excluded or None)))
        return peers


@dataclass(frozen=True, kw_only=True)
class DataStorePeer:
    """Where a server that Harbor's pods connect to runs (a database, Redis, S3), for their egress.

    Pods: `pod_labels` in the client's own namespace, or in `namespace` (all its pods without
    labels). Addresses: `cidrs`, for servers outside the cluster or on the nodes' network. Nothing
    given: any address, still only on the server's port. A NetworkPolicy sees the pod address after
    a Service has translated its ClusterIP, so a server behind a Service of the cluster is selected
    by its pods, never by the Service's address.

    Attributes:
        namespace: the server pods' namespace (default None: the client's own namespace).
        pod_labels: the server pods' labels (default none: with `namespace`, every pod there;
            without it, no pod peer).
        cidrs: the server's addresses, canonical CIDRs (default none).
    """

    namespace: str | None = None
    pod_labels: Mapping[str, str] = field(default_factory=dict[str, str])
    cidrs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.namespace is not None:
            check_dns_label("DataStorePeer.namespace", self.namespace)
        object.__setattr__(self, "pod_labels", check_labels("DataStorePeer.pod_labels", self.pod_labels))
        object.__setattr__(self, "cidrs", _cidrs("DataStorePeer.cidrs", self.cidrs))

    def peers(self) -> list[k8s.NetworkPolicyPeer] | None:
        """The rule's peers; None (no `to`) allows every destination, which the rule's ports limit."""
        peers: list[k8s.NetworkPolicyPeer] = []
        if self.namespace is not None:
            peers.append(namespace_peer(self.namespace, self.pod_labels))
        elif self.pod_labels:
            # no namespaceSelector: pods of the policy's own namespace
            peers.append(k8s.NetworkPolicyPeer(pod_selector=k8s.LabelSelector(match_labels=dict(self.pod_labels))))
        peers.extend(ip_peers(self.cidrs))
        return peers or None


@dataclass(frozen=True, kw_only=True)
class KubernetesApi:
    """The Kubernetes API server, for pods that watch it (an operator's instance manager).

    The `kubernetes` Service's address is translated to the API servers' own addresses (control
    plane nodes) before a NetworkPolicy sees the packet, so `cidrs` are those (empty: any address,
    on `ports` only). 443 is the Service's port and 6443 the API servers' usual one.

    Attributes:
        cidrs: the API servers' addresses, canonical CIDRs (default none: any address). A
            CloudNativePG cluster admits them to its instances' status port when given.
        ports: the API servers' ports, at least one (default (443, 6443)).
    """

    cidrs: tuple[str, ...] = ()
    ports: tuple[int, ...] = (443, 6443)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cidrs", _cidrs("KubernetesApi.cidrs", self.cidrs))
        if isinstance(self.ports, int) or not self.ports:
            raise fail("KubernetesApi.ports", "a non-empty tuple of port numbers such as (443, 6443)", self.ports)
        object.__setattr__(self, "ports", tuple(self.ports))
        for port in self.ports:
            check_port("KubernetesApi.ports", port)

    def egress(self) -> k8s.NetworkPolicyEgressRule:
        return k8s.NetworkPolicyEgressRule(to=ip_peers(self.cidrs) or None, ports=tcp_ports(*self.ports))


def tcp_ports(*ports: int) -> list[k8s.NetworkPolicyPort]:
    return [k8s.NetworkPolicyPort(protocol="TCP", port=int_or_string(p)) for p in ports]


def ip_peers(cidrs: Sequence[str]) -> list[k8s.NetworkPolicyPeer]:
    return [k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=c)) for c in cidrs]


def namespace_peer(namespace: str, pod_labels: Mapping[str, str]) -> k8s.NetworkPolicyPeer:
    return k8s.NetworkPolicyPeer(
        namespace_selector=k8s.LabelSelector(match_labels={NAMESPACE_NAME_LABEL: namespace}),
        pod_selector=k8s.LabelSelector(match_labels=dict(pod_labels)) if pod_labels else None)


def dns_egress(dns: ClusterDns) -> k8s.NetworkPolicyEgressRule:
    port = int_or_string(dns.port)
    return k8s.NetworkPolicyEgressRule(
        to=[namespace_peer(dns.namespace, dns.pod_labels), *ip_peers(dns.cidrs)],
        ports=[k8s.NetworkPolicyPort(protocol="UDP", port=port), k8s.NetworkPolicyPort(protocol="TCP", port=port)])


def deny_all_policy(scope: Construct, id: str, *, name: str, labels: Mapping[str, str],
                    pod_labels: Mapping[str, str] | None = None,
                    annotations: Mapping[str, str] | None = None) -> k8s.KubeNetworkPolicy:
    """A policy that isolates the selected pods (every pod of the namespace without `pod_labels`)
    for ingress and egress and allows nothing: what other policies allow is all they get."""
    return k8s.KubeNetworkPolicy(
        scope, id,
        metadata=k8s.ObjectMeta(name=name, labels=dict(labels), annotations=dict(annotations) if annotations else None),
        # `podSelector: {}` selects every pod; written without an empty matchLabels, which the API
        # server would drop and Argo CD would then show as a difference
        spec=k8s.NetworkPolicySpec(
            pod_selector=k8s.LabelSelector(match_labels=dict(pod_labels) if pod_labels else None),
            policy_types=["Ingress", "Egress"]),
    )
