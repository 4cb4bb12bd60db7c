"""Declarative Harbor configuration: registry endpoints, proxy caches, projects, schedules, and access
(robot accounts, OIDC or LDAP login, project members, system settings: access.py).

`HarborConfiguration` is the typed declaration (model.py; what a project keeps and protects, and the
audit-log purge, in retention.py); `HarborConfigurationJob` ships it with the
applier (the standard-library package `applier/`) in a ConfigMap and runs it in a PostSync Job after
every Argo CD sync (job.py). How the Job is wired (file names, environment, exit codes) is in
_shipping.py.
"""

from __future__ import annotations

from .access import (
    ALL_PROJECTS,
    PROJECT_PERMISSIONS,
    PULL_PERMISSIONS,
    PUSH_PERMISSIONS,
    SYSTEM_PERMISSIONS,
    BannerMessage,
    BannerType,
    ConfigurationSettings,
    LdapAuthentication,
    LdapScope,
    MemberRole,
    OidcAuthentication,
    Permission,
    ProjectAccess,
    ProjectCreation,
    ProjectMember,
    ProjectRobot,
    ProjectScope,
    RbacAction,
    RbacResource,
    SystemRobot,
)
from .audit_events import AuditEventType
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
    AuditLogPurge,
    ImmutableTagRule,
    PatternSelector,
    RetentionPolicy,
    RetentionRule,
    RetentionTemplate,
)
from .vulnerabilities import CveAllowlist

__all__ = [
    "ALL_PROJECTS",
    "PROJECT_PERMISSIONS",
    "PULL_PERMISSIONS",
    "PUSH_PERMISSIONS",
    "SYSTEM_PERMISSIONS",
    "AuditEventType",
    "AuditLogPurge",
    "BannerMessage",
    "BannerType",
    "ConfigurationSettings",
    "CveAllowlist",
    "HarborConfiguration",
    "HarborConfigurationJob",
    "ImmutableTagRule",
    "LdapAuthentication",
    "LdapScope",
    "MemberRole",
    "OidcAuthentication",
    "PatternSelector",
    "Permission",
    "Project",
    "ProjectAccess",
    "ProjectCreation",
    "ProjectMember",
    "ProjectPolicy",
    "ProjectRobot",
    "ProjectScope",
    "ProxyCacheProject",
    "RbacAction",
    "RbacResource",
    "RegistryCredential",
    "RegistryEndpoint",
    "RegistryType",
    "RetentionPolicy",
    "RetentionRule",
    "RetentionTemplate",
    "SystemRobot",
    "SystemSettings",
    "VulnerabilitySeverity",
]
