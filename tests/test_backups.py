"""Backups in the manifests: the database backup's CronJobs and policy, Longhorn's recurring jobs and
claim labels, CloudNativePG's Barman Cloud backup, the upgrade guard's hook, and every bad input.

The scripts and the guard's program run for real elsewhere (tests/test_real_database_backup.py,
tests/test_real_backup_bucket.py, tests/test_upgrade_guard.py); here the objects around them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cdk8s
import pytest
from conftest import Manifests, container_named, pod_spec, pod_template
from support import SECRETS_PATH, harbor_site, refusal
from test_hardening import restricted_violations

from constructs.harbor import (
    BackupBucket,
    BackupClaim,
    CloudNativePgDatabase,
    DatabaseBackup,
    ExternalDatabase,
    HarborClaim,
    HarborStorage,
    LonghornVolumeBackups,
    S3Storage,
    Storage,
    UpgradeGuard,
)
from constructs.harbor._components import constants
from constructs.harbor._components.database_backup import NEVER
from constructs.harbor.kit import (
    BaoKey,
    BarmanCloudBackup,
    DataStorePeer,
    LonghornRecurringJob,
    LonghornTask,
    SecretKeyRef,
    SyncedSecret,
    check_cron,
    recurring_job_labels,
    seconds_first,
    synthesize,
)
from constructs.harbor.kit.checks.reachability import unreachable_address_problems
from constructs.harbor.kit.checks.secrets import unconsumed_secret_problems, unproduced_secret_problems
from constructs.harbor.kit.network_model import NetworkModel, PodEndpoint, Policy

KEYS = SyncedSecret("harbor-backup-s3", keys={"access-key": BaoKey(path=SECRETS_PATH, key="BACKUP_ACCESS_KEY"),
                                              "secret-key": BaoKey(path=SECRETS_PATH, key="BACKUP_SECRET_KEY")})
ACCESS = SecretKeyRef(secret="harbor-backup-s3", key="access-key")
SECRET = SecretKeyRef(secret="harbor-backup-s3", key="secret-key")
SNAPSHOT = LonghornRecurringJob(name="snap", task=LonghornTask.SNAPSHOT, schedule="0 */6 * * *", retain=4)
NIGHTLY = LonghornRecurringJob(name="nightly", task=LonghornTask.BACKUP, schedule="0 3 * * *", retain=14)


# ---- bad input: each a ValueError naming the field, before any output ----------------------------

@pytest.mark.parametrize(("make", "field"), [
    # a retention of 0
    (lambda: DatabaseBackup(keep=0), "DatabaseBackup.keep"),
    (lambda: LonghornRecurringJob(name="j", task=LonghornTask.BACKUP, schedule="0 3 * * *", retain=0),
     "LonghornRecurringJob.retain"),
    (lambda: LonghornRecurringJob(name="j", task=LonghornTask.BACKUP, schedule="0 3 * * *", retain=101),
     "LonghornRecurringJob.retain"),
    (lambda: BarmanCloudBackup(destination_path="s3://bkt/x/", access_key_id=ACCESS, secret_access_key=SECRET,
                               retention="0d"), "BarmanCloudBackup.retention"),
    # a malformed schedule
    (lambda: DatabaseBackup(schedule="0 2 * *"), "DatabaseBackup.schedule"),
    (lambda: DatabaseBackup(schedule="61 2 * * *"), "DatabaseBackup.schedule"),
    (lambda: DatabaseBackup(schedule="daily"), "DatabaseBackup.schedule"),
    (lambda: LonghornRecurringJob(name="j", task=LonghornTask.SNAPSHOT, schedule="0 0 3 * * *"),
     "LonghornRecurringJob.schedule"),
    # six fields are CloudNativePG's dialect: the setting takes five and writes six itself
    (lambda: BarmanCloudBackup(destination_path="s3://bkt/x/", access_key_id=ACCESS, secret_access_key=SECRET,
                               schedule="0 0 3 * * *"), "BarmanCloudBackup.schedule"),
    # a backup target without credentials
    (lambda: BackupBucket(bucket="harbor-backups"), "BackupBucket.access_key"),
    (lambda: BackupBucket(bucket="harbor-backups", access_key=ACCESS), "BackupBucket.secret_key"),
    (lambda: BarmanCloudBackup(destination_path="s3://harbor-backups/"), "BarmanCloudBackup.access_key_id"),
    (lambda: BarmanCloudBackup(destination_path="s3://harbor-backups/", access_key_id=ACCESS),
     "BarmanCloudBackup.secret_access_key"),
    # and the rest of each setting
    (lambda: BackupBucket(bucket="Bad_Bucket", access_key=ACCESS, secret_key=SECRET), "BackupBucket.bucket"),
    (lambda: BackupBucket(bucket="b-1", access_key=ACCESS, secret_key=SECRET, prefix="/x/"), "BackupBucket.prefix"),
    (lambda: BarmanCloudBackup(destination_path="https://b/", access_key_id=ACCESS, secret_access_key=SECRET),
     "BarmanCloudBackup.destination_path"),
    (lambda: DatabaseBackup(target="a claim"), "DatabaseBackup.target"),
    (lambda: DatabaseBackup(deadline_seconds=10), "DatabaseBackup.deadline_seconds"),
    (lambda: DatabaseBackup(upload_image="rclone/rclone:latest"), "DatabaseBackup.upload_image"),
    (lambda: LonghornRecurringJob(name="a" * 41, task=LonghornTask.SNAPSHOT, schedule="@daily"),
     "LonghornRecurringJob.name"),
    (lambda: LonghornRecurringJob(name="source", task=LonghornTask.SNAPSHOT, schedule="@daily"),
     "LonghornRecurringJob.name"),
    (lambda: LonghornVolumeBackups(jobs=()), "LonghornVolumeBackups.jobs"),
    (lambda: LonghornVolumeBackups(jobs=(SNAPSHOT, SNAPSHOT)), "LonghornVolumeBackups.jobs"),
    (lambda: LonghornVolumeBackups(jobs=(SNAPSHOT,), claims=("registry",)), "LonghornVolumeBackups.claims"),
    (lambda: UpgradeGuard(max_backup_age_hours=0), "UpgradeGuard.max_backup_age_hours"),
])
def test_bad_settings_name_their_field(make, field: str) -> None:
    refusal(make, field)


@pytest.mark.parametrize(("props", "field"), [
    # a backup claim that is the database's own claim: the StatefulSet's, or the one given
    ({"database_backup": DatabaseBackup(target=BackupClaim(storage=Storage(
        existing_claim="database-data-harbor-database-0")))}, "DatabaseBackup.target.storage.existing_claim"),
    ({"storage": HarborStorage(database=Storage(existing_claim="pg-data")),
      "database_backup": DatabaseBackup(target=BackupClaim(storage=Storage(existing_claim="pg-data")))},
     "DatabaseBackup.target.storage.existing_claim"),
    ({"database_backup": DatabaseBackup(target=BackupClaim(storage=Storage(existing_claim="harbor-registry")))},
     "DatabaseBackup.target.storage.existing_claim"),
    # the dump is of Harbor's own database
    ({"database": ExternalDatabase(host="pg.example.com", password=SecretKeyRef(secret="harbor-database",
                                                                                key="POSTGRES_PASSWORD")),
      "database_backup": DatabaseBackup()}, "HarborRegistry.database_backup"),
    # a guard with nothing to check
    ({"upgrade_guard": UpgradeGuard()}, "HarborRegistry.upgrade_guard"),
    ({"database_backup": "nightly"}, "HarborRegistry.database_backup"),
    # Longhorn over claims Harbor does not have, or does not write
    ({"volume_backups": LonghornVolumeBackups(jobs=(SNAPSHOT,), claims=(HarborClaim.REGISTRY,)),
      "image_storage": S3Storage(bucket="images", access_key=ACCESS, secret_key=SECRET)},
     "LonghornVolumeBackups.claims"),
    ({"volume_backups": LonghornVolumeBackups(jobs=(SNAPSHOT,), claims=(HarborClaim.JOBSERVICE,)),
      "storage": HarborStorage(jobservice=Storage(existing_claim="my-logs"))}, "LonghornVolumeBackups.claims"),
    # the dumps' claim: only with dumps on a claim, and one Harbor creates
    ({"volume_backups": LonghornVolumeBackups(jobs=(SNAPSHOT,), claims=(HarborClaim.DATABASE_BACKUP,))},
     "LonghornVolumeBackups.claims"),
    ({"volume_backups": LonghornVolumeBackups(jobs=(SNAPSHOT,), claims=(HarborClaim.DATABASE_BACKUP,)),
      "database_backup": DatabaseBackup(target=BackupClaim(storage=Storage(existing_claim="my-dumps")))},
     "LonghornVolumeBackups.claims"),
])
def test_bad_combinations_fail_before_any_output(tmp_path: Path, props: dict[str, Any], field: str) -> None:
    def build(outdir: str) -> cdk8s.App:
        app = cdk8s.App(outdir=outdir)
        harbor_site(app=app, extra_secrets=[KEYS], **props)
        return app

    out = tmp_path / "out"
    refusal(lambda: synthesize(build, out), field)
    assert not out.exists(), "a refused build must write nothing"


@pytest.mark.parametrize(("schedule", "ok"), [
    ("30 2 * * *", True), ("*/15 * * * *", True), ("0 3 * * 1-5", True), ("0 0 1 JAN,JUL *", True),
    ("0 0 ? * SUN", True), ("@daily", True), ("@every 1h", False), ("0 24 * * *", False), ("0 0 0 * *", False),
    ("0 0 * 13 *", False), ("0 0 * * 7", False), ("5-1 * * * *", False), ("*/0 * * * *", False),
    ("0  2 * * *", False), ("CRON_TZ=UTC 0 2 * * *", False), ("? * * * *", False), ("", False),
])
def test_the_cron_check_follows_robfig_cron(schedule: str, ok: bool) -> None:
    if ok:
        assert check_cron("s", schedule) == schedule
    else:
        refusal(lambda: check_cron("s", schedule), "s")


def test_cloudnative_pg_schedules_get_their_seconds_field() -> None:
    # robfig/cron v1.2.0 cron.Parse: seconds first; five fields there would mean "minute 3 of every hour"
    assert seconds_first("0 3 * * *") == "0 0 3 * * *"
    assert seconds_first("@daily") == "@daily"


# ---- the homelab's database backup ---------------------------------------------------------------

def test_the_backup_runs_the_database_image_of_the_same_version(manifests: Manifests) -> None:
    cron_job = manifests.get("CronJob", "harbor-database-backup")
    spec = pod_spec(cron_job.obj)
    dump = container_named(spec, "dump")
    database = container_named(pod_spec(manifests.get("StatefulSet", "harbor-database").obj), "database")
    # pg_dump refuses a server of a newer major version: client and server move together
    assert dump["image"] == database["image"]
    assert dump["command"] == ["/bin/bash", "/scripts/harbor-db-backup.sh", "dump", "/backup", "7"]
    assert cron_job.obj["spec"]["schedule"] == "30 2 * * *"
    assert cron_job.obj["spec"]["concurrencyPolicy"] == "Forbid"
    env = {e["name"]: e for e in dump["env"]}
    assert env["PGPASSWORD"]["valueFrom"]["secretKeyRef"] == database["env"][0]["valueFrom"]["secretKeyRef"]
    assert (env["PGHOST"]["value"], env["PGPORT"]["value"], env["PGDATABASE"]["value"]) == \
        ("harbor-database", "5432", "registry")
    mounts = {m["mountPath"]: m["name"] for m in dump["volumeMounts"]}
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert volumes[mounts["/backup"]]["persistentVolumeClaim"]["claimName"] == "harbor-database-backup"
    claim = manifests.get("PersistentVolumeClaim", "harbor-database-backup").obj
    assert claim["spec"]["storageClassName"] == "longhorn"


def test_backup_pods_are_restricted_with_a_read_only_root(manifests: Manifests) -> None:
    for name in ("harbor-database-backup", "harbor-database-restore"):
        spec = pod_spec(manifests.get("CronJob", name).obj)
        assert restricted_violations(spec) == [], name
        assert spec["securityContext"]["runAsUser"] == 999 and spec["securityContext"]["fsGroup"] == 999
        assert all(c["securityContext"]["readOnlyRootFilesystem"] for c in spec["containers"])
        assert spec["automountServiceAccountToken"] is False


def test_the_restore_cron_job_never_runs_by_itself(manifests: Manifests) -> None:
    restore = manifests.get("CronJob", "harbor-database-restore").obj
    assert restore["spec"]["suspend"] is True and restore["spec"]["schedule"] == NEVER
    assert restore["spec"]["jobTemplate"]["spec"]["backoffLimit"] == 0
    container = container_named(pod_spec(restore), "restore")
    assert container["command"] == ["/bin/bash", "/scripts/harbor-db-backup.sh", "restore", "/backup"]
    # its Jobs are not backups: the upgrade guard must not count them
    labels = restore["spec"]["jobTemplate"]["metadata"]["labels"]
    assert labels["app.kubernetes.io/component"] == "database-restore"


def backup_pod(manifests: Manifests) -> PodEndpoint:
    template = pod_template(manifests.get("CronJob", "harbor-database-backup").obj)
    return PodEndpoint("backup", "harbor", template["metadata"]["labels"])


def test_backup_pods_reach_the_database_and_nothing_else(manifests: Manifests) -> None:
    model = NetworkModel([Policy.from_manifest(p.obj) for p in manifests.of_kind("NetworkPolicy")])
    pod = backup_pod(manifests)
    pods = {c: PodEndpoint(c, "harbor", {"app.kubernetes.io/name": "harbor", "app.kubernetes.io/instance": "harbor",
                                         "app.kubernetes.io/component": c})
            for c in ("database", "core", "redis", "registry")}
    assert model.allows(pod, pods["database"], constants.DATABASE_PORT)
    for other, port in (("core", constants.CORE_PORT), ("redis", constants.REDIS_PORT),
                        ("registry", constants.REGISTRY_PORT)):
        assert not model.allows(pod, pods[other], port), other
    # nobody reaches the backup pods
    assert not model.allows(pods["core"], pod, 8080)


def test_the_reachability_check_covers_the_backup(manifests: Manifests) -> None:
    """Without the database's ingress from the backup pods, the check names the CronJob's PGHOST."""
    site = harbor_site(default_deny=True, database_backup=DatabaseBackup())
    assert unreachable_address_problems(site.harbor) == []
    policy = site.harbor.network_policies.policies["database"]
    ingress = policy.to_json()["spec"]["ingress"]
    (index,) = [i for i, rule in enumerate(ingress)
                if rule["from"][0]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "database-backup"]
    policy.add_json_patch(cdk8s.JsonPatch.remove(f"/spec/ingress/{index}"))
    problems = unreachable_address_problems(site.harbor)
    assert len(problems) == 2, problems            # the backup's and the restore's CronJob
    assert all("harbor-database:5432" in p and "env PGHOST" in p for p in problems)


def test_a_bucket_target_uploads_with_rclone_and_synced_keys() -> None:
    bucket = BackupBucket(bucket="harbor-backups", endpoint="https://s3.example.com:9000", access_key=ACCESS,
                          secret_key=SECRET, prefix="homelab/db", peer=DataStorePeer(cidrs=("10.9.0.0/24",)))
    site = harbor_site(default_deny=True, extra_secrets=[KEYS], database_backup=DatabaseBackup(target=bucket, keep=5))
    out = site.manifests()
    assert out.find("PersistentVolumeClaim", "harbor-database-backup") is None
    spec = pod_spec(out.get("CronJob", "harbor-database-backup").obj)
    dump, upload = container_named(spec, "dump"), container_named(spec, "upload")
    assert dump in spec["initContainers"] and dump["command"][2:] == ["dump", "/backup", "1"]
    assert upload["command"] == ["/bin/sh", "/scripts/bucket.sh", "upload", "/backup", "backup:harbor-backups/homelab/db",
                                 "5"]
    env = {e["name"]: e for e in upload["env"]}
    assert env["RCLONE_CONFIG_BACKUP_ACCESS_KEY_ID"]["valueFrom"]["secretKeyRef"] == {"name": "harbor-backup-s3",
                                                                                      "key": "access-key"}
    assert env["RCLONE_CONFIG_BACKUP_ENDPOINT"]["value"] == "https://s3.example.com:9000"
    # the dump container never sees the bucket's keys, the upload container never the database's password
    assert not any("valueFrom" in e and e["valueFrom"]["secretKeyRef"]["name"] == "harbor-backup-s3"
                   for e in dump["env"])
    assert "PGPASSWORD" not in env
    scratch = {v["name"]: v for v in spec["volumes"]}["dumps"]
    assert scratch["emptyDir"]["sizeLimit"] == "5Gi"
    restore = pod_spec(out.get("CronJob", "harbor-database-restore").obj)
    assert container_named(restore, "fetch")["command"][2:] == ["fetch", "backup:harbor-backups/homelab/db", "/backup"]
    policy = out.get("NetworkPolicy", "harbor-database-backup").obj
    assert {"ports": [{"port": 9000, "protocol": "TCP"}], "to": [{"ipBlock": {"cidr": "10.9.0.0/24"}}]} \
        in policy["spec"]["egress"]
    assert restricted_violations(spec) == []
    assert unproduced_secret_problems(site.harbor, "HarborRegistry.secrets") == []


def test_the_backup_container_is_held_to_the_database_image_contract() -> None:
    """runtime_contracts.DATABASE lists what the backup sets; a variable nothing reads is refused."""
    from constructs.harbor._components.runtime_checks import runtime_contract_problems

    site = harbor_site(database_backup=DatabaseBackup())
    assert runtime_contract_problems(site.harbor) == []
    cron_job = site.harbor.data_protection.database_backup.cron_job
    cron_job.add_json_patch(cdk8s.JsonPatch.add(
        "/spec/jobTemplate/spec/template/spec/containers/0/env/-", {"name": "PGSSLMODEX", "value": "1"}))
    cron_job.add_json_patch(cdk8s.JsonPatch.replace(
        "/spec/jobTemplate/spec/template/spec/containers/0/command/0", "/usr/bin/zsh"))
    problems = runtime_contract_problems(site.harbor)
    assert any("PGSSLMODEX" in p for p in problems), problems
    assert any("'/usr/bin/zsh', which is not a program of the image" in p for p in problems), problems


# ---- Longhorn ----------------------------------------------------------------------------------------

def test_recurring_jobs_land_in_longhorns_namespace(manifests: Manifests) -> None:
    jobs = {m.name: m for m in manifests.of_kind("RecurringJob")}
    assert set(jobs) == {"harbor-snapshot", "harbor-backup"}
    for name, job in jobs.items():
        assert job.namespace == "longhorn-system"
        assert job.obj["spec"]["name"] == name            # Longhorn's mutator would set it; no drift
        assert job.obj["spec"]["groups"] == []            # never the `default` group of every volume
    assert jobs["harbor-backup"].obj["spec"]["task"] == "backup"
    assert jobs["harbor-snapshot"].obj["spec"]["task"] == "snapshot"


def test_the_registry_database_and_dump_claims_carry_the_labels(manifests: Manifests) -> None:
    wanted = {"recurring-job.longhorn.io/source": "enabled", "recurring-job.longhorn.io/harbor-snapshot": "enabled",
              "recurring-job.longhorn.io/harbor-backup": "enabled"}
    # the dumps' claim too: without it the dumps stayed on the cluster's own storage
    for claim in ("harbor-registry", "database-data-harbor-database-0", "harbor-database-backup"):
        labels = manifests.get("PersistentVolumeClaim", claim).labels
        assert wanted.items() <= labels.items(), claim
    # jobservice's job logs are not covered in the homelab
    assert "recurring-job.longhorn.io/source" not in manifests.get("PersistentVolumeClaim", "harbor-jobservice").labels


def test_the_database_claim_template_is_left_as_it_was() -> None:
    """volumeClaimTemplates are immutable: turning Longhorn on must not change the StatefulSet at all.
    The claim the template makes for ordinal 0 is declared beside it, with the template's spec."""
    plain = harbor_site().manifests()
    covered = harbor_site(volume_backups=LonghornVolumeBackups(jobs=(SNAPSHOT,))).manifests()
    before = plain.get("StatefulSet", "harbor-database").obj
    after = covered.get("StatefulSet", "harbor-database").obj
    assert before == after
    (template,) = after["spec"]["volumeClaimTemplates"]
    claim = covered.get("PersistentVolumeClaim", "database-data-harbor-database-0").obj
    assert claim["spec"] == template["spec"]
    assert claim["metadata"]["annotations"] == template["metadata"]["annotations"]
    assert template["metadata"]["labels"].items() <= claim["metadata"]["labels"].items()
    assert plain.find("PersistentVolumeClaim", "database-data-harbor-database-0") is None


def test_recurring_job_labels_need_the_source_switch() -> None:
    assert recurring_job_labels([SNAPSHOT, NIGHTLY]) == {
        "recurring-job.longhorn.io/source": "enabled", "recurring-job.longhorn.io/snap": "enabled",
        "recurring-job.longhorn.io/nightly": "enabled"}
    assert recurring_job_labels([]) == {}


def test_jobservice_logs_can_be_covered() -> None:
    out = harbor_site(volume_backups=LonghornVolumeBackups(jobs=(NIGHTLY,), claims=(HarborClaim.JOBSERVICE,),
                                                           namespace="storage")).manifests()
    assert out.get("PersistentVolumeClaim", "harbor-jobservice").labels["recurring-job.longhorn.io/nightly"] == "enabled"
    assert "recurring-job.longhorn.io/nightly" not in out.get("PersistentVolumeClaim", "harbor-registry").labels
    assert out.get("RecurringJob", "nightly").namespace == "storage"


# ---- CloudNativePG: Barman Cloud -----------------------------------------------------------------

def test_the_ha_cluster_archives_wal_through_the_plugin(ha_manifests: Manifests) -> None:
    cluster = ha_manifests.get("Cluster", "harbor-database").obj
    assert cluster["spec"]["plugins"] == [{"name": "barman-cloud.cloudnative-pg.io", "isWALArchiver": True,
                                           "parameters": {"barmanObjectName": "harbor-database-backup"}}]
    store = ha_manifests.get("ObjectStore", "harbor-database-backup").obj["spec"]
    assert store["retentionPolicy"] == "30d"
    assert store["configuration"]["destinationPath"] == "s3://harbor-database-backups/"
    assert store["configuration"]["s3Credentials"] == {
        "accessKeyId": {"name": "harbor-backup-s3", "key": "access-key"},
        "secretAccessKey": {"name": "harbor-backup-s3", "key": "secret-key"}}
    assert "serverName" not in store["configuration"]      # the CRD's CEL rule forbids it there
    scheduled = ha_manifests.get("ScheduledBackup", "harbor-database-backup").obj["spec"]
    # seconds first: 03:00:00 daily, not minute 3 of every hour
    assert scheduled["schedule"] == "0 0 3 * * *"
    assert scheduled["method"] == "plugin"
    assert scheduled["pluginConfiguration"] == {"name": "barman-cloud.cloudnative-pg.io"}
    assert scheduled["cluster"] == {"name": "harbor-database"}
    egress = ha_manifests.get("NetworkPolicy", "harbor-database").obj["spec"]["egress"]
    assert {"ports": [{"port": 443, "protocol": "TCP"}], "to": [{"ipBlock": {"cidr": "10.40.0.0/24"}}]} in egress


def cnpg_site(backup_keys: tuple[SecretKeyRef, SecretKeyRef], extra: list[SyncedSecret]) -> Any:
    return harbor_site(database_password=False, extra_secrets=extra, database=CloudNativePgDatabase(
        instances=1, backup=BarmanCloudBackup(destination_path="s3://db-backups/", access_key_id=backup_keys[0],
                                              secret_access_key=backup_keys[1])))


def test_the_object_stores_keys_must_be_synced_and_count_as_read() -> None:
    site = cnpg_site((ACCESS, SECRET), [KEYS])
    # read by the plugin, not by a pod: still read, and produced
    assert unconsumed_secret_problems(site.harbor) == []
    assert unproduced_secret_problems(site.harbor, "HarborRegistry.secrets") == []
    broken = cnpg_site((SecretKeyRef(secret="nobody-syncs-this", key="k"), SECRET), [KEYS])
    (problem,) = unproduced_secret_problems(broken.harbor, "HarborRegistry.secrets")
    assert "CloudNativePgCluster" in problem and "'nobody-syncs-this' key 'k'" in problem


def test_the_upgrade_guard_is_a_presync_hook_with_a_narrow_role(manifests: Manifests) -> None:
    for kind in ("ServiceAccount", "Role", "RoleBinding", "NetworkPolicy", "ConfigMap", "Job"):
        annotations = manifests.get(kind, "harbor-upgrade-guard").annotations
        assert annotations["argocd.argoproj.io/hook"] == "PreSync", kind
        assert annotations["argocd.argoproj.io/hook-delete-policy"] == "BeforeHookCreation", kind
    # the Job after what it needs
    assert int(manifests.get("Job", "harbor-upgrade-guard").annotations["argocd.argoproj.io/sync-wave"]) > \
        int(manifests.get("RoleBinding", "harbor-upgrade-guard").annotations["argocd.argoproj.io/sync-wave"])
    rules = manifests.get("Role", "harbor-upgrade-guard").obj["rules"]
    verbs = {verb for rule in rules for verb in rule["verbs"]}
    assert verbs <= {"get", "list"}, "the guard only reads"
    spec = pod_spec(manifests.get("Job", "harbor-upgrade-guard").obj)
    assert restricted_violations(spec) == []
    assert spec["automountServiceAccountToken"] is False and spec["serviceAccountName"] == "harbor-upgrade-guard"
    policy = manifests.get("NetworkPolicy", "harbor-upgrade-guard").obj["spec"]
    assert policy["policyTypes"] == ["Ingress", "Egress"] and "ingress" not in policy
    assert [rule["ports"][0]["port"] for rule in policy["egress"]] == [443, 53]


def test_the_guard_reads_the_sources_it_is_given() -> None:
    site = harbor_site(database_backup=DatabaseBackup(), upgrade_guard=UpgradeGuard(max_backup_age_hours=6))
    job = site.manifests().get("Job", "harbor-upgrade-guard")
    env = {e["name"]: e.get("value") for e in pod_spec(job.obj)["containers"][0]["env"]}
    assert env["GUARD_MAX_AGE_SECONDS"] == str(6 * 3600)
    assert [s["kind"] for s in json.loads(env["GUARD_SOURCES"])] == ["CronJob"]
