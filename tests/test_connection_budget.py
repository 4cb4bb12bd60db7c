"""Every Harbor's PostgreSQL sessions at their peak fit in what its server accepts, read from the manifests.

The peak is a rolling update of core and jobservice: replicas plus maxSurge pods of each (none for
Recreate). Every one of them opens up to core's POSTGRESQL_MAX_OPEN_CONNS, jobservice included, since
it takes core's value from core's internal configuration (Harbor v2.15.1
src/jobservice/job/impl/context.go GetDatabaseCfg); each surge core pod's migrator opens one session
more (src/common/dao/pgsql.go NewMigrator); each exporter pod its HARBOR_DATABASE_MAX_OPEN_CONNS.
The server accepts:
- the bundled harbor-db StatefulSet: POSTGRES_MAX_CONNECTIONS (make/photon/db/docker-entrypoint.sh,
  default 1024), less a session each for its two psql probes and a dump, since Harbor logs in as its
  superuser (initdb.sh) and the superuser-reserved slots are no reserve;
- a CloudNativePG Cluster: max_connections less the 3 superuser-reserved slots, a streaming session
  per replica and a few of the instance manager's.
These facts are stated here, apart from the library's own budget (_components/connection_budget.py).
"""

from __future__ import annotations

from typing import Any

from conftest import Manifests, container_named, pod_spec
from support import harbor_site, refusal
from test_high_availability import config_maps, container_environment, fake_secrets

from constructs.harbor import HarborMetrics, HarborReplicas

BUNDLED_DEFAULT = 1024          # the harbor-db image's max_connections without POSTGRES_MAX_CONNECTIONS
BUNDLED_KEPT = 3                # its liveness and readiness psql sessions, and a dump's
CNPG_RESERVED = 3               # superuser_reserved_connections
CNPG_MANAGER = 5                # the instance manager's probes and status queries


def env_value(manifests: Manifests, container: dict, name: str) -> str | None:
    """The value the kubelet gives `name` in the container (ConfigMaps and envFrom resolved)."""
    return container_environment(container, fake_secrets(manifests), config_maps(manifests)).get(name)


def pods_at_rollout(deployment: dict[str, Any]) -> tuple[int, int]:
    """(replicas, surge pods) of a Deployment's rolling update."""
    spec = deployment["spec"]
    strategy = spec.get("strategy", {})
    surge = strategy.get("rollingUpdate", {}).get("maxSurge", 0) if strategy.get("type") == "RollingUpdate" else 0
    assert isinstance(surge, int), f"a percentage surge is not counted here: {surge}"
    return spec.get("replicas", 1), surge


def peak_sessions(manifests: Manifests) -> int:
    core = manifests.get("Deployment", "harbor-core").obj
    pool = env_value(manifests, container_named(pod_spec(core) or {}, "core"), "POSTGRESQL_MAX_OPEN_CONNS")
    assert pool is not None and int(pool) > 0, "core's pool is unbounded"
    core_pods, core_surge = pods_at_rollout(core)
    jobservice_pods, jobservice_surge = pods_at_rollout(manifests.get("Deployment", "harbor-jobservice").obj)
    sessions = (core_pods + core_surge + jobservice_pods + jobservice_surge) * int(pool) + core_surge
    exporter = manifests.find("Deployment", "harbor-exporter")
    if exporter is not None:
        container = container_named(pod_spec(exporter.obj) or {}, "exporter")
        exporter_pool = env_value(manifests, container, "HARBOR_DATABASE_MAX_OPEN_CONNS")
        assert exporter_pool is not None, "the exporter's pool is unbounded"
        sessions += sum(pods_at_rollout(exporter.obj)) * int(exporter_pool)
    return sessions


def server_accepts(manifests: Manifests) -> int:
    cluster = manifests.find("Cluster", "harbor-database")
    if cluster is not None:
        spec = cluster.obj["spec"]
        return int(spec["postgresql"]["parameters"]["max_connections"]) - CNPG_RESERVED - (spec["instances"] - 1) \
            - CNPG_MANAGER
    database = container_named(pod_spec(manifests.get("StatefulSet", "harbor-database").obj) or {}, "database")
    return int(env_value(manifests, database, "POSTGRES_MAX_CONNECTIONS") or BUNDLED_DEFAULT) - BUNDLED_KEPT


def budget_problem(manifests: Manifests) -> str | None:
    peak, limit = peak_sessions(manifests), server_accepts(manifests)
    return None if peak <= limit else f"{peak} sessions at a rolling update, the server accepts {limit}"


def test_the_homelab_fits_its_bundled_database(manifests: Manifests) -> None:
    assert budget_problem(manifests) is None


def test_the_high_availability_example_fits_its_cluster(ha_manifests: Manifests) -> None:
    assert budget_problem(ha_manifests) is None


def test_a_bundled_database_with_replicas_and_metrics_fits() -> None:
    site = harbor_site(replicas=HarborReplicas(core=4), metrics=HarborMetrics())
    assert budget_problem(site.manifests()) is None


def test_the_check_fires_on_harbors_default_pool(manifests: Manifests) -> None:
    # Harbor's and the chart's 900 per pod: core and jobservice, each with a surge pod, pass 1024
    config = manifests.get("ConfigMap", "harbor-core").obj
    changed = Manifests([m if m.obj is not config else type(m)(m.file, {**config, "data": {
        **config["data"], "POSTGRESQL_MAX_OPEN_CONNS": "900"}}) for m in manifests])
    assert budget_problem(changed) == f"{4 * 900 + 1 + 10} sessions at a rolling update, the server accepts 1021"


def test_more_pods_than_the_bundled_database_serves_is_refused() -> None:
    message = refusal(lambda: harbor_site(replicas=HarborReplicas(core=60)), "HarborReplicas")
    assert "62 pods" in message and "1024 connections" in message
