"""Reading the construct tree as it will be written: every ApiObject rendered, with its construct."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeGuard, TypeVar

import cdk8s

from constructs import IConstruct

from .._json import JsonObject, list_at, obj_at
from ._cache import cached

T = TypeVar("T")


@dataclass(frozen=True)
class Manifest:
    """One ApiObject of the tree, as it will be written, with the construct that holds it.

    Attributes:
        construct: the ApiObject.
        obj: its manifest, JSON patches applied (`ApiObject.to_json()`).
        path: its construct path, which messages name.
    """

    construct: cdk8s.ApiObject
    obj: dict[str, Any]
    path: str

    @property
    def kind(self) -> str:
        return self.obj.get("kind", "")

    @property
    def name(self) -> str:
        return obj_at(self.obj, "metadata").get("name", "")

    @property
    def namespace(self) -> str | None:
        return obj_at(self.obj, "metadata").get("namespace")

    def pod_spec(self) -> JsonObject | None:
        spec = obj_at(self.obj, "spec")
        if self.kind == "Pod":
            return spec
        if self.kind == "CronJob":
            return obj_at(spec, "jobTemplate", "spec", "template").get("spec")
        if self.kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
            return obj_at(spec, "template").get("spec")
        return None

    def __str__(self) -> str:
        return f"{self.kind} {self.name} ({self.path})"


def _all_constructs(root: IConstruct) -> list[IConstruct]:
    return cached(("all", id(root)), lambda: list(root.node.find_all()))


def _is_api_object(construct: IConstruct) -> TypeGuard[cdk8s.ApiObject]:
    # jsii's own test (isinstance would miss an ApiObject made on the Node side), as a type guard
    return cdk8s.ApiObject.is_api_object(construct)


def _rendered(root: IConstruct) -> list[Manifest]:
    def render() -> list[Manifest]:
        return [Manifest(c, c.to_json(), c.node.path) for c in _all_constructs(root) if _is_api_object(c)]
    return cached(("rendered", id(root)), render)


def manifests(scope: IConstruct) -> list[Manifest]:
    """Every ApiObject under `scope` (itself included), rendered with its JSON patches applied.

    Args:
        scope: the construct whose subtree to read; the app's root for all of them.

    Returns:
        The Manifests in tree order. Within `rendering_session` (as `synthesize` runs the checks)
        the tree is rendered once and shared by every check.
    """
    prefix = scope.node.path
    everything = _rendered(scope.node.root)
    if not prefix:
        return list(everything)
    return [m for m in everything if m.path == prefix or m.path.startswith(prefix + "/")]


def namespace_of(construct: IConstruct) -> str | None:
    try:
        return cdk8s.Chart.of(construct).namespace
    except Exception:  # jsii raises when no Chart encloses the construct
        return None


def of_type(root: IConstruct, kind: type[T]) -> list[T]:
    return [c for c in _all_constructs(root) if isinstance(c, kind)]


def secret_reads(spec: JsonObject) -> list[tuple[str, str | None, str]]:
    """(Secret, key or None for the whole Secret, where) for every way a pod spec reads a Secret."""
    reads: list[tuple[str, str | None, str]] = []
    for container in [*spec.get("initContainers", []), *spec.get("containers", [])]:
        where = f"container {container.get('name')}"
        for env in list_at(container, "env"):
            ref = obj_at(env, "valueFrom").get("secretKeyRef")
            if ref:
                reads.append((ref["name"], ref["key"], f"{where} env {env['name']}"))
        for source in list_at(container, "envFrom"):
            if source.get("secretRef"):
                reads.append((source["secretRef"]["name"], None, f"{where} envFrom"))
    for volume in list_at(spec, "volumes"):
        sources: list[tuple[str, list[Any] | None]] = []
        if volume.get("secret"):
            sources.append((volume["secret"]["secretName"], volume["secret"].get("items")))
        for projected in list_at(volume, "projected", "sources"):
            if projected.get("secret"):
                sources.append((projected["secret"]["name"], projected["secret"].get("items")))
        for name, items in sources:
            for item in items or [{"key": None}]:
                reads.append((name, item["key"], f"volume {volume['name']}"))
    for pull in list_at(spec, "imagePullSecrets"):
        reads.append((pull["name"], None, "imagePullSecrets"))
    return reads


def host_matches(pattern: str, host: str) -> bool:
    """Gateway API host matching: exact, or `*.example.com` for any host below example.com."""
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) and len(host) > len(pattern) - 1
    return pattern == host
