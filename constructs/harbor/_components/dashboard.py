"""Harbor's Grafana dashboard, built with grafana-foundation-sdk: the alerts' signals, as panels.

Each row shows what an alert group watches (alerts.py), so a firing alert has a panel to look at:
health and scrape targets, claims and quotas, jobservice's queues and job runs, pulls through core
(the proxy caches' signal), the registry's own traffic and storage calls, and the processes. Every
query is filtered to this Harbor's namespace and scrape jobs (`SeriesScope`), names only metrics of
metric_catalog.py, and uses one Grafana variable, the Prometheus data source, besides Grafana's
`$__rate_interval`. The JSON is written with sorted keys, so the same Harbor gives the same bytes.

Why this library: grafana-foundation-sdk is Grafana Labs' own, generated from Grafana's schemas
(the 11.6 line here), typed and without dependencies, and released with Grafana; grafanalib, the
older community library, has not been released since January 2024.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from grafana_foundation_sdk.builders import dashboard as gd
from grafana_foundation_sdk.builders import prometheus, stat, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models.common import BigValueColorMode, BigValueGraphMode
from grafana_foundation_sdk.models.dashboard import (
    DataSourceRef,
    Threshold,
    ThresholdsMode,
    ValueMap,
    ValueMappingResult,
)

from .alerts import PULL_OPERATIONS, SCAN_JOB, SeriesScope, recent_count

DATASOURCE_VARIABLE = "datasource"
# Grafana's max($__interval + S, 4 x S), where S is the query's "Min step" when set, else the data
# source's own scrape interval setting (15 s unless someone changed it: grafana/grafana#84063). Every
# query sets its Min step to the scrape interval, so that a rate spans four scrapes whatever the zoom.
RATE = "$__rate_interval"
WIDTH = 24                     # Grafana's grid is 24 columns wide


class Kind(str, Enum):
    STAT = "stat"
    TIMESERIES = "timeseries"


@dataclass(frozen=True)
class Query:
    expr: str
    legend: str


@dataclass(frozen=True)
class PanelSpec:
    title: str
    description: str
    queries: tuple[Query, ...]
    unit: str
    kind: Kind = Kind.TIMESERIES
    width: int = 12


@dataclass(frozen=True)
class RowSpec:
    title: str
    panels: tuple[PanelSpec, ...]


def backup_panels(scope: SeriesScope) -> tuple[PanelSpec, ...]:
    """With a DatabaseBackup: how long ago its CronJob last ran on schedule and last succeeded."""
    if scope.backup_cron_job is None:
        return ()
    matcher = scope.backup_matcher
    return (PanelSpec("Database backup", "Time since the backup CronJob's last scheduled run and last success",
                      (Query(f"time() - max(kube_cronjob_status_last_schedule_time{matcher})", "scheduled"),
                       Query(f"time() - max(kube_cronjob_status_last_successful_time{matcher})", "succeeded")),
                      unit="s"),)


def dashboard_rows(scope: SeriesScope) -> tuple[RowSpec, ...]:
    """The panels, row by row, for one Harbor."""
    exporter, core, registry, jobservice = (scope.exporter_job, scope.core_job, scope.registry_job,
                                            scope.jobservice_job)
    targets = f'{{namespace="{scope.namespace}", job=~"{"|".join(scope.jobs)}"}}'
    pull_matchers = (f'operation=~"{"|".join(PULL_OPERATIONS)}"', 'method=~"GET|HEAD"')
    pulls, pull_errors = scope.of(core, *pull_matchers), scope.of(core, *pull_matchers, 'code=~"5..|429"')
    scans = scope.of(jobservice, f'type="{SCAN_JOB}"')
    scan_quantile = scope.of(jobservice, f'type="{SCAN_JOB}"', 'quantile="0.9"')
    claims = scope.claim_matcher
    return (
        RowSpec("Health", (
            PanelSpec("Harbor health", "1 when core reports every component healthy",
                      (Query(f"min(harbor_health{scope.of(exporter)})", "harbor"),), unit="none", kind=Kind.STAT,
                      width=4),
            PanelSpec("Component health", "1 healthy, 0 unhealthy: core's /api/v2.0/health, via the exporter",
                      (Query(f"max by (component) (harbor_up{scope.of(exporter)})", "{{component}}"),),
                      unit="none", kind=Kind.STAT, width=10),
            PanelSpec("Scrape targets up", "1 when Prometheus' last scrape of the target succeeded",
                      (Query(f"min by (job) (up{targets})", "{{job}}"),), unit="none", kind=Kind.STAT, width=10),
        )),
        RowSpec("Storage", (
            PanelSpec("Claims used", "Harbor's claims, as the kubelet measures them",
                      (Query(f"max by (persistentvolumeclaim) (kubelet_volume_stats_used_bytes{claims}) / "
                             f"max by (persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes{claims}) * 100",
                             "{{persistentvolumeclaim}}"),), unit="percent"),
            PanelSpec("Project quota used", "Storage used against each project's quota (projects with one)",
                      (Query(f"max by (project_name) (harbor_project_quota_usage_byte{scope.of(exporter)}) / "
                             f"max by (project_name) (harbor_project_quota_byte{scope.of(exporter)} > 0) * 100",
                             "{{project_name}}"),), unit="percent"),
            PanelSpec("Stored images (database view)", "Blob bytes Harbor's database knows of, deduplicated",
                      (Query(f"max(harbor_statistics_total_storage_consumption{scope.of(exporter)})", "bytes"),),
                      unit="bytes"),
            PanelSpec("Projects and repositories", "Counts from the database",
                      (Query(f"max(harbor_statistics_total_project_amount{scope.of(exporter)})", "projects"),
                       Query(f"max(harbor_statistics_total_repo_amount{scope.of(exporter)})", "repositories")),
                      unit="none"),
            PanelSpec("Artifacts by type", "Artifacts of every project, by type (images, charts, ...)",
                      (Query(f"sum by (artifact_type) (max by (project_name, artifact_type) "
                             f"(harbor_project_artifact_total{scope.of(exporter)}))", "{{artifact_type}}"),),
                      unit="none"),
            PanelSpec("Pulls per project", "Pulls in the last hour, the ten busiest projects (proxy caches included)",
                      (Query(f"topk(10, max by (project_name) (delta(harbor_artifact_pulled{scope.of(exporter)}[1h])))",
                             "{{project_name}}"),), unit="none"),
            *backup_panels(scope),
        )),
        RowSpec("Jobs", (
            PanelSpec("Queued jobs", "Jobs waiting in jobservice's queue, by type",
                      (Query(f"max by (type) (harbor_task_queue_size{scope.of(exporter)})", "{{type}}"),),
                      unit="none"),
            PanelSpec("Oldest queued job", "How long the oldest waiting job of each type has waited",
                      (Query(f"max by (type) (harbor_task_queue_latency{scope.of(exporter)})", "{{type}}"),),
                      unit="s"),
            # recent_count, as the job alerts count: jobservice creates a type's `fail` series at its first
            # failure, already at 1, which `increase` alone reads as 0 (src/jobservice/runner/redis.go)
            PanelSpec("Job runs", "Runs finished per hour, by type and outcome (retries count)",
                      (Query(recent_count(f"harbor_jobservice_task_total{scope.of(jobservice)}", "1h",
                                          by="type, status"), "{{type}} {{status}}"),), unit="none"),
            PanelSpec("Scan runs", "Image scans (vulnerabilities and SBOMs) finished per hour, by outcome",
                      (Query(recent_count(f"harbor_jobservice_task_total{scans}", "1h", by="status"),
                             "{{status}}"),), unit="none"),
            PanelSpec("Running and scheduled jobs", "Jobs running now, by type, and jobs scheduled for later",
                      (Query(f"sum by (type) (max by (type, pool) (harbor_task_concurrency{scope.of(exporter)}))",
                             "{{type}} running"),
                       Query(f"max(harbor_task_scheduled_total{scope.of(exporter)})", "scheduled")), unit="none"),
            PanelSpec("Scan duration (90th percentile)", "How long image scans take, by outcome, per jobservice pod",
                      (Query(f"max by (status, pod) (harbor_jobservice_task_process_time_seconds"
                             f"{scan_quantile})",
                             "{{status}} {{pod}}"),), unit="s"),
        )),
        RowSpec("Pulls and the proxy caches", (
            PanelSpec("Pull errors", "Manifest and blob pulls answered 5xx or 429, of all pulls through core",
                      # `or vector(0)`: core creates a code's series at its first request, so until a pull
                      # has failed there is no error series, and without it the panel shows no data, not 0%
                      (Query(f"(sum(rate(harbor_core_http_request_total{pull_errors}[{RATE}])) or vector(0)) / "
                             f"sum(rate(harbor_core_http_request_total{pulls}[{RATE}])) * 100",
                             "errors"),), unit="percent"),
            PanelSpec("Core requests", "Requests core answered, by status code",
                      (Query(f"sum by (code) (rate(harbor_core_http_request_total{scope.of(core)}[{RATE}]))",
                             "{{code}}"),), unit="reqps"),
            PanelSpec("Core latency", "Mean time core takes per request, by operation (top 10)",
                      (Query(f"topk(10, sum by (operation) (rate(harbor_core_http_request_duration_seconds_sum"
                             f"{scope.of(core)}[{RATE}])) / sum by (operation) (rate("
                             f"harbor_core_http_request_duration_seconds_count{scope.of(core)}[{RATE}])))",
                             "{{operation}}"),), unit="s"),
            PanelSpec("Requests in flight", "Requests core and the registry are serving right now",
                      (Query(f"sum(harbor_core_http_inflight_requests{scope.of(core)})", "core"),
                       Query(f"sum(registry_http_in_flight_requests{scope.of(registry)})", "registry")),
                      unit="none"),
        )),
        RowSpec("Registry", (
            PanelSpec("Registry requests", "Requests the registry answered, by handler and code",
                      (Query(f"sum by (handler, code) (rate(registry_http_requests_total{scope.of(registry)}"
                             f"[{RATE}]))", "{{handler}} {{code}}"),), unit="reqps"),
            PanelSpec("Registry latency (90th percentile)", "By handler",
                      (Query(f"histogram_quantile(0.9, sum by (le, handler) (rate("
                             f"registry_http_request_duration_seconds_bucket{scope.of(registry)}[{RATE}])))",
                             "{{handler}}"),), unit="s"),
            PanelSpec("Storage driver latency (90th percentile)", "Calls of the storage driver, by action",
                      (Query(f"histogram_quantile(0.9, sum by (le, action) (rate("
                             f"registry_storage_action_seconds_bucket{scope.of(registry)}[{RATE}])))",
                             "{{action}}"),), unit="s"),
            PanelSpec("Blob descriptor cache", "Lookups of the registry's Redis cache, by outcome",
                      (Query(f"sum by (type) (rate(registry_storage_cache_total{scope.of(registry)}[{RATE}]))",
                             "{{type}}"),), unit="ops"),
        )),
        RowSpec("Processes", (
            PanelSpec("Memory", "Resident memory of each scraped process",
                      (Query(f"sum by (job) (process_resident_memory_bytes{targets})", "{{job}}"),), unit="bytes"),
            PanelSpec("Goroutines", "Goroutines of each scraped process",
                      (Query(f"sum by (job) (go_goroutines{targets})", "{{job}}"),), unit="none"),
        )),
    )


def _panel(spec: PanelSpec, panel_id: int, source: DataSourceRef, step: str) -> stat.Panel | timeseries.Panel:
    panel: stat.Panel | timeseries.Panel
    if spec.kind is Kind.STAT:
        panel = (stat.Panel().graph_mode(BigValueGraphMode.NONE).color_mode(BigValueColorMode.BACKGROUND)
                 .mappings([ValueMap({"0": ValueMappingResult(text="down", color="red"),
                                      "1": ValueMappingResult(text="up", color="green")})])
                 .thresholds(gd.ThresholdsConfig().mode(ThresholdsMode.ABSOLUTE).steps(
                     [Threshold(None, "red"), Threshold(1, "green")])))
    else:
        panel = timeseries.Panel()
    panel = panel.id(panel_id).title(spec.title).description(spec.description).datasource(source).unit(spec.unit)
    for index, query in enumerate(spec.queries):
        panel = panel.with_target(prometheus.Dataquery().expr(query.expr).legend_format(query.legend)
                                  .interval(step).ref_id(chr(ord("A") + index)))
    return panel.span(spec.width).height(4 if spec.kind is Kind.STAT else 8)


def harbor_dashboard(scope: SeriesScope, *, uid: str, title: str, scrape_interval: str) -> str:
    """The dashboard's JSON, as Grafana's sidecar loads it from a ConfigMap; every query's Min step is
    `scrape_interval` (see RATE)."""
    source = DataSourceRef(type_val="prometheus", uid=f"${{{DATASOURCE_VARIABLE}}}")
    board = (gd.Dashboard(title).uid(uid).tags(["harbor"]).refresh("1m").time("now-6h", "now").timezone("browser")
             .readonly()
             .with_variable(gd.DatasourceVariable(DATASOURCE_VARIABLE).label("Data source").type("prometheus")))
    panel_id = 1
    for row in dashboard_rows(scope):
        board = board.with_row(gd.Row(row.title).id(panel_id))
        panel_id += 1
        for spec in row.panels:
            board = board.with_panel(_panel(spec, panel_id, source, scrape_interval))
            panel_id += 1
    return json.dumps(board.build(), cls=JSONEncoder, sort_keys=True, indent=2) + "\n"
