"""Volumes that a rollout or several replicas cannot share: a Multi-Attach error and a hung rollout."""

from __future__ import annotations

from constructs import Construct

from .tree import manifests

# Access modes that a volume attached on one node (or to one pod) at a time has.
SINGLE_ATTACH = {"ReadWriteOnce", "ReadWriteOncePod"}


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
