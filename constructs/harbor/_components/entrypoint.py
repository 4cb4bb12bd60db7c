"""The entry point: the nginx proxy `harbor:80` in front of the portal and core.

Every request from outside reaches Harbor here. Pointing a route straight at core breaks the UI
(served by the portal) and the registry protocol (large uploads need unlimited body size,
unbuffered streaming and long timeouts), so the Gateway routes to this Service only and this
proxy splits the traffic by path.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from constructs import Construct

from ..kit.validation import check_http_url
from .constants import NGINX, NGINX_PORT
from .context import HarborContext
from .nginx_conf import Block, Config, Directive, block, directive, listen_all, unprivileged_main
from .nginx_workload import nginx_workload

COMPONENT = NGINX
# nginx waits 60 s by default between two reads or writes. Harbor's own entry point gives two paths
# 900 s (make/photon/prepare/templates/nginx/nginx.http.conf.jinja): /v2/, where registry clients
# push and pull layers of several GB, and /c/, where a login waits on LDAP or an OIDC callback on the
# identity provider's token endpoint.
LONG_TIMEOUT_SECONDS = 900
# Sent on every response, errors included (`always`), so no page of Harbor can be framed.
SECURITY_HEADERS = (
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", "frame-ancestors 'none'"),
)
# The access log: nginx's combined format plus the forwarded client address and the timings that
# tell a slow client from a slow backend.
ACCESS_LOG_FIELDS = (
    "$remote_addr", "-", "$remote_user", "[$time_local]", '"$request"', "$status", "$body_bytes_sent",
    '"$http_referer"', '"$http_user_agent"', '"$http_x_forwarded_for"',
    "rt=$request_time", "urt=$upstream_response_time",
)


class Backend(str, Enum):
    """Where the entry point sends a path: an upstream, or a 404 for paths that must stay closed."""

    PORTAL = "portal"
    CORE = "core"
    NOT_FOUND = "404"


@dataclass(frozen=True)
class Route:
    """One `location` prefix of the entry point and what it does."""

    path: str
    backend: Backend
    host_header: str = "$host"
    timeout_seconds: int | None = None


# nginx picks the longest matching prefix, so order does not matter to nginx; this order is the
# one readers know from Harbor's own configs.
ROUTES: tuple[Route, ...] = (
    Route("/", Backend.PORTAL),                 # the web UI: static files
    Route("/api/", Backend.CORE),               # the REST API, /api/v2.0/...
    # the UI's session endpoints: /c/login, /c/oidc/callback
    Route("/c/", Backend.CORE, timeout_seconds=LONG_TIMEOUT_SECONDS),
    # Docker registry API v1 is long gone; a 404 makes old clients fail at once instead of core
    # answering something they misread.
    Route("/v1/", Backend.NOT_FOUND),
    # The registry API, proxied by core. Host keeps the port the client used, because core puts it
    # into the token realm and upload Location URLs the client follows.
    Route("/v2/", Backend.CORE, host_header="$http_host", timeout_seconds=LONG_TIMEOUT_SECONDS),
    Route("/service/", Backend.CORE),           # the token service, /service/token
    # Where jobservice posts job status (/service/notifications/jobs/..., src/server/route.go):
    # in-cluster callers only. A prefix, not an exact match, so the whole tree stays closed while
    # /service/token still reaches core through the shorter /service/ prefix.
    Route("/service/notifications", Backend.NOT_FOUND),
)


def external_scheme(external_url: str) -> str:
    """The scheme clients use: TLS ends at the Gateway, so nginx itself only ever sees http."""
    check_http_url("HarborContext.external_url", external_url)
    return urlsplit(external_url).scheme


def _location(route: Route, scheme: str) -> Block:
    if route.backend is Backend.NOT_FOUND:
        return block("location", route.path, children=[directive("return", 404)])
    body: list[Directive] = [
        # with a URI part, nginx replaces the matched prefix by itself, i.e. passes the path on as is
        directive("proxy_pass", f"http://{route.backend.value}{route.path}"),
        directive("proxy_set_header", "Host", route.host_header),
        directive("proxy_set_header", "X-Real-IP", "$remote_addr"),
        directive("proxy_set_header", "X-Forwarded-For", "$proxy_add_x_forwarded_for"),
        # Core builds redirect and token-realm URLs from this: it must be the scheme the client
        # used at the Gateway, not the http that reaches nginx.
        directive("proxy_set_header", "X-Forwarded-Proto", scheme),
        # stream uploads and downloads instead of spooling them to temp files in /tmp
        directive("proxy_buffering", "off"),
        directive("proxy_request_buffering", "off"),
    ]
    if route.timeout_seconds is not None:
        body += [directive("proxy_send_timeout", route.timeout_seconds),
                 directive("proxy_read_timeout", route.timeout_seconds)]
    return block("location", route.path, children=body)


def entrypoint_config(ctx: HarborContext) -> Config:
    """The entry point's nginx.conf, with upstream addresses taken from the Service handles."""
    scheme = external_scheme(ctx.external_url)
    upstreams = {Backend.CORE: ctx.endpoints.core, Backend.PORTAL: ctx.endpoints.portal}
    return unprivileged_main(worker_connections=3096, http=[
        # unbuffered request bodies need HTTP/1.1 to the upstream (chunked transfer); the portal's
        # gzip also answers only HTTP/1.1 requests
        directive("proxy_http_version", "1.1"),
        directive("log_format", "timed", " ".join(ACCESS_LOG_FIELDS)),
        directive("access_log", "/dev/stdout", "timed"),
        *(block("upstream", backend.value, children=[directive("server", f"{handle.host}:{handle.port}")])
          for backend, handle in upstreams.items()),
        block("server", children=[
            *listen_all(NGINX_PORT, ipv6=ctx.ipv6),
            directive("server_tokens", "off"),
            # no limit: image layers are as large as they are (nginx's default 1m answers 413)
            directive("client_max_body_size", 0),
            # Server level, and no location below sets add_header: nginx inherits add_header only
            # into locations that set none of their own, so every location gets both headers.
            *(directive("add_header", name, value, "always") for name, value in SECURITY_HEADERS),
            *(_location(route, scheme) for route in ROUTES),
        ]),
    ])


class Entrypoint(Construct):
    """nginx as Harbor's single entry point: the Service `<instance>` port 80.

    Attributes:
        service: the Service handle to route external traffic to (`harbor:80`).
        deployment, config_map: the Kubernetes objects.
        config: the nginx configuration as a typed tree (what the ConfigMap holds, rendered).
        routing: (path prefix, backend) for every location, e.g. ("/v2/", Backend.CORE).
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        super().__init__(scope, id)
        self.config = entrypoint_config(ctx)
        self.routing: tuple[tuple[str, Backend], ...] = tuple((r.path, r.backend) for r in ROUTES)
        self.service = ctx.endpoints.entrypoint

        # `/` goes through to the portal, as in the chart: the proxy is ready once it can serve the UI
        built = nginx_workload(self, ctx, component=COMPONENT, image=ctx.images.image("nginx-photon"),
                               config=self.config, port=NGINX_PORT, replicas=ctx.replicas.nginx,
                               limits=ctx.resources.nginx, handle=self.service)
        self.config_map, self.deployment = built.config_map, built.deployment
