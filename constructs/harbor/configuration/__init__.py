"""Declarative Harbor configuration: registry endpoints, proxy caches, projects and schedules.

`HarborConfiguration` is the typed declaration; `to_json()` gives the document the configuration Job
reads from `HARBOR_CONFIG_FILE`, and `applier_files()` the exact text of the package the Job runs
(the folder `applier/`, standard library only, run as `python3 -I <mount>/applier`), so that a
construct can ship both in a ConfigMap. The Job's environment is described by the constants below
and by `HarborConfiguration.credential_env` (variable name -> synced Secret key, one pair per
credential).
"""

from __future__ import annotations

from pathlib import Path

# Exit codes of the applier, from the applier itself; EXIT_SKIPPED: all applied but registries whose
# upstream Harbor could not ping, and the proxy caches bound to them.
from .applier.errors import EXIT_AUTH, EXIT_CONFLICT, EXIT_HARBOR, EXIT_INPUT, EXIT_SKIPPED, EXIT_UNHEALTHY
from .model import (
    DEFAULT_URLS,
    DOCUMENT_VERSION,
    HarborConfiguration,
    Project,
    ProjectPolicy,
    ProxyCacheProject,
    RegistryCredential,
    RegistryEndpoint,
    RegistryType,
    SystemSettings,
    VulnerabilitySeverity,
    check_cron,
    storage_bytes,
)

# The applier's folder, here and in the Job's mount: `python3 -I /config/<APPLIER>` runs it.
APPLIER = "applier"
# The ConfigMap key of the declaration document.
DOCUMENT_NAME = "harbor-configuration.json"

# Environment of the Job's container (see the applier's docstring for the tuning knobs and defaults).
ENV_URL = "HARBOR_URL"                          # Harbor core's in-cluster URL
ENV_ADMIN_USER = "HARBOR_ADMIN_USER"            # default "admin"
ENV_ADMIN_PASSWORD = "HARBOR_ADMIN_PASSWORD"    # from the synced admin Secret
ENV_CONFIG_FILE = "HARBOR_CONFIG_FILE"          # path of the mounted DOCUMENT_NAME
ENV_HEALTH_DEADLINE = "HARBOR_HEALTH_DEADLINE_SECONDS"
ENV_CA_FILE = "HARBOR_CA_FILE"                  # PEM CA bundle for an https HARBOR_URL (a private CA)


def applier_dir() -> Path:
    return Path(__file__).resolve().with_name(APPLIER)


def applier_files() -> dict[str, str]:
    """The package the Job runs, as path in the mount ("applier/client.py") -> text.

    Every module of the folder, read from the very files the tests execute: a module added to the
    folder is shipped without being listed anywhere else. The package is flat (no subfolder).
    """
    return {f"{APPLIER}/{path.name}": path.read_text(encoding="utf-8")
            for path in sorted(applier_dir().glob("*.py"))}


__all__ = [
    "APPLIER",
    "DEFAULT_URLS",
    "DOCUMENT_NAME",
    "DOCUMENT_VERSION",
    "ENV_ADMIN_PASSWORD",
    "ENV_ADMIN_USER",
    "ENV_CA_FILE",
    "ENV_CONFIG_FILE",
    "ENV_HEALTH_DEADLINE",
    "ENV_URL",
    "EXIT_AUTH",
    "EXIT_CONFLICT",
    "EXIT_HARBOR",
    "EXIT_INPUT",
    "EXIT_SKIPPED",
    "EXIT_UNHEALTHY",
    "HarborConfiguration",
    "Project",
    "ProjectPolicy",
    "ProxyCacheProject",
    "RegistryCredential",
    "RegistryEndpoint",
    "RegistryType",
    "SystemSettings",
    "VulnerabilitySeverity",
    "applier_dir",
    "applier_files",
    "check_cron",
    "storage_bytes",
]
