"""PullSecret: a kubernetes.io/dockerconfigjson Secret, synced from OpenBao, for the pods of one namespace.

A private registry (Harbor's `library`, say) lets a kubelet pull only with a credential, which
Kubernetes reads from a Secret of type kubernetes.io/dockerconfigjson named in the pod's
imagePullSecrets. The value, the ready `.dockerconfigjson` document, lives in OpenBao; this construct
syncs it into the consumer's namespace through an OpenBaoSecretSync of its own, so that the
namespace's OpenBao role may read exactly that credential and nothing of the app's other secrets.
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

from cdk8s_plus_27 import k8s

from constructs import Construct

from .checks.adapter import add_checks
from .checks.secrets import unused_pull_secret_problems
from .openbao import BaoKey, OpenBaoSecretSync, OpenBaoServer, SecretType, SyncedSecret
from .validation import check_dns_label, fail

# The one key a Secret of type kubernetes.io/dockerconfigjson holds: the API server refuses it otherwise.
DOCKER_CONFIG_KEY = ".dockerconfigjson"


class PullSecret(Construct):
    """An image pull Secret in the chart's namespace, its `.dockerconfigjson` read from one OpenBao field.

    Hand-out: `image_pull_secret`, for a pod spec's `image_pull_secrets` (or a ServiceAccount's); a
    synth-time check fails when no pod or ServiceAccount of the namespace uses it.

    Args:
        scope, id: where the construct sits in the app, as for any construct; the chart must set a
            namespace, which the OpenBao role binds to.
        server: the OpenBao server and its Kubernetes auth.
        role: the OpenBao role of this namespace's pull secret; `setup_script` prints a policy that
            reads only `dockerconfigjson`'s path.
        dockerconfigjson: the OpenBao field holding the ready `.dockerconfigjson` document, e.g. the
            one Harbor's `generate-secrets` writes next to a robot's secret.
        name: the Secret's name, also that of its sync's SecretProviderClass and ServiceAccount
            (default None: `id`).
        reload_on_rotation: mark the Secret for Stakater Reloader (default False); kubelets read a
            pull secret at each pull, so a rotated value needs no restart.
    """

    def __init__(self, scope: Construct, id: str, *, server: OpenBaoServer, role: str, dockerconfigjson: BaoKey,
                 name: str | None = None, reload_on_rotation: bool = False) -> None:
        secret_name = name or id
        check_dns_label("PullSecret.name", secret_name)
        if not isinstance(dockerconfigjson, BaoKey):
            raise fail("PullSecret.dockerconfigjson", "a BaoKey (the OpenBao path and field of the ready "
                                                      ".dockerconfigjson)", dockerconfigjson)
        super().__init__(scope, id)
        self.secret_name = secret_name
        self.dockerconfigjson = dockerconfigjson
        self.sync = OpenBaoSecretSync(
            self, "sync", name=secret_name, server=server, role=role, reload_on_rotation=reload_on_rotation,
            secrets=[SyncedSecret(secret_name, keys={DOCKER_CONFIG_KEY: dockerconfigjson},
                                  type=SecretType.DOCKER_CONFIG_JSON)])
        # a pull secret that no pod names syncs a credential for nothing, and the pods it was meant for
        # pull anonymously and fail
        add_checks(self, (unused_pull_secret_problems, self, secret_name))

    @property
    def image_pull_secret(self) -> k8s.LocalObjectReference:
        """The reference a pod spec (or ServiceAccount) lists in `image_pull_secrets`."""
        return k8s.LocalObjectReference(name=self.secret_name)
