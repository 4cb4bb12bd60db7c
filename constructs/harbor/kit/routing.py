"""What the route checks look for: applications with one entry point, and routes with backends.

The checks in checks/routes.py compare every route of an app with every application it may reach;
they find both sides by these mixins, so they import neither a route construct nor an application
construct (GatewayRoute subclasses `RoutesTraffic`, HarborRegistry `HasEntrypoint`), and a new kind
of route or application gets the same checks by subclassing.
"""

from __future__ import annotations

from ._mixin import ConstructMixin
from .handles import ServicePort


class HasEntrypoint(ConstructMixin):
    """Mixin for an application (a Construct) that routes may reach only at its entry point.

    Subclasses override the three properties below; the class attributes after them word the
    checks' messages and may be overridden too.
    """

    @property
    def entrypoint(self) -> ServicePort:
        """The one Service port routes must target."""
        raise NotImplementedError(f"{type(self).__name__} must declare its entry point")

    @property
    def internal_services(self) -> tuple[ServicePort, ...]:
        """The Service ports only the application itself calls."""
        raise NotImplementedError(f"{type(self).__name__} must declare its internal Services")

    @property
    def hostname(self) -> str:
        """The host of the application's external URL, which a route to the entry point must serve."""
        raise NotImplementedError(f"{type(self).__name__} must declare the host of its external URL")

    # How the route checks word what goes wrong, in the application's own terms.
    application_name = "application"
    handle_name = "app"                  # how examples name the construct: RouteRule(backend=app.entrypoint)
    entrypoint_role = ""                 # e.g. " (the proxy that splits UI and API traffic)"
    internal_service_symptom = "the application does not answer as it does through its entry point"
    external_url_symptom = ("the application builds redirects from its external URL, so clients would be sent "
                            "to a host the Gateway does not route to it")


class RoutesTraffic(ConstructMixin):
    """Mixin for a route (a Construct): the host names it serves, set by the subclass's constructor,
    and the Service ports it sends traffic to."""

    hostnames: tuple[str, ...]

    @property
    def backends(self) -> tuple[ServicePort, ...]:
        """The backend of every rule, in rule order (`backends[i]` is the backend of rule i)."""
        raise NotImplementedError(f"{type(self).__name__} must declare its backends")
