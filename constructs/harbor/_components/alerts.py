"""Harbor's alert rules, as data: the PrometheusRule renders them, the tests run them through promtool.

Every expression names only metrics of metric_catalog.py (Harbor's, distribution's, the kubelet's and
Prometheus' own `up`), filtered to this Harbor's namespace and scrape jobs (a ServiceMonitor's job is
the name of the Service it scraped), so that several Harbors in one Prometheus stay apart. The claims
are the ones HarborRegistry creates, by the names Kubernetes gives them (`SeriesScope.claims`).

Counters reset when a pod restarts and a labelled counter of Harbor's comes into being only at its
first increment (a job type's first failure creates `harbor_jobservice_task_total{status="fail"}` at
1), which `increase()` cannot see. `recent_count` therefore counts the increase of every series that
existed at the window's start and the whole value of every series born since.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..kit.validation import duration_seconds
from ..settings import HarborMetrics, TrivySettings

WARNING, CRITICAL = "warning", "critical"
# Harbor's scan job, which runs vulnerability and SBOM scans alike (src/jobservice/job/known_jobs.go
# ImageScanJobVendorType; src/controller/scan/base_controller.go submits both kinds as it)
SCAN_JOB = "IMAGE_SCAN"
# core's operation names of the registry API it proxies, pulls included (src/server/middleware/metric/metric.go)
PULL_OPERATIONS = ("v2_manifest", "v2_blob")


class Severity(str, Enum):
    """How urgent an alert is, as Alertmanager routes commonly read the `severity` label."""

    WARNING = WARNING
    CRITICAL = CRITICAL


@dataclass(frozen=True, kw_only=True)
class Alert:
    """One alerting rule: PromQL, how long it must hold, its severity, and what it tells a person."""

    name: str
    expr: str
    severity: Severity
    summary: str
    description: str
    for_: str | None = None        # a Prometheus duration; None fires at the first evaluation


@dataclass(frozen=True, kw_only=True)
class AlertGroup:
    name: str
    alerts: tuple[Alert, ...]


@dataclass(frozen=True, kw_only=True)
class SeriesScope:
    """Which series are this Harbor's: its namespace, the scrape job of each component, its claims."""

    namespace: str
    core_job: str
    registry_job: str
    jobservice_job: str
    exporter_job: str
    claims: tuple[str, ...]        # RE2 patterns, each a whole claim name
    # the database backup's CronJob, and how long one run may take (None: no DatabaseBackup)
    backup_cron_job: str | None = None
    backup_deadline_seconds: int = 0

    @property
    def jobs(self) -> tuple[str, ...]:
        return (self.core_job, self.registry_job, self.jobservice_job, self.exporter_job)

    def of(self, job: str, *matchers: str) -> str:
        """The label matchers of `job`'s series in this namespace, and `matchers`."""
        return "{" + ", ".join((f'namespace="{self.namespace}"', f'job="{job}"', *matchers)) + "}"

    def tasks(self, *matchers: str) -> str:
        """jobservice's job runs (src/lib/metric/jobservice.go JobserviceTotalTask) matching `matchers`."""
        return "harbor_jobservice_task_total" + self.of(self.jobservice_job, *matchers)

    @property
    def backup_matcher(self) -> str:
        return f'{{namespace="{self.namespace}", cronjob="{self.backup_cron_job}"}}'

    @property
    def claim_matcher(self) -> str:
        return f'{{namespace="{self.namespace}", persistentvolumeclaim=~"{"|".join(self.claims)}"}}'


def _percent(value: float) -> str:
    """A threshold as PromQL writes it: 80 rather than 80.0."""
    return f"{value:g}"


def recent_count(selector: str, window: str, by: str = "namespace, type") -> str:
    """How much a counter grew within `window`, summed by `by`, counting series born in the window.

    A series that existed at the window's start counts its `increase`. One that did not (Harbor
    creates a labelled counter at its first increment, and a restarted pod starts again at zero)
    gained all of its current value inside the window, so that value counts: `increase` would give
    0 for a series that was born at 1 and never moved, and nothing for one with a single sample.

    "Existed at the window's start" is any sample in the window before it, not the instant selector
    `X offset window`: that one sees nothing where a failed scrape left a staleness marker at the
    window's start (Prometheus marks every series of a target stale when its scrape fails), and
    every counter would then count its whole value since the pod started, once, an hour later.
    """
    existed = f"present_over_time({selector}[{window}] offset {window})"
    return (f"sum by ({by}) ((increase({selector}[{window}]) and {existed}) or "
            f"({selector} unless {existed}))")


def harbor_alerts(scope: SeriesScope, metrics: HarborMetrics, trivy: TrivySettings | None) -> tuple[AlertGroup, ...]:
    """Every alert for one Harbor, in groups; the Trivy database alert only when Trivy updates it."""
    exporter = scope.exporter_job
    targets = "|".join(scope.jobs)
    # max by claim: a ReadWriteMany claim mounted on several nodes has one series per kubelet
    per_claim = "max by (namespace, persistentvolumeclaim)"
    claims_used = f"{per_claim} (kubelet_volume_stats_used_bytes{scope.claim_matcher})"
    claims_size = f"{per_claim} (kubelet_volume_stats_capacity_bytes{scope.claim_matcher})"
    claim_percent = f"{claims_used} / {claims_size} * 100"
    scans_failed = recent_count(scope.tasks(f'type="{SCAN_JOB}"', 'status="fail"'), "1h")
    jobs_failed = recent_count(scope.tasks(f'type!="{SCAN_JOB}"', 'status="fail"'), "1h")
    jobs_run = recent_count(scope.tasks(f'type!="{SCAN_JOB}"', 'status=~"success|fail"'), "1h")
    pulls = scope.of(scope.core_job, f'operation=~"{"|".join(PULL_OPERATIONS)}"', 'method=~"GET|HEAD"')
    pull_errors = scope.of(scope.core_job, f'operation=~"{"|".join(PULL_OPERATIONS)}"', 'method=~"GET|HEAD"',
                           'code=~"5..|429"')
    latency = int(duration_seconds(metrics.job_queue_latency))

    availability = AlertGroup(name="harbor-availability", alerts=(
        Alert(name="HarborComponentUnhealthy", severity=Severity.CRITICAL, for_="5m",
              expr=f"max by (namespace, component) (harbor_up{scope.of(exporter)}) == 0",
              summary="Harbor reports {{ $labels.component }} unhealthy",
              description="Core's health check (/api/v2.0/health) has found {{ $labels.component }} of the Harbor "
                          "in namespace {{ $labels.namespace }} unhealthy for 5 minutes."),
        Alert(name="HarborHealthUnknown", severity=Severity.CRITICAL, for_="5m",
              expr=f"absent(harbor_up{scope.of(exporter)})",
              summary="No health report from the Harbor in {{ $labels.namespace }}",
              description="The exporter has reported no component health for 5 minutes: core does not answer "
                          "/api/v2.0/health, or answers it too late (a component or the database accepts "
                          "connections and hangs: core waits up to 60 s for each), or the exporter itself is down "
                          "or not scraped."),
        Alert(name="HarborMetricsTargetDown", severity=Severity.WARNING, for_="5m",
              expr=f'min by (namespace, job) (up{{namespace="{scope.namespace}", job=~"{targets}"}}) == 0',
              summary="Prometheus cannot scrape {{ $labels.job }}",
              description="A target of {{ $labels.job }} in namespace {{ $labels.namespace }} has not answered "
                          "Prometheus for 5 minutes: the pod is down, a NetworkPolicy refuses the scrape, or (for "
                          "the exporter) core's health check outlasts the scrape timeout because a component "
                          "hangs."),
        Alert(name="HarborMetricsTargetMissing", severity=Severity.WARNING, for_="15m",
              expr=" or ".join(f'absent(up{{namespace="{scope.namespace}", job="{job}"}})' for job in scope.jobs),
              summary="Prometheus has no target for {{ $labels.job }}",
              description="Prometheus has not scraped {{ $labels.job }} in namespace {{ $labels.namespace }} for "
                          "15 minutes: it does not select the ServiceMonitor, or the Service has no endpoints."),
    ))
    backups: tuple[Alert, ...] = ()
    if scope.backup_cron_job is not None:
        # a run that has not succeeded since it was scheduled, for longer than a run may take: any schedule
        # works (no fixed age), a run started by hand that succeeds clears it (newer Kubernetes counts
        # such a Job in the CronJob's status), and a CronJob that never succeeded counts too
        scheduled = f"max by (namespace, cronjob) (kube_cronjob_status_last_schedule_time{scope.backup_matcher})"
        succeeded = f"max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{scope.backup_matcher})"
        backups = (Alert(
            name="HarborDatabaseBackupFailing", severity=Severity.WARNING,
            for_=f"{scope.backup_deadline_seconds // 60 + 15}m",
            expr=f"({scheduled} > {succeeded}) or ({scheduled} unless on (namespace, cronjob) {succeeded})",
            summary="The last database backup has not succeeded",
            description="The CronJob {{ $labels.cronjob }} in namespace {{ $labels.namespace }} has not succeeded "
                        "since its last scheduled run, for longer than a run may take: the newest dump is getting "
                        "old, and the upgrade guard refuses a version change without a recent one. The failed "
                        "Job's log says why."),)
    storage = AlertGroup(name="harbor-storage", alerts=(*backups,
        Alert(name="HarborVolumeFillingUp", severity=Severity.WARNING, for_="15m",
              expr=f"{claim_percent} > {_percent(metrics.volume_warning_percent)}",
              summary="Claim {{ $labels.persistentvolumeclaim }} is {{ $value | printf \"%.0f\" }}% full",
              description=f"Harbor's claim {{{{ $labels.persistentvolumeclaim }}}} in namespace "
                          f"{{{{ $labels.namespace }}}} is more than {_percent(metrics.volume_warning_percent)}% "
                          "full."),
        Alert(name="HarborVolumeAlmostFull", severity=Severity.CRITICAL, for_="5m",
              expr=f"{claim_percent} > {_percent(metrics.volume_critical_percent)}",
              summary="Claim {{ $labels.persistentvolumeclaim }} is {{ $value | printf \"%.0f\" }}% full",
              description=f"Harbor's claim {{{{ $labels.persistentvolumeclaim }}}} in namespace "
                          f"{{{{ $labels.namespace }}}} is more than {_percent(metrics.volume_critical_percent)}% "
                          "full: writes fail once it is full."),
        Alert(name="HarborProjectQuotaNearLimit", severity=Severity.WARNING, for_="15m",
              expr=(f"max by (namespace, project_name) (harbor_project_quota_usage_byte{scope.of(exporter)}) / "
                    f"max by (namespace, project_name) (harbor_project_quota_byte{scope.of(exporter)} > 0) * 100 > "
                    f"{_percent(metrics.quota_percent)}"),
              summary="Project {{ $labels.project_name }} has used {{ $value | printf \"%.0f\" }}% of its quota",
              description=f"Project {{{{ $labels.project_name }}}} uses more than {_percent(metrics.quota_percent)}% "
                          "of its storage quota; pushes fail once it is used up."),
    ))
    jobs = AlertGroup(name="harbor-jobs", alerts=(
        Alert(name="HarborJobQueueBacklog", severity=Severity.WARNING, for_="15m",
              expr=f"max by (namespace, type) (harbor_task_queue_latency{scope.of(exporter)}) > {latency}",
              summary="{{ $labels.type }} jobs wait in jobservice's queue",
              description=f"For 15 minutes the oldest waiting {{{{ $labels.type }}}} job has waited more than "
                          f"{metrics.job_queue_latency}: jobs arrive faster than the workers take them, or the "
                          "workers are stuck."),
        Alert(name="HarborScanJobsFailing", severity=Severity.WARNING,
              expr=f"{scans_failed} > 0",
              summary="Image scans failed in the last hour",
              description="{{ $value | printf \"%.0f\" }} image scan runs failed in the last hour in namespace "
                          "{{ $labels.namespace }}."),
        Alert(name="HarborJobsFailing", severity=Severity.WARNING,
              expr=f"{jobs_failed} / {jobs_run} * 100 > {_percent(metrics.job_failure_percent)}",
              summary="{{ $labels.type }} jobs fail",
              description=f"More than {_percent(metrics.job_failure_percent)}% of the {{{{ $labels.type }}}} job runs "
                          "of the last hour failed ({{ $value | printf \"%.0f\" }}%)."),
    ))
    if trivy is not None and not trivy.skip_update:
        scans_succeeded = recent_count(scope.tasks(f'type="{SCAN_JOB}"', 'status="success"'), "6h")
        scans_failed_6h = recent_count(scope.tasks(f'type="{SCAN_JOB}"', 'status="fail"'), "6h")
        jobs = AlertGroup(name=jobs.name, alerts=(*jobs.alerts, Alert(
            name="HarborTrivyDatabaseUpdateFailing", severity=Severity.WARNING,
            expr=f"{scans_failed_6h} > 0 unless {scans_succeeded} > 0",
            summary="No image scan has succeeded for 6 hours",
            description="Every image scan of the last 6 hours failed in namespace {{ $labels.namespace }}; when all "
                        "of them fail, Trivy most often cannot download its vulnerability database.")))
    proxy = AlertGroup(name="harbor-proxy-cache", alerts=(
        Alert(name="HarborPullErrors", severity=Severity.WARNING, for_="10m",
              expr=(f"sum by (namespace) (rate(harbor_core_http_request_total{pull_errors}[10m])) / "
                    f"sum by (namespace) (rate(harbor_core_http_request_total{pulls}[10m])) * 100 > "
                    f"{_percent(metrics.pull_error_percent)}"),
              summary="{{ $value | printf \"%.0f\" }}% of pulls fail",
              # an upstream that cannot be reached at all does not show here: Harbor then serves what it has
              # cached and answers 404 for the rest (src/server/middleware/repoproxy/proxy.go falls back to
              # local storage on any error but not-found and rate limits)
              description=f"More than {_percent(metrics.pull_error_percent)}% of manifest and blob pulls in namespace "
                          "{{ $labels.namespace }} were answered 5xx or 429 over 10 minutes: a proxy cache's "
                          "upstream limits its rate, the project's max_upstream_conn is reached, or blobs fail "
                          "while they are proxied. An upstream that is down does not show here: Harbor answers "
                          "404 for what it has not cached."),
    ))
    return (availability, storage, jobs, proxy)
