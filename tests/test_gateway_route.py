"""GatewayRoute: a typed HTTPRoute on a Gateway whose backends come from ServicePort handles."""

from __future__ import annotations

from dataclasses import replace

import cdk8s
from conftest import crd_errors, synth
from support import APP_NAMESPACE, GATEWAY

from constructs.harbor.kit import AppChart, GatewayRef, GatewayRoute, PathMatch, RouteRule, ServicePort

HTTPS = replace(GATEWAY, section_name="https")
WEB = ServicePort(service="web", port=8080)


def route_of(chart: cdk8s.Chart, name: str = "web") -> dict:
    return synth(chart).get("HTTPRoute", name).obj


def make_route(app: cdk8s.App, *, gateway: GatewayRef = HTTPS, hostnames=("web.example.com",), rules=None,
               name: str = "web") -> tuple[AppChart, GatewayRoute]:
    chart = AppChart(app, "test", namespace=APP_NAMESPACE)
    rules = rules if rules is not None else [RouteRule(backend=WEB)]
    return chart, GatewayRoute(chart, "route", name=name, gateway=gateway, hostnames=list(hostnames), rules=rules)


def test_parent_ref_with_section(app: cdk8s.App) -> None:
    chart, _ = make_route(app)
    spec = route_of(chart)["spec"]
    assert spec["parentRefs"] == [{"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "public",
                                   "namespace": "gateway", "sectionName": "https"}]


def test_parent_ref_without_section(app: cdk8s.App) -> None:
    chart, _ = make_route(app, gateway=GATEWAY)
    (parent,) = route_of(chart)["spec"]["parentRefs"]
    assert "sectionName" not in parent
    assert parent["name"] == "public" and parent["namespace"] == "gateway"


def test_hostnames_and_metadata(app: cdk8s.App) -> None:
    chart, route = make_route(app, hostnames=("web.example.com", "*.web.example.com"))
    obj = route_of(chart)
    assert obj["spec"]["hostnames"] == ["web.example.com", "*.web.example.com"]
    assert obj["metadata"]["namespace"] == APP_NAMESPACE
    assert route.hostnames == ("web.example.com", "*.web.example.com")


def test_prefix_and_exact_matches(app: cdk8s.App) -> None:
    api = ServicePort(service="api", port=80)
    chart, _ = make_route(app, rules=[
        RouteRule(backend=WEB, paths=("/", "/static/")),
        RouteRule(backend=api, paths=("/healthz",), match=PathMatch.EXACT),
    ])
    rules = route_of(chart)["spec"]["rules"]
    assert len(rules) == 2
    by_backend = {rule["backendRefs"][0]["name"]: rule for rule in rules}
    assert by_backend["web"]["matches"] == [{"path": {"type": "PathPrefix", "value": "/"}},
                                            {"path": {"type": "PathPrefix", "value": "/static/"}}]
    assert by_backend["api"]["matches"] == [{"path": {"type": "Exact", "value": "/healthz"}}]


def test_backend_ref_from_service_port(app: cdk8s.App) -> None:
    chart, route = make_route(app)
    (rule,) = route_of(chart)["spec"]["rules"]
    assert rule["backendRefs"] == [{"group": "", "kind": "Service", "name": "web", "port": 8080, "weight": 1}]
    assert route.backends == (WEB,)


def test_backend_ref_in_another_namespace(app: cdk8s.App) -> None:
    chart, _ = make_route(app, rules=[RouteRule(backend=ServicePort(service="web", port=80, namespace="other"))])
    (rule,) = route_of(chart)["spec"]["rules"]
    assert rule["backendRefs"][0]["namespace"] == "other"


def test_timeouts_when_given(app: cdk8s.App) -> None:
    chart, _ = make_route(app, rules=[RouteRule(backend=WEB, request_timeout="900s", backend_request_timeout="1h30m")])
    (rule,) = route_of(chart)["spec"]["rules"]
    assert rule["timeouts"] == {"request": "900s", "backendRequest": "1h30m"}


def test_only_request_timeout(app: cdk8s.App) -> None:
    chart, _ = make_route(app, rules=[RouteRule(backend=WEB, request_timeout="30s")])
    (rule,) = route_of(chart)["spec"]["rules"]
    assert rule["timeouts"] == {"request": "30s"}


def test_no_timeouts_by_default(app: cdk8s.App) -> None:
    chart, _ = make_route(app)
    (rule,) = route_of(chart)["spec"]["rules"]
    assert "timeouts" not in rule


def test_route_passes_the_httproute_crd(app: cdk8s.App, crd_schemas: dict) -> None:
    chart, _ = make_route(app, hostnames=("web.example.com", "*.example.org"), rules=[
        RouteRule(backend=WEB, paths=("/", "/v2/"), request_timeout="900s", backend_request_timeout="900s"),
        RouteRule(backend=ServicePort(service="api", port=80, namespace="other"), paths=("/ping",),
                  match=PathMatch.EXACT),
    ])
    route = route_of(chart)
    assert crd_errors(crd_schemas, route) == []
    route["spec"]["rules"][0]["backendRefs"][0]["bogus"] = 1
    assert crd_errors(crd_schemas, route), "the strict CRD schema accepted an unknown field"


def test_route_without_section_passes_the_crd(app: cdk8s.App, crd_schemas: dict) -> None:
    chart, _ = make_route(app, gateway=GATEWAY)
    assert crd_errors(crd_schemas, route_of(chart)) == []
