"""The database backup and restore, run for real on Debian's PostgreSQL 15 with the bytes of dist/.

Harbor v2.15.1's harbor-db image runs PostgreSQL 15 (make/photon/db: Dockerfile.base installs
postgresql15, the entrypoint runs `docker-entrypoint.sh 14 15`) and keeps its client programs in
/usr/pgsql/15/bin; Debian 12's postgresql is 15 too, so the dump format and the client/server
version rules are the ones the cluster sees. In the sandbox of tests/realsoftware.py:

- a private PostgreSQL server listens where the backup pod dials it, `harbor-database:5432` (the
  Service name maps to a loopback address), with password authentication (scram-sha-256): the
  password the pod reads from the synced Secret must be what logs it in;
- Debian's client programs appear at /usr/pgsql/15/bin (a bind mount), the ConfigMap's script at
  /scripts and a folder at /backup standing for the claim;
- the backup runs the CronJob container's own `command` with its own `env` (the Secret's value
  filled in), as the pod's user 999; the restore runs the restore CronJob's container likewise.

The database is laid out as Harbor's image creates it (make/photon/db/initial-registry.sql:
`registry`, UTF8, `schema_migrations(version bigint, dirty boolean)`), with rows standing for
Harbor's data at schema 180 (v2.15.x, make/migrations/postgresql/0180_2.15.0_schema.up.sql).
"""

from __future__ import annotations

import fcntl
import os
import pwd
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import Manifests, container_named, pod_spec
from realsoftware import Bind, Sandbox, config_map_data, require_sandbox, unavailable, workdir

PG_BIN = Path("/usr/lib/postgresql/15/bin")      # Debian's postgresql-15
PG_IN_IMAGE = "/usr/pgsql/15/bin"                 # where the harbor-db image has them
DB_ADDRESS = "127.0.0.2"
PASSWORD = "backup-test-Passw0rd"
POD_USER = 999                                    # the CronJob pod's runAsUser (the image's postgres)
BACKUP = "harbor-database-backup"
RESTORE = "harbor-database-restore"

SEED = """
CREATE TABLE schema_migrations(version bigint not null primary key, dirty boolean not null);
INSERT INTO schema_migrations VALUES (180, false);
CREATE TABLE project(project_id serial PRIMARY KEY, name varchar(255) UNIQUE NOT NULL, deleted boolean DEFAULT false);
CREATE TABLE robot(id serial PRIMARY KEY, name varchar(255), project_id int REFERENCES project(project_id));
INSERT INTO project(name) VALUES ('library'), ('private-images'), ('team-a');
INSERT INTO robot(name, project_id) VALUES ('robot$ci', 2), ('robot$deploy', 3);
"""
ROWS = "SELECT string_agg(p.name || ':' || coalesce(r.name, '-'), ',' ORDER BY p.name, r.name) " \
       "FROM project p LEFT JOIN robot r USING (project_id)"
EXPECTED_ROWS = "library:-,private-images:robot$ci,team-a:robot$deploy"


def container_of(manifests: Manifests, cron_job: str, name: str) -> dict:
    return container_named(pod_spec(manifests.get("CronJob", cron_job).obj), name)


def pod_env(container: dict, secrets: dict[tuple[str, str], str] | None = None) -> dict[str, str]:
    """The container's env as the kubelet gives it: values, and Secret keys' values (the synced database
    password, and `secrets`); a key neither holds fails, as the pod would not start."""
    values = {("harbor-database", "POSTGRES_PASSWORD"): PASSWORD, **(secrets or {})}
    env = {}
    for item in container["env"]:
        if "value" in item:
            env[item["name"]] = item["value"]
        else:
            ref = item["valueFrom"]["secretKeyRef"]
            env[item["name"]] = values[(ref["name"], ref["key"])]
    return env


@dataclass
class Database:
    """The sandbox with its PostgreSQL, and how to run the pods' commands in it."""

    sandbox: Sandbox
    folder: Path
    backup_dir: Path
    manifests: Manifests
    superuser: int

    def sql(self, statement: str, database: str = "registry") -> str:
        result = self.sandbox.run([f"{PG_IN_IMAGE}/psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                                   "-h", "harbor-database", "-U", "postgres", "-d", database, "-c", statement],
                                  user=self.superuser, env={"PGPASSWORD": PASSWORD})
        assert result.returncode == 0, f"psql failed: {result.stdout}"
        return result.stdout.strip()

    def run_pod(self, cron_job: str, container: str, *, args: list[str] | None = None,
                env: dict[str, str] | None = None, secrets: dict[tuple[str, str], str] | None = None):
        """The container's command (its arguments replaced by `args` if given) with its env, as the pod's user;
        `secrets` gives the values of Secret keys besides the database password."""
        spec = container_of(self.manifests, cron_job, container)
        command = spec["command"] if args is None else [*spec["command"][:2], *args]
        return self.sandbox.run(command, user=POD_USER, env={**pod_env(spec, secrets), **(env or {})}, timeout=120)

    def dumps(self) -> list[str]:
        return sorted(p.name for p in self.backup_dir.iterdir() if p.name.startswith("registry-"))


@contextmanager
def postgres_sandbox(manifests: Manifests, scripts_data: dict[str, str], *, hosts: dict[str, str] | None = None,
                     data_dir: str | None = None, binds: Sequence[Bind] = ()) -> Iterator[Database]:
    """A sandbox whose PostgreSQL holds Harbor's seeded database, with the scripts and /backup in place;
    its data folder is at `data_dir` inside the sandbox when given (the pod's path, say), and `binds`
    add what else the pod's image holds."""
    require_sandbox()
    if not (PG_BIN / "postgres").is_file():
        unavailable(f"PostgreSQL 15 is not installed ({PG_BIN}; Debian package `postgresql`)")
    superuser = pwd.getpwnam("postgres").pw_uid
    with workdir("harbor-db-backup-") as folder:
        folder.chmod(0o755)
        scripts = folder / "scripts"
        scripts.mkdir()
        for name, text in scripts_data.items():
            (scripts / name).write_text(text)
        backup_dir = folder / "backup"
        backup_dir.mkdir()
        os.chown(backup_dir, POD_USER, POD_USER)       # fsGroup 999 makes the claim the pod's
        data = folder / "data"
        data.mkdir(mode=0o700)
        os.chown(data, superuser, superuser)
        socket_dir = folder / "socket"
        socket_dir.mkdir()
        os.chown(socket_dir, superuser, superuser)
        password_file = folder / "password"
        password_file.write_text(PASSWORD + "\n")
        os.chown(password_file, superuser, superuser)
        mounts = [Bind(PG_IN_IMAGE, PG_BIN), Bind("/scripts", scripts), Bind("/backup", backup_dir, read_only=False),
                  *binds]
        if data_dir is not None:
            mounts.append(Bind(data_dir, data, read_only=False))
        server_data = data_dir or str(data)
        sandbox = Sandbox(folder, mounts,
                          hosts={"harbor-database": DB_ADDRESS, **(hosts or {})})
        with sandbox:
            try:
                # the server from its own folder: it finds its modules relative to its binary
                init = sandbox.run([f"{PG_BIN}/initdb", "-D", server_data, "-U", "postgres", "-E", "UTF-8",
                                    "--locale=C", "--auth=scram-sha-256", f"--pwfile={password_file}"],
                                   user=superuser, timeout=120)
                assert init.returncode == 0, init.stdout
                server = sandbox.spawn("postgres", [f"{PG_BIN}/postgres", "-D", server_data, "-c",
                                                    f"listen_addresses={DB_ADDRESS}", "-c", "port=5432", "-c",
                                                    f"unix_socket_directories={socket_dir}"], user=superuser)
                sandbox.wait_for_port(server, 5432, DB_ADDRESS)
                # the port opens before the server accepts sessions ("the database system is starting up")
                server.wait_for(lambda: sandbox.run([f"{PG_IN_IMAGE}/pg_isready", "-q", "-h",
                                                     "harbor-database"]).returncode == 0,
                                "a server accepting sessions", every=0.2)
                db = Database(sandbox, folder, backup_dir, manifests, superuser)
                # as Harbor's image creates it (initial-registry.sql), then Harbor's data at schema 180
                db.sql("CREATE DATABASE registry ENCODING 'UTF8'", database="postgres")
                db.sql(SEED)
                yield db
            except BaseException:
                sandbox.report()
                raise


def other_major_programs(folder: Path, major: int, failing: tuple[str, ...], working: tuple[str, ...] = ()) -> Bind:
    """/usr/pgsql/<major>/bin of another major than the server's: each `failing` program says it ran and
    fails; each `working` one runs the server's own (from PG_IN_IMAGE)."""
    programs = folder / f"pg{major}-bin"
    programs.mkdir()
    for name in failing:
        (programs / name).write_text(f"#!/bin/sh\necho 'the {name} of PostgreSQL {major} ran' >&2\nexit 3\n")
    for name in working:
        (programs / name).write_text(f'#!/bin/sh\nexec {PG_IN_IMAGE}/{name} "$@"\n')
    for program in programs.iterdir():
        program.chmod(0o755)
    return Bind(f"/usr/pgsql/{major}/bin", programs)


def newer_major(folder: Path) -> list[Bind]:
    """What an image moving to a newer major holds beside the server's programs (Harbor v2.15.2 keeps
    PostgreSQL 15 for pg_upgrade beside 18): a newer major's client programs, of which psql works and
    pg_dump and pg_restore say when they run. A script that took the newest programs would run them."""
    return [other_major_programs(folder, 18, failing=("pg_dump", "pg_restore"), working=("psql",))]


@pytest.fixture(scope="module")
def database(manifests: Manifests, synth_dir: Path) -> Iterator[Database]:
    # every dump and restore below runs beside a newer major's programs: the server's own must be used
    with workdir("newer-major-") as decoys, \
            postgres_sandbox(manifests, config_map_data(synth_dir, BACKUP), binds=newer_major(decoys)) as db:
        yield db


def test_backup_then_restore_brings_the_rows_back(database: Database) -> None:
    assert database.sql(ROWS) == EXPECTED_ROWS
    before = set(database.dumps())
    done = database.run_pod(BACKUP, "dump")
    assert done.returncode == 0, done.stdout
    (new,) = set(database.dumps()) - before
    # the name records the UTC time and the schema version, which says which Harbor can start on it
    assert new.endswith("-schema180.dump"), new
    assert (database.backup_dir / new).stat().st_uid == POD_USER

    # what a failed upgrade or an operator's mistake leaves behind
    database.sql("DELETE FROM robot; DELETE FROM project WHERE name = 'team-a'; "
                 "ALTER TABLE project DROP COLUMN deleted; CREATE TABLE audit_log_ext(id int); "
                 "UPDATE schema_migrations SET version = 190, dirty = true")
    assert database.sql(ROWS) == "library:-,private-images:-"

    restored = database.run_pod(RESTORE, "restore")
    assert restored.returncode == 0, restored.stdout
    assert database.sql(ROWS) == EXPECTED_ROWS
    assert database.sql("SELECT version, dirty FROM schema_migrations") == "180|f"
    # a fresh database, not --clean: what a newer migration added is gone, what it dropped is back
    assert database.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit_log_ext'") == "0"
    assert database.sql("SELECT count(*) FROM project WHERE NOT deleted") == "3"
    # the sequences came back too: Harbor's next project gets a fresh id
    assert database.sql("INSERT INTO project(name) VALUES ('after-restore') RETURNING project_id") == "4"
    database.sql("DELETE FROM project WHERE name = 'after-restore'")
    assert f"restoring /backup/{new}" in restored.stdout


def backdated(dump: Path, days: int) -> Path:
    """The dump renamed as if made `days` earlier. Dumps are named to the second, so runs within one
    second would share a name; retention goes by the names' order, which backdating keeps, and the
    tests need not sleep into the next second between runs."""
    stamp = re.fullmatch(r"registry-(\d{8}T\d{6}Z)-schema\d+\.dump", dump.name)
    assert stamp, f"{dump.name} is not named as a dump"
    made = datetime.strptime(stamp[1], "%Y%m%dT%H%M%SZ") - timedelta(days=days)
    return dump.rename(dump.with_name(dump.name.replace(stamp[1], made.strftime("%Y%m%dT%H%M%SZ"))))


def test_retention_keeps_the_newest_dumps(database: Database) -> None:
    # a leftover of a run that was killed at its deadline never counts as a dump, and goes
    partial = database.backup_dir / ".partial-registry-19990101T000000Z-schema180.dump"
    partial.write_bytes(b"cut off")
    # the module's earlier tests' dumps, older than any made here: a dump made in the same second
    # would replace one of them and show no new name
    for earlier in database.dumps():
        backdated(database.backup_dir / earlier, 10)
    made = []
    for days in (3, 2, 1):   # the last one too: the run after the loop makes a dump of its own
        before = set(database.dumps())
        done = database.run_pod(BACKUP, "dump", args=["dump", "/backup", "2"])
        assert done.returncode == 0, done.stdout
        (new,) = set(database.dumps()) - before
        made.append(backdated(database.backup_dir / new, days).name)
    assert database.dumps() == made[-2:]
    assert not partial.exists()
    # the dump the scheduled run makes with the manifest's own count keeps everything up to 7
    done = database.run_pod(BACKUP, "dump")
    assert done.returncode == 0, done.stdout
    assert len(database.dumps()) == 3


def test_a_failed_backup_leaves_no_dump_and_fails_the_job(database: Database) -> None:
    before = database.dumps()
    wrong = database.run_pod(BACKUP, "dump", env={"PGPASSWORD": "not-the-password"})
    assert wrong.returncode != 0
    assert "password authentication failed" in wrong.stdout
    unreachable = database.run_pod(BACKUP, "dump", env={"PGPORT": "5433", "PGCONNECT_TIMEOUT": "3"})
    assert unreachable.returncode != 0
    assert database.dumps() == before
    assert not [p for p in database.backup_dir.iterdir() if p.name.startswith(".partial")]


def test_a_bad_dump_is_refused_and_the_database_kept(database: Database) -> None:
    if not database.dumps():   # a good dump beside the bad one, whichever test of the module ran first
        made = database.run_pod(BACKUP, "dump")
        assert made.returncode == 0, made.stdout
    newest = database.dumps()[-1]
    corrupt = database.backup_dir / "registry-99991231T235959Z-schema180.dump"
    corrupt.write_bytes(b"PGDMP but not really")
    os.chown(corrupt, POD_USER, POD_USER)
    try:
        refused = database.run_pod(RESTORE, "restore")
        assert refused.returncode != 0
        assert "is not a dump pg_restore can read" in refused.stdout
        assert database.sql(ROWS) == EXPECTED_ROWS
        # a named dump restores even when a newer file is unreadable (the runbook's FILE argument)
        named = database.run_pod(RESTORE, "restore", args=["restore", "/backup", f"/backup/{newest}"])
        assert named.returncode == 0, named.stdout
        assert database.sql(ROWS) == EXPECTED_ROWS
    finally:
        corrupt.unlink()


def test_a_dirty_schema_is_dumped_and_named(database: Database) -> None:
    database.sql("UPDATE schema_migrations SET dirty = true")
    try:
        before = set(database.dumps())
        done = database.run_pod(BACKUP, "dump")
        assert done.returncode == 0, done.stdout
        (new,) = set(database.dumps()) - before
        assert new.endswith("-schema180-dirty.dump")
        assert "schema_migrations is dirty" in done.stdout
    finally:
        database.sql("UPDATE schema_migrations SET dirty = false")
    listed = database.run_pod(BACKUP, "dump", args=["list", "/backup"])
    assert listed.returncode == 0 and listed.stdout.split() == [f"/backup/{n}" for n in database.dumps()]


def test_a_dump_started_meanwhile_waits_and_leaves_the_other_unfinished_file(database: Database) -> None:
    # concurrencyPolicy: Forbid keeps apart the CronJob's own runs only: a run started by hand
    # (kubectl create job --from=cronjob/...) cleared the unfinished file of the one in progress
    unfinished = database.backup_dir / ".partial-registry-20260101T000000Z-schema180.dump"
    unfinished.write_bytes(b"being written")
    before = set(database.dumps())
    folder = os.open(database.backup_dir, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)   # the run in progress holds the folder, as the script does
        spec = container_of(database.manifests, BACKUP, "dump")
        second = database.sandbox.spawn("second-dump", spec["command"], user=POD_USER, env=pod_env(spec))
        second.wait_for(lambda: "waiting for it" in second.output(), "a wait for the other run's lock")
        time.sleep(0.5)
        assert second.alive() and unfinished.exists(), second.output()
        unfinished.rename(database.backup_dir / "registry-20260101T000000Z-schema180.dump")   # it ends
    finally:
        os.close(folder)   # and its lock goes with it
    second.process.wait(timeout=60)
    assert second.process.returncode == 0, second.output()
    assert len(set(database.dumps()) - before) == 2   # its dump and the second's
