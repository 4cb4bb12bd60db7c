"""Harbor on Kubernetes with GitOps: reusable cdk8s constructs.

`HarborRegistry` deploys every Harbor component, `OpenBaoSecretSync` brings OpenBao keys into
Kubernetes Secrets, `GatewayRoute` attaches Service handles to a Gateway, and `AppChart` holds one
application namespace with its Namespace object. For Harbor beyond one node, `ExternalDatabase`,
`CloudNativePgDatabase` (built by `CloudNativePgCluster`), `ExternalRedis` and `S3Storage` move its
state to services built for it (data_stores.py).
"""

from .app_chart import AppChart, PodSecurityLevel
from .cloudnative_pg import CloudNativePgCluster
from .data_stores import (
    CloudNativePgDatabase,
    ExternalDatabase,
    ExternalRedis,
    RedisDatabases,
    S3Storage,
    SslMode,
)
from .gateway_route import GatewayRef, GatewayRoute, PathMatch, RouteRule
from .handles import SecretKeyRef, ServicePort
from .harbor_config import (
    HARBOR_VERSION,
    AccessMode,
    HarborImages,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    Resources,
    Severity,
    Storage,
    TrivySettings,
)
from .harbor_registry import HarborRegistry
from .harbor_secrets import HarborSecrets, harbor_synced_secrets
from .metadata import SyncWave
from .network import ClusterDns, DataStorePeer, GatewayPeer, InternetEgress, KubernetesApi
from .openbao import BaoKey, OpenBaoSecretSync, OpenBaoServer, SecretType, SyncedSecret
from .openbao_setup import setup_commands, setup_script
from .producers import SecretProducer
from .output import synthesize, validation_errors
from .secret_generator import generate_harbor_secrets, kv_put_command

__all__ = [
    "HARBOR_VERSION",
    "AccessMode",
    "AppChart",
    "BaoKey",
    "CloudNativePgCluster",
    "CloudNativePgDatabase",
    "ClusterDns",
    "DataStorePeer",
    "ExternalDatabase",
    "ExternalRedis",
    "GatewayPeer",
    "GatewayRef",
    "GatewayRoute",
    "HarborImages",
    "HarborRegistry",
    "HarborReplicas",
    "HarborResources",
    "HarborSecrets",
    "HarborStorage",
    "InternetEgress",
    "KubernetesApi",
    "LogLevel",
    "OpenBaoSecretSync",
    "OpenBaoServer",
    "PathMatch",
    "PodSecurityLevel",
    "ProxySettings",
    "RedisDatabases",
    "Resources",
    "RouteRule",
    "S3Storage",
    "SecretKeyRef",
    "SecretProducer",
    "SecretType",
    "ServicePort",
    "Severity",
    "SslMode",
    "Storage",
    "SyncWave",
    "SyncedSecret",
    "TrivySettings",
    "generate_harbor_secrets",
    "harbor_synced_secrets",
    "kv_put_command",
    "setup_commands",
    "setup_script",
    "synthesize",
    "validation_errors",
]
