"""AppChart: a cdk8s Chart for one application namespace, with the Namespace object itself."""

from __future__ import annotations

from typing import Mapping

import cdk8s
from cdk8s_plus_27 import k8s
from constructs import Construct

from .metadata import SyncWave
from .validation import check_dns_label


class AppChart(cdk8s.Chart):
    """Stamps `namespace` on every namespaced object and creates that Namespace first (sync wave)."""

    def __init__(self, scope: Construct, id: str, *, namespace: str,
                 namespace_labels: Mapping[str, str] | None = None) -> None:
        check_dns_label("AppChart.namespace", namespace)
        super().__init__(scope, id, namespace=namespace, disable_resource_name_hashes=True)
        self.namespace_object = k8s.KubeNamespace(
            self, "namespace",
            metadata=k8s.ObjectMeta(name=namespace, labels=dict(namespace_labels or {}),
                                    annotations=SyncWave.NAMESPACE.annotation()),
        )
        # A Chart stamps its namespace on every object it holds, but a Namespace is cluster-scoped:
        # a metadata.namespace on it is rejected by strict validation and shown as drift by Argo CD.
        self.namespace_object.add_json_patch(cdk8s.JsonPatch.remove("/metadata/namespace"))
