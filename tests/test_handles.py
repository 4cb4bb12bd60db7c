"""Handles between constructs: ServicePort.of reads a Service object, so no app types its name twice."""

from __future__ import annotations

import re

import cdk8s
import cdk8s_plus_27 as plus
import pytest
from cdk8s_plus_27 import k8s
from support import APP_NAMESPACE

from constructs.harbor.kit import AppChart, GatewayRef, GatewayRoute, RouteRule, ServicePort


def kube_service(chart: cdk8s.Chart, ports: list[k8s.ServicePort]) -> k8s.KubeService:
    return k8s.KubeService(chart, "service", metadata=k8s.ObjectMeta(name="web"),
                           spec=k8s.ServiceSpec(selector={"app": "web"}, ports=ports))


@pytest.fixture
def chart() -> AppChart:
    return AppChart(cdk8s.App(), "app", namespace=APP_NAMESPACE)


def test_a_kube_service_with_one_port(chart: AppChart) -> None:
    service = kube_service(chart, [k8s.ServicePort(port=80)])
    assert ServicePort.of(service) == ServicePort(service="web", port=80)
    assert ServicePort.of(service, qualified=True) == ServicePort(service="web", port=80, namespace=APP_NAMESPACE)


def test_a_port_by_number_or_name(chart: AppChart) -> None:
    service = kube_service(chart, [k8s.ServicePort(name="http", port=80), k8s.ServicePort(name="metrics", port=9090)])
    assert ServicePort.of(service, "metrics").port == 9090
    assert ServicePort.of(service, 80).port == 80


def test_a_cdk8s_plus_service(chart: AppChart) -> None:
    deployment = plus.Deployment(chart, "web", containers=[plus.ContainerProps(image="nginx:1.27.5", port_number=8080)])
    service = deployment.expose_via_service(name="site", ports=[plus.ServicePort(port=80, target_port=8080)])
    assert ServicePort.of(service) == ServicePort(service="site", port=80)


def test_a_route_built_from_the_object(chart: AppChart) -> None:
    service = kube_service(chart, [k8s.ServicePort(name="http", port=80)])
    GatewayRoute(chart, "route", name="web", gateway=GatewayRef(name="public", namespace="gateway"),
                 hostnames=["web.example.com"], rules=[RouteRule(backend=ServicePort.of(service))])
    (route,) = [o for o in cdk8s.Testing.synth(chart) if o["kind"] == "HTTPRoute"]
    assert route["spec"]["rules"][0]["backendRefs"][0]["name"] == "web"


@pytest.mark.parametrize("port, message", [
    (None, "ServicePort.of('web') port must be one of the Service's ports [80, 9090] or their names"),
    (8080, "ServicePort.of('web') port must be a port of the Service, one of [80, 9090], got 8080"),
    ("grpc", "ServicePort.of('web') port must be a port name of the Service, one of ['http', 'metrics'], got 'grpc'"),
    (True, "ServicePort.of('web') port must be a port number, a port name or None, got True"),
])
def test_a_port_the_service_lacks_is_refused(chart: AppChart, port, message: str) -> None:
    service = kube_service(chart, [k8s.ServicePort(name="http", port=80), k8s.ServicePort(name="metrics", port=9090)])
    with pytest.raises(ValueError, match=re.escape(message)):
        ServicePort.of(service, port)


def test_only_a_service_object_is_taken(chart: AppChart) -> None:
    config = k8s.KubeConfigMap(chart, "config", metadata=k8s.ObjectMeta(name="web"))
    with pytest.raises(ValueError, match=re.escape("ServicePort.of service must be a Service object")):
        ServicePort.of(config)
    with pytest.raises(ValueError, match=re.escape("ServicePort.of service must be a Service object")):
        ServicePort.of("web")


def test_qualified_needs_a_namespace() -> None:
    app = cdk8s.App()
    service = kube_service(cdk8s.Chart(app, "no-namespace"), [k8s.ServicePort(port=80)])
    with pytest.raises(ValueError, match=re.escape("ServicePort.of('web') qualified must be False")):
        ServicePort.of(service, qualified=True)
