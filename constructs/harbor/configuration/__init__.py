"""Declarative Harbor configuration: registry endpoints, proxy caches, projects, schedules, and access
(robot accounts, OIDC or LDAP login, project members, system settings: access.py).

`HarborConfiguration` is the typed declaration (model.py); `HarborConfigurationJob` ships it with the
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
    AuditEventType,
    BannerMessage,
    BannerType,
    ConfigurationSettings,
    CveAllowlist,
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

__all__ = [
    "ALL_PROJECTS",
    "PROJECT_PERMISSIONS",
    "PULL_PERMISSIONS",
    "PUSH_PERMISSIONS",
    "SYSTEM_PERMISSIONS",
    "AuditEventType",
    "BannerMessage",
    "BannerType",
    "ConfigurationSettings",
    "CveAllowlist",
    "HarborConfiguration",
    "HarborConfigurationJob",
    "LdapAuthentication",
    "LdapScope",
    "MemberRole",
    "OidcAuthentication",
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
    "SystemRobot",
    "SystemSettings",
    "VulnerabilitySeverity",
]
