"""What the route checks look for: applications with one entry point, and routes with backends.

The checks in checks/routes.py compare every route of an app with every application it may reach;
they find both sides by these mixins, so they import neither a route construct nor an application
construct (GatewayRoute subclasses `RoutesTraffic`, HarborRegistry `HasEntrypoint`), and a new kind
of route or application gets the same checks by subclassing.
"""

from __future__ import annotations

from .handles import ServicePort


class HasEntrypoint:
    """Mixin for an application that routes may reach only at its entry point.

    Subclasses provide `entrypoint` (the one Service port routes must target), `internal_services`
    (the Service ports only the application itself calls) and `hostname` (the host of its external
    URL, which a route to the entry point must serve), as attributes or properties.
    """

    entrypoint: ServicePort
    internal_services: tuple[ServicePort, ...]
    hostname: str

    # How the route checks word what goes wrong, in the application's own terms.
    application_name = "application"
    handle_name = "app"                  # how examples name the construct: RouteRule(backend=app.entrypoint)
    entrypoint_role = ""                 # e.g. " (the proxy that splits UI and API traffic)"
    internal_service_symptom = "the application does not answer as it does through its entry point"
    external_url_symptom = ("the application builds redirects from its external URL, so clients would be sent "
                            "to a host the Gateway does not route to it")


class RoutesTraffic:
    """Mixin for a route: the host names it serves and the Service ports it sends traffic to, in rule
    order (`backends[i]` is the backend of rule i), as attributes or properties."""

    hostnames: tuple[str, ...]
    backends: tuple[ServicePort, ...]
