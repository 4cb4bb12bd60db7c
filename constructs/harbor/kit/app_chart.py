"""AppChart: a cdk8s Chart for one application namespace, with the Namespace object itself."""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

import cdk8s
from cdk8s_plus_27 import k8s

from constructs import Construct

from .argocd import SyncWave
from .labels import check_labels, standard_labels
from .network import deny_all_policy
from .validation import check_dns_label, fail

# The Pod Security admission labels: `enforce` rejects a pod that breaks the level, `warn` tells the
# client applying it, `audit` writes it to the audit log. All three at one level, so that what the
# API server rejects is also what `kubectl apply` and Argo CD warn about.
POD_SECURITY_MODES = ("enforce", "warn", "audit")
POD_SECURITY_PREFIX = "pod-security.kubernetes.io/"


class PodSecurityLevel(str, Enum):
    """Kubernetes' Pod Security Standards, from least to most strict."""

    PRIVILEGED = "privileged"
    BASELINE = "baseline"
    RESTRICTED = "restricted"

    def labels(self) -> dict[str, str]:
        return {f"{POD_SECURITY_PREFIX}{mode}": self.value for mode in POD_SECURITY_MODES}


class AppChart(cdk8s.Chart):
    """Stamps `namespace` on every namespaced object and creates that Namespace first (sync wave).

    `pod_security` labels the Namespace for Pod Security admission, `restricted` by default: the API
    server then rejects any pod of the namespace that runs as root, may escalate privileges, keeps a
    capability or uses a host namespace or path (None: no labels, the cluster's default applies).
    `default_deny` adds the NetworkPolicy `default-deny`, which isolates every pod of the namespace
    for ingress and egress, so each pod gets only what a policy of its own allows.

    Args:
        scope, id: where the chart sits in the app, as for any construct.
        namespace: the Namespace to create and stamp on every namespaced object (a DNS-1123 label).
        namespace_labels: extra labels of the Namespace (default none); pod-security labels are
            refused here, as `pod_security` owns them.
        pod_security: the Pod Security level enforced, audited and warned about (default
            RESTRICTED); None writes no pod-security labels, so the cluster's default applies.
        default_deny: add the `default-deny` NetworkPolicy (default False).
    """

    def __init__(self, scope: Construct, id: str, *, namespace: str,
                 namespace_labels: Mapping[str, str] | None = None,
                 pod_security: PodSecurityLevel | None = PodSecurityLevel.RESTRICTED,
                 default_deny: bool = False) -> None:
        check_dns_label("AppChart.namespace", namespace)
        labels = check_labels("AppChart.namespace_labels", namespace_labels or {})
        if pod_security is not None:
            if not isinstance(pod_security, PodSecurityLevel):
                raise fail("AppChart.pod_security", f"a PodSecurityLevel or None, one of "
                                                    f"{[level.value for level in PodSecurityLevel]}", pod_security)
            clashing = sorted(key for key in labels if key.startswith(POD_SECURITY_PREFIX))
            if clashing:
                raise fail("AppChart.namespace_labels", "free of pod-security.kubernetes.io/ labels (set "
                                                        "AppChart.pod_security instead)", clashing)
            labels = dict(sorted({**labels, **pod_security.labels()}.items()))
        if not isinstance(default_deny, bool):
            raise fail("AppChart.default_deny", "True or False", default_deny)
        super().__init__(scope, id, namespace=namespace, disable_resource_name_hashes=True)
        self.namespace_object = k8s.KubeNamespace(
            self, "namespace",
            metadata=k8s.ObjectMeta(name=namespace, labels=labels, annotations=SyncWave.NAMESPACE.annotation()),
        )
        # A Chart stamps its namespace on every object it holds, but a Namespace is cluster-scoped:
        # a metadata.namespace on it is rejected by strict validation and shown as drift by Argo CD.
        self.namespace_object.add_json_patch(cdk8s.JsonPatch.remove("/metadata/namespace"))
        self.default_deny = deny_all_policy(
            self, "default-deny", name="default-deny",
            labels=standard_labels(name=namespace, instance=namespace, component="default-deny"),
            # with the Namespace, before anything runs in it
            annotations=SyncWave.NAMESPACE.annotation(),
        ) if default_deny else None
