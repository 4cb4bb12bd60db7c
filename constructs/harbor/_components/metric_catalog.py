"""Every metric the alert rules and the dashboard read, with the upstream file that exposes it.

A query that names a metric nobody exposes parses, evaluates to nothing, and an alert on it never
fires. So each name the rules and panels use must be here, and each entry says where the name comes
from: the file, and the string that file holds (`written`), from which the exposed name is built.
tests/test_dashboard.py holds every query to this table and, where the sources are checked out, finds
`written` in each file.

How the names are built (Prometheus' `BuildFQName`: namespace, subsystem and name joined by "_"):
- exporter: namespace "harbor", no subsystem (src/pkg/exporter/collector.go);
- core and jobservice: METRIC_NAMESPACE "harbor" and METRIC_SUBSYSTEM "core" / "jobservice", which
  metrics_env.py sets (src/lib/metric/collector.go, jobservice.go);
- registry: namespace "registry" (metrics/prometheus.go `NamespacePrefix`) with subsystem "http"
  (registry/handlers/app.go) or "storage" (metrics/prometheus.go `StorageNamespace`); go-metrics adds
  "_total" to counters and "_seconds" to timers (vendor/github.com/docker/go-metrics/namespace.go);
- the kubelet: subsystem "kubelet" and the volume stats keys (pkg/kubelet/metrics/metrics.go);
- Prometheus adds `up` to every target it scrapes; client_golang's process and Go collectors come
  with the default registry every Go binary above serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from .runtime_contracts import DISTRIBUTION, HARBOR, Cite

KUBERNETES = "kubernetes/kubernetes"
KUBE_STATE_METRICS = "kubernetes/kube-state-metrics v2.20.0"
PROMETHEUS = "prometheus/prometheus"
CLIENT_GOLANG = "prometheus/client_golang (vendored by " + DISTRIBUTION + ")"


class MetricType(str, Enum):
    COUNTER = "counter"
    GAUGE = "gauge"
    HISTOGRAM = "histogram"     # also exposed as <name>_bucket, _sum, _count
    SUMMARY = "summary"         # also exposed as <name>_sum, _count


@dataclass(frozen=True)
class Metric:
    name: str
    type: MetricType
    source: Cite
    written: str                  # the string in `source` the name is built from

    @property
    def series(self) -> tuple[str, ...]:
        """Every series name the metric is exposed as."""
        if self.type is MetricType.HISTOGRAM:
            return (self.name, *(f"{self.name}_{suffix}" for suffix in ("bucket", "sum", "count")))
        if self.type is MetricType.SUMMARY:
            return (self.name, f"{self.name}_sum", f"{self.name}_count")
        return (self.name,)


def _exporter(file: str, *names: str, type: MetricType = MetricType.GAUGE) -> list[Metric]:
    return [Metric(f"harbor_{name}", type, Cite(HARBOR, f"src/pkg/exporter/{file}"), name) for name in names]


_GO_METRICS = "vendor/github.com/docker/go-metrics/namespace.go"
_CLIENT = "vendor/github.com/prometheus/client_golang/prometheus/"

METRICS: Mapping[str, Metric] = MappingProxyType({m.name: m for m in (
    # the exporter (all gauges, built on every scrape)
    *_exporter("health_collector.go", "up", "health"),
    *_exporter("project_collector.go", "project_quota_usage_byte", "project_quota_byte", "artifact_pulled",
               "project_artifact_total"),
    *_exporter("js_collector.go", "task_queue_size", "task_queue_latency", "task_concurrency",
               "task_scheduled_total"),
    *_exporter("statistics_collector.go", "statistics_total_storage_consumption",
               "statistics_total_project_amount", "statistics_total_repo_amount"),
    # core
    Metric("harbor_core_http_inflight_requests", MetricType.GAUGE,
           Cite(HARBOR, "src/lib/metric/collector.go", "TotalInFlightGauge"), "http_inflight_requests"),
    Metric("harbor_core_http_request_total", MetricType.COUNTER,
           Cite(HARBOR, "src/lib/metric/collector.go", "TotalReqCnt"), "http_request_total"),
    Metric("harbor_core_http_request_duration_seconds", MetricType.SUMMARY,
           Cite(HARBOR, "src/lib/metric/collector.go", "TotalReqDurSummary"), "http_request_duration_seconds"),
    # jobservice
    Metric("harbor_jobservice_task_total", MetricType.COUNTER,
           Cite(HARBOR, "src/lib/metric/jobservice.go", "JobserviceTotalTask"), "task_total"),
    Metric("harbor_jobservice_task_process_time_seconds", MetricType.SUMMARY,
           Cite(HARBOR, "src/lib/metric/jobservice.go", "JobservieTaskProcessTimeSummary"),
           "task_process_time_seconds"),
    # the registry (distribution)
    Metric("registry_http_requests_total", MetricType.COUNTER,
           Cite(DISTRIBUTION, _GO_METRICS, "NewRequestTotalMetric"), "requests_total"),
    Metric("registry_http_request_duration_seconds", MetricType.HISTOGRAM,
           Cite(DISTRIBUTION, _GO_METRICS, "NewRequestDurationMetric"), "request_duration_seconds"),
    Metric("registry_http_in_flight_requests", MetricType.GAUGE,
           Cite(DISTRIBUTION, _GO_METRICS, "NewInFlightGaugeMetric"), "in_flight_requests"),
    Metric("registry_storage_action_seconds", MetricType.HISTOGRAM,
           Cite(DISTRIBUTION, "registry/storage/driver/base/base.go", "NewLabeledTimer"), "action"),
    Metric("registry_storage_cache_total", MetricType.COUNTER,
           Cite(DISTRIBUTION, "registry/storage/cache/cachedblobdescriptorstore.go", "NewLabeledCounter"), "cache"),
    # every Go binary above (client_golang's default registry)
    Metric("process_resident_memory_bytes", MetricType.GAUGE,
           Cite(DISTRIBUTION, _CLIENT + "process_collector.go", CLIENT_GOLANG), "process_resident_memory_bytes"),
    Metric("go_goroutines", MetricType.GAUGE, Cite(DISTRIBUTION, _CLIENT + "go_collector.go", CLIENT_GOLANG),
           "go_goroutines"),
    # Kubernetes: the kubelet's volume statistics, one series per mounted claim
    Metric("kubelet_volume_stats_used_bytes", MetricType.GAUGE,
           Cite(KUBERNETES, "pkg/kubelet/metrics/metrics.go", "VolumeStatsUsedBytesKey; collectors/volume_stats.go"),
           "volume_stats_used_bytes"),
    Metric("kubelet_volume_stats_capacity_bytes", MetricType.GAUGE,
           Cite(KUBERNETES, "pkg/kubelet/metrics/metrics.go",
                "VolumeStatsCapacityBytesKey; collectors/volume_stats.go"), "volume_stats_capacity_bytes"),
    # kube-state-metrics: a CronJob's last scheduled run and last successful one, Unix seconds, each only
    # once the CronJob's status has it
    Metric("kube_cronjob_status_last_schedule_time", MetricType.GAUGE,
           Cite(KUBE_STATE_METRICS, "internal/store/cronjob.go", "Status.LastScheduleTime"),
           "kube_cronjob_status_last_schedule_time"),
    Metric("kube_cronjob_status_last_successful_time", MetricType.GAUGE,
           Cite(KUBE_STATE_METRICS, "internal/store/cronjob.go", "Status.LastSuccessfulTime"),
           "kube_cronjob_status_last_successful_time"),
    # Prometheus: 1 when the last scrape of a target succeeded, 0 when it failed
    Metric("up", MetricType.GAUGE, Cite(PROMETHEUS, "scrape/scrape.go", "scrapeHealthMetricName"), "up"),
)})

# Every series name a query may read, to its metric.
SERIES: Mapping[str, Metric] = MappingProxyType({series: m for m in METRICS.values() for series in m.series})
