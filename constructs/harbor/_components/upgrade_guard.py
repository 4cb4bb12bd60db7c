"""The upgrade guard: an Argo CD PreSync hook that refuses a version change without a recent backup.

Objects, all PreSync hooks (Argo CD creates them before anything else of a sync, and deletes the
previous ones first, `BeforeHookCreation`): the ServiceAccount, Role and RoleBinding that let the
guard read the core Deployment and where backups are recorded, nothing else; the NetworkPolicy that
lets its pod reach the API server and DNS only; the ConfigMap with the program
(scripts/upgrade_guard.py, standard library only); and the Job, one wave later. The Job failing
fails the sync before a single object changed: Harbor keeps running the version it runs.

The service account token reaches the pod through a projected volume (with the cluster's CA from the
kube-root-ca.crt ConfigMap every namespace has), not the automatic mount, which stays off as for every
other pod.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..backups import UpgradeGuard
from ..kit.argocd import SYNC_WAVE, SyncWave
from ..kit.network import ClusterDns, dns_egress
from ..kit.resources import Resources
from .checksum import checksum
from .constants import CORE, UPGRADE_GUARD
from .context import HarborContext
from .pods import container_security, pod_security, resources
from .volumes import config_volume, empty_dir
from .workloads import pod_metadata

COMPONENT = UPGRADE_GUARD
PROGRAM = "upgrade_guard.py"
PROGRAM_PATH = Path(__file__).resolve().with_name("scripts") / PROGRAM
MOUNT = "/guard"
TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"
# nobody: the program needs no user of the image (python:alpine has no fixed uid for it)
GUARD_UID = 65534
# tokens the kubelet refreshes; an hour covers the guard's few seconds many times over
TOKEN_SECONDS = 3600
JOB_RESOURCES = Resources(cpu_request="10m", memory_request="32Mi", cpu_limit="200m", memory_limit="128Mi")
# exit codes of the program (scripts/upgrade_guard.py)
EXIT_ALLOWED, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def hook(wave: SyncWave) -> dict[str, str]:
    return {"argocd.argoproj.io/hook": "PreSync", "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation",
            SYNC_WAVE: str(int(wave))}


class UpgradeGuardHook(Construct):
    """ServiceAccount, Role, RoleBinding, NetworkPolicy, ConfigMap and Job `<instance>-upgrade-guard`.

    `sources` say where backups are recorded (scripts/upgrade_guard.py GUARD_SOURCES); `reads` are the
    Role's rules for them, as (API group, resource, names).
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext, guard: UpgradeGuard, *,
                 sources: Sequence[Mapping[str, Any]], reads: Sequence[tuple[str, str, tuple[str, ...], str]],
                 dns: ClusterDns, network_policy: bool) -> None:
        super().__init__(scope, id)
        self.name = ctx.name(COMPONENT)
        labels = ctx.labels(COMPONENT)
        support = hook(SyncWave.SECRETS)
        program = {PROGRAM: PROGRAM_PATH.read_text(encoding="utf-8")}
        self.service_account = k8s.KubeServiceAccount(
            self, "service-account", metadata=k8s.ObjectMeta(name=self.name, labels=labels, annotations=support),
            automount_service_account_token=False)
        rules = [k8s.PolicyRule(api_groups=["apps"], resources=["deployments"], resource_names=[ctx.name(CORE)],
                                verbs=["get"])]
        rules += [k8s.PolicyRule(api_groups=[group], resources=[resource], resource_names=list(names) or None,
                                 verbs=[verb]) for group, resource, names, verb in reads]
        self.role = k8s.KubeRole(self, "role", metadata=k8s.ObjectMeta(name=self.name, labels=labels, annotations=support),
                                 rules=rules)
        self.role_binding = k8s.KubeRoleBinding(
            self, "role-binding", metadata=k8s.ObjectMeta(name=self.name, labels=labels, annotations=support),
            role_ref=k8s.RoleRef(api_group="rbac.authorization.k8s.io", kind="Role", name=self.name),
            subjects=[k8s.Subject(kind="ServiceAccount", name=self.name)])
        self.config_map = k8s.KubeConfigMap(
            self, "program", metadata=k8s.ObjectMeta(name=self.name, labels=labels, annotations=support), data=program)
        self.network_policy = k8s.KubeNetworkPolicy(
            self, "network-policy",
            metadata=k8s.ObjectMeta(name=self.name, labels=labels, annotations=support),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=ctx.selector(COMPONENT)),
                policy_types=["Ingress", "Egress"],
                egress=[guard.kubernetes_api.egress(), dns_egress(dns)],
            )) if network_policy else None
        env = {
            "GUARD_NAMESPACE": None,
            "GUARD_DEPLOYMENT": ctx.name(CORE),
            "GUARD_VERSION_LABEL": "app.kubernetes.io/version",
            "GUARD_TARGET_VERSION": ctx.images.tag,
            "GUARD_MAX_AGE_SECONDS": str(guard.max_backup_age_hours * 3600),
            "GUARD_SOURCES": json.dumps(list(sources), sort_keys=True),
            "GUARD_TOKEN_DIR": TOKEN_DIR,
        }
        env_vars = [k8s.EnvVar(name=name, value=value) if value is not None else
                    k8s.EnvVar(name=name, value_from=k8s.EnvVarSource(
                        field_ref=k8s.ObjectFieldSelector(field_path="metadata.namespace")))
                    for name, value in env.items()]
        token = k8s.Volume(name="token", projected=k8s.ProjectedVolumeSource(default_mode=0o444, sources=[
            k8s.VolumeProjection(service_account_token=k8s.ServiceAccountTokenProjection(
                path="token", expiration_seconds=TOKEN_SECONDS)),
            k8s.VolumeProjection(config_map=k8s.ConfigMapProjection(
                name="kube-root-ca.crt", items=[k8s.KeyToPath(key="ca.crt", path="ca.crt")])),
        ]))
        self.job = k8s.KubeJob(
            self, "job",
            metadata=k8s.ObjectMeta(name=self.name, labels=labels, annotations=hook(SyncWave.WORKLOADS)),
            spec=k8s.JobSpec(
                # a refusal is an answer, not a failure to retry
                backoff_limit=0,
                active_deadline_seconds=300,
                template=k8s.PodTemplateSpec(
                    metadata=pod_metadata(ctx, COMPONENT, checksum(program)),
                    spec=k8s.PodSpec(
                        restart_policy="Never",
                        service_account_name=self.name,
                        automount_service_account_token=False,
                        enable_service_links=False,
                        security_context=pod_security(user=GUARD_UID),
                        containers=[k8s.Container(
                            name=COMPONENT,
                            image=guard.image,
                            image_pull_policy="IfNotPresent",
                            # -I: the standard library only, no PYTHON* variables, no user site
                            command=["python3", "-I", f"{MOUNT}/{PROGRAM}"],
                            env=env_vars,
                            resources=resources(JOB_RESOURCES),
                            security_context=container_security(),
                            volume_mounts=[k8s.VolumeMount(name="program", mount_path=MOUNT, read_only=True),
                                           k8s.VolumeMount(name="token", mount_path=TOKEN_DIR, read_only=True),
                                           k8s.VolumeMount(name="tmp", mount_path="/tmp")],
                        )],
                        volumes=[config_volume("program", self.name), token, empty_dir("tmp")],
                    ),
                ),
            ),
        )

