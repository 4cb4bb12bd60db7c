"""How the database pod stops, run for real on Debian's PostgreSQL 15 with the bytes of dist/.

The kubelet runs the container's preStop hook, then sends SIGTERM, and kills what still runs when the
grace period ends. PostgreSQL takes SIGTERM for a smart shutdown, which waits for every session to
end; Harbor's core, jobservice and exporter keep pooled connections open, so the pod would be
killed at the end of its grace period and the next start would recover from the WAL. The preStop
hook of dist/ asks for a fast shutdown first. Here the hook's command runs as the kubelet runs it, in
a sandbox (tests/realsoftware.py) where Debian's programs are where the image keeps its own
(/usr/pgsql/15/bin), with a session open as core's would be. The data folder is where the image runs
postgres: `$PGDATA/pg<new>` (make/photon/db/docker-entrypoint.sh), pg15 at Harbor v2.15.1 and pg18 at
v2.15.2, whose image moves to PostgreSQL 18 (the server here stays Debian's 15: what is tested is that
the hook finds the running server's folder and the programs of the major it names, not a fixed path).
Beside it lies what an image moving between majors holds: an older data folder with a postmaster.pid
left behind, and that major's programs, which must not be the ones the hook runs.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from conftest import Manifests, container_named, pod_spec
from realsoftware import Bind, Server, config_map_data, workdir
from test_real_database_backup import (
    BACKUP,
    PASSWORD,
    PG_IN_IMAGE,
    Database,
    other_major_programs,
    postgres_sandbox,
)

SESSION_QUERY = "SELECT pg_sleep(600)"


def database_container(manifests: Manifests) -> tuple[dict, dict]:
    """(pod spec, the `database` container) of the database StatefulSet."""
    spec = pod_spec(manifests.get("StatefulSet", "harbor-database").obj)
    assert spec is not None
    return spec, container_named(spec, "database")


def pgdata(container: dict) -> str:
    (value,) = [item["value"] for item in container["env"] if item["name"] == "PGDATA"]
    return value


def older_major(folder: Path, pgdata: str) -> list[Bind]:
    """An older major beside the server: its data folder with a stale postmaster.pid, and a pg_ctl that
    says when it runs (what a hook that took the first folder or a fixed major would run)."""
    data = folder / "pg14"
    data.mkdir()
    (data / "PG_VERSION").write_text("14\n")
    (data / "postmaster.pid").write_text("4242\n")
    return [Bind(f"{pgdata}/pg14", data), other_major_programs(folder, 14, failing=("pg_ctl",))]


def open_session(db: Database) -> Server:
    """A session that stays open, as a pooled connection of core's does, until the server ends it."""
    session = db.sandbox.spawn("session", [f"{PG_IN_IMAGE}/psql", "-X", "-h", "harbor-database", "-U", "postgres",
                                           "-d", "registry", "-c", SESSION_QUERY],
                               user=db.superuser, env={"PGPASSWORD": PASSWORD})
    session.wait_for(lambda: db.sql(f"SELECT count(*) FROM pg_stat_activity WHERE query = '{SESSION_QUERY}'") == "1",
                     "the session in pg_stat_activity", every=0.1)
    return session


# the folder the image's entrypoint runs postgres on: `docker-entrypoint.sh "14" "15"` at v2.15.1,
# `"15" "18"` at v2.15.2
@pytest.mark.parametrize("folder", ["pg15", "pg18"], ids=["v2.15.1", "v2.15.2"])
def test_the_pre_stop_hook_stops_postgres_with_sessions_open(manifests: Manifests, synth_dir: Path, folder: str) -> None:
    spec, container = database_container(manifests)
    hook = container["lifecycle"]["preStop"]["exec"]["command"]
    grace = spec["terminationGracePeriodSeconds"]
    with workdir("older-major-") as decoys, \
            postgres_sandbox(manifests, config_map_data(synth_dir, BACKUP), data_dir=f"{pgdata(container)}/{folder}",
                             binds=older_major(decoys, pgdata(container))) as db:
        (server,) = [s for s in db.sandbox.servers if s.name == "postgres"]
        session = open_session(db)
        # what SIGTERM alone does: a smart shutdown, which waits for the open session
        os.kill(server.process.pid, signal.SIGTERM)
        time.sleep(1)   # without sessions it stops in a fraction of that
        assert server.alive(), f"postgres stopped on SIGTERM with a session open:\n{server.output()}"
        assert "smart shutdown request" in server.output()
        # the hook, as the kubelet runs it in the container (as the image's postgres user, whose server it is)
        started = time.monotonic()
        done = db.sandbox.run(hook, user=db.superuser, timeout=grace)
        assert done.returncode == 0, done.stdout
        server.process.wait(timeout=10)
        took = time.monotonic() - started
        assert server.process.returncode == 0, server.output()
        assert "fast shutdown request" in server.output() and "database system is shut down" in server.output()
        assert not session.alive()   # the open session was ended, not waited for
        assert took < grace / 2, f"the fast shutdown took {took:.1f} s of the {grace} s grace period"
