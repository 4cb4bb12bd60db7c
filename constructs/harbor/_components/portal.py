"""The portal: Harbor's web UI, static files served by the nginx inside the harbor-portal image."""

from __future__ import annotations

from constructs import Construct

from .constants import PORTAL, PORTAL_PORT
from .context import HarborContext
from .nginx_conf import Config, block, directive, listen_all, unprivileged_main
from .nginx_workload import nginx_workload

COMPONENT = PORTAL
DOCUMENT_ROOT = "/usr/share/nginx/html"  # where the image keeps the built UI
# Text types worth compressing (text/html always is); the UI's bundles are large JavaScript files.
GZIP_TYPES = (
    "text/plain", "text/css", "text/xml", "text/javascript",
    "application/json", "application/javascript", "application/x-javascript",
    "application/xml", "application/xml+rss",
)
# index.html names the hashed bundles of the current release: a cached copy after an upgrade
# loads the old bundles, so it is never cached (the bundles themselves may be).
NO_CACHE = "no-store, no-cache, must-revalidate"


def portal_config(*, ipv6: bool = True) -> Config:
    """The portal's nginx.conf: a single-page app, every unknown path answered with index.html."""
    return unprivileged_main(worker_connections=1024, http=[
        # relative to the directory of nginx.conf, /etc/nginx, where the image keeps the type map:
        # without it the bundles go out as application/octet-stream and browsers refuse them
        directive("include", "mime.types"),
        directive("default_type", "application/octet-stream"),
        # the entry point logs every request, the portal's included
        directive("access_log", "off"),
        directive("server_tokens", "off"),
        block("server", children=[
            *listen_all(PORTAL_PORT, ipv6=ipv6),
            # Redirects (a directory without its trailing '/') keep the scheme and host the
            # browser used: nginx here sees http on port 8080 behind the entry point.
            directive("absolute_redirect", "off"),
            directive("root", DOCUMENT_ROOT),
            directive("index", "index.html", "index.htm"),
            directive("gzip", "on"),
            directive("gzip_min_length", 1000),
            directive("gzip_proxied", "expired", "no-cache", "no-store", "private", "auth"),
            directive("gzip_types", *GZIP_TYPES),
            # the API explorer is a page of its own
            block("location", "/devcenter-api-2.0", children=[
                directive("try_files", "$uri", "$uri/", "/swagger-ui-index.html")]),
            # the UI routes in the browser: any path that is not a file is the app's
            block("location", "/", children=[directive("try_files", "$uri", "$uri/", "/index.html")]),
            block("location", "=", "/index.html", children=[directive("add_header", "Cache-Control", NO_CACHE)]),
        ]),
    ])


class Portal(Construct):
    """Harbor's web UI behind the Service `<instance>-portal` port 80.

    Attributes:
        service: the Service handle (ctx.endpoints.portal), the entry point's `portal` upstream.
        deployment, config_map: the Kubernetes objects.
        config: the nginx configuration as a typed tree.
    """

    def __init__(self, scope: Construct, id: str, ctx: HarborContext) -> None:
        super().__init__(scope, id)
        self.config = portal_config(ipv6=ctx.ipv6)
        self.service = ctx.endpoints.portal

        built = nginx_workload(self, ctx, component=COMPONENT, image=ctx.images.image("harbor-portal"),
                               config=self.config, port=PORTAL_PORT, replicas=ctx.replicas.portal,
                               limits=ctx.resources.portal, handle=self.service)
        self.config_map, self.deployment = built.config_map, built.deployment
