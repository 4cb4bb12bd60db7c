"""What HarborMetrics adds to core, jobservice and the registry: settings, container and Service ports.

Harbor v2.15.1's sources for each fact:
- core reads METRIC_ENABLE, METRIC_PORT and METRIC_PATH into its configuration store
  (src/lib/config/metadata/metadatalist.go, SystemScope env keys) and, when enabled, serves
  promhttp's default registry on a listener of its own, `:<port>` plain HTTP, with a mux that answers
  only `<path>` (src/core/main.go calls src/lib/metric/server.go `ServeProm`);
- jobservice takes the same three settings from its config.yml `metric` section alone (no env
  override), see jobservice.py;
- both name their metrics with METRIC_NAMESPACE and METRIC_SUBSYSTEM, read with os.Getenv when the
  package's variables are initialised (src/lib/metric/collector.go, jobservice.go): without them the
  names lose their `harbor_core_` / `harbor_jobservice_` prefix, and every dashboard and alert built
  on Harbor's names finds nothing. They have no default, so they are always set with metrics on;
- the registry (distribution) serves metrics only on its debug listener, see registry.py.
"""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from ..kit.handles import ServicePort
from .constants import METRICS_PATH, METRICS_PORT, METRICS_PORT_NAME
from .context import HarborContext

# The prefix of the metrics of core and jobservice, as Harbor's installer and chart set it (and the
# exporter hard-codes for its own, src/pkg/exporter/collector.go `namespace`).
METRIC_NAMESPACE = "harbor"


def metrics_environment(ctx: HarborContext, component: str, *, core: bool = False) -> dict[str, str]:
    """The metric settings of core (`core=True`: switch, port and path too) or jobservice; none without metrics."""
    if ctx.metrics is None:
        return {}
    env = {"METRIC_ENABLE": "true", "METRIC_PORT": str(METRICS_PORT), "METRIC_PATH": METRICS_PATH} if core else {}
    # the subsystem is the component's name, which gives harbor_core_* and harbor_jobservice_*
    return {**env, "METRIC_NAMESPACE": METRIC_NAMESPACE, "METRIC_SUBSYSTEM": component}


def metrics_container_ports(ctx: HarborContext) -> list[k8s.ContainerPort]:
    if ctx.metrics is None:
        return []
    return [k8s.ContainerPort(name=METRICS_PORT_NAME, container_port=METRICS_PORT, protocol="TCP")]


def metrics_service_ports(ctx: HarborContext, handle: ServicePort) -> list[tuple[str, ServicePort, int]]:
    """The Service port the ServiceMonitor names (`http-metrics`), as workloads.service takes it."""
    if ctx.metrics is None:
        return []
    return [(METRICS_PORT_NAME, handle, METRICS_PORT)]
