"""Volumes that a rollout or several replicas cannot share: a Multi-Attach error and a hung rollout."""

from __future__ import annotations

from constructs import IConstruct

from .._json import list_at, obj_at
from ..labels import COMPONENT_LABEL
from .tree import index_of, manifests, root_of

# Access modes that a volume attached on one node (or to one pod) at a time has.
SINGLE_ATTACH = {"ReadWriteOnce", "ReadWriteOncePod"}


def single_attach_problems(scope: IConstruct) -> list[str]:
    """Deployments under `scope` that roll or run several replicas on a ReadWriteOnce claim.

    Symptom: a rolling update starts the new pod on another node, its volume cannot attach there
    (Multi-Attach error) and the rollout hangs. base.deployment_strategy prevents it at the point of
    entry; this catches a strategy or claim changed afterwards (an escape hatch, a JSON patch).

    Args:
        scope: the construct whose Deployments to check; claims are looked up in its whole app.

    Returns:
        One message per Deployment and single-attach claim.
    """
    claims = index_of(root_of(scope), "PersistentVolumeClaim")
    problems: list[str] = []
    for m in manifests(scope):
        if m.kind != "Deployment":
            continue
        spec = obj_at(m.obj, "spec")
        replicas: int = spec.get("replicas", 1)
        strategy: str = obj_at(spec, "strategy").get("type", "RollingUpdate")
        for volume in list_at(m.pod_spec() or {}, "volumes"):
            claim_name: str | None = obj_at(volume, "persistentVolumeClaim").get("claimName")
            claim = claims.get((m.namespace, claim_name)) if claim_name is not None else None
            if claim is None:
                continue
            modes = set[str](list_at(claim.obj, "spec", "accessModes"))
            if modes and modes <= SINGLE_ATTACH and (replicas > 1 or strategy != "Recreate"):
                labels = obj_at(claim.obj, "metadata", "labels")
                component = labels.get(COMPONENT_LABEL, "<component>")
                problems.append(
                    f"HarborStorage.{component}.access must be ReadWriteMany for {m} (replicas: {replicas}, strategy: "
                    f"{strategy}), got {sorted(modes)} on claim {claim_name!r}: a second pod on another node cannot "
                    "attach the volume (Multi-Attach error) and the rollout hangs")
    return problems
