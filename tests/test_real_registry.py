"""The registry's config.yml, as dist/ carries it, run by Debian's distribution registry and redis.

The ConfigMap bytes are bound read-only where the pod mounts them (/etc/registry/config.yml); the
sandbox (tests/realsoftware.py) makes the rest of the pod true without touching the file: its
/etc/hosts maps the redis Service name from the config to a real redis-server on loopback, a
temporary folder is bound over the storage root the config names (/storage), and the htpasswd
path (/etc/registry/passwd) gets a file made by the project's secret generator, with the mode and
group the manifest gives it. The registry runs as the pod's user and groups, with the pod's
environment: REGISTRY_HTTP_SECRET the way the Secret hands it over. Then an image goes in and out
over the registry HTTP API v2 with basic auth as harbor_registry_user.

Versions. Harbor 2.15's registry-photon is built from distribution 2.8 with Harbor's patches;
Debian 12 ships distribution 2.8.2. Every key of our config is one that 2.8 reads, and nothing is
overridden through the environment (the only REGISTRY_* variable is the pod's own
REGISTRY_HTTP_SECRET). 2.8 ignores keys it does not know instead of rejecting them, so the tests
below prove each key by what it does, not by a clean start. Keys that belong to the 2.x line:
- `storage.cache.layerinfo`: 2.8 documents it as the deprecated name of `blobdescriptor` and still
  reads it; Harbor's own configs use it (test_layer_info_is_cached_in_the_configured_redis_db);
- `redis.pool.{maxidle,maxactive,idletimeout}`: the 2.x redis pool keys (newer distribution
  releases configure their redis client with different keys);
- `compatibility.schema1.enabled`: 2.x only; schema1 support is gone from newer releases. 2.8
  answers with a generated signing key at start; schema1 pushes are not exercised here;
- `validation.disabled`: in 2.8 it replaces the older `validation.enabled`; with no
  `validation.manifests.urls` lists it changes nothing observable
  (test_manifests_may_reference_foreign_layers shows what Harbor needs from it).
Harbor's fork adds `redis.username` (and TLS/sentinel settings), which Debian's 2.8 does not
know; our config sets none of them, correctly so for Harbor's unauthenticated in-cluster redis.
"""

import base64
import gzip
import hashlib
import http.client
import io
import json
import os
import signal
import socket
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import container_named
from fast_yaml import load_yaml
from realsoftware import (
    Bind,
    Sandbox,
    Server,
    assert_service,
    config_map_data,
    program,
    redis_commands,
    require_sandbox,
    workdir,
)
from test_component_entrypoint import request

from constructs.harbor._components.metric_catalog import METRICS
from constructs.harbor._components.runtime_contracts import DISTRIBUTION
from constructs.harbor.harbor_secrets import REGISTRY_USER, SPECS
from constructs.harbor.secret_generator import htpasswd_line, random_string

REPOSITORY = "library/hello"
MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@dataclass
class Registry:
    sandbox: Sandbox
    server: Server
    port: int
    config: dict[str, Any]
    password: str
    storage: Path
    redis_port: int
    debug_port: int

    def call(self, method: str, path: str, *, password: str | None = None, body: bytes | None = None,
             headers: dict[str, str] | None = None, auth: bool = True) -> tuple[int, dict[str, str], bytes]:
        extra = dict(headers or {})
        if auth:
            extra["Authorization"] = basic(REGISTRY_USER, self.password if password is None else password)
        with self.sandbox.network():
            return request(self.port, path, method=method, host=f"127.0.0.1:{self.port}", body=body, headers=extra)


def container(manifests, deployment: str, name: str) -> tuple[dict, dict]:
    """(pod spec, container) of a workload, from the synthesized manifest."""
    pod = manifests.get("Deployment", deployment).obj["spec"]["template"]["spec"]
    return pod, container_named(pod, name)


def pod_env(container_spec: dict, secrets: dict[tuple[str, str], str]) -> dict[str, str]:
    """The container's environment as the kubelet builds it: literal values and Secret keys."""
    env = {}
    for item in container_spec.get("env", []):
        if "value" in item:
            env[item["name"]] = item["value"]
            continue
        ref = item["valueFrom"]["secretKeyRef"]
        assert (ref["name"], ref["key"]) in secrets, f"the test has no value for Secret {ref}: add it"
        env[item["name"]] = secrets[(ref["name"], ref["key"])]
    return env


@contextmanager
def running_registry(manifests, synth_dir: Path) -> Iterator[Registry]:
    """The registry of dist/ with its redis, in a sandbox of their own (see the module doc)."""
    require_sandbox()
    docker_registry, redis_server = program("docker-registry"), program("redis-server")
    text = config_map_data(synth_dir, "harbor-registry")["config.yml"]
    config = load_yaml(text)
    pod, spec = container(manifests, "harbor-registry", "registry")
    mounts = {m["mountPath"]: m for m in spec["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    (config_path,) = [path for path, m in mounts.items() if m.get("subPath") == "config.yml"]
    htpasswd_path = config["auth"]["htpasswd"]["path"]
    storage_root = config["storage"]["filesystem"]["rootdirectory"]
    for path in (htpasswd_path, storage_root):
        assert path in mounts, f"config.yml names {path}, where the registry container mounts nothing: {sorted(mounts)}"
    htpasswd_volume = volumes[mounts[htpasswd_path]["name"]]["secret"]
    assert "persistentVolumeClaim" in volumes[mounts[storage_root]["name"]], "the storage root must be the claim"
    redis_host, redis_port = config["redis"]["addr"].rsplit(":", 1)
    assert_service(manifests, redis_host, int(redis_port))
    port = int(config["http"]["addr"].rsplit(":", 1)[1])
    debug_port = int(config["http"]["debug"]["addr"].rsplit(":", 1)[1])
    security = pod["securityContext"]
    redis_pod = manifests.get("StatefulSet", "harbor-redis").obj["spec"]["template"]["spec"]
    redis_user = redis_pod.get("securityContext", {}).get("runAsUser", 999)

    password = random_string(32)
    http_secret = SPECS["registry_http_secret"]
    env = pod_env(spec, {(http_secret.secret("harbor"), http_secret.key): random_string(32)})

    with workdir("harbor-registry-") as folder:
        (folder / "config.yml").write_bytes(text.encode())
        (folder / "config.yml").chmod(0o644)
        # as the kubelet writes a Secret volume with fsGroup: group-owned by it, with defaultMode
        passwd = folder / "passwd"
        passwd.write_text(htpasswd_line(REGISTRY_USER, password))   # the Secret value: one line, no newline
        os.chown(passwd, 0, security["fsGroup"])
        passwd.chmod(htpasswd_volume["defaultMode"])
        storage = folder / "storage"   # the claim: its root group-owned by fsGroup, setgid
        storage.mkdir()
        os.chown(storage, 0, security["fsGroup"])
        storage.chmod(0o2775)
        binds = [Bind(config_path, folder / "config.yml"), Bind(htpasswd_path, passwd),
                 Bind(storage_root, storage, read_only=False)]
        with Sandbox(folder, binds, hosts={redis_host: "127.0.0.1"}) as sandbox:
            try:
                redis = sandbox.spawn("redis", [redis_server, "--bind", "127.0.0.1", "--port", redis_port,
                                                "--save", "", "--appendonly", "no", "--dir", "/tmp"],
                                      user=redis_user)
                sandbox.wait_for_port(redis, int(redis_port))
                # Debian's binary in place of the image's /usr/bin/registry_DO_NOT_USE_GC; same arguments
                server = sandbox.spawn("registry", [docker_registry, *spec["command"][1:]],
                                       user=security["runAsUser"], group=security["runAsGroup"],
                                       groups=(security["fsGroup"],), env=env)
                sandbox.wait_for_port(server, port)
                yield Registry(sandbox, server, port, config, password, storage, int(redis_port), debug_port)
            finally:
                sandbox.report()


@pytest.fixture(scope="module")
def registry(manifests, synth_dir: Path) -> Iterator[Registry]:
    with running_registry(manifests, synth_dir) as running:
        yield running


def test_the_pod_environment_overrides_nothing_but_the_secret(registry: Registry, manifests) -> None:
    _, spec = container(manifests, "harbor-registry", "registry")
    overrides = sorted(e["name"] for e in spec["env"] if e["name"].startswith("REGISTRY_"))
    assert overrides == ["REGISTRY_HTTP_SECRET"]


def test_registry_reads_the_secret_log_and_cache_settings(registry: Registry) -> None:
    log = registry.server.output()
    # REGISTRY_HTTP_SECRET reached it: without, 2.8 warns and makes up a secret of its own
    assert "No HTTP secret provided" not in log, log
    assert "using redis blob descriptor cache" in log, log   # storage.cache.layerinfo: redis
    assert "service=registry" in log, log                      # log.fields
    assert "level=debug" not in log                            # log.level: info


def test_requests_without_credentials_are_challenged(registry: Registry) -> None:
    status, headers, _ = registry.call("GET", "/v2/", auth=False)
    assert status == 401
    assert headers["www-authenticate"] == f'Basic realm="{registry.config["auth"]["htpasswd"]["realm"]}"'


def test_the_generated_htpasswd_line_lets_harbor_in(registry: Registry) -> None:
    status, headers, _ = registry.call("GET", "/v2/")
    assert status == 200
    assert headers["docker-distribution-api-version"] == "registry/2.0"


def test_a_wrong_password_gets_401(registry: Registry) -> None:
    wrong = registry.password[:-1] + ("x" if registry.password[-1] != "x" else "y")
    assert registry.call("GET", "/v2/", password=wrong)[0] == 401
    assert registry.call("POST", f"/v2/{REPOSITORY}/blobs/uploads/", password=wrong)[0] == 401
    assert registry.call("GET", "/v2/", password="")[0] == 401


# ---- an image, pushed and pulled ---------------------------------------------------------------

def layer_tar_gz() -> tuple[bytes, str]:
    """A gzipped layer with one file, built the same way every time; and its uncompressed digest."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        content = b"hello from a harbor registry test\n"
        info = tarfile.TarInfo("hello.txt")
        info.size, info.mtime, info.mode = len(content), 0, 0o644
        tar.addfile(info, io.BytesIO(content))
    return gzip.compress(raw.getvalue(), mtime=0), sha256(raw.getvalue())


def location(headers: dict[str, str]) -> str:
    """The path and query of an upload Location (absolute with relativeurls: false)."""
    parts = urlsplit(headers["location"])
    return parts.path + (f"?{parts.query}" if parts.query else "")


def with_digest(url: str, digest: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}digest={digest}"


@dataclass(frozen=True)
class Pushed:
    layer: bytes
    config: bytes
    manifest: bytes
    oci_manifest: bytes


@pytest.fixture(scope="module")
def pushed(registry: Registry) -> Pushed:
    layer, diff_id = layer_tar_gz()
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/hello"]},
                         "rootfs": {"type": "layers", "diff_ids": [diff_id]}}, sort_keys=True).encode()
    # the layer as a client sends it: start an upload, PATCH the bytes, close it with the digest
    status, headers, body = registry.call("POST", f"/v2/{REPOSITORY}/blobs/uploads/")
    assert status == 202, body
    status, headers, body = registry.call("PATCH", location(headers), body=layer,
                                          headers={"Content-Type": "application/octet-stream"})
    assert status == 202, body
    assert headers["range"] == f"0-{len(layer) - 1}"
    status, headers, body = registry.call("PUT", with_digest(location(headers), sha256(layer)))
    assert status == 201, body
    assert headers["docker-content-digest"] == sha256(layer)
    # the config in one PUT that closes the upload (2.8 has no single-POST upload: it answers 202
    # to a POST with a digest and ignores the body)
    status, headers, body = registry.call("POST", f"/v2/{REPOSITORY}/blobs/uploads/")
    assert status == 202, body
    status, headers, body = registry.call("PUT", with_digest(location(headers), sha256(config)), body=config,
                                          headers={"Content-Type": "application/octet-stream"})
    assert status == 201, body
    assert headers["docker-content-digest"] == sha256(config)

    def manifest(media_type: str, layer_type: str, config_type: str) -> bytes:
        return json.dumps({
            "schemaVersion": 2, "mediaType": media_type,
            "config": {"mediaType": config_type, "size": len(config), "digest": sha256(config)},
            "layers": [{"mediaType": layer_type, "size": len(layer), "digest": sha256(layer)}],
        }, indent=3).encode()

    docker = manifest(MANIFEST_V2, DOCKER_LAYER, DOCKER_CONFIG)
    oci = manifest(OCI_MANIFEST, "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.config.v1+json")
    for tag, content, media_type in (("v1", docker, MANIFEST_V2), ("v1-oci", oci, OCI_MANIFEST)):
        status, headers, body = registry.call("PUT", f"/v2/{REPOSITORY}/manifests/{tag}", body=content,
                                              headers={"Content-Type": media_type})
        assert status == 201, body
        assert headers["docker-content-digest"] == sha256(content)
    return Pushed(layer, config, docker, oci)


@pytest.mark.parametrize(("tag", "media_type"), [("v1", MANIFEST_V2), ("v1-oci", OCI_MANIFEST)])
def test_manifests_come_back_byte_for_byte(registry: Registry, pushed: Pushed, tag: str, media_type: str) -> None:
    expected = pushed.manifest if media_type == MANIFEST_V2 else pushed.oci_manifest
    for reference in (tag, sha256(expected)):
        status, headers, body = registry.call("GET", f"/v2/{REPOSITORY}/manifests/{reference}",
                                              headers={"Accept": media_type})
        assert status == 200, body
        assert body == expected
        assert headers["docker-content-digest"] == sha256(expected)
        assert headers["content-type"] == media_type


def test_blobs_come_back_with_their_digests(registry: Registry, pushed: Pushed) -> None:
    for blob in (pushed.layer, pushed.config):
        status, headers, body = registry.call("GET", f"/v2/{REPOSITORY}/blobs/{sha256(blob)}")
        assert status == 200
        assert sha256(body) == sha256(blob) == headers["docker-content-digest"]
        status, headers, _ = registry.call("HEAD", f"/v2/{REPOSITORY}/blobs/{sha256(blob)}")
        assert (status, int(headers["content-length"])) == (200, len(blob))
    status, _, body = registry.call("GET", f"/v2/{REPOSITORY}/tags/list")
    assert status == 200
    assert sorted(json.loads(body)["tags"]) == ["v1", "v1-oci"]


def test_blobs_are_in_the_storage_folder(registry: Registry, pushed: Pushed) -> None:
    # the folder bound over rootdirectory holds the data: the registry wrote where the claim is
    v2 = registry.storage / "docker" / "registry" / "v2"
    for blob in (pushed.layer, pushed.config, pushed.manifest):
        digest = hashlib.sha256(blob).hexdigest()
        assert (v2 / "blobs" / "sha256" / digest[:2] / digest / "data").read_bytes() == blob
    tag_link = v2 / "repositories" / REPOSITORY / "_manifests" / "tags" / "v1" / "current" / "link"
    assert tag_link.read_text() == sha256(pushed.manifest)


def test_layer_info_is_cached_in_the_configured_redis_db(registry: Registry, pushed: Pushed) -> None:
    db = registry.config["redis"]["db"]
    # a pull reads the descriptor through the cache, which fills it
    assert registry.call("HEAD", f"/v2/{REPOSITORY}/blobs/{sha256(pushed.layer)}")[0] == 200
    _, keys, layer_info, repository_blobs = redis_commands(
        registry.sandbox, registry.redis_port,
        ("SELECT", db), ("KEYS", "*"), ("HGETALL", f"blobs::{sha256(pushed.layer)}"),
        ("SMEMBERS", f"repository::{REPOSITORY}::blobs"))
    assert f"blobs::{sha256(pushed.layer)}" in keys, keys
    fields = dict(zip(layer_info[::2], layer_info[1::2]))
    assert fields["digest"] == sha256(pushed.layer)
    assert int(fields["size"]) == len(pushed.layer)
    assert sha256(pushed.layer) in repository_blobs
    # and only there: the other databases belong to core, jobservice and trivy
    others = [n for n in range(16) if n != db]
    sizes = redis_commands(registry.sandbox, registry.redis_port,
                           *[c for n in others for c in (("SELECT", n), ("DBSIZE",))])[1::2]
    assert sizes == [0] * len(others)


def test_manifests_may_reference_foreign_layers(registry: Registry, pushed: Pushed) -> None:
    # Windows base images point at layers on Microsoft's servers, never pushed: the registry must
    # take the manifest without having the blob, whatever the URL
    foreign = {"mediaType": FOREIGN_LAYER, "size": 123456, "digest": sha256(b"a layer kept elsewhere"),
               "urls": ["https://mcr.microsoft.example/layers/abc"]}
    content = json.dumps({
        "schemaVersion": 2, "mediaType": MANIFEST_V2,
        "config": {"mediaType": DOCKER_CONFIG, "size": len(pushed.config), "digest": sha256(pushed.config)},
        "layers": [foreign, {"mediaType": DOCKER_LAYER, "size": len(pushed.layer), "digest": sha256(pushed.layer)}],
    }).encode()
    status, headers, body = registry.call("PUT", f"/v2/{REPOSITORY}/manifests/windows", body=content,
                                          headers={"Content-Type": MANIFEST_V2})
    assert status == 201, body
    assert headers["docker-content-digest"] == sha256(content)


def test_deletes_are_enabled(registry: Registry, pushed: Pushed) -> None:
    # Harbor removes artifacts through the registry API (storage.delete.enabled); 405 without it
    content = pushed.manifest.replace(b'"schemaVersion"', b'"annotations": {}, "schemaVersion"')
    status, _headers, body = registry.call("PUT", f"/v2/{REPOSITORY}/manifests/to-delete", body=content,
                                          headers={"Content-Type": MANIFEST_V2})
    assert status == 201, body
    status, _, body = registry.call("DELETE", f"/v2/{REPOSITORY}/manifests/{sha256(content)}")
    assert status == 202, body
    assert registry.call("GET", f"/v2/{REPOSITORY}/manifests/{sha256(content)}",
                         headers={"Accept": MANIFEST_V2})[0] == 404
    # the image pushed before is untouched
    assert registry.call("GET", f"/v2/{REPOSITORY}/manifests/v1", headers={"Accept": MANIFEST_V2})[0] == 200


def test_the_debug_listener_serves_the_catalogued_metrics(registry: Registry, pushed: Pushed) -> None:
    # HarborMetrics (on in the homelab) makes the debug listener the metrics listener, on every interface
    assert registry.config["http"]["debug"] == {"addr": ":8001", "prometheus": {"enabled": True, "path": "/metrics"}}
    # a pull: a blob descriptor cache lookup and storage driver calls, which the counters below record
    assert registry.call("HEAD", f"/v2/{REPOSITORY}/blobs/{sha256(pushed.layer)}")[0] == 200
    with registry.sandbox.network():
        status, _headers, body = request(registry.debug_port, "/metrics", host=f"127.0.0.1:{registry.debug_port}")
    assert status == 200
    served = {line.split("{")[0].split(" ")[0] for line in body.decode().splitlines()
              if line and not line.startswith("#")}
    # every metric of the registry the alerts and dashboard read, under the catalogue's name
    for metric in METRICS.values():
        if metric.source.repo == DISTRIBUTION:
            assert set(metric.series) & served, f"{metric.name} is not served; the registry serves {sorted(served)}"


def test_the_debug_listener_also_shows_the_redis_configuration(registry: Registry) -> None:
    # why the registry's NetworkPolicy lets only Prometheus reach this port: /debug/vars answers without
    # credentials on the same listener, with the registry's whole Redis configuration, password field included
    with registry.sandbox.network():
        status, _headers, body = request(registry.debug_port, "/debug/vars", host=f"127.0.0.1:{registry.debug_port}")
    assert status == 200
    published = json.loads(body)
    assert "memstats" in published
    assert "Password" in published["registry"]["redis"]["Config"]


def refused(port: int) -> bool:
    """Whether a new connection to the port is refused (call inside the sandbox's network)."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def test_sigterm_drains_an_upload_in_flight(manifests, synth_dir: Path) -> None:
    # The kubelet sends SIGTERM at every rollout, eviction and drain. distribution handles it only with
    # http.draintimeout (registry/registry.go, ListenAndServe); without it the process ends at once and
    # a push in flight breaks. With it the listener closes, so new requests go to other pods, and the
    # upload under way completes.
    with running_registry(manifests, synth_dir) as registry:
        layer = os.urandom(1 << 20)
        status, headers, _ = registry.call("POST", f"/v2/{REPOSITORY}/blobs/uploads/")
        assert status == 202, status
        target = urlsplit(with_digest(location(headers), sha256(layer)))
        with registry.sandbox.network():
            upload = http.client.HTTPConnection("127.0.0.1", registry.port, timeout=20)
            upload.putrequest("PUT", f"{target.path}?{target.query}", skip_host=True)
            for name, value in (("Host", f"127.0.0.1:{registry.port}"), ("Content-Length", str(len(layer))),
                                ("Content-Type", "application/octet-stream"),
                                ("Authorization", basic(REGISTRY_USER, registry.password))):
                upload.putheader(name, value)
            upload.endheaders()
            upload.send(layer[: len(layer) // 2])
            # in flight: the registry has accepted the connection and is reading the body (a connection
            # the kernel queued but the registry had not accepted yet is reset when the listener closes,
            # as it would be on any server)
            server = registry.server
            server.wait_for(lambda: any('msg="authorized request"' in line and "http.request.method=PUT" in line
                                        for line in server.output().splitlines()), "the upload at the registry", 10)
            os.kill(server.process.pid, signal.SIGTERM)
            # draining: the registry logs it, then closes its listener (new connections are refused); it
            # dies on SIGTERM without http.draintimeout
            server.wait_for(lambda: "stopping server gracefully" in server.output() and refused(registry.port),
                            "a drain", 10)
            upload.send(layer[len(layer) // 2:])
            response = upload.getresponse()
            assert response.status == 201, (response.status, response.read())
            upload.close()
        registry.server.process.wait(timeout=10)
        assert registry.server.process.returncode == 0, registry.server.output()
