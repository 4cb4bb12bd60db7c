"""Harbor's health model: every component core's /api/v2.0/health reports must be reachable from core.

Core 2.15.1 registers one checker per component (src/controller/health/checker.go,
`RegisterHealthCheckers`) and polls each every 10 s from its own pod. /api/v2.0/health answers
"unhealthy" while any of them fails, and the configuration Job waits for "healthy" before it applies
anything. So a component that core cannot reach (a NetworkPolicy that misses the path, a setting
left out so that core dials Harbor's docker-compose default) leaves Harbor unhealthy for good,
although every pod is Running and Ready. The table below is that file, component by component, with
the setting core takes the address from and the default it dials without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from constructs import Construct

from ..kit.checks.reachability import Address, addresses_in, app_network
from ..kit.checks.tree import root_of


@dataclass(frozen=True)
class HealthCheck:
    """One component of core's health report: the settings that name its address in core's env."""

    component: str                   # the name /api/v2.0/health reports
    settings: tuple[str, ...]        # core env vars holding the address (a URL, or host and port)
    fallback: str                    # what core dials when the setting is missing
    source: str                      # where core reads the setting (Harbor v2.15.1)
    only_when: str | None = None     # a core setting that must be "true" for the check to exist


CORE_HEALTH_CHECKS: tuple[HealthCheck, ...] = (
    HealthCheck("portal", ("PORTAL_URL",), "http://portal:8080",
                "portalHealthChecker, src/lib/config/systemconfig.go GetPortalURL"),
    HealthCheck("jobservice", ("JOBSERVICE_URL",), "nothing (an empty URL)",
                "jobserviceHealthChecker, GET <JOBSERVICE_URL>/api/v1/stats"),
    HealthCheck("registry", ("REGISTRY_URL",), "http://registry:5000",
                "registryHealthChecker, src/lib/config/systemconfig.go RegistryURL"),
    HealthCheck("registryctl", ("REGISTRY_CONTROLLER_URL",), "http://registryctl:8080",
                "registryCtlHealthChecker, GET <REGISTRY_CONTROLLER_URL>/api/health"),
    HealthCheck("database", ("POSTGRESQL_HOST", "POSTGRESQL_PORT"), "postgresql:5432",
                "databaseHealthChecker (SELECT 1), src/lib/config/metadata/metadatalist.go"),
    HealthCheck("redis", ("_REDIS_URL_CORE",), "no Redis (core's cache and sessions fail)",
                "redisHealthChecker (PING), src/lib/cache/cache.go and src/core/main.go"),
    HealthCheck("trivy", ("TRIVY_ADAPTER_URL",), "http://trivy-adapter:8080",
                "trivyHealthChecker, GET <TRIVY_ADAPTER_URL>/probe/healthy", only_when="WITH_TRIVY"),
)


def core_health_problems(core_deployment: Construct) -> list[str]:
    """Components core's health report covers whose address core lacks or cannot reach.

    `core_deployment` is core's Deployment construct (HarborRegistry attaches the check with it).
    """
    network = app_network(root_of(core_deployment))
    workload = network.workload_of(core_deployment)
    if workload is None:
        return []
    container = next((c for c in workload.spec.get("containers") or [] if c.get("name") == "core"), None)
    if container is None:
        return [f"{workload} has no container 'core', so Harbor's API and health report never start"]
    settings = {name: (value, where) for name, value, where in network.settings(workload, container) if name}
    problems = []
    for check in CORE_HEALTH_CHECKS:
        if check.only_when is not None and settings.get(check.only_when, ("",))[0] != "true":
            continue
        missing = [name for name in check.settings if name not in settings]
        if missing:
            problems.append(
                f"HarborRegistry: core's health report checks {check.component} at the address in "
                f"{', '.join(check.settings)} ({check.source}), but {workload} container core does not set "
                f"{', '.join(missing)}: core dials {check.fallback} instead, and /api/v2.0/health stays "
                "unhealthy, so the configuration Job waits until its deadline")
            continue
        if len(check.settings) == 2:
            (host, where), (port, _) = (settings[name] for name in check.settings)
            addresses = [Address(host, int(port), where)] if port.isdigit() else []
        else:
            value, where = settings[check.settings[0]]
            addresses = list(addresses_in(value, where))
        for address in addresses:
            for reason in network.reach(workload, address) or []:
                problems.append(
                    f"HarborRegistry: core's health report checks {check.component} every 10 s "
                    f"({check.source}), but {workload} container core {address.source} {reason}; "
                    "/api/v2.0/health stays unhealthy, so the configuration Job waits until its deadline")
    return problems
