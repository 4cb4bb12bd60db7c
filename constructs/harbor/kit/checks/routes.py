"""Routes that miss an application's entry point, and an external URL no route serves.

Both sides are found by their mixins (routing.py): any route that `RoutesTraffic`, any application
that `HasEntrypoint`. The application words the consequences (`entrypoint_role`,
`internal_service_symptom`), so the messages say what breaks in its own terms.
"""

from __future__ import annotations

from ..routing import HasEntrypoint, RoutesTraffic
from .tree import host_matches, namespace_of, of_type, path_of, root_of


def _kind(construct: object) -> str:
    return type(construct).__name__


def route_backend_problems(route: RoutesTraffic) -> list[str]:
    """A route whose backend is an application's Service other than that application's entry point.

    Symptom (Harbor): a blank UI (core serves no UI) and 404 or 413 on `docker push` (core alone has
    neither the path split nor the upload settings of the entry point).

    Args:
        route: the route to check (a construct that `RoutesTraffic`), against every application
            that `HasEntrypoint` in its app.

    Returns:
        One message per wrong backend, naming the rule; empty when all is well.
    """
    problems: list[str] = []
    route_namespace = namespace_of(route)
    applications = of_type(root_of(route), HasEntrypoint)
    for i, backend in enumerate(route.backends):
        namespace = backend.namespace or route_namespace
        for app in applications:
            if namespace_of(app) != namespace:
                continue
            entry = app.entrypoint
            internal = sorted({e.service for e in app.internal_services} - {entry.service})
            field = f"{_kind(route)}.rules[{i}].backend"
            wanted = f"the entry point of {_kind(app)} {path_of(app)!r}, Service {entry.service} port {entry.port}"
            fix = f"use RouteRule(backend={app.handle_name}.entrypoint)"
            if backend.service in internal:
                problems.append(
                    f"{field} must be {wanted}{app.entrypoint_role}, got {backend.service}:{backend.port}, one of "
                    f"{app.application_name}'s internal Services: {app.internal_service_symptom}; {fix}")
            elif backend.service == entry.service and backend.port != entry.port:
                problems.append(
                    f"{field} must be {wanted}, got port {backend.port}, which that Service does not have: the "
                    f"Gateway answers every request with an error; {fix}")
    return problems


def external_url_problems(app: HasEntrypoint) -> list[str]:
    """Routes reach this application's entry point, but none of them serves its external URL's host.

    Symptom (Harbor): the UI loads through the route's host, but logins, redirects and `docker login`
    token URLs point at the external URL's host, which the Gateway does not send to Harbor.

    Args:
        app: the application to check (a construct that `HasEntrypoint`), against every route of
            its app. No route to its entry point at all is no problem: the app may be reached
            another way.

    Returns:
        One message when routes reach the entry point and none serves the external URL's host.
    """
    namespace = namespace_of(app)
    entry = app.entrypoint
    routes = [route for route in of_type(root_of(app), RoutesTraffic)
              if any(b.service == entry.service and b.port == entry.port
                     and (b.namespace or namespace_of(route)) == namespace for b in route.backends)]
    if not routes or any(host_matches(h, app.hostname) for route in routes for h in route.hostnames):
        return []
    hostnames = {path_of(route): list(route.hostnames) for route in routes}
    kinds = sorted({_kind(route) for route in routes})
    return [f"{_kind(app)}.external_url host {app.hostname!r} must be a hostname of a route to this "
            f"{app.application_name}'s entry point, got {'/'.join(kinds)}.hostnames {hostnames}: "
            f"{app.external_url_symptom}"]
