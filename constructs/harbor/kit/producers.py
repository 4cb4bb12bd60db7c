"""Constructs that produce Secrets in the cluster: the one legitimate source of a Secret a pod reads.

The manifests hold no `kind: Secret` (docs/design.md, "No secret material in dist/"), so every Secret a pod reads must come
into being some other way, and a construct of the app must say so: that is what the tree-wide check
`checks.unproduced_secret_problems` compares every pod's Secret reads with. Two producers exist:

- `OpenBaoSecretSync`: the Secrets Store CSI driver writes the Secrets from OpenBao values;
- `CloudNativePgCluster`: the CloudNativePG operator writes `<cluster>-app` (the application user's
  generated password and the connection facts) and `<cluster>-ca` (its CA) for the Cluster.

A construct is a producer by subclassing `SecretProducer` and declaring, typed, the (Secret, key)
pairs it produces in its namespace. Nothing else counts: a Secret name typed by hand into a pod,
with no construct declaring it, still fails the check.
"""

from __future__ import annotations

from ._mixin import ConstructMixin


class SecretProducer(ConstructMixin):
    """Mixin for a construct whose Secrets appear in the cluster without being in the manifests.

    Subclasses set `produced_namespace` and `produced_keys`. `unread_is_a_mistake` says whether a
    produced Secret that no pod of the namespace reads is an error: True for a secret sync (the
    value was stored in OpenBao for a consumer that is missing), False for an operator that writes
    Secrets of its own accord (CloudNativePG's CA and server certificate Secrets exist regardless).
    """

    unread_is_a_mistake: bool = False

    @property
    def produced_namespace(self) -> str | None:
        raise NotImplementedError(f"{type(self).__name__} must declare the namespace of its Secrets")

    @property
    def produced_keys(self) -> frozenset[tuple[str, str]]:
        """Every (Secret, key) pair the producer writes."""
        raise NotImplementedError(f"{type(self).__name__} must declare the Secret keys it produces")

    @property
    def produced_secrets(self) -> frozenset[str]:
        return frozenset(secret for secret, _ in self.produced_keys)


class ReadsSecrets(ConstructMixin):
    """Mixin for a construct whose Secrets are read by something other than a pod of the manifests:
    an operator that reads them through the API (CloudNativePG's Barman Cloud plugin reads the object
    store's keys named in an ObjectStore).

    The secret checks treat these reads like a pod's: each must be produced by a SecretProducer of
    the namespace, and they count as consumers of a synced Secret.
    """

    @property
    def read_namespace(self) -> str | None:
        raise NotImplementedError(f"{type(self).__name__} must declare the namespace of the Secrets it reads")

    @property
    def read_keys(self) -> frozenset[tuple[str, str]]:
        """Every (Secret, key) pair the construct's consumer reads."""
        raise NotImplementedError(f"{type(self).__name__} must declare the Secret keys it reads")
