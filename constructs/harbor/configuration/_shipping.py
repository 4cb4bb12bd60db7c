"""How the configuration Job ships and runs the applier: file names, environment, exit codes.

Internal to the library: the Job (job.py) and the tests read these; users declare a
HarborConfiguration and hand it to HarborConfigurationJob.
"""

from __future__ import annotations

from pathlib import Path

# Exit codes of the applier, from the applier itself; EXIT_SKIPPED: all applied but registries whose
# upstream Harbor could not ping, and the proxy caches bound to them; EXIT_QUOTA: all applied but storage
# quotas below their project's usage.
from .applier.errors import (
    EXIT_AUTH,
    EXIT_CONFLICT,
    EXIT_HARBOR,
    EXIT_INPUT,
    EXIT_QUOTA,
    EXIT_SKIPPED,
    EXIT_UNHEALTHY,
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
    "APPLIER", "DOCUMENT_NAME", "ENV_ADMIN_PASSWORD", "ENV_ADMIN_USER", "ENV_CA_FILE", "ENV_CONFIG_FILE",
    "ENV_HEALTH_DEADLINE", "ENV_URL", "EXIT_AUTH", "EXIT_CONFLICT", "EXIT_HARBOR", "EXIT_INPUT", "EXIT_QUOTA",
    "EXIT_SKIPPED", "EXIT_UNHEALTHY", "applier_dir", "applier_files",
]
