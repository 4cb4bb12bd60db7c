"""Secrets pods read that nothing produces, and synced Secrets that nothing reads."""

from __future__ import annotations

from constructs import IConstruct

from .._json import list_at, obj_at
from ..producers import ReadsSecrets, SecretProducer
from .tree import in_namespace, manifests, namespace_of, of_type, path_of, root_of, secret_reads


def _producers(root: IConstruct, namespace: str | None) -> list[SecretProducer]:
    """Every construct of the app that declares Secrets it produces in `namespace` (see producers.py)."""
    return [p for p in of_type(root, SecretProducer) if p.produced_namespace == namespace]


def _readers(scope: IConstruct, namespace: str | None) -> list[ReadsSecrets]:
    """The constructs under `scope` whose Secrets an operator reads (producers.ReadsSecrets)."""
    return [r for r in of_type(scope, ReadsSecrets) if r.read_namespace == namespace]


def unproduced_secret_problems(scope: IConstruct, field: str) -> list[str]:
    """Pods under `scope` that read a Secret key no SecretProducer of their namespace produces.

    Producers are the constructs that declare, typed, what they write (producers.py): secret syncs,
    and operators' clusters such as CloudNativePgCluster. Symptom: the pod never starts
    (CreateContainerConfigError, or ContainerCreating for a volume), and nothing in the manifests
    says why.

    Args:
        scope: the construct whose pods to check; producers are looked for in its whole app.
        field: the setting to name in the messages, e.g. "HarborRegistry.secrets".

    Returns:
        One message per Secret read that nothing produces.
    """
    namespace = namespace_of(scope)
    produced = {pair for producer in _producers(root_of(scope), namespace) for pair in producer.produced_keys}
    names = {secret for secret, _ in produced}
    problems: list[str] = []
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
    for reader in _readers(scope, namespace):
        for secret, key in sorted(reader.read_keys - produced):
            problems.append(
                f"{field}: {type(reader).__name__} {reader.node.path!r} names Secret {secret!r} key {key!r}, which no "
                f"OpenBaoSecretSync in namespace {namespace!r} produces, so its operator cannot read it; declare it in "
                "a SyncedSecret and hand over the sync's handle (OpenBaoSecretSync.key)")
    return problems


def unconsumed_secret_problems(scope: IConstruct) -> list[str]:
    """Secrets of the syncs that feed pods under `scope` which no pod of the namespace reads.

    Only producers for which an unread Secret is a mistake (`SecretProducer.unread_is_a_mistake`,
    the secret syncs); an operator's own Secrets (a CloudNativePG CA) may go unread. Symptom: a
    value changed in OpenBao that changes nothing, typically because the sync was declared for
    another instance name or the pod reads a Secret of a different name.

    Args:
        scope: the construct whose pods tie it to the syncs of its namespace; a sync none of them
            reads is left to the workloads it feeds.

    Returns:
        One message per synced Secret that no pod of the namespace reads.
    """
    root = root_of(scope)
    namespace = namespace_of(scope)
    syncs = [p for p in _producers(root, namespace) if p.unread_is_a_mistake]
    mine = {secret for m in manifests(scope) for secret, _, _ in secret_reads(m.pod_spec() or {})}
    everywhere = {secret for m in in_namespace(root, namespace) for secret, _, _ in secret_reads(m.pod_spec() or {})}
    # Secrets an operator reads for a construct (an object store's keys) are read too
    everywhere |= {secret for reader in _readers(root, namespace) for secret, _ in reader.read_keys}
    problems: list[str] = []
    for sync in syncs:
        synced = sorted(sync.produced_secrets)
        if not mine.intersection(synced):
            continue  # a sync that feeds other workloads: theirs to check
        for name in synced:
            if name not in everywhere:
                problems.append(
                    f"{type(sync).__name__}.secrets of {path_of(sync)!r} holds SyncedSecret {name!r}, which no "
                    f"pod in namespace {namespace!r} reads: drop it from the sync, or check the instance name it was "
                    "declared for (harbor_synced_secrets(..., instance=...)) and that its consumer is enabled")
    return problems


def unused_pull_secret_problems(scope: IConstruct, secret: str) -> list[str]:
    """An image pull secret that no pod and no ServiceAccount of its namespace names in imagePullSecrets.

    Symptom: the credential is synced for nothing, and the pods it was meant for fail to pull from the
    private registry (ErrImagePull, "unauthorized"), since the kubelet asks the registry anonymously.

    Args:
        scope: the construct that produces the Secret (a PullSecret); its app is searched.
        secret: the Secret's name.

    Returns:
        One message when nothing names the Secret, else none.
    """
    namespace = namespace_of(scope)
    for m in manifests(scope.node.root):
        if m.namespace != namespace:
            continue
        holder = obj_at(m.obj) if m.kind == "ServiceAccount" else m.pod_spec()
        if holder is not None and any(ref.get("name") == secret for ref in list_at(holder, "imagePullSecrets")):
            return []
    return [f"{scope.node.path}: no pod and no ServiceAccount of namespace {namespace!r} lists Secret {secret!r} in "
            "imagePullSecrets, so nothing pulls with it: add the PullSecret's `image_pull_secret` to the pod spec's "
            "image_pull_secrets (or to the ServiceAccount the pods run as)"]
