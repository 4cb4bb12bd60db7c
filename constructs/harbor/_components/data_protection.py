"""HarborRegistry's backups, checked and built in one place: the database dump, Longhorn's recurring
jobs over Harbor's claims, and the upgrade guard (backups.py has the settings, the README the runbooks)."""

from __future__ import annotations

from typing import Any

from constructs import Construct

from ..backups import BackupClaim, DatabaseBackup, HarborClaim, LonghornVolumeBackups, UpgradeGuard
from ..data_stores import CloudNativePgDatabase, ExternalDatabase, S3Storage
from ..kit.cloudnative_pg import CloudNativePgCluster
from ..kit.longhorn import LonghornRecurringJobs, recurring_job_labels
from ..kit.network import ClusterDns
from ..kit.validation import fail
from ..settings import HarborStorage
from .context import HarborContext
from .database_backup import DatabaseBackupJobs, check_backup_claim
from .upgrade_guard import UpgradeGuardHook


def check_data_protection(*, instance: str, storage: HarborStorage,
                          database: ExternalDatabase | CloudNativePgDatabase | None,
                          image_storage: S3Storage | None, database_backup: DatabaseBackup | None,
                          volume_backups: LonghornVolumeBackups | None, upgrade_guard: UpgradeGuard | None) -> None:
    """Every rule that the backup settings of one HarborRegistry must meet together; ValueError otherwise."""
    for field_name, value, kind in (("database_backup", database_backup, DatabaseBackup),
                                    ("volume_backups", volume_backups, LonghornVolumeBackups),
                                    ("upgrade_guard", upgrade_guard, UpgradeGuard)):
        if value is not None and not isinstance(value, kind):
            raise fail(f"HarborRegistry.{field_name}", f"a {kind.__name__} or None", value)
    if database_backup is not None:
        if database is not None:
            raise fail("HarborRegistry.database_backup", "None with an external or CloudNativePG database (this "
                       "backup dumps Harbor's own database; a CloudNativePgDatabase backs up with "
                       "backup=BarmanCloudBackup(...), an external server by its own means)", database_backup)
        check_backup_claim(instance, storage, database_backup)
    if volume_backups is not None:
        for claim in volume_backups.claims:
            if claim is HarborClaim.REGISTRY and image_storage is not None:
                raise fail("LonghornVolumeBackups.claims", "claims Harbor has: images live in S3 (image_storage), "
                                                           "so there is no registry claim", claim.value)
            if claim is HarborClaim.DATABASE and database is not None:
                raise fail("LonghornVolumeBackups.claims", "claims Harbor has: the database is not Harbor's own, so "
                                                           "there is no database claim", claim.value)
            if claim is HarborClaim.DATABASE_BACKUP:
                if database_backup is None or not isinstance(database_backup.target, BackupClaim):
                    raise fail("LonghornVolumeBackups.claims", "claims Harbor has: the database-backup claim is "
                               "DatabaseBackup(target=BackupClaim(...))'s (dumps to a bucket are off the cluster "
                               "already)", claim.value)
                owner, existing = "DatabaseBackup.target.storage", database_backup.target.storage.existing_claim
            else:
                owner, existing = f"HarborStorage.{claim.value}", getattr(storage, claim.value).existing_claim
            if existing:
                raise fail("LonghornVolumeBackups.claims", f"claims Harbor creates: {owner} is the existing claim "
                           f"{existing!r}, whose labels are not Harbor's to write (label it by hand)", claim.value)
    if upgrade_guard is not None:
        cnpg_backup = isinstance(database, CloudNativePgDatabase) and database.backup is not None
        if database_backup is None and not cnpg_backup:
            raise fail("HarborRegistry.upgrade_guard", "given with a backup it can check: database_backup= for Harbor's "
                       "own database, or CloudNativePgDatabase(backup=BarmanCloudBackup(...))", upgrade_guard)


def claim_labels(volume_backups: LonghornVolumeBackups | None) -> dict[str, dict[str, str]]:
    """Longhorn's recurring-job labels of each covered claim, by component."""
    if volume_backups is None:
        return {}
    labels = recurring_job_labels(volume_backups.jobs)
    return {claim.value: dict(labels) for claim in volume_backups.claims}


class DataProtection(Construct):
    """What the settings ask for: `database_backup` (DatabaseBackupJobs or None), `recurring_jobs`
    (LonghornRecurringJobs or None) and `upgrade_guard` (UpgradeGuardHook or None)."""

    def __init__(self, scope: Construct, id: str, ctx: HarborContext, *, volume_backups: LonghornVolumeBackups | None,
                 upgrade_guard: UpgradeGuard | None, database_cluster: CloudNativePgCluster | None, dns: ClusterDns,
                 network_policies: bool) -> None:
        super().__init__(scope, id)
        self.database_backup = DatabaseBackupJobs(self, "database-backup", ctx, ctx.database_backup) \
            if ctx.database_backup is not None else None
        self.recurring_jobs = LonghornRecurringJobs(
            self, "longhorn", jobs=volume_backups.jobs, namespace=volume_backups.namespace,
            labels=ctx.labels("volume-backups")) if volume_backups is not None else None
        self.upgrade_guard = None
        if upgrade_guard is not None:
            sources: list[dict[str, Any]] = []
            reads: list[tuple[str, str, tuple[str, ...], str]] = []
            if self.database_backup is not None:
                sources.append({"kind": "CronJob", "name": self.database_backup.name,
                                "jobLabels": self.database_backup.job_labels})
                reads += [("batch", "cronjobs", (self.database_backup.name,), "get"), ("batch", "jobs", (), "list")]
            if database_cluster is not None and database_cluster.object_store is not None:
                sources.append({"kind": "ObjectStore", "name": database_cluster.backup_name,
                                "server": database_cluster.name})
                reads.append(("barmancloud.cnpg.io", "objectstores", (database_cluster.backup_name,), "get"))
            self.upgrade_guard = UpgradeGuardHook(self, "upgrade-guard", ctx, upgrade_guard, sources=sources,
                                                  reads=reads, dns=dns, network_policy=network_policies)
