"""Every target a ServiceMonitor names must be reachable by the Prometheus that scrapes it.

A ServiceMonitor tells the Prometheus Operator which Services to scrape and on which port; the
NetworkPolicies decide whether Prometheus's pods may open that port. When they refuse, nothing fails
at deploy time: Prometheus shows the target down ("context deadline exceeded"), every alert built
on its metrics stays silent, and a dashboard shows gaps. This check finds such targets at synth,
from the rendered manifests alone, for any app:

1. each ServiceMonitor (monitoring.coreos.com) under the scope: the Services its `selector` picks in
   the namespaces its `namespaceSelector` names (its own namespace when it names none);
2. each endpoint's `port` (a Service port name) resolved through the Service's `targetPort` to the
   container port of every workload the Service selects, or its `targetPort` (a container port
   name or number) taken as it is;
3. the connection from the monitoring peer's pods (`MonitoringPeer`: namespace and pod labels) to
   that pod port, evaluated against every NetworkPolicy of the app (network_model.py).

A ServiceMonitor that selects no Service of the app, or an endpoint whose port a selected Service
lacks, scrapes nothing and is reported as well. Services no workload of the app backs (an
operator's pods) cannot be judged and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from constructs import IConstruct

from .._json import JsonObject, list_at, obj_at
from ..network import MonitoringPeer
from ..network_model import PodEndpoint, selects
from .reachability import AppNetwork, Workload, app_network
from .tree import Manifest, manifests, root_of

SERVICE_MONITOR_GROUP = "monitoring.coreos.com/"


def _is_service_monitor(m: Manifest) -> bool:
    return m.kind == "ServiceMonitor" and str(m.obj.get("apiVersion", "")).startswith(SERVICE_MONITOR_GROUP)


def _namespaces(monitor: Manifest, known: Iterable[str | None]) -> set[str | None]:
    """The namespaces whose Services the ServiceMonitor may select (of those the app has Services in)."""
    selector = obj_at(monitor.obj, "spec", "namespaceSelector")
    if selector.get("any"):
        return set(known)
    names = list_at(selector, "matchNames")
    return set(names) if names else {monitor.namespace}


def _selected_services(network: AppNetwork, monitor: Manifest) -> list[Manifest]:
    namespaces = _namespaces(monitor, {namespace for namespace, _ in network.services})
    selector = obj_at(monitor.obj, "spec", "selector")
    return [service for (namespace, _), service in sorted(network.services.items(), key=lambda item: str(item[0]))
            if namespace in namespaces and selects(selector, obj_at(service.obj, "metadata", "labels"))]


def _pod_ports(service: Manifest, endpoint: JsonObject, backend: Workload) -> list[int] | None:
    """The pod ports the endpoint scrapes on `backend`; None when the Service has no such port."""
    port_name = endpoint.get("port")
    if port_name is None:
        target: Any = endpoint.get("targetPort")
    else:
        entries = [p for p in list_at(service.obj, "spec", "ports") if p.get("name") == port_name]
        if not entries:
            return None
        target = entries[0].get("targetPort", entries[0].get("port"))
    if isinstance(target, str):
        number = backend.pod.ports.get(target)
        return [number] if number is not None else []
    return [int(target)] if isinstance(target, int) else []


def unscrapable_target_problems(scope: IConstruct, scraper: MonitoringPeer) -> list[str]:
    """Targets of the ServiceMonitors under `scope` that the app's NetworkPolicies close to `scraper`.

    Args:
        scope: the construct whose ServiceMonitors to check; Services, workloads and NetworkPolicies
            are read from its whole app.
        scraper: where the Prometheus that reads those ServiceMonitors runs.

    Returns:
        One message per ServiceMonitor endpoint and pod that Prometheus cannot scrape, naming the
        ServiceMonitor, the Service, the pod port and the side that refuses.
    """
    network = app_network(root_of(scope))
    prometheus = PodEndpoint("prometheus", scraper.namespace, dict(scraper.pod_labels))
    peer = f"the monitoring peer (pods {dict(scraper.pod_labels)} of namespace {scraper.namespace})"
    problems: list[str] = []
    for monitor in (m for m in manifests(scope) if _is_service_monitor(m)):
        services = _selected_services(network, monitor)
        if not services:
            problems.append(f"{monitor} selects no Service of the app: Prometheus scrapes nothing; make its "
                            "selector match the labels of the Service to scrape")
            continue
        for index, endpoint in enumerate(list_at(monitor.obj, "spec", "endpoints")):
            port = endpoint.get("port", endpoint.get("targetPort"))
            # `{monitor}` names its construct path (two round trips): written into a message only
            where = f"endpoints[{index}] (port {port!r})"
            for service in services:
                for backend in network.backends(service):
                    targets = _pod_ports(service, endpoint, backend)
                    if targets is None:
                        problems.append(f"{monitor} {where} selects Service {service.name}, which has no port named "
                                        f"{port!r}: the endpoint finds no target; name the Service's metrics port so")
                        break
                    if not targets:
                        problems.append(f"{monitor} {where} leads to no container port of {backend} through Service "
                                        f"{service.name}: the endpoint finds no target")
                    for target in targets:
                        verdict = network.model.allows(prometheus, backend.pod, target)
                        if not verdict:
                            problems.append(
                                f"{monitor} {where} scrapes pod port {target} of {backend} (Service {service.name}), "
                                f"which the NetworkPolicies refuse to {peer} ({verdict.refused_by}): Prometheus shows "
                                "the target down and the alerts on its metrics stay silent; open that port to the "
                                "monitoring peer in the pod's ingress")
    return problems
