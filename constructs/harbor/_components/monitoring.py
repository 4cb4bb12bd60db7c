"""What Prometheus and Grafana read of a Harbor: ServiceMonitors, the PrometheusRule, the dashboard.

- one ServiceMonitor `<instance>-<component>` per scraped component (core, registry, jobservice,
  exporter), selecting that component's Service by its selector labels and scraping its port
  `http-metrics` at /metrics over plain HTTP (every metrics listener is plain HTTP, see
  metrics_env.py). Prometheus names the scrape job after the Service, which the rules filter on;
- the PrometheusRule `<instance>` with the alerts of alerts.py;
- the ConfigMap `<instance>-dashboard`, labelled `grafana_dashboard: "1"`, which Grafana's dashboard
  sidecar (the Grafana chart's `sidecar.dashboards`, kube-prometheus-stack's default label) loads.

The Prometheus Operator must watch Harbor's namespace and select these objects: `HarborMetrics.labels`
adds the labels its selectors ask for (kube-prometheus-stack's default is `release: <its release>`).
"""

from __future__ import annotations

from collections.abc import Sequence

from cdk8s import ApiObjectMetadata
from cdk8s_plus_27 import k8s

from constructs import Construct
from imports.com.coreos.monitoring import (
    ServiceMonitor,
    ServiceMonitorSpec,
    ServiceMonitorSpecEndpoints,
    ServiceMonitorSpecEndpointsScheme,
    ServiceMonitorSpecSelector,
)
from imports.prometheus_rules.com.coreos.monitoring import (
    PrometheusRule,
    PrometheusRuleSpec,
    PrometheusRuleSpecGroups,
    PrometheusRuleSpecGroupsRules,
    PrometheusRuleSpecGroupsRulesExpr,
)

from ..kit.handles import ServicePort
from ..settings import HarborMetrics
from .alerts import AlertGroup, SeriesScope, harbor_alerts
from .constants import CORE, DATABASE_BACKUP, EXPORTER, JOBSERVICE, METRICS_PATH, METRICS_PORT_NAME, REGISTRY
from .context import HarborContext
from .dashboard import harbor_dashboard
from .network_policy import SCRAPED

# The label Grafana's dashboard sidecar looks for, and its value (the Grafana chart's defaults).
DASHBOARD_LABEL = "grafana_dashboard"
DASHBOARD_LABEL_VALUE = "1"
# What labels the PrometheusRule and the dashboard, which belong to no one component
COMPONENT = "monitoring"


def claim_pattern(name: str) -> str:
    """A claim name as an RE2 pattern matching it whole, written for a PromQL string: claim names hold
    letters, digits, '-' and '.', and a '.' is escaped as `\\.` (PromQL's own escape of the backslash)."""
    return name.replace(".", "\\\\.")


def _rules(group: AlertGroup) -> PrometheusRuleSpecGroups:
    return PrometheusRuleSpecGroups(name=group.name, rules=[
        PrometheusRuleSpecGroupsRules(
            alert=alert.name, expr=PrometheusRuleSpecGroupsRulesExpr.from_string(alert.expr), for_=alert.for_,
            labels={"severity": alert.severity.value},
            annotations={"summary": alert.summary, "description": alert.description})
        for alert in group.alerts])


class HarborMonitoring(Construct):
    """The ServiceMonitors, PrometheusRule and dashboard ConfigMap of one Harbor (see the module).

    Hand-outs: `service_monitors` (component -> ServiceMonitor), `rule`, `dashboard` (None when
    HarborMetrics.dashboard is False), `scope` (the namespace, jobs and claims the rules read) and
    `alerts` (the rule groups, as alerts.py builds them).
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext, metrics: HarborMetrics, *,
                 namespace: str, claims: Sequence[str]) -> None:
        super().__init__(scope, id)
        self.scope = series_scope_for(ctx, namespace, claims)
        self.service_monitors: dict[str, ServiceMonitor] = {}
        # The exporter answers a scrape only after core's /api/v2.0/health, which waits up to 60 s for a
        # component that accepts connections and does not answer (src/controller/health/controller.go);
        # its own request has no timeout (src/pkg/exporter/harbor_cli.go). Prometheus's default 10 s would
        # turn such a component into a failed scrape and HarborComponentUnhealthy into silence: it gets
        # the whole interval, the most Prometheus allows.
        for component, handle in scraped_services(ctx).items():
            self.service_monitors[component] = ServiceMonitor(
                self, f"service-monitor-{component}",
                metadata=ApiObjectMetadata(name=handle.service, labels={**metrics.labels, **ctx.labels(component)}),
                spec=ServiceMonitorSpec(
                    selector=ServiceMonitorSpecSelector(match_labels=ctx.selector(component)),
                    endpoints=[ServiceMonitorSpecEndpoints(
                        port=METRICS_PORT_NAME, path=METRICS_PATH, scheme=ServiceMonitorSpecEndpointsScheme.HTTP,
                        interval=metrics.scrape_interval,
                        scrape_timeout=metrics.scrape_interval if component == EXPORTER else None)]))
        own = {**metrics.labels, **ctx.labels(COMPONENT)}
        self.alerts = harbor_alerts(self.scope, metrics, ctx.trivy)
        self.rule = PrometheusRule(self, "rule", metadata=ApiObjectMetadata(name=ctx.instance, labels=own),
                                   spec=PrometheusRuleSpec(groups=[_rules(group) for group in self.alerts]))
        self.dashboard: k8s.KubeConfigMap | None = None
        if metrics.dashboard:
            name = ctx.name("dashboard")
            self.dashboard = k8s.KubeConfigMap(
                self, "dashboard",
                metadata=k8s.ObjectMeta(name=name, labels={**own, DASHBOARD_LABEL: DASHBOARD_LABEL_VALUE}),
                data={f"{name}.json": harbor_dashboard(self.scope, uid=f"{namespace}-{ctx.instance}"[:40],
                                                       title=f"Harbor ({namespace}/{ctx.instance})",
                                                       scrape_interval=metrics.scrape_interval)})


def scraped_services(ctx: HarborContext) -> dict[str, ServicePort]:
    """The metrics port of each component Prometheus scrapes (network_policy.SCRAPED opens them)."""
    ep = ctx.endpoints
    handles = {CORE: ep.core_metrics, REGISTRY: ep.registry_metrics, JOBSERVICE: ep.jobservice_metrics,
               EXPORTER: ep.exporter}
    return {component: handles[component] for component in SCRAPED}


def series_scope_for(ctx: HarborContext, namespace: str, claims: Sequence[str]) -> SeriesScope:
    """This Harbor's series: its namespace, the job of each scraped Service, its claims' patterns."""
    jobs = scraped_services(ctx)
    backup = ctx.database_backup
    return SeriesScope(namespace=namespace, core_job=jobs[CORE].service, registry_job=jobs[REGISTRY].service,
                       jobservice_job=jobs[JOBSERVICE].service, exporter_job=jobs[EXPORTER].service,
                       claims=tuple(claims), backup_cron_job=ctx.name(DATABASE_BACKUP) if backup else None,
                       backup_deadline_seconds=backup.deadline_seconds if backup else 0)
