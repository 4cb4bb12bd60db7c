"""What the NetworkPolicies of an app allow, evaluated on the rendered manifests as Kubernetes would.

The synth-time reachability check (reachability.py) and the tests ask one question of it: may this
pod open a TCP connection to that pod on that port? The answer follows the NetworkPolicy API
(networking.k8s.io/v1), read from the Kubernetes documents "Network Policies":
- a pod is isolated for egress (ingress) once any policy of its namespace selects it with that
  policy type; an isolated pod may use only what some selecting policy's rules allow, the union of
  them all; a pod no policy selects is open in that direction;
- a connection needs both sides: the client's egress and the server's ingress;
- a peer is an `ipBlock`, or a `podSelector` and/or `namespaceSelector`: a podSelector alone means
  pods of the policy's own namespace, a namespaceSelector alone every pod of the matching
  namespaces, both together the selected pods of the selected namespaces;
- a rule without peers matches every peer, a rule without ports every port; a port may be a number
  (with `endPort`, a range) or the name of a container port of the destination pod;
- `policyTypes` left out means Ingress, plus Egress when the policy has egress rules.
Selectors support `matchLabels` and `matchExpressions` (In, NotIn, Exists, DoesNotExist).

Pods have no addresses here: an `ipBlock` never matches a pod. The documents describe ipBlock as
meant for addresses outside the cluster (pod addresses are ephemeral, and whether a CNI applies
ipBlocks to pod traffic after Service translation is up to it), so a path between two pods that only
an ipBlock opens is not one a user can rely on. Addresses outside the cluster are `IpEndpoint`s.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._json import list_at, obj_at

# The label the API server puts on every Namespace (Kubernetes 1.22 and later).
NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name"


@dataclass(frozen=True)
class PodEndpoint:
    """The pods of one workload: where they run, their labels and their named container ports."""

    name: str
    namespace: str
    labels: Mapping[str, str] = field(default_factory=dict[str, str], hash=False)
    ports: Mapping[str, int] = field(default_factory=dict[str, int], hash=False)    # container port name -> number

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}"


@dataclass(frozen=True)
class IpEndpoint:
    """An address outside the cluster's pods (the internet, a node, a DNS cache)."""

    name: str
    ip: str

    def __str__(self) -> str:
        return f"{self.name} ({self.ip})"


Endpoint = PodEndpoint | IpEndpoint


def selects(selector: Mapping[str, Any] | None, labels: Mapping[str, str]) -> bool:
    """Whether a label selector matches `labels`; an empty selector matches everything."""
    selector = selector or {}
    if not obj_at(selector, "matchLabels").items() <= labels.items():
        return False
    for expression in list_at(selector, "matchExpressions"):
        key, operator, values = expression["key"], expression["operator"], list_at(expression, "values")
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and key in labels and labels[key] in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
        if operator not in ("In", "NotIn", "Exists", "DoesNotExist"):
            raise ValueError(f"label selector operator must be In, NotIn, Exists or DoesNotExist, got {operator!r}")
    return True


@dataclass(frozen=True)
class Policy:
    """One NetworkPolicy as written: its namespace and its spec."""

    name: str
    namespace: str
    spec: Mapping[str, Any]

    @classmethod
    def from_manifest(cls, obj: Mapping[str, Any], default_namespace: str | None = None) -> Policy:
        metadata = obj_at(obj, "metadata")
        namespace = metadata.get("namespace") or default_namespace
        if not namespace:
            raise ValueError(f"NetworkPolicy {metadata.get('name')!r} has no namespace")
        return cls(metadata.get("name", ""), namespace, obj_at(obj, "spec"))

    @property
    def types(self) -> tuple[str, ...]:
        declared = self.spec.get("policyTypes")
        if declared:
            return tuple(declared)
        return ("Ingress", "Egress") if self.spec.get("egress") else ("Ingress",)

    def selects(self, pod: PodEndpoint, direction: str) -> bool:
        return (pod.namespace == self.namespace and direction in self.types
                and selects(self.spec.get("podSelector"), pod.labels))

    def __str__(self) -> str:
        return f"NetworkPolicy {self.namespace}/{self.name}"


@dataclass(frozen=True)
class Verdict:
    """Whether a connection is allowed, and if not, which side refuses it."""

    allowed: bool
    egress_allowed: bool
    ingress_allowed: bool

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def refused_by(self) -> str:
        sides = [side for side, ok in (("the client's egress", self.egress_allowed),
                                       ("the server's ingress", self.ingress_allowed)) if not ok]
        return " and ".join(sides) or "nothing"


class NetworkModel:
    """The NetworkPolicies of an app, and the namespaces' labels their namespaceSelectors match."""

    def __init__(self, policies: Iterable[Policy], namespace_labels: Mapping[str, Mapping[str, str]] | None = None):
        self.policies = tuple(policies)
        # a policy selects pods of its own namespace only: looked up by it, not scanned app-wide
        self._policies_by_namespace: dict[str, list[Policy]] = {}
        for policy in self.policies:
            self._policies_by_namespace.setdefault(policy.namespace, []).append(policy)
        self._namespace_labels = {name: dict(labels) for name, labels in (namespace_labels or {}).items()}

    def namespace_labels(self, namespace: str) -> dict[str, str]:
        # labels the app gives its Namespace objects; a namespace the app does not create (the
        # Gateway's, kube-system) is known by its name label only
        return {**self._namespace_labels.get(namespace, {}), NAMESPACE_NAME_LABEL: namespace}

    def allows(self, source: Endpoint, target: Endpoint, port: int, protocol: str = "TCP") -> Verdict:
        """Whether `source` may open a connection to `target` on `port` (the pod's port, after Services)."""
        egress = True if isinstance(source, IpEndpoint) else self._side(source, target, port, protocol, "Egress")
        ingress = True if isinstance(target, IpEndpoint) else self._side(target, source, port, protocol, "Ingress")
        return Verdict(egress and ingress, egress, ingress)

    def isolated(self, pod: PodEndpoint, direction: str) -> bool:
        return any(p.selects(pod, direction) for p in self._policies_by_namespace.get(pod.namespace, ()))

    def _side(self, pod: PodEndpoint, other: Endpoint, port: int, protocol: str, direction: str) -> bool:
        """Whether the policies selecting `pod` let it reach (Egress) or be reached by (Ingress) `other`."""
        selecting = [p for p in self._policies_by_namespace.get(pod.namespace, ()) if p.selects(pod, direction)]
        if not selecting:
            return True
        rules_key, peers_key = ("egress", "to") if direction == "Egress" else ("ingress", "from")
        # the named ports of a rule refer to the destination: the other pod on egress, this one on ingress
        destination = other if direction == "Egress" else pod
        for policy in selecting:
            for rule in list_at(policy.spec, rules_key):
                peers = rule.get(peers_key)
                if peers and not any(self._peer_matches(peer, other, policy.namespace) for peer in peers):
                    continue
                if _ports_match(rule.get("ports"), port, protocol, destination):
                    return True
        return False

    def _peer_matches(self, peer: Mapping[str, Any], other: Endpoint, policy_namespace: str) -> bool:
        if "ipBlock" in peer:
            if not isinstance(other, IpEndpoint):
                return False   # see the module's docstring: ipBlocks are for addresses outside the pods
            block = peer["ipBlock"]
            address = ipaddress.ip_address(other.ip)
            network = ipaddress.ip_network(block["cidr"])
            if address.version != network.version or address not in network:
                return False
            return not any(address in ipaddress.ip_network(e) for e in list_at(block, "except")
                           if ipaddress.ip_network(e).version == address.version)
        if isinstance(other, IpEndpoint):
            return False
        if "namespaceSelector" in peer:
            if not selects(peer["namespaceSelector"], self.namespace_labels(other.namespace)):
                return False
        elif other.namespace != policy_namespace:
            return False
        return "podSelector" not in peer or selects(peer["podSelector"], other.labels)


def _ports_match(ports: list[Mapping[str, Any]] | None, port: int, protocol: str, destination: Endpoint) -> bool:
    if not ports:
        return True
    for entry in ports:
        if entry.get("protocol", "TCP") != protocol:
            continue
        wanted = entry.get("port")
        if wanted is None:
            return True
        if isinstance(wanted, str):
            # a named port matches the destination pod's container port of that name
            if isinstance(destination, PodEndpoint) and destination.ports.get(wanted) == port:
                return True
            continue
        end = entry.get("endPort", wanted)
        if wanted <= port <= end:
            return True
    return False
