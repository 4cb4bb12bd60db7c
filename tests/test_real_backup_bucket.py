"""Database dumps to an S3 bucket and back, run for real: Debian's PostgreSQL 15 and rclone, a bucket
served by a small S3 server of this test.

The pod of a bucket target has two steps: the harbor-db image dumps into a scratch volume (init
container `dump`), then rclone's image uploads the dump and keeps the newest `keep` in the bucket
(`upload`, scripts/bucket.sh); the restore pod fetches the newest dump first (`fetch`), then
restores it. Here each container's own command and env run in the sandbox of
tests/test_real_database_backup.py, with the Secret keys' values filled in, as the pod's user: rclone
reads its remote from the RCLONE_CONFIG_BACKUP_* variables alone, and the bucket's host name
resolves to the sandbox's loopback.

The S3 server keeps objects in memory and answers the calls rclone makes (bucket HEAD/PUT, list v1
and v2, object PUT/HEAD/GET/DELETE). It checks that each request is signed (AWS Signature V4) with
the access key and the region of the synced Secret and the manifest, and refuses other keys with
S3's own error, so a wrong key fails the Job. Debian 12's rclone is 1.60 and the image's 1.75: the
flags the script uses (copy --immutable --include, lsf --files-only, deletefile, copyto) are in both.
"""

from __future__ import annotations

import hashlib
import http.server
import re
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

import cdk8s
import pytest
from conftest import load_manifests
from realsoftware import Sandbox, config_map_data, program
from support import EXTERNAL_URL, SECRETS_PATH, synced_chart
from test_real_database_backup import EXPECTED_ROWS, ROWS, Database, backdated, container_of, postgres_sandbox

from constructs.harbor import BackupBucket, DatabaseBackup, HarborRegistry, HarborSecrets
from constructs.harbor.kit import BaoKey, DataStorePeer, SyncedSecret, synthesize

S3_HOST = "s3.backup.test"
S3_ADDRESS = "127.0.0.3"
S3_PORT = 9000
BUCKET = "harbor-backups"
PREFIX = "homelab/db"
REGION = "homelab"
ACCESS_KEY = "HARBORBACKUPKEY"
SECRET_KEY = "harbor-backup-secret-key"
KEEP = 2
SECRETS = {("harbor-backup-s3", "access-key"): ACCESS_KEY, ("harbor-backup-s3", "secret-key"): SECRET_KEY}
BACKUP, RESTORE = "harbor-database-backup", "harbor-database-restore"


class FakeS3:
    """Objects by (bucket, key) in memory, served at `address`:`port` inside the sandbox's network."""

    def __init__(self, sandbox: Sandbox, address: str, port: int) -> None:
        self.objects: dict[tuple[str, str], tuple[bytes, float]] = {}
        self.buckets = {BUCKET}
        self.refused: list[str] = []
        store = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _reply(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
                self.send_response(code)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def _error(self, code: int, name: str) -> None:
                self._reply(code, f"<?xml version=\"1.0\"?><Error><Code>{name}</Code></Error>".encode(),
                            {"Content-Type": "application/xml"})

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                auth = self.headers.get("Authorization", "")
                signed = re.match(r"AWS4-HMAC-SHA256 Credential=([^/]+)/\d{8}/([^/]+)/s3/aws4_request", auth)
                if not signed or signed.groups() != (ACCESS_KEY, REGION):
                    store.refused.append(f"{self.command} {self.path} {auth[:80]}")
                    return self._error(403, "InvalidAccessKeyId")
                parts = urlsplit(self.path)
                bucket, _, key = unquote(parts.path).lstrip("/").partition("/")
                query = parse_qs(parts.query)
                if bucket not in store.buckets:
                    return self._error(404, "NoSuchBucket")
                if not key:
                    if self.command == "GET":
                        return self._list(bucket, query)
                    return self._reply(200)          # HEAD or PUT of the bucket: it exists
                found = store.objects.get((bucket, key))
                if self.command == "PUT":
                    store.objects[(bucket, key)] = (body, time.time())
                    return self._reply(200, headers={"ETag": f'"{hashlib.md5(body).hexdigest()}"'})
                if self.command == "DELETE":
                    store.objects.pop((bucket, key), None)
                    return self._reply(204)
                if found is None:
                    return self._error(404, "NoSuchKey")
                data, modified = found
                self._reply(200, data, {"ETag": f'"{hashlib.md5(data).hexdigest()}"',
                                        "Last-Modified": formatdate(modified, usegmt=True),
                                        "Content-Type": "application/octet-stream"})

            def _list(self, bucket: str, query: dict[str, list[str]]) -> None:
                prefix = query.get("prefix", [""])[0]
                delimiter = query.get("delimiter", [""])[0]
                contents, prefixes = [], set()
                for (b, key), (data, modified) in sorted(store.objects.items()):
                    if b != bucket or not key.startswith(prefix):
                        continue
                    rest = key[len(prefix):]
                    if delimiter and delimiter in rest:
                        prefixes.add(prefix + rest.split(delimiter, 1)[0] + delimiter)
                        continue
                    when = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(modified))
                    contents.append(f"<Contents><Key>{escape(key)}</Key><LastModified>{when}</LastModified>"
                                    f"<ETag>\"{hashlib.md5(data).hexdigest()}\"</ETag><Size>{len(data)}</Size>"
                                    "<StorageClass>STANDARD</StorageClass></Contents>")
                common = "".join(f"<CommonPrefixes><Prefix>{escape(p)}</Prefix></CommonPrefixes>"
                                 for p in sorted(prefixes))
                count = f"<KeyCount>{len(contents) + len(prefixes)}</KeyCount>" if "list-type" in query else ""
                xml = (f'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>{bucket}</Name>'
                       f"<Prefix>{escape(prefix)}</Prefix>{count}<MaxKeys>1000</MaxKeys>"
                       f"<IsTruncated>false</IsTruncated>{''.join(contents)}{common}</ListBucketResult>")
                self._reply(200, xml.encode(), {"Content-Type": "application/xml"})

            do_GET = do_HEAD = do_PUT = do_DELETE = do_POST = _handle

            def log_message(self, *args: Any) -> None:
                pass

        with sandbox.network():
            self.httpd = http.server.ThreadingHTTPServer((address, port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self.thread.start()

    def keys(self) -> list[str]:
        return sorted(key.rsplit("/", 1)[1] for (bucket, key) in self.objects if bucket == BUCKET)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def build(outdir: str) -> cdk8s.App:
    keys = SyncedSecret("harbor-backup-s3", keys={"access-key": BaoKey(path=SECRETS_PATH, key="BACKUP_ACCESS_KEY"),
                                                  "secret-key": BaoKey(path=SECRETS_PATH, key="BACKUP_SECRET_KEY")})
    app, chart, sync = synced_chart(app=cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE),
                                    default_deny=True, extra_secrets=[keys])
    bucket = BackupBucket(bucket=BUCKET, endpoint=f"http://{S3_HOST}:{S3_PORT}", region=REGION, prefix=PREFIX,
                          access_key=sync.key("harbor-backup-s3", "access-key"),
                          secret_key=sync.key("harbor-backup-s3", "secret-key"),
                          peer=DataStorePeer(cidrs=(f"{S3_ADDRESS}/32",)))
    HarborRegistry(chart, "harbor", external_url=EXTERNAL_URL, secrets=HarborSecrets.from_sync(sync),
                   database_backup=DatabaseBackup(target=bucket, keep=KEEP))
    return app


@pytest.fixture(scope="module")
def bucket_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, FakeS3]]:
    program("rclone")
    out = tmp_path_factory.mktemp("bucket-site") / "site"
    synthesize(build, out)              # every synth-time check of the library passes on it
    manifests = load_manifests(out)
    with postgres_sandbox(manifests, config_map_data(out, BACKUP), hosts={S3_HOST: S3_ADDRESS}) as db:
        s3 = FakeS3(db.sandbox, S3_ADDRESS, S3_PORT)
        try:
            yield db, s3
        finally:
            s3.close()


def fresh_scratch(db: Database) -> None:
    """Each pod gets an empty scratch volume: clear the folder that stands for it."""
    for path in db.backup_dir.iterdir():
        path.unlink()


def run_backup_pod(db: Database, *, days_ago: int = 0, **secrets_override: str) -> tuple[Any, Any]:
    """The backup pod's dump, then its upload; `days_ago` backdates the dump in between (`backdated`)."""
    fresh_scratch(db)
    dump = db.run_pod(BACKUP, "dump")
    assert dump.returncode == 0, dump.stdout
    if days_ago:
        (made,) = db.backup_dir.iterdir()
        backdated(made, days_ago)
    secrets = {**SECRETS, **{("harbor-backup-s3", k): v for k, v in secrets_override.items()}}
    upload = db.run_pod(BACKUP, "upload", secrets=secrets)
    return dump, upload


def test_dumps_go_to_the_bucket_and_only_the_newest_stay(bucket_site: tuple[Database, FakeS3]) -> None:
    db, s3 = bucket_site
    uploaded = []
    for days in (2, 1, 0):
        _, upload = run_backup_pod(db, days_ago=days)
        assert upload.returncode == 0, upload.stdout
        (name,) = [p.name for p in db.backup_dir.iterdir()]
        assert name.startswith("registry-") and name.endswith("-schema180.dump")
        assert f"uploaded {name} to backup:{BUCKET}/{PREFIX}" in upload.stdout
        uploaded.append(name)
    assert s3.keys() == uploaded[-KEEP:]
    assert all(key.startswith(f"{PREFIX}/") for (_, key) in s3.objects)
    # what the bucket holds is the dump byte for byte
    newest = s3.objects[(BUCKET, f"{PREFIX}/{uploaded[-1]}")][0]
    assert newest == (db.backup_dir / uploaded[-1]).read_bytes()
    assert not s3.refused


def test_the_restore_pod_fetches_the_newest_dump_and_restores_it(bucket_site: tuple[Database, FakeS3]) -> None:
    db, s3 = bucket_site
    if not s3.keys():
        _, upload = run_backup_pod(db)
        assert upload.returncode == 0, upload.stdout
    db.sql("DELETE FROM robot; DELETE FROM project; UPDATE schema_migrations SET dirty = true")
    fresh_scratch(db)
    fetch = db.run_pod(RESTORE, "fetch", secrets=SECRETS)
    assert fetch.returncode == 0, fetch.stdout
    assert [p.name for p in db.backup_dir.iterdir()] == [s3.keys()[-1]]
    restore = db.run_pod(RESTORE, "restore")
    assert restore.returncode == 0, restore.stdout
    assert db.sql(ROWS) == EXPECTED_ROWS
    assert db.sql("SELECT version, dirty FROM schema_migrations") == "180|f"


def with_appended(db: Database, container: str, *extra: str) -> list[str]:
    """The restore container's arguments with `extra` appended, as the README's restore of an older dump
    has them edited."""
    return [*container_of(db.manifests, RESTORE, container)["command"][2:], *extra]


def test_an_older_dump_named_in_both_containers_is_fetched_and_restored(bucket_site: tuple[Database, FakeS3]) -> None:
    db, s3 = bucket_site
    while len(s3.keys()) < 2:
        _, upload = run_backup_pod(db, days_ago=len(s3.keys()) + 1)
        assert upload.returncode == 0, upload.stdout
    older = s3.keys()[0]
    db.sql("DELETE FROM robot")
    fresh_scratch(db)
    fetch = db.run_pod(RESTORE, "fetch", args=with_appended(db, "fetch", older), secrets=SECRETS)
    assert fetch.returncode == 0, fetch.stdout
    assert [p.name for p in db.backup_dir.iterdir()] == [older]
    _, folder = with_appended(db, "restore")                      # restore DIR: the pod's path of the dumps
    restore = db.run_pod(RESTORE, "restore", args=with_appended(db, "restore", f"{folder}/{older}"))
    assert restore.returncode == 0, restore.stdout
    assert db.sql(ROWS) == EXPECTED_ROWS
    # a name the bucket does not hold fails, listing what it holds
    fresh_scratch(db)
    missing = db.run_pod(RESTORE, "fetch", args=with_appended(db, "fetch", "registry-19990101T000000Z-schema180.dump"),
                         secrets=SECRETS)
    assert missing.returncode != 0 and "no dump registry-19990101T000000Z-schema180.dump" in missing.stdout
    assert older in missing.stdout


def test_a_wrong_key_fails_the_upload_and_keeps_the_bucket(bucket_site: tuple[Database, FakeS3]) -> None:
    db, s3 = bucket_site
    before = dict(s3.objects)
    _, upload = run_backup_pod(db, **{"access-key": "SOMEONEELSE"})
    assert upload.returncode != 0
    assert "InvalidAccessKeyId" in upload.stdout or "403" in upload.stdout
    assert s3.objects == before
    s3.refused.clear()


def test_an_empty_bucket_fails_the_restore(bucket_site: tuple[Database, FakeS3]) -> None:
    db, s3 = bucket_site
    saved = dict(s3.objects)
    s3.objects.clear()
    try:
        fresh_scratch(db)
        fetch = db.run_pod(RESTORE, "fetch", secrets=SECRETS)
        assert fetch.returncode != 0 and "no dump" in fetch.stdout
        assert db.sql(ROWS) == EXPECTED_ROWS
    finally:
        s3.objects.update(saved)

