"""Argo CD's annotations: sync waves and sync options that every object of the library may carry."""

from __future__ import annotations

from enum import IntEnum

SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"

# Argo CD must never prune or delete what holds data (a claim, a database cluster): a renamed
# construct, an object that drops out of the manifests or a deleted Application would otherwise take
# the images or the database with it.
KEEP_ON_DELETE = {SYNC_OPTIONS: "Prune=false,Delete=false"}


class SyncWave(IntEnum):
    """Argo CD applies lower waves first and waits for them to be healthy before the next.

    The namespace must exist before anything lands in it, and the Secrets synced from OpenBao
    must exist before the pods that read them start; routes come last so that traffic reaches
    Harbor only once it runs.
    """

    NAMESPACE = -2
    SECRETS = -1
    WORKLOADS = 0
    ROUTES = 1

    def annotation(self) -> dict[str, str]:
        return {SYNC_WAVE: str(int(self))}
