"""Building blocks for any cdk8s app on GitOps: namespaces, OpenBao secrets, Gateway routes, policies.

Nothing here knows Harbor (a test parses the imports and fails otherwise). Harbor's constructs in
`constructs.harbor` are built on top of these; another app uses them the same way.

- `AppChart`: a Chart for one namespace, with the Namespace (Pod Security labels, a default deny).
- `OpenBaoSecretSync`: OpenBao keys into Kubernetes Secrets through the Secrets Store CSI driver;
  `setup_script` prints the OpenBao policy, role and keys it needs.
- `PullSecret`: an image pull Secret (kubernetes.io/dockerconfigjson) synced from OpenBao.
- `GatewayRoute`: an HTTPRoute on a Gateway whose backends are Service handles.
- `CloudNativePgCluster`: PostgreSQL run by the CloudNativePG operator, with its NetworkPolicy;
  `BarmanCloudBackup`: its WAL archiving and scheduled base backups through the Barman Cloud plugin.
- `LonghornRecurringJobs`: Longhorn recurring snapshots and backups, and the claim labels for them.
- Network peers for policies: `GatewayPeer`, `ClusterDns`, `InternetEgress`, `DataStorePeer`,
  `KubernetesApi`, `MonitoringPeer`.
- Handles between constructs: `ServicePort`, `SecretKeyRef`, `ConfigMapKeyRef`.
- `synthesize`: all-or-nothing output; the misconfiguration catalog is `constructs.harbor.kit.checks`.
"""

from .binding_checks import speed_up_binding_checks

# before any construct is built: cdk8s-plus-27's type checks at the cost newer jsii bindings pay
speed_up_binding_checks()

# isort: split
from .app_chart import AppChart, PodSecurityLevel
from .argocd import SyncWave
from .cloudnative_pg import BarmanCloudBackup, BarmanCompression, CloudNativePgCluster, CloudNativePgSettings
from .gateway_route import GatewayRef, GatewayRoute, PathMatch, RouteRule
from .handles import ConfigMapKeyRef, KeyRef, SecretKeyRef, ServicePort
from .longhorn import LonghornRecurringJob, LonghornRecurringJobs, LonghornTask, recurring_job_labels
from .network import ClusterDns, DataStorePeer, GatewayPeer, InternetEgress, KubernetesApi, MonitoringPeer
from .openbao import BaoKey, OpenBaoSecretSync, OpenBaoServer, SecretType, SyncedSecret
from .openbao_setup import setup_commands, setup_script
from .output import synthesize, validation_errors
from .producers import ReadsSecrets, SecretProducer
from .pull_secret import PullSecret
from .resources import Resources
from .routing import HasEntrypoint, RoutesTraffic
from .schedules import check_cron, seconds_first
from .secret_rules import DeclaresSecretRules

__all__ = [
    "AppChart",
    "BaoKey",
    "BarmanCloudBackup",
    "BarmanCompression",
    "CloudNativePgCluster",
    "CloudNativePgSettings",
    "ClusterDns",
    "ConfigMapKeyRef",
    "DataStorePeer",
    "DeclaresSecretRules",
    "GatewayPeer",
    "GatewayRef",
    "GatewayRoute",
    "HasEntrypoint",
    "InternetEgress",
    "KeyRef",
    "KubernetesApi",
    "LonghornRecurringJob",
    "LonghornRecurringJobs",
    "LonghornTask",
    "MonitoringPeer",
    "OpenBaoSecretSync",
    "OpenBaoServer",
    "PathMatch",
    "PodSecurityLevel",
    "PullSecret",
    "ReadsSecrets",
    "Resources",
    "RouteRule",
    "RoutesTraffic",
    "SecretKeyRef",
    "SecretProducer",
    "SecretType",
    "ServicePort",
    "SyncWave",
    "SyncedSecret",
    "check_cron",
    "recurring_job_labels",
    "seconds_first",
    "setup_commands",
    "setup_script",
    "synthesize",
    "validation_errors",
]
