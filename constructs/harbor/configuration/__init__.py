"""Declarative Harbor configuration: registry endpoints, proxy caches, projects and schedules.

`HarborConfiguration` is the typed declaration; `to_json()` gives the document the configuration Job
reads from `HARBOR_CONFIG_FILE`, and `script_source()` the exact text of the script the Job runs
(`python3 apply_harbor_config.py`, standard library only), so that a construct can ship both in a
ConfigMap. The Job's environment is described by the constants below and by
`HarborConfiguration.credential_env` (variable name -> synced Secret key, one pair per credential).
"""

from __future__ import annotations

from pathlib import Path

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

# The script's file name: also the ConfigMap key, so that `python3 /config/<SCRIPT_NAME>` runs it.
SCRIPT_NAME = "apply_harbor_config.py"
# The ConfigMap key of the declaration document.
DOCUMENT_NAME = "harbor-configuration.json"

# Environment of the Job's container (see the script's docstring for the tuning knobs and defaults).
ENV_URL = "HARBOR_URL"                          # Harbor core's in-cluster URL
ENV_ADMIN_USER = "HARBOR_ADMIN_USER"            # default "admin"
ENV_ADMIN_PASSWORD = "HARBOR_ADMIN_PASSWORD"    # from the synced admin Secret
ENV_CONFIG_FILE = "HARBOR_CONFIG_FILE"          # path of the mounted DOCUMENT_NAME
ENV_HEALTH_DEADLINE = "HARBOR_HEALTH_DEADLINE_SECONDS"
ENV_CA_FILE = "HARBOR_CA_FILE"                  # PEM CA bundle for an https HARBOR_URL (a private CA)

# Exit codes of the script; EXIT_SKIPPED: all applied but registries whose upstream Harbor could not
# ping, and the proxy caches bound to them.
EXIT_INPUT, EXIT_UNHEALTHY, EXIT_AUTH, EXIT_CONFLICT, EXIT_HARBOR, EXIT_SKIPPED = 1, 2, 3, 4, 5, 6


def script_path() -> Path:
    return Path(__file__).resolve().with_name(SCRIPT_NAME)


def script_source() -> str:
    """The text of the script the Job runs: the very file the tests execute, not a copy."""
    return script_path().read_text(encoding="utf-8")


__all__ = [
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
    "SCRIPT_NAME",
    "SystemSettings",
    "VulnerabilitySeverity",
    "check_cron",
    "script_path",
    "script_source",
    "storage_bytes",
]
