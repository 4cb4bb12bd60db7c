"""OpenBaoSecretSync: keys from OpenBao become Kubernetes Secrets through the Secrets Store CSI driver.

Nothing secret is ever written into the manifests: the SecretProviderClass names where each value
lives in OpenBao, and the CSI driver (with `syncSecret.enabled=true` and the OpenBao provider
installed) reads them with the sync's ServiceAccount and writes the Secrets into the namespace.
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass
from enum import Enum

import cdk8s
from cdk8s_plus_27 import k8s

from constructs import Construct
from imports.io.x_k8s.csi import secrets_store

from .argocd import SyncWave
from .handles import SecretKeyRef
from .images import PAUSE_IMAGE
from .labels import selector_labels, standard_labels
from .network import deny_all_policy
from .producers import SecretProducer
from .validation import check_config_key, check_dns_label, check_dns_subdomain, check_http_url, fail
from .values import quantity
from .yaml_text import dump_yaml

CSI_DRIVER = "secrets-store.csi.k8s.io"
# What Stakater Reloader looks for: a Secret marked "match" restarts every workload marked "search"
# that reads it, so a rotated OpenBao value reaches the pods without a manual restart.
RELOADER_MATCH = {"reloader.stakater.com/match": "true"}
RELOADER_SEARCH = {"reloader.stakater.com/search": "true"}

# An OpenBao API path such as "secret/data/harbor": segments of letters, digits, '-', '_' and '.'.
BAO_PATH = re.compile(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")
# A field of an OpenBao secret; it also becomes a file name in the CSI mount.
BAO_FIELD = re.compile(r"[A-Za-z0-9_.-]+")


class SecretType(str, Enum):
    """The `type` of a synced Kubernetes Secret; some consumers (an Ingress's TLS, image pulls) need theirs."""

    OPAQUE = "Opaque"
    TLS = "kubernetes.io/tls"
    DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson"
    BASIC_AUTH = "kubernetes.io/basic-auth"


@dataclass(frozen=True, kw_only=True)
class OpenBaoServer:
    """Where OpenBao answers and how pods of this cluster log in to it (Kubernetes auth).

    Attributes:
        address: OpenBao's URL as the CSI provider on the nodes reaches it, e.g.
            "http://openbao.openbao.svc:8200".
        auth_mount_path: where the Kubernetes auth method is mounted, without a leading '/'
            (default "kubernetes").
        audience: the audience of the service account token the provider presents (default None:
            the provider's default; set it when the OpenBao role binds an audience).
    """

    address: str
    auth_mount_path: str = "kubernetes"
    audience: str | None = None

    def __post_init__(self) -> None:
        check_http_url("OpenBaoServer.address", self.address)
        if not isinstance(self.auth_mount_path, str) or not BAO_PATH.fullmatch(self.auth_mount_path):
            raise fail("OpenBaoServer.auth_mount_path", "a mount path such as 'kubernetes' (no leading '/')",
                       self.auth_mount_path)
        if self.audience is not None and (not isinstance(self.audience, str) or not self.audience.strip()):
            raise fail("OpenBaoServer.audience", "a non-empty audience or None", self.audience)


@dataclass(frozen=True, order=True)
class BaoKey:
    """One field of one OpenBao secret, by the API path the CSI provider reads.

    For a KV version 2 engine mounted at `secret`, the secret `harbor` is read at `secret/data/harbor`.

    Attributes:
        path: the API path, without leading or trailing '/', e.g. "secret/data/harbor".
        key: the field of that secret, e.g. "HARBOR_ADMIN_PASSWORD".
    """

    path: str
    key: str

    def __post_init__(self) -> None:
        if not isinstance(self.path, str) or not BAO_PATH.fullmatch(self.path):
            raise fail("BaoKey.path", "an OpenBao API path such as 'secret/data/harbor' (no leading or trailing '/')",
                       self.path)
        if not isinstance(self.key, str) or not BAO_FIELD.fullmatch(self.key):
            raise fail("BaoKey.key", "a field name of letters, digits, '-', '_' and '.'", self.key)

    @property
    def kv_path(self) -> str:
        """The path as `bao kv` commands take it: KV v2 paths lose their `data/` segment."""
        mount, _, rest = self.path.partition("/")
        if rest.startswith("data/"):
            return f"{mount}/{rest[len('data/'):]}"
        return self.path


@dataclass(frozen=True)
class SyncedSecret:
    """A Kubernetes Secret to create, each of its keys filled from one OpenBao field.

    Attributes:
        name: the Secret's name (a DNS-1123 subdomain), distinct within one sync.
        keys: each Secret key and the OpenBao field it is filled from; at least one.
        type: the Secret's type (default SecretType.OPAQUE).
    """

    name: str
    _: KW_ONLY
    keys: Mapping[str, BaoKey]
    type: SecretType = SecretType.OPAQUE

    def __post_init__(self) -> None:
        check_dns_subdomain("SyncedSecret.name", self.name)
        if not isinstance(self.keys, Mapping) or not self.keys:
            raise fail(f"SyncedSecret({self.name!r}).keys", "a non-empty mapping of Secret key to BaoKey", self.keys)
        for secret_key, source in self.keys.items():
            check_config_key(f"SyncedSecret({self.name!r}).keys", secret_key)
            if not isinstance(source, BaoKey):
                raise fail(f"SyncedSecret({self.name!r}).keys[{secret_key!r}]", "a BaoKey", source)
        # a frozen, ordered copy: the caller's dict cannot change it later, and output order is stable
        object.__setattr__(self, "keys", dict(sorted(self.keys.items())))
        if not isinstance(self.type, SecretType):
            raise fail(f"SyncedSecret({self.name!r}).type", "a SecretType", self.type)


def _object_names(sources: Iterable[BaoKey]) -> dict[BaoKey, str]:
    """Each distinct OpenBao field gets one objectName (one file in the mount, fetched once).

    The field name alone is the readable choice; where two paths share a field name, the path is
    folded into the name. Folding can still collide (`a/b` + `c` and `a` + `b_c`), so any name
    taken twice gets a numbered suffix, in sorted order, which keeps the result deterministic.
    """
    distinct = sorted(set(sources))
    field_count: dict[str, int] = {}
    for source in distinct:
        field_count[source.key] = field_count.get(source.key, 0) + 1
    names: dict[BaoKey, str] = {}
    taken: set[str] = set()
    for source in distinct:
        candidate = source.key if field_count[source.key] == 1 else f"{source.path.replace('/', '_')}_{source.key}"
        unique, counter = candidate, 2
        while unique in taken or (unique != source.key and unique in field_count):
            unique, counter = f"{candidate}_{counter}", counter + 1
        names[source] = unique
        taken.add(unique)
    return names


class OpenBaoSecretSync(Construct, SecretProducer):
    """A SecretProviderClass, its ServiceAccount, and the pause Deployment that keeps it mounted.

    Hand-outs: `key(secret, key)` gives a `SecretKeyRef` that consumers turn into env vars or volumes,
    and `reload_annotations` marks consumers for a restart when a synced value rotates.

    Args:
        scope, id: where the construct sits in the app, as for any construct; the chart must set a
            namespace, which the OpenBao role binds to.
        server: the OpenBao server and its Kubernetes auth.
        role: the OpenBao role the ServiceAccount logs in as (`setup_script` prints its policy).
        secrets: the Secrets to create, distinct by name; at least one.
        name: the name of the SecretProviderClass, ServiceAccount and Deployment (default None: `id`).
        reload_on_rotation: mark the synced Secrets for Stakater Reloader, so consumers carrying
            `reload_annotations` restart when a value rotates (default False).
    """

    def __init__(self, scope: Construct, id: str, *, server: OpenBaoServer, role: str,
                 secrets: Sequence[SyncedSecret], name: str | None = None,
                 reload_on_rotation: bool = False) -> None:
        resource_name = name or id
        check_dns_label("OpenBaoSecretSync.name", resource_name)
        check_dns_label("OpenBaoSecretSync.role", role)
        if not isinstance(server, OpenBaoServer):
            raise fail("OpenBaoSecretSync.server", "an OpenBaoServer", server)
        secrets = tuple(secrets)
        if not secrets:
            raise fail("OpenBaoSecretSync.secrets", "at least one SyncedSecret", secrets)
        seen: set[str] = set()
        for secret in secrets:
            if not isinstance(secret, SyncedSecret):
                raise fail("OpenBaoSecretSync.secrets", "a sequence of SyncedSecret", secret)
            if secret.name in seen:
                raise fail("OpenBaoSecretSync.secrets", "Secrets with distinct names", secret.name)
            seen.add(secret.name)
        super().__init__(scope, id)

        namespace = cdk8s.Chart.of(self).namespace
        if not namespace:
            raise fail("OpenBaoSecretSync namespace", "set on the enclosing Chart (the OpenBao role binds to it)",
                       namespace)

        self.name = resource_name
        self.server = server
        self.role = role
        self.namespace = namespace
        self.secrets = secrets
        self.reload_on_rotation = reload_on_rotation
        self.object_names = _object_names(src for s in secrets for src in s.keys.values())
        self.labels = standard_labels(name=resource_name, instance=resource_name, component="secret-sync")

        self._build_provider_class()
        self._build_service_account()
        self._build_mounting_deployment()
        self._build_network_policy()

    # ---- hand-outs -------------------------------------------------------------------------

    def key(self, secret: str, key: str) -> SecretKeyRef:
        """The handle to one key of one synced Secret; asking for one that is not synced is an error."""
        for synced in self.secrets:
            if synced.name == secret:
                if key not in synced.keys:
                    raise fail(f"OpenBaoSecretSync({self.name!r}).key({secret!r}, ...)",
                               f"one of the synced keys {sorted(synced.keys)}", key)
                return SecretKeyRef(secret=secret, key=key)
        raise fail(f"OpenBaoSecretSync({self.name!r}).key secret", f"one of {[s.name for s in self.secrets]}", secret)

    @property
    def reload_annotations(self) -> dict[str, str]:
        """Annotations for consumer workloads: empty unless rotation reloads were asked for."""
        return dict(RELOADER_SEARCH) if self.reload_on_rotation else {}

    # a synced Secret nobody reads means a value stored in OpenBao for a consumer that is missing
    unread_is_a_mistake = True

    @property
    def produced_namespace(self) -> str | None:
        return self.namespace

    @property
    def produced_keys(self) -> frozenset[tuple[str, str]]:
        """Every (Secret, key) pair this sync writes: what the tree-wide checks compare against."""
        return frozenset((s.name, k) for s in self.secrets for k in s.keys)

    @property
    def sources(self) -> tuple[BaoKey, ...]:
        return tuple(self.object_names)

    @property
    def service_account_name(self) -> str:
        return self.name

    @property
    def policy_name(self) -> str:
        return f"{self.role}-read"

    # ---- objects ---------------------------------------------------------------------------

    def _build_provider_class(self) -> None:
        objects = [
            {"objectName": object_name, "secretPath": source.path, "secretKey": source.key}
            for source, object_name in self.object_names.items()
        ]
        parameters = {
            # openbao-csi-provider, a fork of vault-csi-provider, read only `vault*` parameters up to
            # v1.4, only `openbao*` in v1.5, and either from v2.0 (internal/config/config.go): both
            # keep the class working with every release of it.
            "openbaoAddress": self.server.address,
            "vaultAddress": self.server.address,
            "roleName": self.role,
            "openbaoAuthMountPath": self.server.auth_mount_path,
            "vaultAuthMountPath": self.server.auth_mount_path,
            "objects": dump_yaml(objects),
        }
        if self.server.audience:
            parameters["audience"] = self.server.audience
        secret_objects = [
            secrets_store.SecretProviderClassSpecSecretObjects(
                secret_name=secret.name,
                type=secret.type.value,
                labels=dict(self.labels),
                annotations=dict(RELOADER_MATCH) if self.reload_on_rotation else None,
                data=[
                    secrets_store.SecretProviderClassSpecSecretObjectsData(
                        key=secret_key, object_name=self.object_names[source])
                    for secret_key, source in secret.keys.items()
                ],
            )
            for secret in self.secrets
        ]
        self.provider_class = secrets_store.SecretProviderClass(
            self, "provider-class",
            metadata=cdk8s.ApiObjectMetadata(name=self.name, labels=self.labels,
                                             annotations=SyncWave.SECRETS.annotation()),
            spec=secrets_store.SecretProviderClassSpec(provider="openbao", parameters=parameters,
                                                       secret_objects=secret_objects),
        )

    def _build_service_account(self) -> None:
        # A ServiceAccount of its own: the OpenBao role binds to exactly this account and namespace.
        self.service_account = k8s.KubeServiceAccount(
            self, "service-account",
            metadata=k8s.ObjectMeta(name=self.name, labels=self.labels, annotations=SyncWave.SECRETS.annotation()),
            automount_service_account_token=False,
        )

    def _build_network_policy(self) -> None:
        # The pause pod needs no traffic at all, not even DNS: the OpenBao CSI provider on the node
        # (called by the CSI driver) logs in to OpenBao and fetches the values with this
        # ServiceAccount's token, never the pod. Isolating it for ingress and egress costs nothing and
        # holds without a namespace-wide default deny.
        self.network_policy = deny_all_policy(
            self, "network-policy", name=f"{self.name}-mount", labels=self.labels,
            pod_labels=selector_labels(self.labels), annotations=SyncWave.SECRETS.annotation())

    def _build_mounting_deployment(self) -> None:
        # The CSI driver writes the Secrets only while some pod mounts the volume, hence this pause
        # pod: it does nothing but keep the mount alive so the Secrets exist before Harbor starts.
        selector = selector_labels(self.labels)
        self.deployment = k8s.KubeDeployment(
            self, "mount",
            metadata=k8s.ObjectMeta(name=f"{self.name}-mount", labels=self.labels,
                                    annotations=SyncWave.SECRETS.annotation()),
            spec=k8s.DeploymentSpec(
                replicas=1,
                revision_history_limit=3,
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=self.labels),
                    spec=k8s.PodSpec(
                        service_account_name=self.name,
                        # the CSI driver requests its own token for this account; the pod needs none
                        automount_service_account_token=False,
                        security_context=k8s.PodSecurityContext(
                            run_as_non_root=True, run_as_user=65535, run_as_group=65535,
                            seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
                        ),
                        containers=[k8s.Container(
                            name="pause",
                            image=PAUSE_IMAGE,
                            image_pull_policy="IfNotPresent",
                            security_context=k8s.SecurityContext(
                                allow_privilege_escalation=False, read_only_root_filesystem=True,
                                run_as_non_root=True, privileged=False,
                                capabilities=k8s.Capabilities(drop=["ALL"]),
                            ),
                            resources=k8s.ResourceRequirements(
                                requests={"cpu": quantity("5m"),
                                          "memory": quantity("8Mi")},
                                limits={"cpu": quantity("50m"),
                                        "memory": quantity("32Mi")},
                            ),
                            volume_mounts=[k8s.VolumeMount(name="secrets-store", mount_path="/mnt/secrets-store",
                                                           read_only=True)],
                        )],
                        volumes=[k8s.Volume(
                            name="secrets-store",
                            csi=k8s.CsiVolumeSource(driver=CSI_DRIVER, read_only=True,
                                                    volume_attributes={"secretProviderClass": self.name}),
                        )],
                    ),
                ),
            ),
        )
