"""Typed references that one construct hands to another instead of names typed by hand."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s

from .validation import check_config_key, check_dns_label, check_dns_subdomain, check_env_name, check_port, fail


@dataclass(frozen=True, kw_only=True)
class ServicePort:
    """One port of one Service: what a route or a client needs to reach it."""

    service: str
    port: int
    namespace: str | None = None

    def __post_init__(self) -> None:
        check_dns_label("ServicePort.service", self.service)
        check_port("ServicePort.port", self.port)
        if self.namespace is not None:
            check_dns_label("ServicePort.namespace", self.namespace)

    @property
    def host(self) -> str:
        """The in-cluster DNS name; short when both sides share a namespace."""
        return self.service if self.namespace is None else f"{self.service}.{self.namespace}.svc"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@dataclass(frozen=True, kw_only=True)
class SecretKeyRef:
    """One key of one Kubernetes Secret that a secret sync produces."""

    secret: str
    key: str

    def __post_init__(self) -> None:
        check_dns_subdomain("SecretKeyRef.secret", self.secret)
        check_config_key("SecretKeyRef.key", self.key)

    def env_var(self, name: str) -> k8s.EnvVar:
        """An environment variable filled from this key; the pod waits until the Secret exists."""
        check_env_name("SecretKeyRef.env_var name", name)
        return k8s.EnvVar(
            name=name,
            value_from=k8s.EnvVarSource(secret_key_ref=k8s.SecretKeySelector(name=self.secret, key=self.key)),
        )


@dataclass(frozen=True, kw_only=True)
class ConfigMapKeyRef:
    """One key of one ConfigMap in the same namespace, such as a CA bundle that trust-manager writes.

    For public material only: a ConfigMap is readable by anyone who may read the namespace.
    """

    config_map: str
    key: str

    def __post_init__(self) -> None:
        check_dns_subdomain("ConfigMapKeyRef.config_map", self.config_map)
        check_config_key("ConfigMapKeyRef.key", self.key)


# A key of a Secret or of a ConfigMap: where public material (a CA bundle) may come from either.
KeyRef = SecretKeyRef | ConfigMapKeyRef


def check_key_ref(field: str, value: object) -> KeyRef:
    """`value` as a KeyRef, or a ValueError naming `field`."""
    if not isinstance(value, (SecretKeyRef, ConfigMapKeyRef)):
        raise fail(field, "a SecretKeyRef (e.g. OpenBaoSecretSync.key) or a ConfigMapKeyRef", value)
    return value
