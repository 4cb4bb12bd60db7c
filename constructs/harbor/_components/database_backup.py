"""The bundled database's logical backup: a CronJob that dumps it, and a suspended one that restores.

Both run the harbor-db image itself (the script takes the client programs of the server's major,
which move with it when Harbor's images move) with a `command`, under the image's postgres user, with a
read-only root and the restricted Pod Security settings. The script travels in a ConfigMap
(scripts/harbor-db-backup.sh; scripts/bucket.sh for a bucket, run by rclone's image). The
NetworkPolicy `<instance>-database-backup` (network_policy.py) lets their pods reach the database
and, for a bucket, the S3 server; nothing reaches them.

- Claim target: one container dumps into the claim `<instance>-database-backup` (or the claim
  named), keeping the newest `keep`.
- Bucket target: the dump goes to a scratch volume (an init container), then rclone uploads it and
  keeps the newest `keep` in the bucket.
- Restore: the CronJob `<instance>-database-restore` is suspended and never scheduled; the README's
  runbook starts it once with `kubectl create job --from=cronjob/<instance>-database-restore`. It
  drops and recreates the database from the newest dump (from the bucket, fetched first).
"""

from __future__ import annotations

from pathlib import Path

from cdk8s_plus_27 import k8s

from constructs import Construct

from ..backups import BackupBucket, BackupClaim, DatabaseBackup
from ..kit.argocd import SYNC_WAVE, SyncWave
from ..kit.validation import fail, present
from ..settings import HarborStorage
from .checksum import checksum
from .connections import DatabaseConnection
from .constants import DATABASE_BACKUP
from .context import HarborContext
from .pods import container_security, pod_security, resources
from .runtime_contracts import DATABASE as DATABASE_CONTRACT
from .volumes import claim_volume, config_volume, empty_dir
from .workloads import config_map, persistent_claim, pod_metadata

COMPONENT = DATABASE_BACKUP
SCRIPTS_DIR = Path(__file__).resolve().with_name("scripts")
BACKUP_SCRIPT = "harbor-db-backup.sh"
BUCKET_SCRIPT = "bucket.sh"
SCRIPTS_PATH = "/scripts"
BACKUP_PATH = "/backup"
TMP_PATH = "/tmp"
# rclone's remote, defined by RCLONE_CONFIG_BACKUP_* variables (rclone's environment convention)
REMOTE = "backup"
# The restore CronJob is never scheduled: suspended, and 31 February never comes (the schedule is still
# one robfig/cron parses, which the API server requires).
NEVER = "0 0 31 2 *"
SCRIPT_FILES = (BACKUP_SCRIPT, BUCKET_SCRIPT)


def script_text(name: str) -> str:
    return (SCRIPTS_DIR / name).read_text(encoding="utf-8")


def libpq_env(connection: DatabaseConnection) -> list[k8s.EnvVar]:
    """How the PostgreSQL client programs find the database (libpq's environment variables)."""
    return [
        k8s.EnvVar(name="PGHOST", value=connection.host),
        k8s.EnvVar(name="PGPORT", value=str(connection.port)),
        k8s.EnvVar(name="PGUSER", value=connection.user),
        k8s.EnvVar(name="PGDATABASE", value=connection.database),
        connection.password.env_var("PGPASSWORD"),
        # a server that does not answer fails the run instead of hanging until the Job's deadline
        k8s.EnvVar(name="PGCONNECT_TIMEOUT", value="30"),
    ]


class DatabaseBackupJobs(Construct):
    """ConfigMap, claim (claim target), and the CronJobs `<instance>-database-backup` and `-restore`.

    Hand-outs: `cron_job`, `restore_cron_job`, `claim_name` (None for a bucket), `job_labels` (the
    labels of every backup Job, which the upgrade guard looks for).
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext, backup: DatabaseBackup) -> None:
        super().__init__(scope, id)
        self.ctx, self.backup = ctx, backup
        self.name = ctx.name(COMPONENT)
        target = backup.target
        files = {BACKUP_SCRIPT: script_text(BACKUP_SCRIPT)}
        if isinstance(target, BackupBucket):
            files[BUCKET_SCRIPT] = script_text(BUCKET_SCRIPT)
        self.config_map = config_map(self, "scripts", ctx, COMPONENT, self.name, files)
        self.config_checksum = checksum(files)
        self.claim_name: str | None = None
        if isinstance(target, BackupClaim):
            self.claim_name = persistent_claim(self, "claim", ctx, COMPONENT, target.storage, self.name)
        # the backup Jobs' labels: the upgrade guard finds completed ones, also those made by hand
        self.job_labels = ctx.selector(COMPONENT)
        self.cron_job = self._cron_job(
            "cron-job", self.name, schedule=backup.schedule, suspend=False, backoff_limit=1,
            job_labels=ctx.labels(COMPONENT), pod=self._backup_pod(target))
        restore_labels = {**ctx.labels(COMPONENT), "app.kubernetes.io/component": "database-restore"}
        self.restore_cron_job = self._cron_job(
            "restore-cron-job", ctx.name("database-restore"), schedule=NEVER, suspend=True, backoff_limit=0,
            job_labels=restore_labels, pod=self._restore_pod(target))

    # ---- pods ------------------------------------------------------------------------------------

    def _database_container(self, name: str, args: list[str], backup_volume: str) -> k8s.Container:
        ctx = self.ctx
        return k8s.Container(
            name=name,
            image=ctx.images.image(DATABASE_CONTRACT.repository),
            image_pull_policy="IfNotPresent",
            # the script, not the image's entrypoint (which would initialise a database of its own)
            command=["/bin/bash", f"{SCRIPTS_PATH}/{BACKUP_SCRIPT}", *args],
            env=libpq_env(ctx.database),
            resources=resources(self.backup.resources),
            security_context=container_security(),
            volume_mounts=[
                k8s.VolumeMount(name="scripts", mount_path=SCRIPTS_PATH, read_only=True),
                k8s.VolumeMount(name=backup_volume, mount_path=BACKUP_PATH),
                k8s.VolumeMount(name="tmp", mount_path=TMP_PATH),
            ],
        )

    def _rclone_container(self, name: str, bucket: BackupBucket, args: list[str]) -> k8s.Container:
        remote_env = {
            "TYPE": "s3",
            # "Other" speaks plain S3 to the endpoint given; without one, AWS itself
            "PROVIDER": "Other" if bucket.endpoint else "AWS",
            "REGION": bucket.region,
            # the keys below, never the pod's environment or an instance profile
            "ENV_AUTH": "false",
        }
        if bucket.endpoint:
            remote_env["ENDPOINT"] = bucket.endpoint
        access_key = present(bucket.access_key, "BackupBucket.access_key")
        secret_key = present(bucket.secret_key, "BackupBucket.secret_key")
        env = [k8s.EnvVar(name=f"RCLONE_CONFIG_{REMOTE.upper()}_{key}", value=value)
               for key, value in remote_env.items()]
        env += [access_key.env_var(f"RCLONE_CONFIG_{REMOTE.upper()}_ACCESS_KEY_ID"),
                secret_key.env_var(f"RCLONE_CONFIG_{REMOTE.upper()}_SECRET_ACCESS_KEY"),
                # the root is read-only: rclone's config and cache folders go to the scratch volume
                k8s.EnvVar(name="HOME", value=TMP_PATH),
                k8s.EnvVar(name="XDG_CONFIG_HOME", value=TMP_PATH),
                k8s.EnvVar(name="RCLONE_CACHE_DIR", value=f"{TMP_PATH}/rclone")]
        return k8s.Container(
            name=name,
            image=self.backup.upload_image,
            image_pull_policy="IfNotPresent",
            command=["/bin/sh", f"{SCRIPTS_PATH}/{BUCKET_SCRIPT}", *args],
            env=env,
            resources=resources(self.backup.resources),
            security_context=container_security(),
            volume_mounts=[
                k8s.VolumeMount(name="scripts", mount_path=SCRIPTS_PATH, read_only=True),
                k8s.VolumeMount(name="dumps", mount_path=BACKUP_PATH),
                k8s.VolumeMount(name="tmp", mount_path=TMP_PATH),
            ],
        )

    def _remote(self, bucket: BackupBucket) -> str:
        return f"{REMOTE}:{bucket.bucket}/{bucket.prefix}"

    def _volumes(self, target: BackupClaim | BackupBucket) -> list[k8s.Volume]:
        volumes = [config_volume("scripts", self.name), empty_dir("tmp")]
        if isinstance(target, BackupBucket):
            volumes.append(empty_dir("dumps", size_limit=target.scratch_size))
        else:
            volumes.append(claim_volume("dumps", present(self.claim_name, "the backup claim's name")))
        return volumes

    def _backup_pod(self, target: BackupClaim | BackupBucket) -> k8s.PodSpec:
        keep = str(self.backup.keep)
        if isinstance(target, BackupBucket):
            # the scratch volume holds this run's dump only: the bucket keeps the newest `keep`
            init = [self._database_container("dump", ["dump", BACKUP_PATH, "1"], "dumps")]
            main = [self._rclone_container("upload", target, ["upload", BACKUP_PATH, self._remote(target), keep])]
        else:
            init, main = [], [self._database_container("dump", ["dump", BACKUP_PATH, keep], "dumps")]
        return self._pod(init, main, target)

    def _restore_pod(self, target: BackupClaim | BackupBucket) -> k8s.PodSpec:
        restore = self._database_container("restore", ["restore", BACKUP_PATH], "dumps")
        if isinstance(target, BackupBucket):
            return self._pod([self._rclone_container("fetch", target, ["fetch", self._remote(target), BACKUP_PATH])],
                             [restore], target)
        return self._pod([], [restore], target)

    def _pod(self, init: list[k8s.Container], main: list[k8s.Container],
             target: BackupClaim | BackupBucket) -> k8s.PodSpec:
        return k8s.PodSpec(
            restart_policy="Never",
            automount_service_account_token=False,
            enable_service_links=False,
            # the harbor-db image's postgres user; fsGroup makes the claim writable for it
            security_context=pod_security(user=DATABASE_CONTRACT.user),
            init_containers=init or None,
            containers=main,
            volumes=self._volumes(target),
        )

    def _cron_job(self, id: str, name: str, *, schedule: str, suspend: bool, backoff_limit: int,
                  job_labels: dict[str, str], pod: k8s.PodSpec) -> k8s.KubeCronJob:
        ctx = self.ctx
        return k8s.KubeCronJob(
            self, id,
            metadata=k8s.ObjectMeta(name=name, labels=job_labels,
                                    annotations={SYNC_WAVE: str(int(SyncWave.WORKLOADS))}),
            spec=k8s.CronJobSpec(
                schedule=schedule,
                suspend=suspend,
                # one run of this CronJob at a time; a run started by hand and the restore are kept
                # apart by the script's lock on the folder (harbor-db-backup.sh lock_folder)
                concurrency_policy="Forbid",
                # a run the controller missed (its node down at the time) still starts within the hour
                starting_deadline_seconds=3600,
                successful_jobs_history_limit=3,
                failed_jobs_history_limit=3,
                job_template=k8s.JobTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=job_labels),
                    spec=k8s.JobSpec(
                        backoff_limit=backoff_limit,
                        active_deadline_seconds=self.backup.deadline_seconds,
                        template=k8s.PodTemplateSpec(
                            # the pods of both CronJobs carry the component's labels: one policy covers them
                            metadata=pod_metadata(ctx, COMPONENT, self.config_checksum),
                            spec=pod,
                        ),
                    ),
                ),
            ),
        )


def check_backup_claim(instance: str, storage: HarborStorage, backup: DatabaseBackup) -> None:
    """A backup claim must not be one of Harbor's own: a dump on the volume it protects is lost with it."""
    target = backup.target
    if not isinstance(target, BackupClaim) or not target.storage.existing_claim:
        return
    own = {storage.database.existing_claim or f"database-data-{instance}-database-0": "the database's own claim",
           storage.registry.existing_claim or f"{instance}-registry": "the registry's claim",
           storage.jobservice.existing_claim or f"{instance}-jobservice": "jobservice's claim"}
    claim = target.storage.existing_claim
    if claim in own:
        raise fail("DatabaseBackup.target.storage.existing_claim",
                   f"a claim other than {own[claim]} (a backup on the volume it protects is lost with it)", claim)
