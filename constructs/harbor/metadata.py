"""Labels and Argo CD annotations that every object of the library carries."""

from __future__ import annotations

from enum import IntEnum
from typing import Mapping

MANAGED_BY = "cdk8s"

SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"


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


def standard_labels(*, name: str, instance: str, component: str, part_of: str | None = None,
                    version: str | None = None) -> dict[str, str]:
    """The app.kubernetes.io label set, so that `kubectl get -l` and dashboards group objects."""
    labels = {
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/instance": instance,
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": part_of or name,
        "app.kubernetes.io/managed-by": MANAGED_BY,
    }
    if version:
        labels["app.kubernetes.io/version"] = version
    return labels


def selector_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """The stable subset used in selectors: a selector is immutable, so it never holds the version."""
    keys = ("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component")
    return {key: labels[key] for key in keys}
