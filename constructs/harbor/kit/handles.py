"""Typed references that one construct hands to another instead of names typed by hand."""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s

from ._json import list_at, obj_at
from .validation import check_config_key, check_dns_label, check_dns_subdomain, check_env_name, check_port, fail


@dataclass(frozen=True, kw_only=True)
class ServicePort:
    """One port of one Service: what a route or a client needs to reach it.

    Handed out by the construct that owns the Service (HarborRegistry.entrypoint), or taken from any
    Service object with `ServicePort.of`, so that no name or port is typed twice.

    Attributes:
        service: the Service's name.
        port: the Service's port (not the pod's target port).
        namespace: the Service's namespace, for a client in another one (default None: the
            client's own namespace, and a short host name).
    """

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

    @classmethod
    def of(cls, service: object, port: int | str | None = None, *, qualified: bool = False) -> ServicePort:
        """The handle of a Service object of the app: a cdk8s-plus `Service` or a `k8s.KubeService`.

        `port` picks one of the Service's ports by number or by name; None takes its only port.
        `qualified` adds the Service's namespace (for a consumer in another namespace); otherwise the
        handle names the Service as seen from its own namespace. The name is read from the object, so
        a reusing app never types it a second time.
        """
        name, namespace, ports = _service_facts(service)
        if port is None:
            numbers = sorted(set(ports.values()))
            if len(numbers) != 1:
                raise fail(f"ServicePort.of({name!r}) port", f"one of the Service's ports {numbers} or their "
                                                            f"names (it has {len(numbers)}, so the handle must say "
                                                            "which)", port)
            number = numbers[0]
        elif isinstance(port, bool) or not isinstance(port, (int, str)):
            raise fail(f"ServicePort.of({name!r}) port", "a port number, a port name or None", port)
        elif isinstance(port, str):
            if port not in ports:
                raise fail(f"ServicePort.of({name!r}) port", f"a port name of the Service, one of "
                                                            f"{sorted(p for p in ports if not p.isdigit())}", port)
            number = ports[port]
        else:
            if port not in ports.values():
                raise fail(f"ServicePort.of({name!r}) port", f"a port of the Service, one of "
                                                            f"{sorted(set(ports.values()))}", port)
            number = port
        if qualified and not namespace:
            raise fail(f"ServicePort.of({name!r}) qualified", "False for a Service whose chart sets no namespace",
                       qualified)
        return cls(service=name, port=number, namespace=namespace if qualified else None)


def _service_facts(service: object) -> tuple[str, str | None, dict[str, int]]:
    """(name, namespace, port name or number as text -> port) of a Service object, rendered as written."""
    import cdk8s

    from constructs import Construct

    if not isinstance(service, Construct):
        raise fail("ServicePort.of service", "a Service object (cdk8s_plus_27.Service or k8s.KubeService)", service)
    try:
        # a cdk8s-plus Service holds its KubeService as its default child; ApiObject.of finds either
        api_object = cdk8s.ApiObject.of(service)
    except Exception:  # jsii raises when the construct holds no ApiObject
        raise fail("ServicePort.of service", "a Service object (cdk8s_plus_27.Service or k8s.KubeService)",
                   service.node.path) from None
    rendered = api_object.to_json()
    if rendered.get("kind") != "Service":
        raise fail("ServicePort.of service", "a Service object", f"{rendered.get('kind')} {api_object.name}")
    metadata = obj_at(rendered, "metadata")
    ports: dict[str, int] = {}
    for entry in list_at(rendered, "spec", "ports"):
        ports[str(entry["port"])] = entry["port"]
        if entry.get("name"):
            ports[entry["name"]] = entry["port"]
    if not ports:
        raise fail("ServicePort.of service", "a Service with at least one port", metadata.get("name"))
    return metadata["name"], metadata.get("namespace"), ports


@dataclass(frozen=True, kw_only=True)
class SecretKeyRef:
    """One key of one Kubernetes Secret that a secret sync produces (OpenBaoSecretSync.key).

    Attributes:
        secret: the Secret's name, in the consumer's namespace.
        key: the key within the Secret.
    """

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

    Attributes:
        config_map: the ConfigMap's name.
        key: the key within the ConfigMap.
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
