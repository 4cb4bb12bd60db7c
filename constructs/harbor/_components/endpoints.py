"""The Service address of every component, derived once from the instance name."""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.handles import ServicePort
from .constants import (
    DATABASE_PORT,
    METRICS_PORT,
    REDIS_PORT,
    REDIS_URL_IDLE_TIMEOUT,
    REGISTRY_PORT,
    REGISTRYCTL_PORT,
    TRIVY_PORT,
)


@dataclass(frozen=True)
class Endpoints:
    """The Service address of every component, derived once from the instance name.

    Components create their Services from these handles and read each other's addresses from
    them, so a config can only name a Service that exists with that port.
    """

    core: ServicePort
    portal: ServicePort
    registry: ServicePort
    registryctl: ServicePort
    jobservice: ServicePort
    trivy: ServicePort
    database: ServicePort
    redis: ServicePort
    entrypoint: ServicePort
    # HarborMetrics: the metrics port of core, registry and jobservice on their own Services, and
    # the exporter's Service; only Prometheus calls them, and only when metrics are on
    core_metrics: ServicePort
    registry_metrics: ServicePort
    jobservice_metrics: ServicePort
    exporter: ServicePort

    @classmethod
    def for_instance(cls, instance: str) -> Endpoints:
        return cls(
            core=ServicePort(service=f"{instance}-core", port=80),
            portal=ServicePort(service=f"{instance}-portal", port=80),
            registry=ServicePort(service=f"{instance}-registry", port=REGISTRY_PORT),
            registryctl=ServicePort(service=f"{instance}-registry", port=REGISTRYCTL_PORT),
            jobservice=ServicePort(service=f"{instance}-jobservice", port=80),
            trivy=ServicePort(service=f"{instance}-trivy", port=TRIVY_PORT),
            database=ServicePort(service=f"{instance}-database", port=DATABASE_PORT),
            redis=ServicePort(service=f"{instance}-redis", port=REDIS_PORT),
            # the nginx entry point is the Service named after the instance itself: `harbor:80`
            entrypoint=ServicePort(service=instance, port=80),
            core_metrics=ServicePort(service=f"{instance}-core", port=METRICS_PORT),
            registry_metrics=ServicePort(service=f"{instance}-registry", port=METRICS_PORT),
            jobservice_metrics=ServicePort(service=f"{instance}-jobservice", port=METRICS_PORT),
            exporter=ServicePort(service=f"{instance}-exporter", port=METRICS_PORT),
        )

    def redis_url(self, db: int) -> str:
        return f"redis://{self.redis.host}:{self.redis.port}/{db}?{REDIS_URL_IDLE_TIMEOUT}"
