"""Every container image the library runs, pinned in one place.

Tags are exact versions, never `latest`, so that a synth today and a synth next month give the same
manifests and Argo CD shows no drift.
"""

from __future__ import annotations

from dataclasses import dataclass

from .validation import fail

# The pause image does nothing but hold the CSI volume mounted; 3.10 is the version that
# Kubernetes 1.31-1.33 ship as their sandbox image, multi-arch and non-root capable.
PAUSE_IMAGE = "registry.k8s.io/pause:3.10"


@dataclass(frozen=True, kw_only=True)
class Image:
    """A container image reference: registry, repository and an exact tag."""

    registry: str
    repository: str
    tag: str

    def __post_init__(self) -> None:
        if not self.tag or self.tag == "latest":
            raise fail("Image.tag", "an exact version (not empty, not 'latest')", self.tag)

    @property
    def reference(self) -> str:
        return f"{self.registry}/{self.repository}:{self.tag}"

# The configuration Job's script needs the Python standard library alone; a small Alpine build of a
# current Python 3.13 release keeps the pull fast.
PYTHON_IMAGE = "docker.io/library/python:3.13.7-alpine3.22"

# PostgreSQL for a CloudNativePG Cluster (data_stores.CloudNativePgDatabase): major version 15, the
# one Harbor 2.15.1 ships and tests in its own harbor-db image, so a dump of the bundled database
# restores as it is. The tag is one the CloudNativePG 1.30.0 documentation lists for its catalog;
# pinned here so that an operator upgrade never moves PostgreSQL to another major version by itself.
CLOUDNATIVE_PG_POSTGRES_IMAGE = "ghcr.io/cloudnative-pg/postgresql:15.14-system-trixie"

# rclone uploads database dumps to an S3 bucket and fetches them back for a restore (the harbor-db
# image that dumps has no S3 client). 1.75.0 is rclone's current release (tag v1.75.0); its image
# runs `rclone` as entrypoint and has a POSIX shell (Alpine), which the upload script needs.
RCLONE_IMAGE = "docker.io/rclone/rclone:1.75.0"
