"""The entry point's and the portal's nginx.conf, as dist/ carries them, run by Debian's nginx.

Each config runs unchanged inside a sandbox (tests/realsoftware.py): the ConfigMap bytes are bound
read-only at /etc/nginx/nginx.conf, as the pod mounts them, and nginx runs as the pod's user. The
upstream Service names of the entry point (`harbor-core:80`, `harbor-portal:80`, read from the
config) resolve through the sandbox's /etc/hosts to stub backends on loopback addresses, port 80,
which record what reaches them. Everything is checked over real HTTP.

Versions: Debian 12 ships nginx 1.22; the goharbor nginx-photon and harbor-portal images ship
newer builds. Every directive of the two configs predates 1.22 (the youngest are
`absolute_redirect`, 1.11.8, and `proxy_request_buffering`, 1.7.11), so both versions read them
alike; nothing here is version-specific. Only the command line differs from the image's
(`nginx -g "daemon off;"`): `-e stderr`, because Debian's build opens its compiled-in
/var/log/nginx/error.log before reading the config, which the unprivileged user may not write.
"""

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from realsoftware import (
    Bind,
    Sandbox,
    Server,
    StubServer,
    assert_service,
    config_map_data,
    nginx_listen_port,
    nginx_upstreams,
    require_sandbox,
    streamed_upload,
    unavailable,
    workdir,
)
from test_component_entrypoint import SECURITY_HEADERS, nginx_binary, request

import main

# what a browser or docker client sends; TLS ended at the Gateway, so the scheme core must see is
# the external one
HOST = main.HOSTNAME
EXTERNAL_SCHEME = main.EXTERNAL_URL.split("://", 1)[0]
UPLOAD_BYTES = 64 << 20
# the client stops after this much and waits for core to be receiving already
UPLOAD_PAUSE_AT = 16 << 20
STREAM_WAIT_SECONDS = 10


def pod_facts(manifests, deployment: str) -> tuple[int, int, str]:
    """(runAsUser, runAsGroup, where the config is mounted) of a Deployment's pod, from the manifest."""
    spec = manifests.get("Deployment", deployment).obj["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    (mount,) = [m for m in container["volumeMounts"] if m.get("subPath") == "nginx.conf"]
    security = spec["securityContext"]
    return security["runAsUser"], security["runAsGroup"], mount["mountPath"]


@pytest.fixture(scope="module")
def nginx() -> str:
    require_sandbox()
    return nginx_binary() or unavailable("nginx is not installed (Debian package `nginx`)")


@dataclass
class Running:
    sandbox: Sandbox
    server: Server
    port: int
    conf: str
    user: int
    stubs: dict[str, StubServer]

    def get(self, path: str, host: str = HOST, **kwargs) -> tuple[int, dict[str, str], bytes]:
        with self.sandbox.network():
            return request(self.port, path, host=host, **kwargs)


def start_nginx(nginx: str, sandbox: Sandbox, user: int, group: int, port: int) -> Server:
    server = sandbox.spawn("nginx", [nginx, "-e", "stderr", "-g", "daemon off;"], user=user, group=group)
    sandbox.wait_for_port(server, port)
    return server


# ---- the entry point -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def entrypoint(nginx: str, manifests, synth_dir: Path) -> Iterator[Running]:
    conf = config_map_data(synth_dir, "harbor-nginx")["nginx.conf"]
    upstreams = nginx_upstreams(conf)
    assert set(upstreams) == {"core", "portal"}, upstreams
    for host, port in upstreams.values():
        assert_service(manifests, host, port)
    # one loopback address per upstream: both Services use port 80
    addresses = {name: f"127.0.0.{index}" for index, name in enumerate(sorted(upstreams), start=2)}
    user, group, config_path = pod_facts(manifests, "harbor-nginx")
    with workdir("harbor-entrypoint-") as folder:
        (folder / "nginx.conf").write_bytes(conf.encode())
        hosts = {host: addresses[name] for name, (host, _) in upstreams.items()}
        with Sandbox(folder, [Bind(config_path, folder / "nginx.conf")], hosts=hosts) as sandbox:
            stubs: dict[str, StubServer] = {}
            try:
                for name, (_, port) in upstreams.items():
                    stubs[name] = StubServer(sandbox, name, addresses[name], port)
                port = nginx_listen_port(conf)
                server = start_nginx(nginx, sandbox, user, group, port)
                yield Running(sandbox, server, port, conf, user, stubs)
            finally:
                for stub in stubs.values():
                    stub.close()
                sandbox.report()


def test_nginx_accepts_the_entrypoint_config(entrypoint: Running, nginx: str) -> None:
    result = entrypoint.sandbox.run([nginx, "-t", "-e", "stderr"], user=entrypoint.user)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def _forwarded(running: Running, path: str, backend: str, host: str = HOST) -> dict[str, str]:
    """GET `path`; it must reach `backend` with the path unchanged. The headers the backend saw."""
    status, _headers, body = running.get(path, host=host)
    assert status == 200, (path, status, body[:200])
    answer = json.loads(body)
    assert (answer["backend"], answer["path"]) == (backend, path)
    seen = running.stubs[backend].seen[-1]
    assert seen.path == path
    return seen.headers


@pytest.mark.parametrize("path", ["/", "/index.html", "/harbor/projects/1/repositories", "/main.0123abcd.js"])
def test_ui_paths_reach_the_portal(entrypoint: Running, path: str) -> None:
    headers = _forwarded(entrypoint, path, "portal")
    assert headers["host"] == HOST
    assert headers["x-forwarded-proto"] == EXTERNAL_SCHEME == "https"
    assert headers["x-real-ip"] == headers["x-forwarded-for"] == "127.0.0.1"


@pytest.mark.parametrize("path", [
    "/api/v2.0/ping",
    "/api/v2.0/projects?page=1&page_size=10",
    "/service/token?service=harbor-registry&scope=repository:library/nginx:pull",
    "/v2/",
    "/v2/library/nginx/manifests/1.27",
    "/c/login",
    "/c/oidc/callback?code=abc&state=xyz",
])
def test_api_paths_reach_core(entrypoint: Running, path: str) -> None:
    headers = _forwarded(entrypoint, path, "core")
    # the original Host, and the scheme the client used at the Gateway: core builds its token
    # realm and redirect URLs from them
    assert headers["host"] == HOST
    assert headers["x-forwarded-proto"] == "https"
    assert headers["x-real-ip"] == headers["x-forwarded-for"] == "127.0.0.1"


def test_registry_path_keeps_the_clients_port(entrypoint: Running) -> None:
    # /v2/ forwards $http_host (port included: it goes into upload Location URLs); the others $host
    assert _forwarded(entrypoint, "/v2/", "core", host=f"{HOST}:8443")["host"] == f"{HOST}:8443"
    assert _forwarded(entrypoint, "/api/v2.0/ping", "core", host=f"{HOST}:8443")["host"] == HOST


@pytest.mark.parametrize("path", [
    "/v1/", "/v1/search?q=nginx", "/service/notifications", "/service/notifications/jobs/webhook/1",
])
def test_closed_paths_answer_404_without_reaching_anyone(entrypoint: Running, path: str) -> None:
    before = {name: len(stub.seen) for name, stub in entrypoint.stubs.items()}
    status, headers, _ = entrypoint.get(path)
    assert status == 404, path
    for name, value in SECURITY_HEADERS.items():   # `always`: on error pages too
        assert headers.get(name.lower()) == value, (path, name)
    assert {name: len(stub.seen) for name, stub in entrypoint.stubs.items()} == before, path


@pytest.mark.parametrize("path", ["/", "/api/v2.0/ping", "/v2/", "/service/token", "/c/login", "/v1/", "/nope"])
def test_security_headers_on_every_answer(entrypoint: Running, path: str) -> None:
    _, headers, _ = entrypoint.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, (path, name)
    assert headers.get("server") == "nginx", "server_tokens off: no version in the Server header"


def test_64mb_upload_streams_through_to_core(entrypoint: Running) -> None:
    core = entrypoint.stubs["core"]
    core.body_arriving.clear()
    arriving_early: list[bool] = []

    def check_core_receives() -> None:
        # a quarter of the body is sent and the client holds the rest back: with request buffering
        # nginx would still be reading it, and core would have received nothing yet
        arriving_early.append(core.body_arriving.wait(STREAM_WAIT_SECONDS))

    path = "/v2/library/big/blobs/uploads/6f1c2a0e-upload"
    status, _, body, sent_sha256 = streamed_upload(
        entrypoint.sandbox, entrypoint.port, path, size=UPLOAD_BYTES, host=HOST,
        pause_at=UPLOAD_PAUSE_AT, at_pause=check_core_receives)
    assert status == 200, body[:300]   # no body size limit: nginx's default 1m would answer 413
    answer = json.loads(body)
    assert (answer["backend"], answer["path"]) == ("core", path)
    assert (answer["body_size"], answer["body_sha256"]) == (UPLOAD_BYTES, sent_sha256)
    assert arriving_early == [True], (
        f"core had not received {core.stream_mark} bytes within {STREAM_WAIT_SECONDS} s although "
        f"{UPLOAD_PAUSE_AT} were sent: nginx buffers the request body")


# ---- the portal ----------------------------------------------------------------------------------

INDEX = b"<!doctype html><html><head><title>stub portal</title></head><body>index</body></html>\n"
SWAGGER = b"<!doctype html><title>stub api explorer</title>\n"
# a bundle above gzip_min_length, so that gzip applies
BUNDLE = b"".join(b"export const answer%d = %d;\n" % (i, i) for i in range(400))
BUNDLE_NAME = "main.0123abcd.js"


def declared_cache_control(conf: str) -> str:
    """The Cache-Control value the config adds to index.html."""
    block = re.search(r"location\s*=\s*/index\.html\s*\{(.*?)\}", conf, re.DOTALL)
    assert block, "the portal config has no `location = /index.html`"
    value = re.search(r'add_header\s+Cache-Control\s+(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+))', block.group(1))
    assert value, "`location = /index.html` adds no Cache-Control header"
    return (value.group(1) or value.group(2)).replace('\\"', '"').replace("\\\\", "\\")


@pytest.fixture(scope="module")
def portal(nginx: str, manifests, synth_dir: Path) -> Iterator[Running]:
    conf = config_map_data(synth_dir, "harbor-portal")["nginx.conf"]
    (root,) = re.findall(r"^\s*root\s+(\S+);", conf, re.MULTILINE)
    user, group, config_path = pod_facts(manifests, "harbor-portal")
    with workdir("harbor-portal-") as folder:
        (folder / "nginx.conf").write_bytes(conf.encode())
        html = folder / "html"   # stands in for the UI the harbor-portal image carries
        html.mkdir()
        (html / "index.html").write_bytes(INDEX)
        (html / "swagger-ui-index.html").write_bytes(SWAGGER)
        (html / BUNDLE_NAME).write_bytes(BUNDLE)
        for file in html.iterdir():
            file.chmod(0o644)
        binds = [Bind(config_path, folder / "nginx.conf"), Bind(root, html)]
        with Sandbox(folder, binds) as sandbox:
            try:
                port = nginx_listen_port(conf)
                server = start_nginx(nginx, sandbox, user, group, port)
                yield Running(sandbox, server, port, conf, user, {})
            finally:
                sandbox.report()


def test_nginx_accepts_the_portal_config(portal: Running, nginx: str) -> None:
    # `include mime.types` is relative to /etc/nginx, where Debian (like the image) keeps the map
    result = portal.sandbox.run([nginx, "-t", "-e", "stderr"], user=portal.user)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", ["/", "/index.html", "/harbor/projects/1/repositories", "/account-settings"])
def test_index_is_never_cached(portal: Running, path: str) -> None:
    # the UI's own routes are not files: try_files answers them with index.html, and through the
    # `= /index.html` location with the header it declares
    status, headers, body = portal.get(path)
    assert (status, body) == (200, INDEX), path
    assert headers.get("cache-control") == declared_cache_control(portal.conf) == "no-store, no-cache, must-revalidate"
    assert headers["content-type"].startswith("text/html")


def test_bundles_are_typed_compressed_and_cacheable(portal: Running) -> None:
    status, headers, body = portal.get(f"/{BUNDLE_NAME}")
    assert (status, body) == (200, BUNDLE)
    # mime.types resolved: browsers refuse scripts served as application/octet-stream
    assert headers["content-type"] == "application/javascript"
    assert "cache-control" not in headers
    status, headers, body = portal.get(f"/{BUNDLE_NAME}", headers={"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding")) == (200, "gzip")
    assert gzip.decompress(body) == BUNDLE


def test_api_explorer_page(portal: Running) -> None:
    status, _, body = portal.get("/devcenter-api-2.0")
    assert (status, body) == (200, SWAGGER)


def test_portal_hides_its_version(portal: Running) -> None:
    _, headers, _ = portal.get("/")
    assert headers.get("server") == "nginx"
