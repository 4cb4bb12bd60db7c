"""Harbor on Kubernetes with GitOps: reusable cdk8s constructs.

`OpenBaoSecretSync` brings OpenBao keys into Kubernetes Secrets, `GatewayRoute` attaches Service
handles to a Gateway, and `AppChart` holds one application namespace with its Namespace object.
"""

from .app_chart import AppChart
from .gateway_route import GatewayRef, GatewayRoute, PathMatch, RouteRule
from .handles import SecretKeyRef, ServicePort
from .metadata import SyncWave
from .openbao import BaoKey, OpenBaoSecretSync, OpenBaoServer, SecretType, SyncedSecret
from .openbao_setup import setup_commands, setup_script
from .output import synthesize, validation_errors

__all__ = [
    "AppChart",
    "BaoKey",
    "GatewayRef",
    "GatewayRoute",
    "OpenBaoSecretSync",
    "OpenBaoServer",
    "PathMatch",
    "RouteRule",
    "SecretKeyRef",
    "SecretType",
    "ServicePort",
    "SyncWave",
    "SyncedSecret",
    "setup_commands",
    "setup_script",
    "synthesize",
    "validation_errors",
]
