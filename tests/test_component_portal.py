"""The portal: Harbor's web UI, its nginx config (a typed tree) and its Kubernetes objects."""

import gzip
from pathlib import Path

import pytest
from support import Built, Workload, assert_nginx_reads_its_config_map, assert_service_selects, build_component, find
from test_component_entrypoint import needs_nginx, request, rewrite, running_nginx

from constructs.harbor._components.checksum import checksum
from constructs.harbor._components.nginx_conf import Directive, directive
from constructs.harbor._components.portal import Portal, portal_config
from constructs.harbor.kit.handles import ServicePort
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import HarborImages, HarborReplicas, HarborResources

NO_CACHE = "no-store, no-cache, must-revalidate"
PORTAL = Workload("Deployment", "harbor-portal", ("portal",))


def build(**context_fields) -> Built:
    return build_component(Portal, **context_fields)


@pytest.fixture(scope="module")
def server(built):
    _, portal, _ = built
    return portal.config.block("http").block("server")


def test_configmap_holds_the_rendered_model(built) -> None:
    _, portal, manifests = built
    assert find(manifests, "ConfigMap", "harbor-portal")["data"] == {"nginx.conf": portal.config.render()}
    assert portal.config == portal_config()


def test_main_context_is_unprivileged(built) -> None:
    _, portal, _ = built
    config = portal.config
    assert config.value("worker_processes") == ("auto",)
    assert config.value("pid") == ("/tmp/nginx.pid",)
    assert config.block("events").value("worker_connections") == ("1024",)
    http = config.block("http")
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        assert http.value(f"{kind}_temp_path") == (f"/tmp/{kind}_temp",)
    assert http.value("include") == ("mime.types",)


def test_server(server) -> None:
    assert server.values("listen") == (("8080",), ("[::]:8080",))
    assert server.value("root") == ("/usr/share/nginx/html",)
    assert server.value("index") == ("index.html", "index.htm")
    assert server.value("gzip") == ("on",)
    assert server.value("gzip_min_length") == ("1000",)
    assert {"text/css", "application/javascript", "application/json"} <= set(server.value("gzip_types"))
    # nginx always compresses text/html and warns about it when listed
    assert "text/html" not in server.value("gzip_types")


def test_single_page_app_locations(server) -> None:
    assert [loc.args for loc in server.blocks("location")] == [
        ("/devcenter-api-2.0",), ("/",), ("=", "/index.html")]
    assert server.block("location", "/devcenter-api-2.0").value("try_files") == (
        "$uri", "$uri/", "/swagger-ui-index.html")
    assert server.block("location", "/").value("try_files") == ("$uri", "$uri/", "/index.html")


def test_index_is_never_cached(built, server) -> None:
    index = server.block("location", "=", "/index.html")
    assert index.values("add_header") == (("Cache-Control", NO_CACHE),)
    _, _, manifests = built
    text = find(manifests, "ConfigMap", "harbor-portal")["data"]["nginx.conf"]
    assert f'add_header Cache-Control "{NO_CACHE}";' in {line.strip() for line in text.splitlines()}
    assert "location = /index.html {" in {line.strip() for line in text.splitlines()}


def test_deployment(built) -> None:
    _, portal, manifests = built
    spec = PORTAL.get(manifests)["spec"]
    pod = spec["template"]["spec"]
    container = PORTAL.container(manifests)
    assert container["image"] == "docker.io/goharbor/harbor-portal:v2.15.1"
    assert spec["replicas"] == 1
    assert container["ports"] == [{"containerPort": 8080, "name": "http"}]
    assert container["livenessProbe"]["httpGet"] == {"path": "/", "port": 8080, "scheme": "HTTP"}
    assert container["livenessProbe"]["initialDelaySeconds"] == 300
    assert container["readinessProbe"]["httpGet"] == {"path": "/", "port": 8080, "scheme": "HTTP"}
    assert container["readinessProbe"]["initialDelaySeconds"] == 1
    assert pod["securityContext"]["runAsUser"] == 10000
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert_nginx_reads_its_config_map(manifests, PORTAL)
    assert container["resources"] == {"requests": {"cpu": "10m", "memory": "32Mi"},
                                      "limits": {"cpu": "250m", "memory": "128Mi"}}
    assert portal.deployment is not None and portal.config_map is not None


def test_context_sets_replicas_resources_and_image() -> None:
    small = Resources(cpu_request="5m", memory_request="16Mi", cpu_limit="100m", memory_limit="64Mi")
    manifests = build(replicas=HarborReplicas(portal=2), resources=HarborResources(portal=small),
                      images=HarborImages(registry="mirror.example.com/docker.io", tag="v2.15.0")).manifests
    spec = find(manifests, "Deployment", "harbor-portal")["spec"]
    (container,) = spec["template"]["spec"]["containers"]
    assert spec["replicas"] == 2
    assert container["resources"]["limits"] == {"cpu": "100m", "memory": "64Mi"}
    assert container["image"] == "mirror.example.com/docker.io/goharbor/harbor-portal:v2.15.0"


def test_service(built) -> None:
    ctx, portal, manifests = built
    assert portal.service == ctx.endpoints.portal == ServicePort(service="harbor-portal", port=80)
    svc = find(manifests, "Service", "harbor-portal")
    assert svc["spec"]["ports"] == [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"}]
    assert_service_selects(manifests, "harbor-portal", PORTAL)


def test_checksum_is_stable() -> None:
    def annotation() -> str:
        return PORTAL.config_checksum(build().manifests)
    assert annotation() == annotation()
    changed = rewrite(portal_config(), lambda d: (directive("gzip", "off"),) if d.name == "gzip" else (d,))
    assert checksum({"nginx.conf": changed.render()}) != annotation()


@needs_nginx
def test_portal_serves_the_app_for_real(tmp_path: Path) -> None:
    root = tmp_path / "html"
    root.mkdir()
    (root / "index.html").write_text("<html>harbor</html>")
    (root / "swagger-ui-index.html").write_text("<html>swagger</html>")
    (root / "main.js").write_text("console.log('harbor');\n" * 200)   # above gzip_min_length

    def here(d: Directive) -> tuple[Directive, ...]:
        return (directive("root", str(root)),) if d.name == "root" else (d,)
    with running_nginx(rewrite(portal_config(), here), tmp_path) as port:
        for path in ("/", "/index.html", "/harbor/projects/1"):
            status, headers, body = request(port, path)
            assert (status, body) == (200, b"<html>harbor</html>"), path
            assert headers["cache-control"] == NO_CACHE, path
        status, headers, body = request(port, "/devcenter-api-2.0")
        assert (status, body) == (200, b"<html>swagger</html>")

        status, headers, body = request(port, "/main.js", headers={"Accept-Encoding": "gzip"})
        assert status == 200
        assert "cache-control" not in headers           # the hashed bundles may be cached
        assert headers["content-type"] == "application/javascript"
        assert headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == (root / "main.js").read_bytes()
