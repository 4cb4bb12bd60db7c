"""Typed settings of Harbor's backups: the database dump, Longhorn's recurring jobs, the upgrade guard.

GitOps rebuilds Harbor's configuration from git, never its data (private images, users, robot
accounts, scan history). These settings, all optional in HarborRegistry, keep the data:

- `DatabaseBackup`: a CronJob dumps Harbor's own database (`pg_dump` of `registry`, custom format)
  onto a claim of its own (`BackupClaim`) or into an S3 bucket (`BackupBucket`), keeping the newest
  `keep`; a suspended twin CronJob restores the newest dump when the README's runbook asks it to.
  A CloudNativePG database backs up through the Barman Cloud plugin instead
  (`CloudNativePgDatabase(backup=BarmanCloudBackup(...))`, kit/cloudnative_pg.py).
- `LonghornVolumeBackups`: Longhorn RecurringJobs that snapshot or back up the claims of the
  registry, the database and jobservice (kit/longhorn.py).
- `UpgradeGuard`: an Argo CD PreSync hook that refuses a sync which changes Harbor's version while
  the newest database backup is older than a limit (core migrates the schema at its first start, and
  Harbor cannot downgrade a schema).

Every check raises ValueError naming the field, the rule and the value.
"""

# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .data_stores import BUCKET, REGION, endpoint_port
from .kit.handles import SecretKeyRef
from .kit.images import PYTHON_IMAGE, RCLONE_IMAGE
from .kit.longhorn import LONGHORN_NAMESPACE, LonghornRecurringJob
from .kit.network import DataStorePeer, KubernetesApi
from .kit.resources import Resources
from .kit.schedules import check_cron
from .kit.validation import check_dns_label, check_http_url, check_positive, check_storage_size, fail
from .settings import Storage

# A folder inside a bucket: segments of letters, digits, '.', '_' and '-', no leading or trailing '/'.
PREFIX = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")


@dataclass(frozen=True, kw_only=True)
class BackupClaim:
    """Database dumps on a claim of their own.

    Attributes:
        storage: the claim: a new one `<instance>-database-backup` (default 5Gi, ReadWriteOnce, the
            cluster's default class), or `existing_claim`, which must not be the database's own claim
            (a backup on the volume it protects goes with it).
    """

    storage: Storage = Storage(size="5Gi")

    def __post_init__(self) -> None:
        if not isinstance(self.storage, Storage):
            raise fail("BackupClaim.storage", "a Storage", self.storage)


@dataclass(frozen=True, kw_only=True)
class BackupBucket:
    """Database dumps in an S3 bucket (AWS, or any S3-compatible server with `endpoint`).

    The dump is written to a scratch volume of the backup pod, then uploaded by rclone; the keys are
    handles of a synced Secret (OpenBaoSecretSync.key), read by the upload container only.

    Attributes:
        bucket: the bucket's name.
        access_key: the handle of the synced key holding the access key ID; required.
        secret_key: the handle of the synced key holding the secret key; required.
        endpoint: the server's URL, e.g. "https://minio.example.com" (default None: AWS S3).
        region: the bucket's region (default "us-east-1").
        prefix: the folder in the bucket (default "harbor/database").
        scratch_size: the most one dump may take on the pod's scratch volume (default "5Gi").
        peer: where the server runs, for the backup pod's egress (default any address, on the
            endpoint's port only).
    """

    bucket: str
    access_key: SecretKeyRef | None = None
    secret_key: SecretKeyRef | None = None
    endpoint: str | None = None
    region: str = "us-east-1"
    prefix: str = "harbor/database"
    scratch_size: str = "5Gi"
    peer: DataStorePeer = DataStorePeer()

    def __post_init__(self) -> None:
        if not isinstance(self.bucket, str) or not BUCKET.fullmatch(self.bucket) or ".." in self.bucket:
            raise fail("BackupBucket.bucket", "an S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-')",
                       self.bucket)
        for name in ("access_key", "secret_key"):
            if not isinstance(getattr(self, name), SecretKeyRef):
                raise fail(f"BackupBucket.{name}", "a SecretKeyRef handed out by a secret sync (OpenBaoSecretSync.key): "
                                                   "a backup target needs credentials", getattr(self, name))
        if self.endpoint is not None:
            check_http_url("BackupBucket.endpoint", self.endpoint, allow_path=False)
        if not isinstance(self.region, str) or not REGION.fullmatch(self.region):
            raise fail("BackupBucket.region", "a region such as 'us-east-1'", self.region)
        if not isinstance(self.prefix, str) or not PREFIX.fullmatch(self.prefix):
            raise fail("BackupBucket.prefix", "a folder such as 'harbor/database' (no leading or trailing '/')",
                       self.prefix)
        check_storage_size("BackupBucket.scratch_size", self.scratch_size)
        if not isinstance(self.peer, DataStorePeer):
            raise fail("BackupBucket.peer", "a DataStorePeer", self.peer)

    @property
    def port(self) -> int:
        """The port the upload connects to."""
        return endpoint_port(self.endpoint)


@dataclass(frozen=True, kw_only=True)
class DatabaseBackup:
    """A scheduled logical backup of Harbor's own database, and the Job that restores it.

    Attributes:
        target: where the dumps go: a BackupClaim (default) or a BackupBucket.
        schedule: when, five cron fields in the cluster's time zone (default "30 2 * * *": 02:30).
        keep: how many dumps to keep, the newest, at least 1 (default 7).
        deadline_seconds: how long one backup may run before it is stopped and counted as failed,
            at least 60 (default 3600).
        resources: requests and limits of the backup containers.
        upload_image: the rclone image that uploads to a bucket (default kit.images.RCLONE_IMAGE).
    """

    target: BackupClaim | BackupBucket = BackupClaim()
    schedule: str = "30 2 * * *"
    keep: int = 7
    deadline_seconds: int = 3600
    resources: Resources = Resources(cpu_request="50m", memory_request="64Mi", cpu_limit="1", memory_limit="512Mi")
    upload_image: str = RCLONE_IMAGE

    def __post_init__(self) -> None:
        if not isinstance(self.target, (BackupClaim, BackupBucket)):
            raise fail("DatabaseBackup.target", "a BackupClaim or a BackupBucket", self.target)
        check_cron("DatabaseBackup.schedule", self.schedule)
        check_positive("DatabaseBackup.keep", self.keep)
        check_positive("DatabaseBackup.deadline_seconds", self.deadline_seconds, minimum=60)
        if not isinstance(self.resources, Resources):
            raise fail("DatabaseBackup.resources", "a Resources", self.resources)
        if not isinstance(self.upload_image, str) or ":" not in self.upload_image.rsplit("/", 1)[-1] \
                or self.upload_image.endswith((":latest", ":")):
            raise fail("DatabaseBackup.upload_image", "an image with an exact tag", self.upload_image)


class HarborClaim(str, Enum):
    """A claim of Harbor's that Longhorn may snapshot or back up."""

    REGISTRY = "registry"        # the images (unless they live in S3)
    DATABASE = "database"        # the bundled PostgreSQL's data
    JOBSERVICE = "jobservice"    # the job logs
    # the claim of DatabaseBackup(target=BackupClaim(...)): its dumps then leave the cluster too
    DATABASE_BACKUP = "database-backup"


@dataclass(frozen=True, kw_only=True)
class LonghornVolumeBackups:
    """Longhorn RecurringJobs over some of Harbor's claims.

    HarborRegistry creates the RecurringJobs in Longhorn's namespace and labels the chosen claims
    for them (kit/longhorn.py says how Longhorn reads the labels). The claims must be Harbor's own
    (not `Storage.existing_claim`, which Harbor does not write): label those by hand.

    Attributes:
        jobs: the recurring jobs, at least one (e.g. an hourly snapshot and a daily backup).
        claims: the claims they cover (default the registry's and the database's; add
            HarborClaim.DATABASE_BACKUP for the dumps' claim to leave the cluster as well).
        namespace: where Longhorn runs (default "longhorn-system").
    """

    jobs: tuple[LonghornRecurringJob, ...]
    claims: tuple[HarborClaim, ...] = (HarborClaim.REGISTRY, HarborClaim.DATABASE)
    namespace: str = LONGHORN_NAMESPACE

    def __post_init__(self) -> None:
        object.__setattr__(self, "jobs", tuple(self.jobs))
        object.__setattr__(self, "claims", tuple(self.claims))
        if not self.jobs or not all(isinstance(job, LonghornRecurringJob) for job in self.jobs):
            raise fail("LonghornVolumeBackups.jobs", "at least one LonghornRecurringJob", self.jobs)
        names = [job.name for job in self.jobs]
        if len(set(names)) != len(names):
            raise fail("LonghornVolumeBackups.jobs", "distinct job names", names)
        if not self.claims or not all(isinstance(c, HarborClaim) for c in self.claims) \
                or len(set(self.claims)) != len(self.claims):
            raise fail("LonghornVolumeBackups.claims", f"distinct HarborClaims, at least one, of "
                                                       f"{[c.value for c in HarborClaim]}", self.claims)
        check_dns_label("LonghornVolumeBackups.namespace", self.namespace)


@dataclass(frozen=True, kw_only=True)
class UpgradeGuard:
    """An Argo CD PreSync hook that refuses to change Harbor's version without a recent backup.

    Before every sync, the Job compares the version the running core Deployment carries with the
    one being synced. When they differ, it looks for the newest successful database backup (the
    backup CronJob's last success and its Jobs, or the CloudNativePG ObjectStore's last base backup)
    and fails the sync when there is none or it is older than `max_backup_age_hours`; it also
    refuses a downgrade, which Harbor's schema migrations do not support. A sync that keeps the
    version passes at once, as does a first installation.

    Attributes:
        max_backup_age_hours: the oldest backup that still allows a version change, at least 1
            (default 26: a daily backup plus two hours).
        image: a Python 3 image to run the standard-library guard (default kit.images.PYTHON_IMAGE).
        kubernetes_api: the API server the guard reads, for its egress (default KubernetesApi()).
    """

    max_backup_age_hours: int = 26
    image: str = PYTHON_IMAGE
    kubernetes_api: KubernetesApi = KubernetesApi()

    def __post_init__(self) -> None:
        check_positive("UpgradeGuard.max_backup_age_hours", self.max_backup_age_hours)
        if not isinstance(self.image, str) or ":" not in self.image.rsplit("/", 1)[-1] \
                or self.image.endswith((":latest", ":")):
            raise fail("UpgradeGuard.image", "an image with an exact tag", self.image)
        if not isinstance(self.kubernetes_api, KubernetesApi):
            raise fail("UpgradeGuard.kubernetes_api", "a KubernetesApi", self.kubernetes_api)
