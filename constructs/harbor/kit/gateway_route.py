"""GatewayRoute: a typed Gateway API HTTPRoute whose backends are Service handles, not typed names."""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import cdk8s

from constructs import Construct
from imports.io.k8s.networking import gateway as gw

from .argocd import SyncWave
from .checks.adapter import add_checks
from .checks.routes import route_backend_problems
from .handles import ServicePort
from .labels import standard_labels
from .routing import RoutesTraffic
from .validation import check_dns_label, check_dns_subdomain, check_hostname, fail

# Gateway API's Duration: one to four groups of a number and a unit, e.g. "900s" or "1h30m".
DURATION = re.compile(r"([0-9]{1,5}(h|m|s|ms)){1,4}")


class PathMatch(str, Enum):
    """How a RouteRule's paths match a request: the Gateway API path match types."""

    PREFIX = "PathPrefix"
    EXACT = "Exact"

    @property
    def binding(self) -> gw.HttpRouteSpecRulesMatchesPathType:
        return {
            PathMatch.PREFIX: gw.HttpRouteSpecRulesMatchesPathType.PATH_PREFIX,
            PathMatch.EXACT: gw.HttpRouteSpecRulesMatchesPathType.EXACT,
        }[self]


@dataclass(frozen=True, kw_only=True)
class GatewayRef:
    """The Gateway a route attaches to, optionally one listener of it.

    Attributes:
        name: the Gateway's name.
        namespace: the Gateway's namespace.
        section_name: the listener to attach to (default None: every listener that accepts the route).
    """

    name: str
    namespace: str
    section_name: str | None = None

    def __post_init__(self) -> None:
        check_dns_subdomain("GatewayRef.name", self.name)
        check_dns_label("GatewayRef.namespace", self.namespace)
        if self.section_name is not None:
            check_dns_subdomain("GatewayRef.section_name", self.section_name)


@dataclass(frozen=True, kw_only=True)
class RouteRule:
    """Requests whose path matches go to one Service port.

    Attributes:
        backend: the Service port, as a ServicePort handle from the construct that owns the Service
            (for an application with an entry point, its `entrypoint`).
        paths: the paths to match, each starting with '/' (default ("/",)).
        match: how the paths match (default PathMatch.PREFIX).
        request_timeout: the Gateway API duration a whole request may take, e.g. "900s" (default
            None: the Gateway's own; large uploads need more).
        backend_request_timeout: the same for one request to the backend (default None).
    """

    backend: ServicePort
    paths: tuple[str, ...] = ("/",)
    match: PathMatch = PathMatch.PREFIX
    request_timeout: str | None = None
    backend_request_timeout: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.backend, ServicePort):
            raise fail("RouteRule.backend", "a ServicePort handed out by the construct that owns the Service",
                       self.backend)
        if isinstance(self.paths, str) or not self.paths:
            raise fail("RouteRule.paths", "a non-empty tuple of paths", self.paths)
        object.__setattr__(self, "paths", tuple(self.paths))
        for path in self.paths:
            if not isinstance(path, str) or not path.startswith("/"):
                raise fail("RouteRule.paths", "paths that start with '/'", path)
            if any(c.isspace() for c in path) or "?" in path or "#" in path:
                raise fail("RouteRule.paths", "paths without spaces, query or fragment", path)
        if len(set(self.paths)) != len(self.paths):
            raise fail("RouteRule.paths", "distinct paths", self.paths)
        if not isinstance(self.match, PathMatch):
            raise fail("RouteRule.match", "a PathMatch", self.match)
        for name in ("request_timeout", "backend_request_timeout"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, str) and DURATION.fullmatch(value)):
                raise fail(f"RouteRule.{name}", "a Gateway API duration such as '900s' or '1h'", value)


class GatewayRoute(Construct, RoutesTraffic):
    """An HTTPRoute that attaches the given hostnames on a Gateway to Service backends.

    Checked at synth: a backend that is one of a HarborRegistry's own Services (core, portal, ...)
    instead of its entry point fails with the rule's index (see checks.route_backend_problems).

    Args:
        scope, id: where the construct sits in the app, as for any construct.
        name: the HTTPRoute's name (a DNS-1123 subdomain).
        gateway: the Gateway (and optionally the listener) to attach to.
        hostnames: the host names to serve, distinct; '*' only as a whole leftmost label.
        rules: at least one RouteRule; `backends[i]` is the backend of `rules[i]`.
    """

    def __init__(self, scope: Construct, id: str, *, name: str, gateway: GatewayRef, hostnames: Sequence[str],
                 rules: Sequence[RouteRule]) -> None:
        check_dns_subdomain("GatewayRoute.name", name)
        if not isinstance(gateway, GatewayRef):
            raise fail("GatewayRoute.gateway", "a GatewayRef", gateway)
        if isinstance(hostnames, str) or not hostnames:
            raise fail("GatewayRoute.hostnames", "a non-empty sequence of host names", hostnames)
        for hostname in hostnames:
            check_hostname("GatewayRoute.hostnames", hostname, allow_wildcard=True)
        if len(set(hostnames)) != len(hostnames):
            raise fail("GatewayRoute.hostnames", "distinct host names", list(hostnames))
        rules = tuple(rules)
        if not rules:
            raise fail("GatewayRoute.rules", "at least one RouteRule", rules)
        for rule in rules:
            if not isinstance(rule, RouteRule):
                raise fail("GatewayRoute.rules", "a sequence of RouteRule", rule)
        super().__init__(scope, id)

        self.name = name
        self.gateway = gateway
        self.hostnames = tuple(hostnames)
        self.rules = rules
        self.route = gw.HttpRoute(
            self, "route",
            metadata=cdk8s.ApiObjectMetadata(
                name=name,
                labels=standard_labels(name=name, instance=name, component="route"),
                annotations=SyncWave.ROUTES.annotation(),
            ),
            spec=gw.HttpRouteSpec(
                parent_refs=[gw.HttpRouteSpecParentRefs(
                    # group and kind written out: they are the API defaults, and Argo CD would
                    # otherwise show the defaulted fields as a diff on every sync
                    group="gateway.networking.k8s.io", kind="Gateway",
                    name=gateway.name, namespace=gateway.namespace, section_name=gateway.section_name,
                )],
                hostnames=list(self.hostnames),
                rules=[self._rule(rule) for rule in rules],
            ),
        )
        add_checks(self, (route_backend_problems, self))

    @property
    def backends(self) -> tuple[ServicePort, ...]:
        return tuple(rule.backend for rule in self.rules)

    @staticmethod
    def _rule(rule: RouteRule) -> gw.HttpRouteSpecRules:
        timeouts = None
        if rule.request_timeout or rule.backend_request_timeout:
            timeouts = gw.HttpRouteSpecRulesTimeouts(request=rule.request_timeout,
                                                     backend_request=rule.backend_request_timeout)
        return gw.HttpRouteSpecRules(
            matches=[gw.HttpRouteSpecRulesMatches(path=gw.HttpRouteSpecRulesMatchesPath(
                type=rule.match.binding, value=path)) for path in rule.paths],
            backend_refs=[gw.HttpRouteSpecRulesBackendRefs(
                # group "", kind Service and weight 1 are what the API server defaults; written out
                # so that the live object equals the manifest and Argo CD shows no diff
                group="", kind="Service", name=rule.backend.service, namespace=rule.backend.namespace,
                port=rule.backend.port, weight=1,
            )],
            timeouts=timeouts,
        )
