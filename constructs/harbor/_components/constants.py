"""Facts of Harbor 2.15.1 that several components share: the ports it listens on, its images' user,
the names of its components, the Redis database of each client."""

from __future__ import annotations

from ..data_stores import REDIS_PORT as REDIS_DEFAULT_PORT
from ..data_stores import RedisDatabases
from ..kit.cloudnative_pg import POSTGRES_PORT

# Every image Harbor builds runs as uid and gid 10000 (make/photon/*/Dockerfile.base): the user
# `harbor` in core, jobservice, registry and registryctl (`useradd -u 10000 -g 10000`), `nginx` in
# portal and nginx (`usermod -u 10000`), `scanner` in trivy-adapter (`useradd -u 10000`). The pods
# give the number, as runAsNonRoot cannot check a user name; runtime_contracts.py cites each image.
HARBOR_UID = 10000

# Ports Harbor 2.15.1 listens on, by component.
CORE_PORT = 8080
PORTAL_PORT = 8080
REGISTRY_PORT = 5000
REGISTRYCTL_PORT = 8080
JOBSERVICE_PORT = 8080
TRIVY_PORT = 8080
DATABASE_PORT = POSTGRES_PORT      # the bundled database and Redis listen where their clients expect them
REDIS_PORT = REDIS_DEFAULT_PORT
NGINX_PORT = 8080

# The components by the name that labels their pods (`app.kubernetes.io/component`) and, after the
# instance, names their objects (`harbor-core`): the NetworkPolicies select pods by it, so one
# spelling serves the component and the policies.
NGINX, PORTAL, CORE, REGISTRY, JOBSERVICE, TRIVY, DATABASE, REDIS = (
    "nginx", "portal", "core", "registry", "jobservice", "trivy", "database", "redis")

# Idle connections of a Redis pool close after 30 s, as Harbor's installer says in every Redis URL
# (make/photon/prepare/utils/configs.py `get_redis_configs`); core and jobservice (src/lib/redis/pool.go
# `GetRedisPool`, src/lib/cache/redis/util.go) read it from the URL, and for jobservice it overrides
# config.yml's `idle_timeout_second`, which is therefore left out. The Trivy adapter parses it from
# the URL, then replaces it with its own SCANNER_REDIS_POOL_IDLE_TIMEOUT (default 5m,
# harbor-scanner-trivy v0.36.0 pkg/redisx/pool.go `options.ConnMaxIdleTime = config.IdleTimeout`),
# which trivy.py therefore sets too.
REDIS_IDLE_TIMEOUT_SECONDS = 30
REDIS_URL_IDLE_TIMEOUT = f"idle_timeout_seconds={REDIS_IDLE_TIMEOUT_SECONDS}"

# Redis database index per client, as Harbor's own installer assigns them (RedisDatabases' defaults).
REDIS_DB_CORE = RedisDatabases().core
REDIS_DB_JOBSERVICE = RedisDatabases().jobservice
REDIS_DB_REGISTRY = RedisDatabases().registry
REDIS_DB_TRIVY = RedisDatabases().trivy

# The database backup's pods (backups.DatabaseBackup: the scheduled dump and the restore Job) and the
# upgrade guard's (backups.UpgradeGuard), by the same convention.
DATABASE_BACKUP, UPGRADE_GUARD = "database-backup", "upgrade-guard"

# Metrics (HarborMetrics): core, jobservice and the registry serve Prometheus metrics on a listener
# of their own, plain HTTP on every interface, and so does the exporter; 8001 and /metrics are the
# official chart's choice (values.yaml `metrics.<component>`), kept so that dashboards and habits
# carry over. `EXPORTER` names the exporter's pods and objects like the other components.
METRICS_PORT = 8001
METRICS_PATH = "/metrics"
METRICS_PORT_NAME = "http-metrics"
EXPORTER = "exporter"

# Pods a rolling update starts beyond the replicas (workloads.deployment_strategy); the database
# connection budget counts them (connection_budget.py).
ROLLING_SURGE = 1
