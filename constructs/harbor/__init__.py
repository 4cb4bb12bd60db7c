"""Harbor on Kubernetes with GitOps: Harbor's constructs, built on the reusable kit.

- `HarborRegistry`: every Harbor component (core, portal, registry, jobservice, Trivy, database,
  Redis, the nginx entry point), written natively and wired by handles.
- Its settings: `HarborStorage`, `HarborReplicas`, `HarborResources`, `HarborImages`,
  `TrivySettings`, `ProxySettings`, `LogLevel`, `HarborMetrics`; its secrets: `HarborSecrets`, `harbor_synced_secrets`.
- Its data stores beyond one node: `ExternalDatabase`, `CloudNativePgDatabase`, `ExternalRedis`,
  `S3Storage`.
- Its backups: `DatabaseBackup` (to a `BackupClaim` or a `BackupBucket`), `LonghornVolumeBackups`
  over `HarborClaim`s, and the `UpgradeGuard`.
- Declarative configuration applied after every sync: `HarborConfiguration` and
  `HarborConfigurationJob` (the declaration's parts are in `constructs.harbor.configuration`).
- `generate_harbor_secrets` / `kv_put_command`: a fresh set of secrets for a new installation
  (loaded on first use: it needs bcrypt and cryptography, which nothing else does);
  `generate_robot_secrets`: each robot's secret with its `.dockerconfigjson` (`RobotCredential`,
  `robot_setup_commands`).

The building blocks any app can use (AppChart, OpenBaoSecretSync, GatewayRoute, ...) are in
`constructs.harbor.kit`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Every name loads its module on first use: `import constructs.harbor.kit` (another app reusing the
# kit) loads none of Harbor's modules, and the secret generator's bcrypt and cryptography load only
# when a set of secrets is generated.
_EXPORTS = {
    "HarborRegistry": "harbor_registry",
    **{name: "backups" for name in ("BackupBucket", "BackupClaim", "DatabaseBackup", "HarborClaim",
                                    "LonghornVolumeBackups", "UpgradeGuard")},
    "HarborConfiguration": "configuration", "HarborConfigurationJob": "configuration",
    "CloudNativePgDatabase": "data_stores", "ExternalDatabase": "data_stores", "ExternalRedis": "data_stores",
    "RedisDatabases": "data_stores", "S3Storage": "data_stores", "SslMode": "data_stores",
    "HarborSecrets": "harbor_secrets", "harbor_synced_secrets": "harbor_secrets",
    "RobotCredential": "harbor_secrets", "robot_setup_commands": "harbor_secrets",
    "Resources": "kit.resources",
    **{name: "settings" for name in ("HARBOR_VERSION", "AccessMode", "HarborImages", "HarborMetrics", "HarborReplicas",
                                     "HarborResources", "HarborStorage", "LogLevel", "ProxySettings", "Severity",
                                     "Storage", "TrivySettings")},
    "generate_harbor_secrets": "secret_generator", "kv_put_command": "secret_generator",
    "generate_robot_secrets": "secret_generator",
}

if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ below loads them
    from .backups import BackupBucket, BackupClaim, DatabaseBackup, HarborClaim, LonghornVolumeBackups, UpgradeGuard
    from .configuration import HarborConfiguration, HarborConfigurationJob
    from .data_stores import CloudNativePgDatabase, ExternalDatabase, ExternalRedis, RedisDatabases, S3Storage, SslMode
    from .harbor_registry import HarborRegistry
    from .harbor_secrets import HarborSecrets, RobotCredential, harbor_synced_secrets, robot_setup_commands
    from .kit.resources import Resources
    from .secret_generator import generate_harbor_secrets, generate_robot_secrets, kv_put_command
    from .settings import (
        HARBOR_VERSION,
        AccessMode,
        HarborImages,
        HarborMetrics,
        HarborReplicas,
        HarborResources,
        HarborStorage,
        LogLevel,
        ProxySettings,
        Severity,
        Storage,
        TrivySettings,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value   # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "HARBOR_VERSION",
    "AccessMode",
    "BackupBucket",
    "BackupClaim",
    "CloudNativePgDatabase",
    "DatabaseBackup",
    "ExternalDatabase",
    "ExternalRedis",
    "HarborClaim",
    "HarborConfiguration",
    "HarborConfigurationJob",
    "HarborImages",
    "HarborMetrics",
    "HarborRegistry",
    "HarborReplicas",
    "HarborResources",
    "HarborSecrets",
    "HarborStorage",
    "LogLevel",
    "LonghornVolumeBackups",
    "ProxySettings",
    "RedisDatabases",
    "Resources",
    "RobotCredential",
    "S3Storage",
    "Severity",
    "SslMode",
    "Storage",
    "TrivySettings",
    "UpgradeGuard",
    "generate_harbor_secrets",
    "generate_robot_secrets",
    "harbor_synced_secrets",
    "kv_put_command",
    "robot_setup_commands",
]
