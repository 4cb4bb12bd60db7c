"""The portal: Harbor's web UI, static files served by the nginx inside the harbor-portal image."""

from __future__ import annotations

from cdk8s_plus_27 import k8s
from constructs import Construct

from .base import (
    PORTAL_PORT,
    HarborContext,
    checksum,
    config_map,
    config_volume,
    container_security,
    deployment,
    deployment_strategy,
    empty_dir,
    http_probe,
    pod_security,
    resources,
    service,
    spread_across_nodes,
)
from .nginx_conf import (
    CONFIG_FILE,
    CONFIG_KEY,
    SCRATCH_DIR,
    Config,
    block,
    directive,
    listen_all,
    unprivileged_main,
)

COMPONENT = "portal"
PORTAL_USER = 10000                      # the nginx user of the harbor-portal image
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


def portal_config() -> Config:
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
            *listen_all(PORTAL_PORT),
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
        self.config = portal_config()
        self.service = ctx.endpoints.portal

        data = {CONFIG_KEY: self.config.render()}
        name = ctx.name(COMPONENT)
        self.config_map = config_map(self, "config", ctx, COMPONENT, name, data)

        container = k8s.Container(
            name=COMPONENT,
            image=ctx.images.image("harbor-portal"),
            image_pull_policy="IfNotPresent",
            ports=[k8s.ContainerPort(name="http", container_port=PORTAL_PORT)],
            liveness_probe=http_probe("/", PORTAL_PORT, initial_delay=300),
            readiness_probe=http_probe("/", PORTAL_PORT, initial_delay=1),
            resources=resources(ctx.resources.portal),
            security_context=container_security(read_only_root=True),
            volume_mounts=[
                k8s.VolumeMount(name="config", mount_path=CONFIG_FILE, sub_path=CONFIG_KEY, read_only=True),
                k8s.VolumeMount(name="scratch", mount_path=SCRATCH_DIR),
            ],
        )
        pod = k8s.PodSpec(
            containers=[container],
            volumes=[config_volume("config", name), empty_dir("scratch")],
            security_context=pod_security(user=PORTAL_USER),
            automount_service_account_token=False,
            enable_service_links=False,
            topology_spread_constraints=spread_across_nodes(ctx, COMPONENT, ctx.replicas.portal),
        )
        self.deployment = deployment(
            self, "deployment", ctx, COMPONENT, replicas=ctx.replicas.portal, pod=pod,
            config_checksum=checksum(data), strategy=deployment_strategy(COMPONENT, ctx.replicas.portal, ()))
        service(self, "service", ctx, COMPONENT, self.service, [("http", self.service, PORTAL_PORT)])
