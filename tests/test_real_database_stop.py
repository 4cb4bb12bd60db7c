"""How the database pod stops, run for real on Debian's PostgreSQL 15 with the bytes of dist/.

The kubelet runs the container's preStop hook, then sends SIGTERM, and kills what still runs when the
grace period ends. PostgreSQL takes SIGTERM for a smart shutdown, which waits for every session to
end; Harbor's core, jobservice and exporter keep pooled connections open, so the pod would be
killed at the end of its grace period and the next start would recover from the WAL. The preStop
hook of dist/ asks for a fast shutdown first. Here the hook's command runs as the kubelet runs it, in
a sandbox (tests/realsoftware.py) where the data folder is at the pod's path and Debian's programs
are where the image keeps its own (/usr/pgsql/15/bin), with a session open as core's would be.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from conftest import Manifests, container_named, pod_spec
from realsoftware import Server, config_map_data
from test_real_database_backup import BACKUP, PASSWORD, PG_IN_IMAGE, Database, postgres_sandbox

SESSION_QUERY = "SELECT pg_sleep(600)"


def database_container(manifests: Manifests) -> tuple[dict, dict]:
    """(pod spec, the `database` container) of the database StatefulSet."""
    spec = pod_spec(manifests.get("StatefulSet", "harbor-database").obj)
    assert spec is not None
    return spec, container_named(spec, "database")


def data_folder(command: list[str]) -> str:
    """The folder after `-D` in a pg_ctl command."""
    return command[command.index("-D") + 1]


def open_session(db: Database) -> Server:
    """A session that stays open, as a pooled connection of core's does, until the server ends it."""
    session = db.sandbox.spawn("session", [f"{PG_IN_IMAGE}/psql", "-X", "-h", "harbor-database", "-U", "postgres",
                                           "-d", "registry", "-c", SESSION_QUERY],
                               user=db.superuser, env={"PGPASSWORD": PASSWORD})
    session.wait_for(lambda: db.sql(f"SELECT count(*) FROM pg_stat_activity WHERE query = '{SESSION_QUERY}'") == "1",
                     "the session in pg_stat_activity", every=0.1)
    return session


def test_the_pre_stop_hook_stops_postgres_with_sessions_open(manifests: Manifests, synth_dir: Path) -> None:
    spec, container = database_container(manifests)
    hook = container["lifecycle"]["preStop"]["exec"]["command"]
    grace = spec["terminationGracePeriodSeconds"]
    with postgres_sandbox(manifests, config_map_data(synth_dir, BACKUP), data_dir=data_folder(hook)) as db:
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
