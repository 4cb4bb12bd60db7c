"""Every in-cluster address a workload is configured to call must be allowed by the NetworkPolicies.

A pod whose configuration names `http://harbor-portal:80` dials that address at run time; if the
policies refuse the connection, nothing fails at deploy time: the pod starts, and calls time out
later (Harbor's health check reported the portal down for good, and the configuration Job waited
for a healthy Harbor until its deadline). This check finds such addresses at synth, from the
rendered manifests alone, for any workload of any app:

1. the addresses a container is configured with: its env values, the ConfigMap keys it reads through
   `configMapKeyRef` and `envFrom`, and the ConfigMap files it mounts (whole config files such as
   nginx.conf or a registry config.yml); in them, URLs (`scheme://host:port/...`, the scheme's
   default port when none is written), `host:port` pairs, and `<PREFIX>_HOST` / `<PREFIX>_PORT` env
   pairs (and libpq's `PGHOST` / `PGPORT`, which PostgreSQL's client programs read);
2. each host resolved to a Service of the app (`name`, `name.namespace`, `name.namespace.svc...`);
   hosts that are no Service of the app (the internet, a store outside the app) are not judged here;
3. the Service's port resolved to its `targetPort` (a number or a container port name) on every
   workload whose pod labels the Service selects: that is the port a NetworkPolicy sees;
4. the connection evaluated against every NetworkPolicy of the app (network_model.py): the caller's
   egress and the callee's ingress, port by port.

A workload's address of its own Service is how it names itself to others (Harbor core's CORE_URL
is handed to jobservice and the scanner, never dialled by core), so it is not checked. A Service no
workload of the app backs (an operator's pods) cannot be judged and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from constructs import IConstruct

from .._json import JsonObject, list_at, obj_at
from ..network_model import NetworkModel, PodEndpoint, Policy, selects
from ._cache import cached
from .tree import Manifest, manifests, root_of

# Ports clients use when a URL names none.
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "redis": 6379, "rediss": 6379,
                 "postgres": 5432, "postgresql": 5432}
URL = re.compile(r"\b([a-z][a-z0-9+.-]*)://([^\s\"'`<>,;]+)", re.IGNORECASE)
# host:port outside a URL, e.g. nginx's `server harbor-core:80;` or a YAML `addr: harbor-redis:6379`
HOST_PORT = re.compile(r"(?<![\w.:/@$-])([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)"
                       r":(\d{1,5})(?![\w.])")
WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod")
# Host and port variables that name no `_HOST` / `_PORT` pair: libpq's (PostgreSQL's psql, pg_dump and
# pg_restore read them, postgres REL_15 src/interfaces/libpq/fe-connect.c PQconninfoOptions).
HOST_PORT_PAIRS = {"PGHOST": "PGPORT"}


@dataclass(frozen=True)
class Address:
    """One address a container is configured to call, and where the configuration says it."""

    host: str
    port: int
    source: str          # e.g. "env PORTAL_URL (ConfigMap harbor-core key PORTAL_URL)"


@dataclass(frozen=True)
class Workload:
    manifest: Manifest
    pod: PodEndpoint
    spec: Mapping[str, Any]

    def __str__(self) -> str:
        return f"{self.manifest.kind} {self.manifest.name}"


def _pod_template_labels(m: Manifest) -> dict[str, str]:
    obj = m.obj
    if m.kind == "Pod":
        return dict(obj_at(obj, "metadata", "labels"))
    spec = obj_at(obj, "spec")
    if m.kind == "CronJob":
        spec = obj_at(spec, "jobTemplate", "spec")
    return dict(obj_at(spec, "template", "metadata", "labels"))


def _containers(spec: JsonObject) -> list[JsonObject]:
    return [*list_at(spec, "initContainers"), *list_at(spec, "containers")]


class AppNetwork:
    """The app's workloads, Services, ConfigMaps and NetworkPolicies, indexed once for the checks."""

    def __init__(self, objects: Iterable[Manifest]) -> None:
        objects = list(objects)
        self.workloads: list[Workload] = []
        self._workloads_by_namespace: dict[str | None, list[Workload]] = {}
        self._workload_of_construct: dict[int, Workload] = {}
        self.services: dict[tuple[str | None, str], Manifest] = {}
        self.config_maps: dict[tuple[str | None, str], Mapping[str, str]] = {}
        namespace_labels: dict[str, Mapping[str, str]] = {}
        policies: list[Policy] = []
        for m in objects:
            if m.kind in WORKLOAD_KINDS and m.pod_spec() is not None:
                spec = m.pod_spec() or {}
                ports = {p["name"]: p["containerPort"] for c in _containers(spec) for p in list_at(c, "ports")
                         if p.get("name")}
                pod = PodEndpoint(m.name, m.namespace or "", _pod_template_labels(m), ports)
                workload = Workload(m, pod, spec)
                self.workloads.append(workload)
                self._workloads_by_namespace.setdefault(m.namespace, []).append(workload)
                self._workload_of_construct[id(m.construct)] = workload
            elif m.kind == "Service":
                self.services[(m.namespace, m.name)] = m
            elif m.kind == "ConfigMap":
                self.config_maps[(m.namespace, m.name)] = obj_at(m.obj, "data")
            elif m.kind == "Namespace":
                namespace_labels[m.name] = obj_at(m.obj, "metadata", "labels")
            elif m.kind == "NetworkPolicy":
                policies.append(Policy.from_manifest(m.obj))
        self.model = NetworkModel(policies, namespace_labels)

    def workload_of(self, construct: IConstruct) -> Workload | None:
        """The workload an ApiObject construct renders to, if it is one."""
        return self._workload_of_construct.get(id(construct))

    # ---- where a container's addresses come from -------------------------------------------------

    def settings(self, workload: Workload, container: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
        """(name, value, where) for every env value and mounted config file of the container."""
        namespace = workload.manifest.namespace
        for source in list_at(container, "envFrom"):
            ref = source.get("configMapRef")
            if ref:
                data = self.config_maps.get((namespace, ref["name"]), {})
                prefix = source.get("prefix", "")
                for key, value in data.items():
                    yield prefix + key, value, f"env {prefix + key} (envFrom ConfigMap {ref['name']})"
        for env in list_at(container, "env"):
            if "value" in env:
                yield env["name"], env["value"], f"env {env['name']}"
                continue
            ref = obj_at(env, "valueFrom").get("configMapKeyRef")
            if ref:
                value = self.config_maps.get((namespace, ref["name"]), {}).get(ref["key"])
                if value is not None:
                    yield env["name"], value, f"env {env['name']} (ConfigMap {ref['name']} key {ref['key']})"
        mounted = {mount["name"] for mount in list_at(container, "volumeMounts")}
        for volume in list_at(workload.spec, "volumes"):
            if volume["name"] not in mounted:
                continue
            sources: list[JsonObject] = []
            if volume.get("configMap"):
                sources.append(volume["configMap"])
            sources += [p["configMap"] for p in list_at(volume, "projected", "sources") if p.get("configMap")]
            for source in sources:
                data = self.config_maps.get((namespace, source["name"]), {})
                keys = [item["key"] for item in list_at(source, "items")] or sorted(data)
                for key in keys:
                    if key in data:
                        yield "", data[key], f"file {key} of ConfigMap {source['name']} (volume {volume['name']})"

    def addresses(self, workload: Workload, container: Mapping[str, Any]) -> list[Address]:
        found: dict[tuple[str, int], Address] = {}
        settings = list(self.settings(workload, container))
        env = {name: value for name, value, _ in settings if name}
        for name, value, where in settings:
            for address in addresses_in(value, where):
                found.setdefault((address.host, address.port), address)
            port_name = HOST_PORT_PAIRS.get(name) or (name[:-5] + "_PORT" if name.endswith("_HOST") else "")
            if port_name and env.get(port_name, "").isdigit():
                address = Address(value, int(env[port_name]), f"{where} with {port_name}")
                found.setdefault((address.host, address.port), address)
        return list(found.values())

    # ---- where an address leads -----------------------------------------------------------------

    def service_of(self, host: str, namespace: str | None) -> Manifest | None:
        labels = host.lower().rstrip(".").split(".")
        if len(labels) == 1:
            return self.services.get((namespace, labels[0]))
        if len(labels) == 2 or (len(labels) >= 3 and labels[2] == "svc"):
            return self.services.get((labels[1], labels[0]))
        return None

    def backends(self, service: Manifest) -> list[Workload]:
        selector = obj_at(service.obj, "spec").get("selector")
        if not selector:
            return []   # no selector: endpoints managed by hand or by an operator
        return [w for w in self._workloads_by_namespace.get(service.namespace, [])
                if selects({"matchLabels": selector}, w.pod.labels)]

    def reach(self, workload: Workload, address: Address) -> list[str] | None:
        """Why `workload` cannot reach `address` ([] when it can); None when the address is not judged:
        no Service of the app, or the workload's own Service (see the module's docstring)."""
        service = self.service_of(address.host, workload.manifest.namespace)
        if service is None:
            return None
        backends = self.backends(service)
        if workload in backends:
            return None
        reasons: list[str] = []
        for backend in backends:
            targets = _target_ports(service, address.port, backend)
            if targets is None:
                return [f"calls {address.host}:{address.port}, but Service {service.name} has no TCP port "
                        f"{address.port}: the connection is refused; use the Service's port (a ServicePort handle)"]
            if not targets:
                reasons.append(f"calls {address.host}:{address.port}, but the Service's targetPort names no "
                               f"container port of {backend}")
            for target in targets:
                verdict = self.model.allows(workload.pod, backend.pod, target)
                if not verdict:
                    reasons.append(
                        f"calls {address.host}:{address.port} (pod port {target} of {backend}), which the "
                        f"NetworkPolicies refuse ({verdict.refused_by}): the calls time out at run time; open "
                        "the path in the policies of both sides")
        return reasons


def app_network(root: IConstruct) -> AppNetwork:
    """The AppNetwork of the app under `root`, built once per rendering and shared by every check."""
    return cached(("app-network", id(root)), lambda: AppNetwork(manifests(root)))


def addresses_in(text: str, where: str) -> Iterator[Address]:
    for match in URL.finditer(text):
        scheme = match.group(1).lower()
        try:
            parts = urlsplit(f"{scheme}://{match.group(2)}")
            host, port = parts.hostname, parts.port
        except ValueError:
            continue
        port = port or DEFAULT_PORTS.get(scheme)
        if host and port:
            yield Address(host, port, where)
    for match in HOST_PORT.finditer(URL.sub(" ", text)):
        port = int(match.group(2))
        if 0 < port < 65536:
            yield Address(match.group(1), port, where)


def _target_ports(service: Manifest, port: int, backend: Workload) -> list[int] | None:
    """The pod ports `port` of the Service leads to on `backend`; None when the Service lacks the port."""
    for entry in list_at(service.obj, "spec", "ports"):
        if entry.get("port") != port or entry.get("protocol", "TCP") != "TCP":
            continue
        target = entry.get("targetPort", port)
        if isinstance(target, str):
            number = backend.pod.ports.get(target)
            return [number] if number is not None else []
        return [target]
    return None


def unreachable_address_problems(scope: IConstruct) -> list[str]:
    """Addresses the workloads under `scope` are configured to call that the app's policies refuse.

    Args:
        scope: the construct whose workloads to check; Services, ConfigMaps and NetworkPolicies
            are read from its whole app (see the module's docstring for what counts as an address).

    Returns:
        One message per container and refused address, saying which side refuses it.
    """
    network = app_network(root_of(scope))
    problems: list[str] = []
    for workload in (network.workload_of(m.construct) for m in manifests(scope)):
        if workload is None:
            continue
        for container in _containers(workload.spec):
            for address in network.addresses(workload, container):
                where = f"{workload} container {container.get('name')} {address.source}"
                problems += [f"{where} {reason}" for reason in network.reach(workload, address) or []]
    return problems
