"""Every secret Harbor needs, where it lives in OpenBao, and which Kubernetes Secret it lands in.

`harbor_synced_secrets(path)` declares the Secrets an OpenBaoSecretSync must produce; the sync then
hands out `HarborSecrets`, one typed handle per value, which HarborRegistry wires into its pods.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .kit.handles import SecretKeyRef
from .kit.openbao import BaoKey, OpenBaoSecretSync, SyncedSecret
from .kit.validation import fail

REGISTRY_USER = "harbor_registry_user"


@dataclass(frozen=True)
class SecretSpec:
    """One Harbor secret: its OpenBao field, and its Secret and key in Kubernetes."""

    bao_key: str
    secret_suffix: str     # the Secret is named "<instance>-<suffix>", e.g. "harbor-core"
    key: str
    purpose: str

    def secret(self, instance: str) -> str:
        return f"{instance}-{self.secret_suffix}"


# The keys are what Harbor's components read; the OpenBao field names say what each value is.
SPECS: dict[str, SecretSpec] = {
    "admin_password": SecretSpec("HARBOR_ADMIN_PASSWORD", "admin", "HARBOR_ADMIN_PASSWORD",
                                 "initial admin password; read only on the first start against an empty database"),
    "secret_key": SecretSpec("SECRET_KEY", "core", "secretKey",
                             "16-character AES key for credentials stored in the database; never change it"),
    "core_secret": SecretSpec("CORE_SECRET", "core", "secret",
                              "shared secret of core, jobservice and registryctl"),
    "csrf_key": SecretSpec("CSRF_KEY", "core", "CSRF_KEY", "32-character CSRF key of the UI"),
    "token_private_key": SecretSpec("TOKEN_PRIVATE_KEY", "core", "tls.key",
                                    "RSA private key (PEM) that signs the token service's JWTs"),
    "jobservice_secret": SecretSpec("JOBSERVICE_SECRET", "jobservice", "JOBSERVICE_SECRET",
                                    "secret between core and jobservice"),
    "registry_http_secret": SecretSpec("REGISTRY_HTTP_SECRET", "registry", "REGISTRY_HTTP_SECRET",
                                       "signs upload state; the same on every registry replica"),
    "registry_password": SecretSpec("REGISTRY_CREDENTIAL_PASSWORD", "registry", "REGISTRY_CREDENTIAL_PASSWORD",
                                    f"password of {REGISTRY_USER}, with which core and jobservice reach the registry"),
    "registry_htpasswd": SecretSpec("REGISTRY_HTPASSWD", "registry", "REGISTRY_HTPASSWD",
                                    f"bcrypt htpasswd line of {REGISTRY_USER} for that password"),
    "database_password": SecretSpec("DATABASE_PASSWORD", "database", "POSTGRES_PASSWORD",
                                    "password of the database user postgres; no ', \\ or whitespace "
                                    "(secret_generator.check_database_password says why)"),
    "trivy_github_token": SecretSpec("TRIVY_GITHUB_TOKEN", "trivy", "gitHubToken",
                                     "optional GitHub token that raises Trivy's download rate limit"),
}
# Optional secrets, which the secret generator leaves to the user: the Trivy token raises a rate limit only.
OPTIONAL = frozenset({"trivy_github_token"})
# Secrets a site may leave out: the optional ones, and the database password, which only Harbor's
# own database needs (or an external one whose password is this key); a CloudNativePG Cluster
# generates its own (data_stores.CloudNativePgDatabase). The generator still generates it.
MAY_BE_ABSENT = OPTIONAL | {"database_password"}


@dataclass(frozen=True, kw_only=True)
class HarborSecrets:
    """A handle per Harbor secret, each a key of a Secret that a SecretProducer of the app writes.

    `from_sync` takes them from an OpenBaoSecretSync declared with `harbor_synced_secrets`; handles
    built by hand must still name keys some producer writes, or synthesis fails (kit/checks).
    SPECS above gives each one's OpenBao field, Secret and key.

    Attributes:
        admin_password: the initial admin password, read only on the first start.
        secret_key: core's 16-character AES key for credentials in the database; never change it.
        core_secret: the shared secret of core, jobservice and registryctl.
        csrf_key: the UI's 32-character CSRF key.
        token_private_key: the RSA key (PEM) that signs the token service's JWTs.
        jobservice_secret: the secret between core and jobservice.
        registry_http_secret: signs the registry's upload state, the same on every replica.
        registry_password: the password core and jobservice reach the registry with.
        registry_htpasswd: the registry's bcrypt htpasswd line for that password.
        database_password: the bundled database's password (default None: required only when
            HarborRegistry runs its own database).
        trivy_github_token: a GitHub token that raises Trivy's download rate limit (default None:
            none; required when TrivySettings.github_token is set).
        reload_annotations: annotations HarborRegistry puts on its Deployments and StatefulSets so
            that Stakater Reloader restarts them when a synced value rotates (default none;
            `from_sync` takes the sync's `reload_annotations`, empty unless it reloads on rotation).
    """

    admin_password: SecretKeyRef
    secret_key: SecretKeyRef
    core_secret: SecretKeyRef
    csrf_key: SecretKeyRef
    token_private_key: SecretKeyRef
    jobservice_secret: SecretKeyRef
    registry_http_secret: SecretKeyRef
    registry_password: SecretKeyRef
    registry_htpasswd: SecretKeyRef
    database_password: SecretKeyRef | None = None
    trivy_github_token: SecretKeyRef | None = None
    reload_annotations: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        annotations = self.reload_annotations
        if not isinstance(annotations, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in annotations.items()):
            raise fail("HarborSecrets.reload_annotations", "a mapping of annotation names to strings", annotations)
        object.__setattr__(self, "reload_annotations", MappingProxyType(dict(annotations)))
        for name in SPECS:   # the handles; reload_annotations is checked above
            value = getattr(self, name)
            if value is None and name in MAY_BE_ABSENT:
                continue
            if not isinstance(value, SecretKeyRef):
                raise fail(f"HarborSecrets.{name}", "a SecretKeyRef handed out by a secret sync", value)

    @classmethod
    def from_sync(cls, sync: OpenBaoSecretSync, *, instance: str = "harbor") -> HarborSecrets:
        """The handles of a sync declared with `harbor_synced_secrets`; a missing key is an error.

        Args:
            sync: the OpenBaoSecretSync that syncs Harbor's Secrets.
            instance: the HarborRegistry's instance name the sync was declared for (default "harbor").
        """
        produced = sync.produced_keys
        handles = {}
        for name, spec in SPECS.items():
            secret = spec.secret(instance)
            if (secret, spec.key) in produced:
                handles[name] = sync.key(secret, spec.key)
            elif name not in MAY_BE_ABSENT:
                raise fail(f"HarborSecrets.from_sync({sync.name!r}).{name}",
                           f"synced as Secret {secret!r} key {spec.key!r} (declare it with harbor_synced_secrets)",
                           sorted(produced))
        return cls(**handles, reload_annotations=sync.reload_annotations)


def harbor_synced_secrets(path: str, *, instance: str = "harbor", trivy_github_token: bool = False,
                          database_password: bool = True) -> list[SyncedSecret]:
    """The Secrets HarborRegistry `instance` reads, every value from one OpenBao secret at `path`.

    Args:
        path: the OpenBao API path of the secret holding every field, e.g. "secret/data/harbor"
            (`kv_put_command` and `setup_script` print what to store there).
        instance: the HarborRegistry's instance name, which prefixes the Secrets' names (default
            "harbor").
        trivy_github_token: also sync the Trivy GitHub token (default False), for
            TrivySettings(github_token=True).
        database_password: sync the bundled database's password (default True); False with an
            external or CloudNativePG database, as nothing reads it then (a synced Secret nobody
            reads fails the synth check).

    Returns:
        The SyncedSecrets for `OpenBaoSecretSync(secrets=...)`.
    """
    wanted = {"trivy_github_token": trivy_github_token, "database_password": database_password}
    by_secret: dict[str, dict[str, BaoKey]] = {}
    for name, spec in SPECS.items():
        if name in MAY_BE_ABSENT and not wanted[name]:
            continue
        by_secret.setdefault(spec.secret(instance), {})[spec.key] = BaoKey(path=path, key=spec.bao_key)
    return [SyncedSecret(secret, keys=keys) for secret, keys in by_secret.items()]


# ---- robot accounts --------------------------------------------------------------------------------------

# The field beside a robot's secret that holds its ready .dockerconfigjson, which consumers' PullSecrets
# read (`python main.py generate-secrets` writes both).
DOCKERCONFIGJSON_FIELD = "dockerconfigjson"
# IsValidSec (src/controller/robot/controller.go), which PATCH /robots/{id} applies to a chosen secret.
ROBOT_SECRET_RULE = ("Harbor's rule for a robot secret: 8-128 characters with at least one upper-case letter, one "
                     "lower-case letter and one digit")


@dataclass(frozen=True, kw_only=True)
class RobotCredential:
    """Where a robot's secret lives in OpenBao, and what its pull secret logs in as.

    HarborConfigurationJob.robot_credentials hands them out, resolved through the app's secret syncs.

    Attributes:
        login_name: the robot's user name, e.g. "robot$library+pull".
        registry: the registry host the pull secret is for, e.g. "harbor.example.com".
        secret: the OpenBao field of the robot's secret; the path holds nothing else but the
            `dockerconfigjson` field beside it.
    """

    login_name: str
    registry: str
    secret: BaoKey

    @property
    def dockerconfigjson(self) -> BaoKey:
        """The field beside the secret that holds the ready .dockerconfigjson (what a PullSecret reads)."""
        return BaoKey(path=self.secret.path, key=DOCKERCONFIGJSON_FIELD)


def robot_setup_commands(credentials: list[RobotCredential]) -> str:
    """The `bao kv patch` template of each robot's pull secret, the field no sync of Harbor's namespace reads.

    Args:
        credentials: HarborConfigurationJob.robot_credentials.

    Returns:
        Shell lines, or "" without robots.
    """
    lines = []
    for credential in credentials:
        lines += [f"# {credential.login_name}: its .dockerconfigjson for {credential.registry}, which consumers' "
                  "PullSecret reads (generate-secrets writes it with the secret)",
                  f"bao kv patch {credential.secret.kv_path} "
                  f"{DOCKERCONFIGJSON_FIELD}='<.dockerconfigjson of {credential.login_name}>'"]
    return "\n".join(lines) + "\n" if lines else ""
