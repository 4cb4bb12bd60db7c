"""The nginx entry point `harbor:80`, and the typed nginx configuration model both nginx configs use.

The routing table, headers and limits are checked on the typed tree (no parsing) and on the
rendered text. Where nginx is installed, the rendered configs also go through `nginx -t`, and the
entry point runs for real on the loopback interface in front of two stub backends.
"""

import dataclasses
import http.client
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import (
    Built,
    Workload,
    assert_nginx_reads_its_config_map,
    assert_service_selects,
    build_component,
    find,
    harbor_chart,
    harbor_source,
)

from constructs.harbor._components.constants import NGINX_PORT
from constructs.harbor._components.entrypoint import ROUTES, Backend, Entrypoint, entrypoint_config
from constructs.harbor._components.nginx_conf import SCRATCH_DIR, Block, Config, Directive, block, directive, quote
from constructs.harbor._components.portal import portal_config
from constructs.harbor.kit.handles import ServicePort
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import HarborReplicas, HarborResources

EXPECTED_ROUTING = (
    ("/", "portal"),
    ("/api/", "core"),
    ("/c/", "core"),
    ("/v1/", "404"),
    ("/v2/", "core"),
    ("/service/", "core"),
    ("/service/notifications", "404"),
)
SECURITY_HEADERS = {"X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'"}
NGINX = Workload("Deployment", "harbor-nginx", ("nginx",))
TEMP_PATHS = ("client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path")


# ---- helpers over the typed tree ---------------------------------------------------------------

def rewrite(node: Config | Block, change: Callable[[Directive], tuple[Directive, ...]]) -> Config | Block:
    """A copy of the tree in which every directive is replaced by `change(directive)` (0..n of them)."""
    children = []
    for child in node.children:
        children.extend(change(child) if isinstance(child, Directive) else (rewrite(child, change),))
    return dataclasses.replace(node, children=tuple(children))


def relocate_scratch(config: Config, into: Path) -> Config:
    """The same config with SCRATCH_DIR moved into `into`, so a test leaves nothing in /tmp."""
    def change(d: Directive) -> tuple[Directive, ...]:
        if d.name != "pid" and not d.name.endswith("_temp_path"):
            return (d,)
        (path,) = d.args
        assert path.startswith(SCRATCH_DIR + "/"), d
        return (Directive(d.name, (str(into) + path[len(SCRATCH_DIR):],)),)
    return rewrite(config, change)


def location_for(server: Block, path: str) -> Block:
    """The location nginx picks for `path`: an exact `=` match, else the longest prefix (no regexes here)."""
    locations = server.blocks("location")
    assert all(loc.args[0] in ("=",) or len(loc.args) == 1 for loc in locations), "only prefix and exact locations"
    exact = [loc for loc in locations if loc.args == ("=", path)]
    if exact:
        return exact[0]
    prefixes = [loc for loc in locations if len(loc.args) == 1 and path.startswith(loc.args[0])]
    return max(prefixes, key=lambda loc: len(loc.args[0]))


def backend_of(location: Block) -> str:
    if location.directives("return"):
        return location.value("return")[0]
    (target,) = location.value("proxy_pass")
    return target.removeprefix("http://").split("/", 1)[0]


def headers_of(location: Block) -> dict[str, str]:
    pairs = location.values("proxy_set_header")
    assert len({name for name, _ in pairs}) == len(pairs), f"a header set twice in {location.args}"
    return dict(pairs)


def nginx_words(line: str) -> list[str]:
    """The words of one rendered directive line as nginx's tokenizer (ngx_conf_read_token) reads them."""
    def unescape(raw: str) -> str:
        out, i = [], 0
        while i < len(raw):
            if raw[i] == "\\" and i + 1 < len(raw):
                nxt = raw[i + 1]
                if nxt in "\"'\\":
                    out.append(nxt)
                    i += 2
                    continue
                if nxt in "trn":
                    out.append({"t": "\t", "r": "\r", "n": "\n"}[nxt])
                    i += 2
                    continue
            out.append(raw[i])
            i += 1
        return "".join(out)

    words, i = [], 0
    line = line.strip()
    assert line.endswith(";"), line
    while True:
        while line[i] == " ":
            i += 1
        if line[i] == ";":
            assert i == len(line) - 1, f"text after ';' in {line!r}"
            return words
        if line[i] in "\"'":
            closing, i = line[i], i + 1
            start = i
            while line[i] != closing:
                i += 2 if line[i] == "\\" else 1
            raw, i = line[start:i], i + 1
            assert line[i] in " ;", f"nginx wants a space after a quoted word in {line!r}"
        else:
            assert line[i] not in "{}#", f"unquoted word starts with {line[i]!r} in {line!r}"
            start = i
            while line[i] not in " ;{}":
                i += 2 if line[i] == "\\" else 1
            raw = line[start:i]
        words.append(unescape(raw))


# ---- the model ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("argument", "rendered"), [
    ("auto", "auto"),
    ("$proxy_add_x_forwarded_for", "$proxy_add_x_forwarded_for"),
    ("[::]:8080", "[::]:8080"),
    ("http://core/v2/", "http://core/v2/"),
    ("", '""'),
    ("frame-ancestors 'none'", "\"frame-ancestors 'none'\""),
    ("no-store, no-cache", '"no-store, no-cache"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("a\\b", '"a\\\\b"'),
    ("a;b", '"a;b"'),
    ("{x}", '"{x}"'),
    ("#x", '"#x"'),
])
def test_quote(argument: str, rendered: str) -> None:
    assert quote(argument) == rendered


@pytest.mark.parametrize("argument", [
    "plain", "", "two words", "it's", 'a "quoted" word', "back\\slash", "\\t is not a tab", "\\",
    "ends with \\", "semi;colon", "{braces}", "#hash", "${var}", "'single'", '"', "mixed \"'\\;{}# all",
])
def test_arguments_survive_nginx_tokenizer(argument: str) -> None:
    line = Directive("add_header", ("X-Test", argument, "always")).render()[0]
    assert nginx_words(line) == ["add_header", "X-Test", argument, "always"]


def test_render_is_indented_and_deterministic() -> None:
    config = Config((
        directive("worker_processes", "auto"),
        block("events", children=[directive("worker_connections", 1024)]),
        block("http", children=[
            directive("include", "mime.types"),
            block("server", children=[directive("listen", 8080),
                                      block("location", "=", "/x", children=[directive("return", 404)])]),
        ]),
    ))
    expected = (
        "worker_processes auto;\n"
        "\n"
        "events {\n"
        "    worker_connections 1024;\n"
        "}\n"
        "\n"
        "http {\n"
        "    include mime.types;\n"
        "\n"
        "    server {\n"
        "        listen 8080;\n"
        "\n"
        "        location = /x {\n"
        "            return 404;\n"
        "        }\n"
        "    }\n"
        "}\n"
    )
    assert config.render() == expected
    assert config.render() == config.render()
    assert Config(config.children) == config   # values, not identities: equal trees, equal configs


def test_inspection() -> None:
    config = Config((block("http", children=[
        directive("proxy_set_header", "Host", "$host"),
        directive("proxy_set_header", "X-Real-IP", "$remote_addr"),
        block("upstream", "core", children=[directive("server", "harbor-core:80")]),
        block("upstream", "portal", children=[directive("server", "harbor-portal:80")]),
    ]),))
    http = config.block("http")
    assert http.values("proxy_set_header") == (("Host", "$host"), ("X-Real-IP", "$remote_addr"))
    assert http.block("upstream", "portal").value("server") == ("harbor-portal:80",)
    assert [b.args for b in http.blocks("upstream")] == [("core",), ("portal",)]
    assert http.blocks("upstream", "nope") == ()
    with pytest.raises(LookupError, match="block 'upstream'"):
        http.block("upstream")                        # two of them
    with pytest.raises(LookupError, match="directive 'listen'"):
        http.directive("listen")                      # none
    servers = [(tuple(b.name for b in ancestors), node.args) for ancestors, node in config.walk()
               if isinstance(node, Directive) and node.name == "server"]
    assert servers == [(("http", "upstream"), ("harbor-core:80",)), (("http", "upstream"), ("harbor-portal:80",))]


def test_integer_arguments_become_text() -> None:
    assert Directive("proxy_read_timeout", (900,)).args == ("900",)
    assert directive("listen", 8080) == Directive("listen", ("8080",))


@pytest.mark.parametrize(("build", "field"), [
    (lambda: Directive("Proxy-Pass", ("x",)), "Directive.name"),
    (lambda: Directive("", ()), "Directive.name"),
    (lambda: Directive("add_header", "X-Frame-Options"), "Directive.args"),
    (lambda: Directive("add_header", ("X", "a\nb")), "Directive.args"),
    (lambda: Directive("add_header", ("X", "a\tb")), "Directive.args"),
    (lambda: Directive("gzip", (True,)), "Directive.args"),
    (lambda: Directive("gzip", (None,)), "Directive.args"),
    (lambda: Block("location x", ("/",)), "Block.name"),
    (lambda: Block("location", "/"), "Block.args"),
    (lambda: Block("server", (), ("listen 80;",)), "Block.children"),
    (lambda: Block("server", (), directive("listen", 80)), "Block.children"),
    (lambda: Config(("worker_processes auto;",)), "Config.children"),
])
def test_bad_nodes_are_rejected(build: Callable[[], object], field: str) -> None:
    with pytest.raises(ValueError, match=field.replace(".", r"\.")):
        build()


# ---- the entry point ---------------------------------------------------------------------------

def build(**context_fields) -> Built:
    return build_component(Entrypoint, **context_fields)


@pytest.fixture(scope="module")
def server(built) -> Block:
    _, entrypoint, _ = built
    return entrypoint.config.block("http").block("server")


def test_configmap_holds_the_rendered_model(built) -> None:
    _, entrypoint, manifests = built
    config_map = find(manifests, "ConfigMap", "harbor-nginx")
    assert config_map["data"] == {"nginx.conf": entrypoint.config.render()}


def test_routing_table(built, server) -> None:
    _, entrypoint, _ = built
    assert entrypoint.routing == EXPECTED_ROUTING
    assert all(isinstance(b, Backend) for _, b in entrypoint.routing)
    # the description is what the config does: one location per route, to the named backend
    assert [loc.args for loc in server.blocks("location")] == [(path,) for path, _ in EXPECTED_ROUTING]
    for path, backend in EXPECTED_ROUTING:
        assert backend_of(server.block("location", path)) == backend


@pytest.mark.parametrize(("path", "backend"), [
    ("/", "portal"),
    ("/harbor/projects/1/repositories", "portal"),
    ("/swagger-ui-index.html", "portal"),
    ("/api/v2.0/ping", "core"),
    ("/c/login", "core"),
    ("/c/oidc/callback", "core"),
    ("/v2/", "core"),
    ("/v2/library/nginx/blobs/uploads/", "core"),
    ("/service/token", "core"),
    ("/service/notifications", "404"),
    ("/service/notifications/jobs/webhook/1", "404"),
    ("/v1/", "404"),
    ("/v1/search", "404"),
])
def test_nginx_location_choice(server, path: str, backend: str) -> None:
    assert backend_of(location_for(server, path)) == backend


def test_every_proxied_location_streams_and_forwards(server) -> None:
    proxied = [loc for loc in server.blocks("location") if loc.directives("proxy_pass")]
    assert {loc.args[0] for loc in proxied} == {"/", "/api/", "/c/", "/v2/", "/service/"}
    for location in proxied:
        path = location.args[0]
        # the path goes on unchanged: the URI part of proxy_pass is the location prefix itself
        assert location.value("proxy_pass")[0].endswith(path)
        assert location.value("proxy_buffering") == ("off",)
        assert location.value("proxy_request_buffering") == ("off",)
        headers = headers_of(location)
        assert headers["X-Real-IP"] == "$remote_addr"
        assert headers["X-Forwarded-For"] == "$proxy_add_x_forwarded_for"
        assert headers["X-Forwarded-Proto"] == "https"
        assert headers["Host"] == ("$http_host" if path == "/v2/" else "$host")


def test_long_timeouts_are_where_harbor_has_them(server) -> None:
    # Harbor's template: /v2/ (layers of several GB) and /c/ (a login waits on LDAP or the OIDC provider)
    for path in ("/v2/", "/c/"):
        location = server.block("location", path)
        assert location.value("proxy_send_timeout") == ("900",)
        assert location.value("proxy_read_timeout") == ("900",)
    for location in server.blocks("location"):
        if location.args not in (("/v2/",), ("/c/",)):
            assert not location.directives("proxy_read_timeout"), location.args


# ---- against Harbor's own entry point --------------------------------------------------------------

HARBOR_NGINX_TEMPLATE = "make/photon/prepare/templates/nginx/nginx.http.conf.jinja"
# what a location does with a request: where it goes, how it streams, how long nginx waits
ROUTING_DIRECTIVES = ("proxy_pass", "return", "proxy_buffering", "proxy_request_buffering",
                     "proxy_send_timeout", "proxy_read_timeout")
# Harbor's template passes on the client's X-Forwarded-Proto (else $scheme); ours sends the external
# scheme, because TLS ends at the Gateway and nginx only ever sees http (test above).
OWN_HEADERS = {"X-Forwarded-Proto"}


def harbor_locations() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """Harbor v2.15.1's entry point without internal TLS: location path -> directive -> the arguments of each."""
    text = harbor_source(HARBOR_NGINX_TEMPLATE)
    text = re.sub(r"\{% if internal_tls.enabled %\}.*?\{% else %\}(.*?)\{% endif %\}", r"\1", text, flags=re.S)
    server = text[text.index("\n  server {"):text.index("{% if metric.enabled %}")]
    assert "{%" not in server, "a template switch this reading does not resolve"
    locations: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for path, body in re.findall(r"location\s+(\S+)\s*\{(.*?)\}", server, flags=re.S):
        directives: dict[str, tuple[tuple[str, ...], ...]] = {}
        for statement in body.split(";"):
            name, *args = statement.split() or [""]
            if name:
                directives[name] = (*directives.get(name, ()), tuple(args))
        locations[path] = directives
    return locations


def test_every_location_routes_streams_and_waits_as_harbor_s_own(server) -> None:
    harbor = harbor_locations()
    assert {loc.args[0] for loc in server.blocks("location")} == set(harbor)
    for path, directives in harbor.items():
        ours = server.block("location", path)
        for name in ROUTING_DIRECTIVES:
            assert ours.values(name) == directives.get(name, ()), f"location {path}: {name}"
        theirs = {header: value for header, value in directives.get("proxy_set_header", ())}
        assert {h: v for h, v in headers_of(ours).items() if h not in OWN_HEADERS} == \
            {h: v for h, v in theirs.items() if h not in OWN_HEADERS}, f"location {path}: proxy_set_header"


def test_server_limits_and_listeners(server) -> None:
    assert server.values("listen") == (("8080",), ("[::]:8080",))
    assert server.value("server_tokens") == ("off",)
    assert server.value("client_max_body_size") == ("0",)


def test_security_headers_reach_every_response(server) -> None:
    assert {name: value for name, value, *_ in server.values("add_header")} == SECURITY_HEADERS
    # `always`: on 404s and errors too, not only on 2xx/3xx
    assert all(args[-1] == "always" for args in server.values("add_header"))
    # a location with an add_header of its own would drop the server's: there must be none
    for ancestors, node in Config(server.children).walk():
        if ancestors:
            assert not (isinstance(node, Directive) and node.name == "add_header"), [b.args for b in ancestors]


def test_upstreams_are_the_service_handles(built) -> None:
    ctx, entrypoint, _ = built
    http = entrypoint.config.block("http")
    assert http.block("upstream", "core").value("server") == (f"{ctx.endpoints.core.host}:{ctx.endpoints.core.port}",)
    assert http.block("upstream", "portal").value("server") == (
        f"{ctx.endpoints.portal.host}:{ctx.endpoints.portal.port}",)
    assert http.block("upstream", "core").value("server") == ("harbor-core:80",)


def test_upstreams_follow_the_handles() -> None:
    _, ctx = harbor_chart()
    moved = ServicePort(service="harbor-core", port=8080, namespace="other")
    endpoints = dataclasses.replace(ctx.endpoints, core=moved)
    http = entrypoint_config(dataclasses.replace(ctx, endpoints=endpoints)).block("http")
    assert http.block("upstream", "core").value("server") == ("harbor-core.other.svc:8080",)


def test_main_context_is_unprivileged(built) -> None:
    _, entrypoint, _ = built
    config = entrypoint.config
    assert config.value("worker_processes") == ("auto",)
    assert config.value("pid") == ("/tmp/nginx.pid",)
    http = config.block("http")
    for name in TEMP_PATHS:
        (path,) = http.value(name)
        assert path.startswith("/tmp/"), name
    assert http.value("proxy_http_version") == ("1.1",)


def test_rendered_text_has_the_exact_directives(built) -> None:
    _, _entrypoint, manifests = built
    text = find(manifests, "ConfigMap", "harbor-nginx")["data"]["nginx.conf"]
    lines = {line.strip() for line in text.splitlines()}
    for expected in (
        "worker_processes auto;",
        "pid /tmp/nginx.pid;",
        "client_body_temp_path /tmp/client_body_temp;",
        "upstream core {",
        "server harbor-core:80;",
        "upstream portal {",
        "server harbor-portal:80;",
        "listen 8080;",
        "listen [::]:8080;",
        "server_tokens off;",
        "client_max_body_size 0;",
        "add_header X-Frame-Options DENY always;",
        "add_header Content-Security-Policy \"frame-ancestors 'none'\" always;",
        "location / {",
        "proxy_pass http://portal/;",
        "location /v2/ {",
        "proxy_pass http://core/v2/;",
        "proxy_set_header Host $http_host;",
        "proxy_send_timeout 900;",
        "proxy_read_timeout 900;",
        "proxy_set_header X-Forwarded-Proto https;",
        "proxy_buffering off;",
        "proxy_request_buffering off;",
        "location /service/notifications {",
        "location /v1/ {",
        "return 404;",
    ):
        assert expected in lines, expected


@pytest.mark.parametrize(("url", "scheme"), [
    ("https://harbor.example.com", "https"),
    ("http://harbor.lan:8080", "http"),
])
def test_forwarded_proto_is_the_external_scheme(url: str, scheme: str) -> None:
    _, ctx = harbor_chart(external_url=url)
    server = entrypoint_config(ctx).block("http").block("server")
    for location in server.blocks("location"):
        if location.directives("proxy_pass"):
            assert headers_of(location)["X-Forwarded-Proto"] == scheme


@pytest.mark.parametrize("url", ["harbor.example.com", "ftp://harbor.example.com", "https://"])
def test_bad_external_url(url: str) -> None:
    chart, ctx = harbor_chart(external_url=url)
    with pytest.raises(ValueError, match=r"HarborContext\.external_url"):
        Entrypoint(chart, "entrypoint", ctx)


def test_routes_cover_what_design_promises() -> None:
    # docs/design.md, "One entry point": / to the portal; /api/, /service/, /v2/, /c/ to core
    table = {r.path: r.backend for r in ROUTES}
    assert table["/"] is Backend.PORTAL
    assert all(table[p] is Backend.CORE for p in ("/api/", "/service/", "/v2/", "/c/"))


# ---- Kubernetes objects ------------------------------------------------------------------------

def test_deployment(built) -> None:
    _ctx, entrypoint, manifests = built
    spec = NGINX.get(manifests)["spec"]
    pod = spec["template"]["spec"]
    container = NGINX.container(manifests)
    assert container["image"] == "docker.io/goharbor/nginx-photon:v2.15.1"
    assert spec["replicas"] == 1
    assert container["ports"] == [{"containerPort": 8080, "name": "http"}]
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/", "port": 8080, "scheme": "HTTP"}
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    assert pod["securityContext"]["runAsUser"] == 10000
    assert pod["automountServiceAccountToken"] is False
    assert_nginx_reads_its_config_map(manifests, NGINX)
    assert container["resources"] == {"requests": {"cpu": "50m", "memory": "32Mi"},
                                      "limits": {"cpu": "500m", "memory": "256Mi"}}
    assert entrypoint.deployment is not None and entrypoint.config_map is not None


def test_replicas_and_resources_come_from_the_context() -> None:
    nginx = Resources(cpu_request="100m", memory_request="64Mi", cpu_limit="2", memory_limit="512Mi")
    manifests = build(replicas=HarborReplicas(nginx=3), resources=HarborResources(nginx=nginx)).manifests
    spec = find(manifests, "Deployment", "harbor-nginx")["spec"]
    assert spec["replicas"] == 3
    assert spec["template"]["spec"]["containers"][0]["resources"] == {
        "requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "2", "memory": "512Mi"}}


def test_service_is_harbor_80(built) -> None:
    ctx, entrypoint, manifests = built
    assert entrypoint.service == ctx.endpoints.entrypoint == ServicePort(service="harbor", port=80)
    svc = find(manifests, "Service", "harbor")
    assert svc["spec"]["ports"] == [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"}]
    assert_service_selects(manifests, "harbor", NGINX)


def test_checksum_is_stable_and_follows_the_config() -> None:
    default = NGINX.config_checksum(build().manifests)
    assert NGINX.config_checksum(build().manifests) == default
    assert NGINX.config_checksum(build(external_url="http://harbor.example.com").manifests) != default


# ---- with a real nginx -------------------------------------------------------------------------

def nginx_binary() -> str | None:
    # Debian installs it to /usr/sbin, which is not on every user's PATH
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None


needs_nginx = pytest.mark.skipif(
    nginx_binary() is None,
    reason="nginx is not installed (Debian package `nginx`): the rendered configs are checked against the model only")


def write_config(config: Config, directory: Path) -> Path:
    """nginx.conf in `directory`, scratch files kept there, beside a mime.types as in /etc/nginx."""
    binary = Path(nginx_binary()).resolve()
    for candidate in (binary.parents[2] / "etc/nginx/mime.types", Path("/etc/nginx/mime.types")):
        if candidate.is_file():
            shutil.copy(candidate, directory / "mime.types")
            break
    else:
        (directory / "mime.types").write_text(
            "types {\n    text/html html;\n    application/javascript js;\n}\n")
    path = directory / "nginx.conf"
    path.write_text(relocate_scratch(config, directory).render())
    return path


def nginx_test(config: Config, directory: Path) -> subprocess.CompletedProcess:
    path = write_config(config, directory)
    return subprocess.run([nginx_binary(), "-t", "-p", str(directory), "-c", str(path), "-e", "stderr"],
                          capture_output=True, text=True, timeout=60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_nginx(config: Config, directory: Path) -> Iterator[int]:
    """nginx serving `config` on a free loopback port (instead of 8080 on every address)."""
    port = free_port()

    def listen_here(d: Directive) -> tuple[Directive, ...]:
        if d.name != "listen":
            return (d,)
        return (directive("listen", f"127.0.0.1:{port}"),) if d.args == (str(NGINX_PORT),) else ()
    path = write_config(rewrite(config, listen_here), directory)
    process = subprocess.Popen([nginx_binary(), "-p", str(directory), "-c", str(path), "-e", "stderr",
                                "-g", "daemon off; master_process off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                pytest.fail(f"nginx exited with {process.returncode}: {process.stderr.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not start listening within 15 s")
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def request(port: int, path: str, *, method: str = "GET", host: str = "harbor.example.com",
            body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


class _Echo(http.server.BaseHTTPRequestHandler):
    """A stub backend: answers every request with what it received."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        received = len(self.rfile.read(length)) if length else 0
        payload = json.dumps({"backend": self.server.backend_name, "path": self.path, "body": received,
                              "headers": {k.lower(): v for k, v in self.headers.items()}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass


@contextmanager
def stub_backend(name: str) -> Iterator[int]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    httpd.backend_name = name
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


@needs_nginx
@pytest.mark.parametrize("which", ["entrypoint", "portal"])
def test_nginx_accepts_the_rendered_config(which: str, tmp_path: Path) -> None:
    if which == "entrypoint":
        # the real construct, with upstream handles that resolve on this machine (nginx resolves
        # upstream servers while it loads the config)
        _, ctx = harbor_chart()
        endpoints = dataclasses.replace(ctx.endpoints, core=ServicePort(service="localhost", port=80),
                                        portal=ServicePort(service="localhost", port=81))
        config = entrypoint_config(dataclasses.replace(ctx, endpoints=endpoints))
    else:
        config = portal_config()
    result = nginx_test(config, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@needs_nginx
def test_entrypoint_routes_for_real(built, tmp_path: Path) -> None:
    ctx, entrypoint, _ = built
    with stub_backend("core") as core_port, stub_backend("portal") as portal_port:
        addresses = {f"{ctx.endpoints.core.host}:{ctx.endpoints.core.port}": f"127.0.0.1:{core_port}",
                     f"{ctx.endpoints.portal.host}:{ctx.endpoints.portal.port}": f"127.0.0.1:{portal_port}"}

        def to_stubs(d: Directive) -> tuple[Directive, ...]:
            return (directive("server", addresses[d.args[0]]),) if d.name == "server" else (d,)
        with running_nginx(rewrite(entrypoint.config, to_stubs), tmp_path) as port:
            cases = [
                ("/", "portal"), ("/harbor/projects", "portal"), ("/api/v2.0/ping", "core"),
                ("/c/login", "core"), ("/v2/", "core"), ("/v2/library/nginx/manifests/1.27", "core"),
                ("/service/token?service=harbor-registry&scope=repository:library/nginx:pull", "core"),
                ("/service/notifications", None), ("/service/notifications/jobs/webhook/1", None),
                ("/v1/", None), ("/v1/search?q=x", None),
            ]
            for path, backend in cases:
                status, headers, body = request(port, path)
                for name, value in SECURITY_HEADERS.items():
                    assert headers.get(name.lower()) == value, (path, status, name)
                if backend is None:
                    assert status == 404, path
                    continue
                assert status == 200, path
                seen = json.loads(body)
                assert (seen["backend"], seen["path"]) == (backend, path)
                assert seen["headers"]["x-forwarded-proto"] == "https"
                assert seen["headers"]["x-real-ip"] == "127.0.0.1"
                assert seen["headers"]["x-forwarded-for"] == "127.0.0.1"
                assert "server" not in headers or "nginx/" not in headers["server"]   # server_tokens off

            # /v2/ keeps the port the client used in Host (core writes it into token realms)
            _, _, body = request(port, "/v2/", host="harbor.example.com:8443")
            assert json.loads(body)["headers"]["host"] == "harbor.example.com:8443"
            _, _, body = request(port, "/api/v2.0/ping", host="harbor.example.com:8443")
            assert json.loads(body)["headers"]["host"] == "harbor.example.com"

            # a body far above nginx's default 1 MiB limit reaches core
            layer = b"\0" * (3 * 1024 * 1024)
            status, _, body = request(port, "/v2/library/nginx/blobs/uploads/1", method="PATCH", body=layer,
                                      headers={"Content-Type": "application/octet-stream"})
            assert status == 200
            assert json.loads(body)["body"] == len(layer)
