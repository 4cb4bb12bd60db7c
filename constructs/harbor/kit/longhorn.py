"""Longhorn recurring snapshots and backups of claims: RecurringJob objects and the claims' labels.

How Longhorn v1.12.1 ties a recurring job to a volume (longhorn-manager at v1.12.1):
- a `RecurringJob` (longhorn.io/v1beta2) lives in Longhorn's own namespace, `longhorn-system`: the
  manager lists them there only (`datastore/longhorn.go` ListRecurringJobs on its namespace), and
  turns each into a CronJob of its own there (`controller/recurring_job_controller.go`). Its `cron`
  is the standard five fields (`cron.ParseStandard`), its name at most 40 characters, and `retain`
  at most the setting `recurring-job-max-retention` (100 by default);
- a volume takes part when its Longhorn `Volume` carries `recurring-job.longhorn.io/<job>: enabled`
  (or `recurring-job-group.longhorn.io/<group>: enabled`). Labels on the *claim* count only when the
  claim also carries `recurring-job.longhorn.io/source: enabled`: then the volume controller mirrors
  every recurring-job label of the claim onto the Volume and removes those the claim lacks
  (`controller/volume_controller.go` syncPVCRecurringJobLabels); without it the claim's labels are
  ignored. The claim is the one place GitOps controls, so `recurring_job_labels` always adds it;
- a volume with no recurring-job label at all is put in the `default` group
  (`datastore/longhorn.go` labelRecurringJobDefault): labelled claims leave that group;
- `task: backup` needs a backup target that Longhorn reports available (its Backup webhook rejects
  the backup otherwise); `task: snapshot` stays on the volume's replicas and needs none.

A Longhorn snapshot of a running database is crash-consistent: PostgreSQL recovers from it as from
a power cut (its WAL lies on the same volume). A logical dump is still the portable backup.
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

import cdk8s

from constructs import Construct

from .argocd import SyncWave
from .labels import check_labels
from .schedules import check_cron
from .validation import check_dns_label, check_positive, fail

LONGHORN_NAMESPACE = "longhorn-system"
# types/types.go of longhorn-manager v1.12.1: LonghornLabelRecurringJobKeyPrefixFmt and friends
JOB_LABEL_PREFIX = "recurring-job.longhorn.io/"
GROUP_LABEL_PREFIX = "recurring-job-group.longhorn.io/"
SOURCE_LABEL = f"{JOB_LABEL_PREFIX}source"
ENABLED = "enabled"
# datastore.NameMaximumLength; and types/setting.go recurring-job-max-retention's default
MAX_NAME = 40
MAX_RETAIN = 100


class LonghornTask(str, Enum):
    """What a recurring job does to each of its volumes."""

    SNAPSHOT = "snapshot"      # a snapshot on the volume's replicas, inside the cluster
    BACKUP = "backup"          # a snapshot copied to Longhorn's backup target, outside the cluster


@dataclass(frozen=True, kw_only=True)
class LonghornRecurringJob:
    """One Longhorn RecurringJob: what it does, when, and how many results it keeps.

    Attributes:
        name: the RecurringJob's name and the label key claims opt in with (a DNS-1123 label of at
            most 40 characters, Longhorn's limit).
        task: SNAPSHOT or BACKUP (a backup needs Longhorn's backup target configured).
        schedule: a five-field cron schedule, e.g. "0 3 * * *" (Longhorn reads the standard dialect).
        retain: how many snapshots or backups of each volume it keeps, 1 to 100 (default 7).
        concurrency: how many volumes it processes at once, at least 1 (default 1).
        labels: labels Longhorn puts on each snapshot or backup (default none).
    """

    name: str
    task: LonghornTask
    schedule: str
    retain: int = 7
    concurrency: int = 1
    labels: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        check_dns_label("LonghornRecurringJob.name", self.name)
        if len(self.name) > MAX_NAME or self.name == "source":
            raise fail("LonghornRecurringJob.name", f"at most {MAX_NAME} characters and not 'source' (Longhorn's "
                                                    "limit, and the claim label key it reserves)", self.name)
        if not isinstance(self.task, LonghornTask):
            raise fail("LonghornRecurringJob.task", f"one of {[t.value for t in LonghornTask]}", self.task)
        check_cron("LonghornRecurringJob.schedule", self.schedule)
        check_positive("LonghornRecurringJob.retain", self.retain)
        if self.retain > MAX_RETAIN:
            raise fail("LonghornRecurringJob.retain", f"at most {MAX_RETAIN} (Longhorn's recurring-job-max-retention "
                                                      "default)", self.retain)
        check_positive("LonghornRecurringJob.concurrency", self.concurrency)
        object.__setattr__(self, "labels", check_labels("LonghornRecurringJob.labels", self.labels or {}))


def recurring_job_labels(jobs: Sequence[LonghornRecurringJob]) -> dict[str, str]:
    """The labels that put a claim's volume under `jobs`: one per job, and the source switch without
    which Longhorn ignores labels on a claim. Empty for no jobs (the claim stays as it was)."""
    if not jobs:
        return {}
    return {SOURCE_LABEL: ENABLED, **{f"{JOB_LABEL_PREFIX}{job.name}": ENABLED for job in jobs}}


class LonghornRecurringJobs(Construct):
    """One Longhorn `RecurringJob` per job, in Longhorn's namespace.

    The objects carry an explicit namespace (`longhorn-system` by default), wherever the construct
    sits: an Argo CD Application that syncs them needs that namespace among its project's
    destinations. They come in the secrets' sync wave, before the claims that name them.

    Args:
        scope, id: where the construct sits in the app, as for any construct.
        jobs: the recurring jobs, distinct names, at least one.
        labels: labels of the RecurringJob objects (default none).
        namespace: where Longhorn runs (default "longhorn-system").
    """

    def __init__(self, scope: Construct, id: str, *, jobs: Sequence[LonghornRecurringJob],
                 labels: Mapping[str, str] | None = None, namespace: str = LONGHORN_NAMESPACE) -> None:
        jobs = tuple(jobs)
        if not jobs or not all(isinstance(job, LonghornRecurringJob) for job in jobs):
            raise fail("LonghornRecurringJobs.jobs", "at least one LonghornRecurringJob", jobs)
        names = [job.name for job in jobs]
        if len(set(names)) != len(names):
            raise fail("LonghornRecurringJobs.jobs", "distinct names (each is a RecurringJob object)", names)
        object_labels = check_labels("LonghornRecurringJobs.labels", labels or {})
        check_dns_label("LonghornRecurringJobs.namespace", namespace)
        super().__init__(scope, id)
        # the binding is large: loaded when a RecurringJob is built, not whenever the kit is imported
        from imports.io import longhorn

        self.jobs = jobs
        self.namespace = namespace
        self.objects: list[cdk8s.ApiObject] = []
        for job in jobs:
            self.objects.append(longhorn.RecurringJob(
                self, job.name,
                metadata=cdk8s.ApiObjectMetadata(name=job.name, namespace=namespace, labels=dict(object_labels),
                                                 annotations=SyncWave.SECRETS.annotation()),
                spec=longhorn.RecurringJobSpec(
                    # Longhorn's mutator fills spec.name from metadata.name when empty; written out, so that
                    # the live object equals the manifest and Argo CD shows no drift
                    name=job.name,
                    task=longhorn.RecurringJobSpecTask.BACKUP if job.task is LonghornTask.BACKUP
                    else longhorn.RecurringJobSpecTask.SNAPSHOT,
                    cron=job.schedule,
                    retain=job.retain,
                    concurrency=job.concurrency,
                    # no groups: claims opt in by the job's own label, never through the `default` group,
                    # which would take in every unlabelled volume of the cluster
                    groups=[],
                    labels=dict(job.labels or {}),
                )))

    @property
    def claim_labels(self) -> dict[str, str]:
        """The labels a claim needs for every job of this construct (recurring_job_labels)."""
        return recurring_job_labels(self.jobs)
