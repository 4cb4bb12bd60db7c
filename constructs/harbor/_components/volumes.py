"""Pod volumes: a key of a Secret as a file, a ConfigMap's files, a claim, scratch space."""

from __future__ import annotations

from collections.abc import Sequence

from cdk8s_plus_27 import k8s

from ..kit.handles import SecretKeyRef
from ..kit.values import quantity


def secret_file_volume(name: str, ref: SecretKeyRef, file_name: str, mode: int = 0o400) -> k8s.Volume:
    """A volume holding one key of a synced Secret as one file."""
    return k8s.Volume(name=name, secret=k8s.SecretVolumeSource(
        secret_name=ref.secret, default_mode=mode, items=[k8s.KeyToPath(key=ref.key, path=file_name)]))


def config_volume(name: str, config_map_name: str, items: Sequence[str] = ()) -> k8s.Volume:
    """A ConfigMap as files; `items` limits it to those keys (a file each, named as the key)."""
    return k8s.Volume(name=name, config_map=k8s.ConfigMapVolumeSource(
        name=config_map_name, items=[k8s.KeyToPath(key=key, path=key) for key in items] or None))


def claim_volume(name: str, claim_name: str) -> k8s.Volume:
    return k8s.Volume(name=name, persistent_volume_claim=k8s.PersistentVolumeClaimVolumeSource(claim_name=claim_name))


def empty_dir(name: str, *, memory: bool = False, size_limit: str | None = None) -> k8s.Volume:
    return k8s.Volume(name=name, empty_dir=k8s.EmptyDirVolumeSource(
        medium="Memory" if memory else None,
        size_limit=quantity(size_limit) if size_limit else None))
