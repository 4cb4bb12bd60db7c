"""How many PostgreSQL sessions one Harbor may hold at once, and the pool size that fits its server.

Each core and each jobservice pod opens up to `max_open_connections`: core reads it from
POSTGRESQL_MAX_OPEN_CONNS (src/common/dao/pgsql.go applies it per process), and jobservice takes the
same value from core's internal configuration (src/jobservice/job/impl/context.go GetDatabaseCfg,
src/pkg/config/manager.go GetDatabaseCfg). A rolling update runs a surge pod of each beside the old
ones (`ROLLING_SURGE`), and a starting core pod's migrator opens one session of its own before its
pool (src/core/main.go migration.Migrate, src/common/dao/pgsql.go NewMigrator). The exporter holds a
small pool of its own. More sessions than the server accepts fail logins with "sorry, too many
clients already" under load, long after the synthesis: the bundled database's pool is sized to fit
its limit, and HarborRegistry checks the peak against a CloudNativePG cluster's max_connections and
an external server's when stated, less what each keeps back (`reserved_connections`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.validation import fail
from ..settings import HarborReplicas, HarborStorage
from .constants import ROLLING_SURGE

# The exporter's own pool: one scrape runs its queries one after another (the Exporter is a single
# collector that calls its collectors in turn, src/pkg/exporter/exporter.go `Collect`).
EXPORTER_MAX_IDLE_CONNECTIONS = 2
EXPORTER_MAX_OPEN_CONNECTIONS = 5

# The bundled database: the harbor-db image's max_connections (POSTGRES_MAX_CONNECTIONS, default 1024,
# make/photon/db/docker-entrypoint.sh), set explicitly on its StatefulSet. Harbor logs in as the
# image's superuser (make/photon/db/initdb.sh `WITH SUPERUSER`), so the superuser-reserved slots are
# no reserve: the image's healthcheck (a psql session each for liveness and readiness) and a dump or
# a restore need sessions of their own, kept free here.
BUNDLED_MAX_CONNECTIONS = 1024
BUNDLED_OTHER_SESSIONS = 3
# Harbor's own default pool size (the chart's database.maxOpenConns), the most a pool is given, and
# the least that still serves a pod: fewer fails requests under ordinary load.
MAX_POOL = 900
MIN_POOL = 20


@dataclass(frozen=True)
class HarborSessions:
    """The PostgreSQL sessions of one Harbor at its peak, a rolling update of core and jobservice.

    Attributes:
        pooled_pods: core and jobservice pods at once, surge pods included; each opens a full pool.
        migrators: core pods that may be starting at once, each with its migrator's session.
        exporter_sessions: the exporters' pools, surge pod included (0 without metrics).
    """

    pooled_pods: int
    migrators: int
    exporter_sessions: int

    def needed(self, max_open_connections: int) -> int:
        return self.pooled_pods * max_open_connections + self.migrators + self.exporter_sessions


def harbor_sessions(replicas: HarborReplicas, storage: HarborStorage, *, exporter: bool) -> HarborSessions:
    """The peak: core always rolls (it writes no volume); jobservice rolls unless its volume is
    ReadWriteOnce (then Recreate: the old pod stops first, workloads.deployment_strategy)."""
    jobservice_pods = replicas.jobservice + (ROLLING_SURGE if storage.jobservice.shared else 0)
    return HarborSessions(pooled_pods=replicas.core + ROLLING_SURGE + jobservice_pods, migrators=ROLLING_SURGE,
                          exporter_sessions=(1 + ROLLING_SURGE) * EXPORTER_MAX_OPEN_CONNECTIONS if exporter else 0)


def bundled_pool_size(sessions: HarborSessions) -> int:
    """The pool each core and jobservice pod gets on the bundled database: the most that fits."""
    spare = BUNDLED_MAX_CONNECTIONS - BUNDLED_OTHER_SESSIONS - sessions.migrators - sessions.exporter_sessions
    pool = min(MAX_POOL, spare // sessions.pooled_pods)
    if pool < MIN_POOL:
        raise fail("HarborReplicas", f"core and jobservice replicas whose {sessions.pooled_pods} pods during a rolling "
                                     f"update share the bundled database's {BUNDLED_MAX_CONNECTIONS} connections with "
                                     f"at least {MIN_POOL} each (use an external or CloudNativePG database for more)",
                   f"{pool} each")
    return pool
