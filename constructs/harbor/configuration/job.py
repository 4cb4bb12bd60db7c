"""HarborConfigurationJob: applies a HarborConfiguration through Harbor's API after every Argo CD sync."""

from __future__ import annotations

from collections.abc import Mapping

from cdk8s_plus_27 import k8s

from constructs import Construct

from .._components.checksum import checksum
from .._components.pods import container_security, resources
from .._components.workloads import config_map, pod_metadata
from ..harbor_registry import HarborRegistry
from ..harbor_secrets import DOCKERCONFIGJSON_FIELD, ROBOT_SECRET_RULE, RobotCredential
from ..kit.checks.adapter import add_checks
from ..kit.checks.reachability import unreachable_address_problems
from ..kit.checks.secrets import unproduced_secret_problems
from ..kit.checks.tree import namespace_of, of_type, root_of
from ..kit.handles import KeyRef, SecretKeyRef, check_key_ref
from ..kit.images import PYTHON_IMAGE
from ..kit.openbao import BaoKey, OpenBaoSecretSync
from ..kit.resources import Resources
from ..kit.secret_rules import DeclaresSecretRules
from ..kit.validation import check_positive, fail
from ._shipping import (
    APPLIER,
    DOCUMENT_NAME,
    ENV_ADMIN_PASSWORD,
    ENV_CA_FILE,
    ENV_CONFIG_FILE,
    ENV_HEALTH_DEADLINE,
    ENV_URL,
    applier_files,
)
from .access import robot_login_prefix
from .model import HarborConfiguration
from .upstreams import unreachable_upstream_problems

COMPONENT = "configure"
MOUNT = "/config"
# where the optional CA bundle is mounted, one file
CA_MOUNT = "/etc/harbor-ca"
CA_FILE_NAME = "ca.crt"
# Argo CD runs a PostSync hook after every sync once all resources are healthy, and deletes the
# previous Job before creating the new one, so each sync applies the declaration once more.
HOOK = {"argocd.argoproj.io/hook": "PostSync", "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation"}
JOB_RESOURCES = Resources(cpu_request="10m", memory_request="32Mi", cpu_limit="200m", memory_limit="128Mi")


class HarborConfigurationJob(Construct, DeclaresSecretRules):
    """A ConfigMap with the applier package and the declaration, and the PostSync Job that runs it.

    Argo CD runs the Job after every sync once everything is healthy, so the declaration is applied
    again each time (the applier changes only what differs). The Job reaches only core's API and DNS
    (HarborRegistry.allow_api_client). Hand-out: `robot_credentials`, where each declared robot's secret
    lives in OpenBao, for `generate_robot_secrets` and consumers' PullSecrets.

    Args:
        scope, id: where the construct sits in the app, as for any construct; in Harbor's chart.
        harbor: the HarborRegistry to configure: the Job calls its core with its admin password.
        configuration: the declaration to apply.
        health_deadline_seconds: how long the applier waits for Harbor to answer healthy before it
            fails, at least 30 (default 900); the Job's own deadline adds 300 s for the applying.
        backoff_limit: how often a failed Job pod is retried (default 2).
        ttl_seconds_after_finished: how long a finished Job is kept for its logs (default 86400, a
            day; the next sync replaces it anyway).
        image: a Python 3 image to run the standard-library applier (default kit.images.PYTHON_IMAGE).
        ca_bundle: a PEM CA bundle (a Secret or ConfigMap key, e.g. one that trust-manager writes)
            that the applier trusts, instead of the system CAs, for an https Harbor URL (default
            None: the system CAs).
    """

    def __init__(self, scope: Construct, id: str, *, harbor: HarborRegistry, configuration: HarborConfiguration,
                 health_deadline_seconds: int = 900, backoff_limit: int = 2,
                 ttl_seconds_after_finished: int = 86400, image: str = PYTHON_IMAGE,
                 ca_bundle: KeyRef | None = None) -> None:
        if not isinstance(harbor, HarborRegistry):
            raise fail("HarborConfigurationJob.harbor", "a HarborRegistry", harbor)
        if not isinstance(configuration, HarborConfiguration):
            raise fail("HarborConfigurationJob.configuration", "a HarborConfiguration", configuration)
        if ca_bundle is not None:
            check_key_ref("HarborConfigurationJob.ca_bundle", ca_bundle)
        check_positive("HarborConfigurationJob.health_deadline_seconds", health_deadline_seconds, minimum=30)
        check_positive("HarborConfigurationJob.backoff_limit", backoff_limit, minimum=0)
        check_positive("HarborConfigurationJob.ttl_seconds_after_finished", ttl_seconds_after_finished, minimum=0)
        super().__init__(scope, id)
        ctx = harbor._context   # library-internal: the Job is built from the same context as Harbor
        self.configuration = configuration
        self.registry_host = harbor.hostname
        self.name = ctx.name(COMPONENT)
        files = {**applier_files(), DOCUMENT_NAME: configuration.to_json()}     # path in the mount -> text
        data = {config_map_key(path): text for path, text in files.items()}
        self.config_map = config_map(self, "config", ctx, COMPONENT, self.name, data)
        env = [
            k8s.EnvVar(name=ENV_URL, value=ctx.endpoints.core.url),
            ctx.secrets.admin_password.env_var(ENV_ADMIN_PASSWORD),
            k8s.EnvVar(name=ENV_CONFIG_FILE, value=f"{MOUNT}/{DOCUMENT_NAME}"),
            k8s.EnvVar(name=ENV_HEALTH_DEADLINE, value=str(health_deadline_seconds)),
            *configuration.credential_env_vars(),
        ]
        mounts = [k8s.VolumeMount(name="config", mount_path=MOUNT, read_only=True)]
        # A ConfigMap key cannot hold "/": the items put each key back at its path ("applier.client.py" at
        # applier/client.py). Items project only the keys they list, so they list every key.
        items = [k8s.KeyToPath(key=config_map_key(path), path=path) for path in sorted(files)]
        volumes = [k8s.Volume(name="config", config_map=k8s.ConfigMapVolumeSource(name=self.name, items=items))]
        if ca_bundle is not None:
            env.append(k8s.EnvVar(name=ENV_CA_FILE, value=f"{CA_MOUNT}/{CA_FILE_NAME}"))
            mounts.append(k8s.VolumeMount(name="ca-bundle", mount_path=CA_MOUNT, read_only=True))
            volumes.append(_ca_volume("ca-bundle", ca_bundle))
        self.job = k8s.KubeJob(
            self, "job",
            metadata=k8s.ObjectMeta(name=self.name, labels=ctx.labels(COMPONENT), annotations=dict(HOOK)),
            spec=k8s.JobSpec(
                backoff_limit=backoff_limit,
                ttl_seconds_after_finished=ttl_seconds_after_finished,
                # the applier's own health wait plus room for its retries
                active_deadline_seconds=health_deadline_seconds + 300,
                template=k8s.PodTemplateSpec(
                    metadata=pod_metadata(ctx, COMPONENT, checksum(data)),
                    spec=k8s.PodSpec(
                        restart_policy="Never",
                        automount_service_account_token=False,
                        enable_service_links=False,
                        security_context=k8s.PodSecurityContext(
                            run_as_non_root=True, run_as_user=65534, run_as_group=65534,
                            seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault")),
                        containers=[k8s.Container(
                            name=COMPONENT,
                            image=image,
                            image_pull_policy="IfNotPresent",
                            # -I: ignore PYTHON* variables and the user site, so only the standard library
                            # runs. The applier is a folder, run by its __main__.py: under -I neither a
                            # module file nor -m could import its sibling modules (applier/__main__.py)
                            command=["python3", "-I", f"{MOUNT}/{APPLIER}"],
                            env=env,
                            resources=resources(JOB_RESOURCES),
                            security_context=container_security(read_only_root=True),
                            volume_mounts=mounts,
                        )],
                        volumes=volumes,
                    ),
                ),
            ),
        )
        # Under a default deny, the Job may reach core's API (and DNS), nothing else.
        self.network_policies = harbor.allow_api_client(f"{id}-api-client", name=COMPONENT,
                                                        pod_labels=ctx.selector(COMPONENT))
        # The admin password and any upstream credential must come from a secret sync, or the Job
        # would wait forever in CreateContainerConfigError after every sync.
        add_checks(self, (unproduced_secret_problems, self, "HarborConfigurationJob"),
                   # the Job dials core's URL: its policies must let it, or it times out on every sync
                   (unreachable_address_problems, self),
                   # generate-secrets writes each robot's OpenBao path whole (secret and .dockerconfigjson)
                   (robot_secret_problems, self),
                   # core dials the declared upstreams, LDAP, OIDC and syslog: its policies must let it
                   (unreachable_upstream_problems, configuration, harbor.core.deployment))

    @property
    def secret_value_rules(self) -> Mapping[SecretKeyRef, str]:
        """Each robot's secret must pass Harbor's IsValidSec, or the Job stops before any change."""
        return {robot.secret: f"{ROBOT_SECRET_RULE}; `generate-secrets` writes one, with the ready .dockerconfigjson "
                              f"as field {DOCKERCONFIGJSON_FIELD!r} beside it" for robot in self.configuration.robots}

    def bao_key(self, ref: SecretKeyRef) -> BaoKey | None:
        """The OpenBao field an OpenBaoSecretSync of the Job's namespace fills `ref` from; None when none does."""
        namespace = namespace_of(self)
        # the app's syncs, read once per synthesis by the checks (a walk of the tree is a round trip)
        for sync in of_type(root_of(self), OpenBaoSecretSync):
            if sync.namespace == namespace:
                for synced in sync.secrets:
                    if synced.name == ref.secret and ref.key in synced.keys:
                        return synced.keys[ref.key]
        return None

    @property
    def robot_credentials(self) -> list[RobotCredential]:
        """Every declared robot's login name, registry host and OpenBao field of its secret, by login name.

        Raises:
            ValueError: when no OpenBaoSecretSync of the Job's namespace syncs a robot's secret.
        """
        prefix = robot_login_prefix(self.configuration.settings)
        found = []
        for robot in self.configuration.robots:
            key = self.bao_key(robot.secret)
            if key is None:
                raise fail(f"HarborConfigurationJob robot {robot.stored_name!r} secret",
                           "a key that an OpenBaoSecretSync of the Job's namespace syncs (generate-secrets writes "
                           "the robot's secret where that sync reads it)", robot.secret)
            found.append(RobotCredential(login_name=robot.login_name(prefix), registry=self.registry_host, secret=key))
        return sorted(found, key=lambda c: c.login_name)


def robot_secret_problems(job: HarborConfigurationJob) -> list[str]:
    """Robot secrets that generate-secrets could not write safely: each needs an OpenBao path of its own.

    generate-secrets puts a robot's path whole (`bao kv put`: its secret and the .dockerconfigjson beside
    it), which would erase any other field stored there, and a consumer's PullSecret policy grants the
    whole path, which would expose any other value stored there.
    """
    problems: list[str] = []
    sources = {source for sync in of_type(root_of(job), OpenBaoSecretSync) for source in sync.sources}
    for robot in job.configuration.robots:
        key = job.bao_key(robot.secret)
        where = f"HarborConfigurationJob robot {robot.stored_name!r}: its secret"
        if key is None:
            problems.append(f"{where} ({robot.secret.secret}/{robot.secret.key}) comes from no OpenBaoSecretSync of "
                            "the Job's namespace: generate-secrets cannot tell where to write it; sync it with a "
                            "SyncedSecret")
            continue
        if key.key == DOCKERCONFIGJSON_FIELD:
            problems.append(f"{where} is OpenBao field {key.key!r} of {key.path}, the field its .dockerconfigjson "
                            "goes to: name the secret's field otherwise, e.g. 'secret'")
        # the path may hold the secret and its .dockerconfigjson (which a PullSecret of the app may read)
        others = sorted(s.key for s in sources if s.path == key.path and s.key not in (key.key, DOCKERCONFIGJSON_FIELD))
        if others:
            problems.append(f"{where} shares OpenBao path {key.path} with {others}: generate-secrets writes that path "
                            "whole and consumers' pull-secret policies read all of it; give each robot a path of its "
                            "own, e.g. secret/data/harbor-robots/<name>")
    return problems


def config_map_key(path: str) -> str:
    """The ConfigMap key of a file at `path` in the mount: "/" is not allowed in a key, "." is."""
    return path.replace("/", ".")


def _ca_volume(name: str, ref: KeyRef) -> k8s.Volume:
    """The one key as the file CA_FILE_NAME; world-readable (0444), since the pod runs as 65534 without
    an fsGroup and a CA certificate is public material."""
    items = [k8s.KeyToPath(key=ref.key, path=CA_FILE_NAME)]
    if isinstance(ref, SecretKeyRef):
        return k8s.Volume(name=name, secret=k8s.SecretVolumeSource(secret_name=ref.secret, items=items,
                                                                   default_mode=0o444))
    return k8s.Volume(name=name, config_map=k8s.ConfigMapVolumeSource(name=ref.config_map, items=items,
                                                                       default_mode=0o444))
