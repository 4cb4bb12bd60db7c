"""Facts of Harbor 2.15.1 that several components share: the ports it listens on, its images' user,
the Redis database of each client."""

from __future__ import annotations

from ..data_stores import RedisDatabases

# Harbor's own images (core, jobservice, registry, registryctl, portal) run as the user `harbor`,
# uid and gid 10000 (make/photon/*/Dockerfile: `useradd -u 10000`).
HARBOR_UID = 10000

# Ports Harbor 2.15.1 listens on, by component.
CORE_PORT = 8080
PORTAL_PORT = 8080
REGISTRY_PORT = 5000
REGISTRYCTL_PORT = 8080
JOBSERVICE_PORT = 8080
TRIVY_PORT = 8080
DATABASE_PORT = 5432
REDIS_PORT = 6379
NGINX_PORT = 8080

# Idle connections of a Redis pool close after 30 s, as Harbor's installer says in every Redis URL
# (make/photon/prepare/utils/configs.py `get_redis_configs`); core and jobservice (src/lib/redis/pool.go
# `GetRedisPool`, src/lib/cache/redis/util.go) and the Trivy adapter (pkg/redisx/pool.go) read it
# from the URL, and for jobservice it overrides config.yml's `idle_timeout_second`, which is
# therefore left out.
REDIS_URL_IDLE_TIMEOUT = "idle_timeout_seconds=30"

# Redis database index per client, as Harbor's own installer assigns them (RedisDatabases' defaults).
REDIS_DB_CORE = RedisDatabases().core
REDIS_DB_JOBSERVICE = RedisDatabases().jobservice
REDIS_DB_REGISTRY = RedisDatabases().registry
REDIS_DB_TRIVY = RedisDatabases().trivy
