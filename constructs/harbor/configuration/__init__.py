"""Declarative Harbor configuration: registry endpoints, proxy caches, projects and schedules.

`HarborConfiguration` is the typed declaration (model.py; what a project keeps and protects, and the
audit-log purge, in retention.py); `HarborConfigurationJob` ships it with the
applier (the standard-library package `applier/`) in a ConfigMap and runs it in a PostSync Job after
every Argo CD sync (job.py). How the Job is wired (file names, environment, exit codes) is in
_shipping.py.
"""

from __future__ import annotations

from .job import HarborConfigurationJob
from .model import (
    HarborConfiguration,
    Project,
    ProjectPolicy,
    ProxyCacheProject,
    RegistryCredential,
    RegistryEndpoint,
    RegistryType,
    SystemSettings,
    VulnerabilitySeverity,
)
from .retention import (
    AuditEventType,
    AuditLogPurge,
    CveAllowlist,
    ImmutableTagRule,
    PatternSelector,
    RetentionPolicy,
    RetentionRule,
    RetentionTemplate,
)

__all__ = [
    "AuditEventType",
    "AuditLogPurge",
    "CveAllowlist",
    "HarborConfiguration",
    "HarborConfigurationJob",
    "ImmutableTagRule",
    "PatternSelector",
    "Project",
    "ProjectPolicy",
    "ProxyCacheProject",
    "RegistryCredential",
    "RegistryEndpoint",
    "RegistryType",
    "RetentionPolicy",
    "RetentionRule",
    "RetentionTemplate",
    "SystemSettings",
    "VulnerabilitySeverity",
]
