"""The misconfiguration catalog: each symptom operators met, turned into a check that fails synthesis.

Checks that one value decides run where the value enters (a dataclass or a constructor raises
ValueError naming the field). Checks that need the whole tree, because the mistake lies in how two
constructs meet, are construct validations: the constructs add them to their own node, and they run
when the app is synthesized, in `constructs.harbor.synthesize` (which raises ValueError before
anything is written) and in a plain `app.synth()` or `cdk8s.Testing.synth()` (which raise too).
Every message names the construct path and the field to change.

Symptom, and the check that prevents it (entry: where the value is given; synth: a validation):
- blank UI, 404 on `docker push`, a route to core or another internal Service:
  `route_backend_problems` (synth, on GatewayRoute)
- Multi-Attach error and a hung rollout, a ReadWriteOnce volume under a rolling or multi-replica
  Deployment: base.deployment_strategy (entry) and `single_attach_problems` (synth, on HarborRegistry)
- a pod stuck in CreateContainerConfigError, a Secret key no sync produces:
  `unproduced_secret_problems` (synth, on HarborRegistry)
- a synced Secret nobody reads (a wrong instance name, a disabled consumer):
  `unconsumed_secret_problems` (synth, on HarborRegistry)
- logins redirected to a host the Gateway does not serve, an external URL not among the route's
  hostnames: `external_url_problems` (synth, on HarborRegistry)
- a route that never matches, an upper-case host name: validation.check_hostname and
  check_http_url (entry)
- calls that time out at run time, a configured address the NetworkPolicies refuse (core could not
  reach the portal): `reachability.unreachable_address_problems` (synth, on HarborRegistry and the
  configuration Job; any app may attach it)
- Harbor "unhealthy" for good although every pod is Ready, a component of core's health report that
  core cannot reach or has no address for: `components.health_model.core_health_problems` (synth)
- a crash-looping container, an entrypoint that writes into a read-only root, a path the binary
  writes without a writable volume, a setting no binary reads: `runtime_checks.runtime_contract_problems`
  (synth, against the tables of components/runtime_contracts.py)

A construct outside HarborRegistry whose pods read synced Secrets (the configuration Job, say)
attaches the same check to itself: `add_checks(self, (unproduced_secret_problems, self, "<Field>"))`.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

import cdk8s
import jsii
from constructs import Construct, IValidation

from .producers import SecretProducer

if TYPE_CHECKING:  # imported lazily at run time: these modules import this one
    from .gateway_route import GatewayRoute
    from .harbor_registry import HarborRegistry

# Access modes that a volume attached on one node (or to one pod) at a time has.
SINGLE_ATTACH = {"ReadWriteOnce", "ReadWriteOncePod"}


# ---- reading the tree ----------------------------------------------------------------------------

# Within one synthesis the tree no longer changes, yet every HarborRegistry and route checks it, and
# cdk8s runs every check again and again (`synthesize` validates before writing, `App.synth`
# validates the whole app once, then once more for every chart it writes).
# Each rendering of an ApiObject and each walk of the tree is a round trip to the jsii Node process,
# so an app of N Harbors paid N times the rendering of all N (quadratic: ten instances took three
# minutes, see bench/instances_bench.py). `rendering_session` keeps one walk and one rendering per
# tree for its duration; outside a session every check reads the tree afresh, as a tree changed
# between two checks (a JSON patch in a test) must be seen.
_session: dict[Any, Any] | None = None


@contextmanager
def rendering_session() -> Iterator[None]:
    """Cache the tree walks and renderings of the checks until the block ends (re-entrant)."""
    global _session
    outer = _session
    if outer is None:
        _session = {}
    try:
        yield
    finally:
        if outer is None:
            _session = None


def _cached(key: Any, compute: Callable[[], Any]) -> Any:
    if _session is None:
        return compute()
    if key not in _session:
        _session[key] = compute()
    return _session[key]


@dataclass(frozen=True)
class Manifest:
    """One ApiObject of the tree, as it will be written, with the construct that holds it."""

    construct: cdk8s.ApiObject
    obj: dict[str, Any]
    path: str

    @property
    def kind(self) -> str:
        return self.obj.get("kind", "")

    @property
    def name(self) -> str:
        return (self.obj.get("metadata") or {}).get("name", "")

    @property
    def namespace(self) -> str | None:
        return (self.obj.get("metadata") or {}).get("namespace")

    def pod_spec(self) -> dict[str, Any] | None:
        spec = self.obj.get("spec") or {}
        if self.kind == "Pod":
            return spec
        if self.kind == "CronJob":
            return ((spec.get("jobTemplate") or {}).get("spec") or {}).get("template", {}).get("spec")
        if self.kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
            return (spec.get("template") or {}).get("spec")
        return None

    def __str__(self) -> str:
        return f"{self.kind} {self.name} ({self.path})"


def _all_constructs(root: Construct) -> list[Construct]:
    return _cached(("all", id(root)), lambda: list(root.node.find_all()))


def _rendered(root: Construct) -> list[Manifest]:
    def render() -> list[Manifest]:
        return [Manifest(c, c.to_json(), c.node.path) for c in _all_constructs(root)
                if cdk8s.ApiObject.is_api_object(c)]
    return _cached(("rendered", id(root)), render)


def manifests(scope: Construct) -> list[Manifest]:
    """Every ApiObject under `scope` (itself included), rendered with its JSON patches applied."""
    prefix = scope.node.path
    everything = _rendered(scope.node.root)
    if not prefix:
        return list(everything)
    return [m for m in everything if m.path == prefix or m.path.startswith(prefix + "/")]


def namespace_of(construct: Construct) -> str | None:
    try:
        return cdk8s.Chart.of(construct).namespace
    except Exception:  # jsii raises when no Chart encloses the construct
        return None


def of_type(root: Construct, kind: type) -> list[Any]:
    return [c for c in _all_constructs(root) if isinstance(c, kind)]


def secret_reads(spec: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    """(Secret, key or None for the whole Secret, where) for every way a pod spec reads a Secret."""
    reads: list[tuple[str, str | None, str]] = []
    for container in [*spec.get("initContainers", []), *spec.get("containers", [])]:
        where = f"container {container.get('name')}"
        for env in container.get("env") or []:
            ref = (env.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                reads.append((ref["name"], ref["key"], f"{where} env {env['name']}"))
        for source in container.get("envFrom") or []:
            if source.get("secretRef"):
                reads.append((source["secretRef"]["name"], None, f"{where} envFrom"))
    for volume in spec.get("volumes") or []:
        sources = []
        if volume.get("secret"):
            sources.append((volume["secret"]["secretName"], volume["secret"].get("items")))
        for projected in (volume.get("projected") or {}).get("sources") or []:
            if projected.get("secret"):
                sources.append((projected["secret"]["name"], projected["secret"].get("items")))
        for name, items in sources:
            for item in items or [{"key": None}]:
                reads.append((name, item["key"], f"volume {volume['name']}"))
    for pull in spec.get("imagePullSecrets") or []:
        reads.append((pull["name"], None, "imagePullSecrets"))
    return reads


def host_matches(pattern: str, host: str) -> bool:
    """Gateway API host matching: exact, or `*.example.com` for any host below example.com."""
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) and len(host) > len(pattern) - 1
    return pattern == host


# ---- the checks ----------------------------------------------------------------------------------

def route_backend_problems(route: "GatewayRoute") -> list[str]:
    """A route whose backend is a Harbor Service other than that Harbor's entry point.

    Symptom: a blank UI (core serves no UI) and 404 or 413 on `docker push` (core alone has neither
    the path split nor the upload settings of the entry point).
    """
    from .harbor_registry import HarborRegistry

    problems = []
    route_namespace = namespace_of(route)
    harbors = of_type(route.node.root, HarborRegistry)
    for i, rule in enumerate(route.rules):
        backend = rule.backend
        namespace = backend.namespace or route_namespace
        for harbor in harbors:
            if namespace_of(harbor) != namespace:
                continue
            entry = harbor.entrypoint
            internal = sorted({e.service for e in harbor.internal_services} - {entry.service})
            wrong_service = backend.service in internal
            wrong_port = backend.service == entry.service and backend.port != entry.port
            if wrong_service:
                problems.append(
                    f"GatewayRoute.rules[{i}].backend must be the entry point of HarborRegistry {harbor.node.path!r}, "
                    f"Service {entry.service} port {entry.port} (the nginx proxy that sends the UI to the portal and "
                    f"/api/, /c/, /service/ and /v2/ to core), got {backend.service}:{backend.port}, one of Harbor's "
                    "internal Services: the UI stays blank and pushes fail with 404; use "
                    "RouteRule(backend=harbor.entrypoint)")
            elif wrong_port:
                problems.append(
                    f"GatewayRoute.rules[{i}].backend must be the entry point of HarborRegistry {harbor.node.path!r}, "
                    f"Service {entry.service} port {entry.port}, got port {backend.port}, which that Service does "
                    "not have: the Gateway answers every request with an error; use "
                    "RouteRule(backend=harbor.entrypoint)")
    return problems


def external_url_problems(harbor: "HarborRegistry") -> list[str]:
    """Routes reach this Harbor's entry point, but none of them serves its external URL's host.

    Symptom: the UI loads through the route's host, but logins, redirects and `docker login` token
    URLs point at the external URL's host, which the Gateway does not send to Harbor.
    """
    from .gateway_route import GatewayRoute

    namespace = namespace_of(harbor)
    entry = harbor.entrypoint
    routes = [route for route in of_type(harbor.node.root, GatewayRoute)
              if any(b.service == entry.service and b.port == entry.port
                     and (b.namespace or namespace_of(route)) == namespace for b in route.backends)]
    if not routes or any(host_matches(h, harbor.hostname) for route in routes for h in route.hostnames):
        return []
    hostnames = {route.node.path: list(route.hostnames) for route in routes}
    return [f"HarborRegistry.external_url host {harbor.hostname!r} must be a hostname of a route to this Harbor's "
            f"entry point, got GatewayRoute.hostnames {hostnames}: Harbor builds login redirects and token URLs "
            "from external_url, so clients would be sent to a host the Gateway does not route to Harbor"]


def _producers(root: Construct, namespace: str | None) -> list[SecretProducer]:
    """Every construct of the app that declares Secrets it produces in `namespace` (see producers.py)."""
    return [p for p in of_type(root, SecretProducer) if p.produced_namespace == namespace]


def unproduced_secret_problems(scope: Construct, field: str) -> list[str]:
    """Pods under `scope` that read a Secret key no SecretProducer of their namespace produces.

    Producers are the constructs that declare, typed, what they write (producers.py): secret syncs,
    and operators' clusters such as CloudNativePgCluster. Symptom: the pod never starts
    (CreateContainerConfigError, or ContainerCreating for a volume), and nothing in the manifests
    says why.
    """
    namespace = namespace_of(scope)
    produced = {pair for producer in _producers(scope.node.root, namespace) for pair in producer.produced_keys}
    names = {secret for secret, _ in produced}
    problems = []
    for m in manifests(scope):
        spec = m.pod_spec()
        for secret, key, where in secret_reads(spec) if spec else []:
            if (secret, key) in produced or (key is None and secret in names):
                continue
            what = f"Secret {secret!r}" + (f" key {key!r}" if key else "")
            problems.append(
                f"{field}: {m} {where} reads {what}, which no OpenBaoSecretSync in namespace {namespace!r} "
                "produces (nor any other SecretProducer of the app, such as a CloudNativePgCluster), so the pod "
                "would never start; declare it in a SyncedSecret and hand the pod the sync's handle "
                "(HarborSecrets.from_sync, OpenBaoSecretSync.key)")
    return problems


def unconsumed_secret_problems(scope: Construct) -> list[str]:
    """Secrets of the syncs that feed pods under `scope` which no pod of the namespace reads.

    Only producers for which an unread Secret is a mistake (`SecretProducer.unread_is_a_mistake`,
    the secret syncs); an operator's own Secrets (a CloudNativePG CA) may go unread. Symptom: a
    value changed in OpenBao that changes nothing, typically because the sync was declared for
    another instance name or the pod reads a Secret of a different name.
    """
    root = scope.node.root
    namespace = namespace_of(scope)
    syncs = [p for p in _producers(root, namespace) if p.unread_is_a_mistake]
    mine = {secret for m in manifests(scope) for secret, _, _ in secret_reads(m.pod_spec() or {})}
    everywhere = {secret for m in manifests(root) if m.namespace == namespace
                  for secret, _, _ in secret_reads(m.pod_spec() or {})}
    problems = []
    for sync in syncs:
        synced = sorted(sync.produced_secrets)
        if not mine.intersection(synced):
            continue  # a sync that feeds other workloads: theirs to check
        for name in synced:
            if name not in everywhere:
                problems.append(
                    f"{type(sync).__name__}.secrets of {sync.node.path!r} holds SyncedSecret {name!r}, which no "
                    f"pod in namespace {namespace!r} reads: drop it from the sync, or check the instance name it was "
                    "declared for (harbor_synced_secrets(..., instance=...)) and that its consumer is enabled")
    return problems


def single_attach_problems(scope: Construct) -> list[str]:
    """Deployments under `scope` that roll or run several replicas on a ReadWriteOnce claim.

    Symptom: a rolling update starts the new pod on another node, its volume cannot attach there
    (Multi-Attach error) and the rollout hangs. base.deployment_strategy prevents it at the point of
    entry; this catches a strategy or claim changed afterwards (an escape hatch, a JSON patch).
    """
    root_objects = manifests(scope.node.root)
    claims = {(m.namespace, m.name): m for m in root_objects if m.kind == "PersistentVolumeClaim"}
    problems = []
    for m in manifests(scope):
        if m.kind != "Deployment":
            continue
        spec = m.obj.get("spec") or {}
        replicas = spec.get("replicas", 1)
        strategy = (spec.get("strategy") or {}).get("type", "RollingUpdate")
        for volume in (m.pod_spec() or {}).get("volumes") or []:
            claim_name = (volume.get("persistentVolumeClaim") or {}).get("claimName")
            claim = claims.get((m.namespace, claim_name))
            if claim is None:
                continue
            modes = set((claim.obj.get("spec") or {}).get("accessModes") or [])
            if modes and modes <= SINGLE_ATTACH and (replicas > 1 or strategy != "Recreate"):
                labels = claim.obj["metadata"].get("labels") or {}
                component = labels.get("app.kubernetes.io/component", "<component>")
                problems.append(
                    f"HarborStorage.{component}.access must be ReadWriteMany for {m} (replicas: {replicas}, strategy: "
                    f"{strategy}), got {sorted(modes)} on claim {claim_name!r}: a second pod on another node cannot "
                    "attach the volume (Multi-Attach error) and the rollout hangs")
    return problems


# ---- validations ---------------------------------------------------------------------------------

@jsii.implements(IValidation)
class Validation:
    """A construct validation from a function: cdk8s calls `validate` at synth."""

    def __init__(self, check: Any, *args: Any) -> None:
        self._check = check
        self._args = args

    def validate(self) -> list[str]:
        # cdk8s 2.70 validates the whole app again for every chart it writes (App._synthChart), so
        # an app of N charts runs each check N+1 times: within a session the answer is kept
        return list(_cached(("validation", id(self)), lambda: list(self._check(*self._args))))


def add_checks(construct: Construct, *checks: tuple[Any, ...]) -> None:
    """Attach each (function, arguments...) to `construct` as a validation."""
    for check, *args in checks:
        construct.node.add_validation(Validation(check, *args))
