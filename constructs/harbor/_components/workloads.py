"""The objects of a component: its ConfigMap, Service, claims, and the Deployment or StatefulSet
with its rollout strategy, spreading and disruption budget."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..kit.argocd import KEEP_ON_DELETE, SYNC_WAVE, SyncWave
from ..kit.handles import ServicePort
from ..kit.labels import INSTANCE_LABEL
from ..kit.validation import fail, present
from ..kit.values import int_or_string, quantity
from ..settings import Storage
from .checksum import CONFIG_CHECKSUM
from .constants import HARBOR_UID, ROLLING_SURGE
from .context import HarborContext
from .pods import pod_security
from .volumes import claim_volume

# Pods of one component spread over this topology domain: one node failing takes one replica.
SPREAD_TOPOLOGY_KEY = "kubernetes.io/hostname"


def config_map(scope: Construct, id: str, ctx: HarborContext, component: str, name: str,
               data: Mapping[str, str]) -> k8s.KubeConfigMap:
    return k8s.KubeConfigMap(scope, id, metadata=k8s.ObjectMeta(name=name, labels=ctx.labels(component)),
                             data=dict(sorted(data.items())))


def service(scope: Construct, id: str, ctx: HarborContext, component: str, handle: ServicePort,
            ports: Sequence[tuple[str, ServicePort, int]]) -> k8s.KubeService:
    """A ClusterIP Service named by `handle`; each port is (name, handle, container port)."""
    for _, port, _ in ports:
        if port.service != handle.service:
            raise fail(f"{component} Service port", f"a port of Service {handle.service!r}", port)
    return k8s.KubeService(
        scope, id,
        metadata=k8s.ObjectMeta(name=handle.service, labels=ctx.labels(component)),
        spec=k8s.ServiceSpec(
            type="ClusterIP",
            selector=ctx.selector(component),
            ports=[k8s.ServicePort(name=name, port=port.port, target_port=int_or_string(target),
                                   protocol="TCP")
                   for name, port, target in ports],
        ),
    )


def claim_spec(storage: Storage) -> k8s.PersistentVolumeClaimSpec:
    """What a claim of `storage` asks for, whether a component's own claim or a StatefulSet's template."""
    return k8s.PersistentVolumeClaimSpec(
        access_modes=[storage.access.value],
        storage_class_name=storage.storage_class,
        resources=k8s.ResourceRequirements(requests={"storage": quantity(storage.size)}),
    )


def persistent_claim(scope: Construct, id: str, ctx: HarborContext, component: str, storage: Storage,
                     name: str) -> str:
    """The claim a component mounts: the existing one when given, otherwise a new one named `name`."""
    if storage.existing_claim:
        return storage.existing_claim
    k8s.KubePersistentVolumeClaim(
        scope, id,
        # `name` comes from the instance and the component (`harbor-registry`), never from a construct
        # id, so a refactor of the tree cannot rename the claim; KEEP_ON_DELETE stops Argo CD from pruning
        # or deleting it if it ever drops out of the manifests.
        metadata=k8s.ObjectMeta(name=name, labels={**ctx.labels(component), **ctx.claim_labels.get(component, {})},
                                annotations=dict(KEEP_ON_DELETE)),
        spec=claim_spec(storage),
    )
    return name


def template_claim_labels(scope: Construct, id: str, ctx: HarborContext, component: str, storage: Storage,
                          template: str, stateful_set_name: str) -> k8s.KubePersistentVolumeClaim | None:
    """The claim a StatefulSet's template makes for ordinal 0, declared in full when it needs labels of
    its own (Longhorn's recurring-job labels); None when it needs none or is an existing claim.

    Why not put the labels on the volumeClaimTemplate: the API server refuses any change to
    volumeClaimTemplates of an existing StatefulSet, so adding labels there would fail every sync of
    an installation that already runs; and the StatefulSet controller copies a template's labels
    only when it creates a claim, never onto the claim that already exists. So the template stays as
    it was, and the claim `<template>-<statefulset>-0` is written as an object of its own, with the
    template's spec, labels and annotations plus the extra labels: on an existing installation Argo CD
    patches the labels onto the live claim (the spec is the same, so nothing immutable changes); on a
    fresh one Argo CD creates it before the StatefulSet (claims sort before StatefulSets in a wave),
    and the controller uses the claim of that name it finds instead of making one.
    """
    extra = ctx.claim_labels.get(component, {})
    if not extra or storage.existing_claim:
        return None
    made = claim_template(ctx, component, storage, template)
    metadata = present(made.metadata, "a claim template's metadata")
    return k8s.KubePersistentVolumeClaim(
        scope, id,
        metadata=k8s.ObjectMeta(name=f"{template}-{stateful_set_name}-0", labels={**(metadata.labels or {}), **extra},
                                annotations=dict(metadata.annotations or {})),
        spec=made.spec,
    )


def claim_template(ctx: HarborContext, component: str, storage: Storage, name: str) -> k8s.KubePersistentVolumeClaimProps:
    """A StatefulSet volumeClaimTemplate (its claims are named `<name>-<statefulset>-<ordinal>`).

    volumeClaimTemplates are immutable once the StatefulSet exists: the template carries only stable
    labels, since a version label would make the API server reject every upgrade.

    The StatefulSet controller, not Argo CD, creates these claims and copies the template's labels and
    annotations onto them. Two things keep Argo CD's hands off them:
    - no `app.kubernetes.io/instance` label: with Argo CD's label tracking (the default before 3.0) a
      claim carrying the Application's name there counts as a resource of the Application that is
      missing from git, shown OutOfSync and pruned or deleted with it (argo-cd issues 1729, 3050);
    - KEEP_ON_DELETE, in case another tracking label or annotation ever makes Argo CD adopt them.
    The StatefulSet's persistentVolumeClaimRetentionPolicy (Retain/Retain, see `stateful_set`) keeps
    them when the StatefulSet itself is deleted or scaled down.
    """
    labels = {key: value for key, value in ctx.selector(component).items() if key != INSTANCE_LABEL}
    return k8s.KubePersistentVolumeClaimProps(
        metadata=k8s.ObjectMeta(name=name, labels=labels, annotations=dict(KEEP_ON_DELETE)),
        spec=claim_spec(storage),
    )


def stateful_data(ctx: HarborContext, component: str, storage: Storage, volume: str
                  ) -> tuple[list[k8s.Volume], list[k8s.KubePersistentVolumeClaimProps]]:
    """A StatefulSet's data volume `volume`, as (pod volumes, volumeClaimTemplates): the existing claim
    when `storage` names one, otherwise a template, whose claims the StatefulSet creates."""
    if storage.existing_claim:
        return [claim_volume(volume, storage.existing_claim)], []
    return [], [claim_template(ctx, component, storage, volume)]


def stateful_claim_names(ctx: HarborContext, component: str, storage: Storage, volume: str,
                         replicas: int) -> tuple[str, ...]:
    """The names of the claims a StatefulSet's pods mount: the existing claim, or the ones the
    StatefulSet controller creates from the template `volume`, `<volume>-<statefulset>-<ordinal>`."""
    if storage.existing_claim:
        return (storage.existing_claim,)
    return tuple(f"{volume}-{ctx.name(component)}-{ordinal}" for ordinal in range(replicas))


def deployment_strategy(component: str, replicas: int, written_volumes: Sequence[tuple[str, Storage]]) -> k8s.DeploymentStrategy:
    """RollingUpdate, unless a volume the pods write cannot be mounted by two pods at once.

    During a rolling update the new pod starts before the old one stops, possibly on another node:
    a ReadWriteOnce volume then fails with a Multi-Attach error and the rollout hangs. With one
    replica, Recreate avoids that at the price of a short outage; with several replicas nothing can
    avoid it, so that is an error.
    """
    single_attach = [(field_name, s) for field_name, s in written_volumes if not s.shared]
    if not single_attach:
        return k8s.DeploymentStrategy(type="RollingUpdate", rolling_update=k8s.RollingUpdateDeployment(
            max_surge=int_or_string(ROLLING_SURGE), max_unavailable=int_or_string(0)))
    if replicas > 1:
        field_name, storage = single_attach[0]
        raise fail(f"HarborStorage.{field_name}.access",
                   f"ReadWriteMany when {component} runs {replicas} replicas (pods on several nodes write it)",
                   storage.access.value)
    return k8s.DeploymentStrategy(type="Recreate")


def spread_across_nodes(ctx: HarborContext, component: str, replicas: int) -> list[k8s.TopologySpreadConstraint] | None:
    """With several replicas, ask the scheduler to put them on different nodes (None with one).

    ScheduleAnyway, not DoNotSchedule: on a cluster with fewer nodes than replicas, or with a node
    drained, the extra replicas still start, next to another one, instead of staying Pending.
    """
    if replicas <= 1:
        return None
    return [k8s.TopologySpreadConstraint(
        max_skew=1, topology_key=SPREAD_TOPOLOGY_KEY, when_unsatisfiable="ScheduleAnyway",
        label_selector=k8s.LabelSelector(match_labels=ctx.selector(component)))]


def harbor_pod(ctx: HarborContext, component: str, *, replicas: int, containers: Sequence[k8s.Container],
               volumes: Sequence[k8s.Volume], grace_seconds: int | None = None) -> k8s.PodSpec:
    """The pod of a component whose image Harbor builds: it runs as HARBOR_UID, gets no service
    account token (no Harbor component calls the Kubernetes API) and no *_SERVICE_HOST variables
    (addresses come from its configuration), and spreads over nodes when replicated.

    `grace_seconds`: the termination grace period, when the component needs longer than the default
    30 s to finish work in flight (the caller says why).
    """
    return k8s.PodSpec(
        automount_service_account_token=False,
        enable_service_links=False,
        termination_grace_period_seconds=grace_seconds,
        topology_spread_constraints=spread_across_nodes(ctx, component, replicas),
        security_context=pod_security(user=HARBOR_UID),
        containers=list(containers),
        volumes=list(volumes) or None,
    )


def disruption_budget(scope: Construct, id: str, ctx: HarborContext, component: str,
                      replicas: int) -> k8s.KubePodDisruptionBudget | None:
    """A PodDisruptionBudget `<instance>-<component>` allowing one voluntary eviction at a time.

    Only with several replicas: a node drain then evicts one pod, waits until its replacement is
    ready elsewhere, and only then the next, so the component keeps serving. With one replica no
    budget is created: `minAvailable: 1` (or `maxUnavailable: 0`) on a single pod forbids every
    eviction, so `kubectl drain` would hang on that node forever, while `maxUnavailable: 1` on a
    single pod protects nothing.
    """
    if replicas <= 1:
        return None
    return k8s.KubePodDisruptionBudget(
        scope, id,
        metadata=k8s.ObjectMeta(name=ctx.name(component), labels=ctx.labels(component)),
        spec=k8s.PodDisruptionBudgetSpec(
            max_unavailable=int_or_string(1),
            selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
            # a pod that is not ready serves nothing: a drain may evict it even when the budget is
            # spent, instead of waiting on a crash-looping pod
            unhealthy_pod_eviction_policy="AlwaysAllow",
        ),
    )


def pod_metadata(ctx: HarborContext, component: str, config_checksum: str | None) -> k8s.ObjectMeta:
    annotations = dict(ctx.pod_annotations)
    if config_checksum:
        annotations[CONFIG_CHECKSUM] = config_checksum
    return k8s.ObjectMeta(labels=ctx.labels(component), annotations=annotations or None)


def workload_metadata(ctx: HarborContext, component: str) -> k8s.ObjectMeta:
    """A Deployment's or StatefulSet's metadata: named after the component, synced in the workloads' wave,
    and marked for a restart by Stakater Reloader when the secrets' sync asks for it (its pods read the
    values when they start, and shared ones must change in every component)."""
    return k8s.ObjectMeta(name=ctx.name(component), labels=ctx.labels(component),
                          annotations={**ctx.secrets.reload_annotations, SYNC_WAVE: str(int(SyncWave.WORKLOADS))})


def deployment(scope: Construct, id: str, ctx: HarborContext, component: str, *, replicas: int,
               pod: k8s.PodSpec, config_checksum: str | None, strategy: k8s.DeploymentStrategy) -> k8s.KubeDeployment:
    """The component's Deployment, plus its PodDisruptionBudget when it runs several replicas.

    The pod spec carries `topology_spread_constraints=spread_across_nodes(...)` from the component.
    """
    disruption_budget(scope, "disruption-budget", ctx, component, replicas)
    return k8s.KubeDeployment(
        scope, id,
        metadata=workload_metadata(ctx, component),
        spec=k8s.DeploymentSpec(
            replicas=replicas,
            revision_history_limit=3,
            selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
            strategy=strategy,
            template=k8s.PodTemplateSpec(metadata=pod_metadata(ctx, component, config_checksum), spec=pod),
        ),
    )


def stateful_set(scope: Construct, id: str, ctx: HarborContext, component: str, *, replicas: int,
                 pod: k8s.PodSpec, config_checksum: str | None,
                 claims: Sequence[k8s.KubePersistentVolumeClaimProps]) -> k8s.KubeStatefulSet:
    """The component's StatefulSet, plus its PodDisruptionBudget when it runs several replicas."""
    disruption_budget(scope, "disruption-budget", ctx, component, replicas)
    return k8s.KubeStatefulSet(
        scope, id,
        metadata=workload_metadata(ctx, component),
        spec=k8s.StatefulSetSpec(
            replicas=replicas,
            revision_history_limit=3,
            service_name=ctx.name(component),
            selector=k8s.LabelSelector(match_labels=ctx.selector(component)),
            # claims outlive the StatefulSet: deleting or scaling it never deletes images or data.
            # Retain is the API default, written out so that a changed default (or a feature gate)
            # can never turn it into Delete, and so that the live object equals the manifest.
            persistent_volume_claim_retention_policy=k8s.StatefulSetPersistentVolumeClaimRetentionPolicy(
                when_deleted="Retain", when_scaled="Retain"),
            template=k8s.PodTemplateSpec(metadata=pod_metadata(ctx, component, config_checksum), spec=pod),
            volume_claim_templates=list(claims),
        ),
    )
